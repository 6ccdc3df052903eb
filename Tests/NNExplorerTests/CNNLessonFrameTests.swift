import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Lessons 6 and 7 at the sizes a class uses (80×24, 100×30, 120×40): every beat shows whole what its
/// narration names; what cannot fit is said on screen with the size that shows it, and that size does.
final class CNNLessonFrameTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]

    private func play(_ name: String, beats: Int, size: Size) throws -> AppState {
        try playedLesson(name, beats: beats, size: size)
    }

    private func cnn(_ state: AppState) throws -> CNNExplorer {
        guard case .cnn(let c) = state.lesson?.explorer else { throw XCTSkip("not a CNN lesson") }
        return c
    }

    /// No text inside the boxes is cut (a cut line ends in "…" at a box's edge); the lesson's title line and
    /// the boxes' bottom edges (the shades' legend) are not what beats talk about.
    private func assertNothingCut(_ frame: Frame, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for row in 1..<frame.height {
            let text = frame.text(row: row)
            guard !text.contains("└") else { continue }
            XCTAssertFalse(text.contains("…│") || text.contains("…─"), "\(context), row \(row) is cut: \(text)", file: file, line: line)
        }
    }

    /// The text each beat's narration names, in the words the screen uses.
    private func named6(_ beat: Int, _ c: CNNExplorer) -> [String] {
        switch beat {
        case 1, 2: ["input", "kernels 3×3 (convolution, hand-set)"]
        case 3: ["output cell (0, 0)", "Σ w·z = ", "relu(0) = 0", "max of the pooling window [0, 0, 0.03, 0] = 0.03", "input"]
        case 4: ["output cell (4, 9)", "= 2.76", "relu(2.76) = 2.76", "kernel (1 0 −1 / 1 0 −1 / 1 0 −1) flipped: (−1 0 1 / −1 0 1 / −1 0 1)",
                 "input", "┌──────┐"]
        case 5: ["output cell (4, 9)", "= 2.76", "correlation: a = −2.76"]
        case 6: ["output cell (4, 11)", "= −2.61", "relu(−2.61) = 0", "input", "┌──────┐"]
        case 7: ["output cell (4, 11)", "the same 9 weights and bias at all 256 cells", "dashed: the largest, a = 3 at (9, 10)"]
        case 8, 9: ["1 conv 3×3      4×16×16      40      9,216  263,168    262,144", "= 263,168 parameters",
                    "4 maps × 256 cells × 9 = 9,216 multiply-adds", "28× as many (sparse interactions)"]
        case 10: ["1 conv: 4 × 16×16", "2 relu: 4 × 16×16"]
        case 11, 15: ["2 relu: 4 × 16×16", "3 max pool 2×2: 4 × 8×8   range 0 … 3.06 on relu's scale 0 … 3.06"]
        case 12: ["2 relu: 4 × 16×16", "3 mean pool 2×2: 4 × 8×8   range 0 … 2.47 on relu's scale 0 … 3.06"]
        case 13: ["2 relu: 4 × 16×16", "3 max pool 3×3 centred: 4 × 16×16"]
        case 14: ["2 relu: 4 × 16×16", "3 subsample 2×2: 4 × 8×8"]
        case 16, 17: ["the input moved 1 right, 0 down", "input 0.97", "3 max pool 0.7", "input", "3 max pool"]
        case 18: ["the input moved 1 right, 0 down", "input 0.97", "3 max pool 0.58"]
        default: ["image 10 of 500", "input", "1 conv: 4 × 16×16"]
        }
    }

    func testLesson6EveryBeatShowsWhatItNames() throws {
        for size in Self.sizes {
            for beat in 1...19 {
                let state = try play("lesson-6-convolution", beats: beat, size: size)
                let c = try cnn(state)
                let frame = view(state), text = frame.plainText
                for words in named6(beat, c) {
                    XCTAssertTrue(text.contains(words), "beat \(beat) at \(size): \"\(words)\" is not on screen\n\(text)")
                }
                assertNothingCut(frame, "beat \(beat) at \(size)")
            }
        }
    }

    /// What a CNN lesson's narration names, and the words that show it on screen: a stage by its band's or
    /// number's name, the dashed box drawn or said to be off-screen (and where).
    private static let shownBy: [(named: String, shown: [String])] = [
        ("dashed box", ["┄", "off-screen"]), ("pool", ["pool", "subsample"]), ("relu", ["relu"]), ("input", ["input"]),
        ("kernel", ["kernel", "conv"]), ("correlation", ["correlation"]), ("parameter", ["param", "weights and bias"]), ("multiply-adds", ["mult-adds"]),
    ]

    /// Every beat at every size: each thing the narration names is on screen below the boxes' titles (a title
    /// may say a band is not shown) and above the narration, the way `shownBy` says.
    func testLesson6NarrationNamesOnlyWhatIsOnScreen() throws {
        for size in Self.sizes {
            for beat in 1...19 {
                let state = try play("lesson-6-convolution", beats: beat, size: size)
                let lesson = try XCTUnwrap(state.lesson)
                let narration = (lesson.narration ?? "").lowercased()
                let frame = view(state)
                let bodyRows = 2..<LessonPicture(lesson, size: size, glyphs: .unicode).layout.narration.y
                let body = bodyRows.map { frame.text(row: $0) }.joined(separator: "\n").lowercased()
                for (named, shown) in Self.shownBy where narration.contains(named) {
                    XCTAssertTrue(shown.contains { body.contains($0) }, "beat \(beat) at \(size) names \"\(named)\": not on screen\n\(frame.plainText)")
                }
            }
        }
    }

    /// Beat 7's dashed box (the map's largest value) at 80×24: the input's rows around the window leave it out,
    /// and the numbers say it is below them. Explored with the side panel hidden (`h`), eight rows fit: the
    /// window's and the dashed box's, both drawn (the rows around the window alone, 1–8, would cut it).
    func testLesson6DashedBoxShownOrSaidWhereItIs() throws {
        var state = try play("lesson-6-convolution", beats: 7, size: Size(width: 80, height: 24))
        let text = view(state).plainText
        for words in ["dashed: the largest, a = 3 at (9, 10), off-screen below", "input rows 2–7", "conv rows 2–7", "┌──────┐"] {
            XCTAssertTrue(text.contains(words), "\"\(words)\"\n\(text)")
        }
        XCTAssertFalse(text.contains("┄"), text)
        update(&state, .key(.escape))
        press(&state, "h")
        XCTAssertEqual(state.cnn?.window, WindowPosition(map: 0, row: 4, column: 11))
        let both = view(state).plainText
        for words in ["dashed: the largest, a = 3 at (9, 10)", "input rows 3–10", "conv rows 3–10", "┌──────┐", "┄┄┄┄┄┄┄┄"] {
            XCTAssertTrue(both.contains(words), "\"\(words)\"\n\(both)")
        }
        XCTAssertFalse(both.contains("off-screen"), both)
    }

    /// Beat 10's maps: from 100×30 the pooling is on screen too; at 80×24 the title says it is left out and
    /// which size shows it (the narration leaves it to beat 11), and at that size (not one row less) every
    /// band is there.
    func testLesson6MapsBeatPoolingShownOrSaidWhereItIs() throws {
        for size in Self.sizes.dropFirst() {
            let text = view(try play("lesson-6-convolution", beats: 10, size: size)).plainText
            XCTAssertTrue(text.contains("3 max pool 2×2: 4 × 8×8"), "\(size)\n\(text)")
        }
        let small = view(try play("lesson-6-convolution", beats: 10, size: Size(width: 80, height: 24))).plainText
        XCTAssertTrue(small.contains("┌ image 5 of 500 · not shown: input ↑, 3 max pool ↓ (80×38 shows all) ─"), small)
        // The README's claim: every band from 80×38 and 100×38, not a row less.
        for width in [80, 100] {
            let enough = view(try play("lesson-6-convolution", beats: 10, size: Size(width: width, height: 38))).plainText
            for words in ["┌ feature maps · image 5 of 500 ─", "input", "1 conv", "2 relu", "3 max pool"] {
                XCTAssertTrue(enough.contains(words), enough)
            }
            let less = view(try play("lesson-6-convolution", beats: 10, size: Size(width: width, height: 37))).plainText
            XCTAssertTrue(less.contains("not shown: input ↑ (\(width)×38 shows all)"), less)
        }
    }

    /// Beat 4 at 80×24: the window's numbers, then the input's rows around the window with the window boxed,
    /// its left column dark and its right column on the bar (as the narration says).
    func testLesson6Beat4ShowsTheWindowAt80x24() throws {
        let state = try play("lesson-6-convolution", beats: 4, size: Size(width: 80, height: 24))
        let c = try cnn(state)
        let window = try XCTUnwrap(c.slidingWindow)
        XCTAssertEqual(window.terms.filter { $0.column == 0 }.map(\.input).max() ?? 1, 0.13, accuracy: 0.01)
        XCTAssertEqual(window.terms.filter { $0.column == 2 }.map(\.input), [1, 1, 1])
        let text = view(state).plainText
        XCTAssertTrue(text.contains("input rows 2–7"), text)
        XCTAssertTrue(text.contains("conv rows 2–7"), text)
        assertFrameSnapshots(state, named: "lesson-6-beat4-80x24")
    }

    /// The pooled maps are shaded on the scale of the maps they pool: max pooling's brightest cell is as
    /// bright as the ReLU maps' brightest, mean pooling's is darker ("weaker peaks"), at every size.
    func testLesson6MeanPoolingsWeakerPeaksShow() throws {
        func brightest(_ frame: Frame, below label: String) throws -> Int {
            let row = try XCTUnwrap((0..<frame.height).first { frame.text(row: $0).contains(label) }, label)
            var level = -1
            for r in (row + 1)..<frame.height {
                let levels = (0..<frame.width).flatMap { column -> [Int] in
                    let style = frame[column, r].style
                    return [style.foreground, style.background].compactMap { role in (0...5).first { ColorRole.grey($0) == role } }
                }
                if levels.isEmpty { break }
                level = max(level, levels.max()!)
            }
            return level
        }
        for size in Self.sizes {
            let max = view(try play("lesson-6-convolution", beats: 11, size: size))
            let mean = view(try play("lesson-6-convolution", beats: 12, size: size))
            let relu = try brightest(max, below: "2 relu")
            XCTAssertEqual(relu, 5, "\(size)")
            XCTAssertEqual(try brightest(max, below: "3 max pool"), relu, "\(size)")
            XCTAssertEqual(try brightest(mean, below: "2 relu"), relu, "\(size)")
            XCTAssertEqual(try brightest(mean, below: "3 mean pool"), 4, "\(size): 2.47 of 3.06 is grey level 4 of 5")
        }
        assertFrameSnapshots(try play("lesson-6-convolution", beats: 12, size: Size(width: 80, height: 24)), named: "lesson-6-beat12-80x24")
    }

    private func named7(_ beat: Int, _ c: CNNExplorer) throws -> [String] {
        let t = try XCTUnwrap(c.trainer)
        let percent = { (v: Double) in formatNumber(v * 100, digits: 1) + "%" }
        switch beat {
        case 1: return ["test 449 images"]
        case 2: return ["kernels 3×3 (correlation)", "1 conv: 16 × 8×8", "2 relu", "max pool 2×2", "dense 10", "softmax 10"]
        case 3: return ["P(class): true 3, got \(CNNTrainer.predictedClass(c.probeOutputs.last!))"]
        case 4: return ["in epoch 1 of 10"]
        case 5: return ["test accuracy \(percent(try XCTUnwrap(t.history.last?.testAccuracy)))"]
        case 6: return ["input (class 3)", "1 conv: 16 × 8×8", "2 relu: 16 × 8×8"]
        case 7:
            let accuracy = t.history.compactMap(\.testAccuracy)
            return ["loss per epoch (left", "test accuracy", "(right", "│" + percent(accuracy.max()!), "│" + percent(accuracy.min()!),
                    formatNumber(t.history.map(\.loss).max()!, digits: 3)]
        case 8:
            let matrix = try XCTUnwrap(c.confusion)
            return ["test: rows true, cols predicted", "     0  1  2  3  4  5  6  7  8  9"] + matrix.enumerated().map { k, counts in
                " \(k) " + counts.map { $0 == 0 ? "  ·" : String(repeating: " ", count: 3 - String($0).count) + String($0) }.joined()
            }
        case 9: return ["dropout p = 0.3 before dense", "1 of 10 epochs done", "loss per epoch"]
        case 10: return ["dropout p = 0.3 before dense", "dropped 79", "(kept ×1.43)"]
        case 11: return ["dropout p = 0.3 before dense", "P(class): true 3", "1 conv: 16 × 8×8", "2 relu"]
        case 12: return ["(kept ×1.43)", "P(class): true 3"]
        case 13: return ["loss 0.075", "train accuracy 97.7%", "status: done: 10 epochs", "loss per epoch"]
        default: return ["test accuracy 98.4%", "loss per epoch"]
        }
    }

    func testLesson7EveryBeatShowsWhatItNames() throws {
        for size in Self.sizes {
            for beat in 1...14 {
                let state = try play("lesson-7-cnn-digits", beats: beat, size: size)
                let frame = view(state), text = frame.plainText
                for words in try named7(beat, try cnn(state)) {
                    XCTAssertTrue(text.contains(words), "beat \(beat) at \(size): \"\(words)\" is not on screen\n\(text)")
                }
                assertNothingCut(frame, "beat \(beat) at \(size)")
            }
            // Beat 11's "use every value, unscaled": the panel's note says it, or its title the size that shows it.
            let note = size.width == 80 ? "training · note at 80×26" : "maps and test accuracy use all"
            XCTAssertTrue(view(try play("lesson-7-cnn-digits", beats: 11, size: size)).plainText.contains(note), "\(size)")
            if size.width == 80 { assertFrameSnapshots(try play("lesson-7-cnn-digits", beats: 8, size: size), named: "lesson-7-beat8-80x24") }
        }
    }
}
