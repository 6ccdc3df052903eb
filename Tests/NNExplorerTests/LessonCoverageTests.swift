import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Every beat of every lesson at the three sizes lessons promise (80×24 works, 120×40 is what they are
/// written for): the narration whole, the bar keys only, and the panel the beat is about on screen,
/// emphasised, big enough and showing what it is for. The lesson tests check each claim's numbers; this
/// checks that nothing a beat names has given way.
final class LessonCoverageTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]

    func testEveryBeatShowsItsPanelAtEverySize() throws {
        var checked = 0
        for name in LessonTests.lessons {
            for size in Self.sizes {
                let states = try playedLessonStates(name, size: size)
                for (k, state) in states.enumerated().dropFirst() {
                    let lesson = try XCTUnwrap(state.lesson)
                    try check(lesson, frame: view(state), size: size, place: "\(name) beat \(k) at \(size.width)x\(size.height)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 150)
    }

    /// With ASCII glyphs (a non-UTF-8 locale, --ascii) every beat of every lesson, narration included, is
    /// drawn in ASCII alone at 80×24, where the most gives way and is abbreviated.
    func testEveryBeatIsASCIIOnlyInASCII() throws {
        for name in LessonTests.lessons {
            for (k, played) in try playedLessonStates(name, size: Size(width: 80, height: 24)).enumerated() {
                var state = played
                state.glyphs = .ascii
                let text = view(state).plainText
                let odd = Set(text.filter { !$0.isASCII })
                XCTAssertTrue(odd.isEmpty, "\(name) beat \(k): \(odd.sorted())\n\(text)")
            }
        }
    }

    /// Every built-in scenario explored in ASCII at 80×24: its first frame, after a few steps, in each view
    /// its model's keys open, and its help.
    func testEveryExplorerIsASCIIOnlyInASCII() throws {
        let views = ["", "nnn", "nnnE", "nnnEb", "P", "t", "nnnu", "nnnU", "nnnpp", "?"]
        for file in BuiltinScenarios.names {
            let name = String(file.dropLast(".yaml".count))
            // Lessons are played above; MNIST's and CIFAR-10's files are not on a test machine.
            guard !LessonTests.lessons.contains(name), let scenario = try? builtin(name) else { continue }
            for keys in views {
                var state = AppState(size: Size(width: 80, height: 24), scenario: scenario, glyphs: .ascii)
                press(&state, keys)
                let odd = Set(view(state).plainText.filter { !$0.isASCII })
                XCTAssertTrue(odd.isEmpty, "\(name) after \"\(keys)\": \(odd.sorted())\n\(view(state).plainText)")
            }
        }
    }

    private func check(_ lesson: LessonPlayer, frame: Frame, size: Size, place: String) throws {
        let picture = LessonPicture(lesson, size: size, glyphs: .unicode)
        // The narration, every word of it, in the band (never cut with "…").
        let band = (picture.layout.narration.y..<picture.layout.narration.maxY).map { frame.text(row: $0) }.joined(separator: " ")
        let words = (lesson.narration ?? "").replacingOccurrences(of: "**", with: "").split(separator: " ").map(String.init)
        var rest = Substring(band)
        for word in words {
            guard let found = rest.range(of: word) else { return XCTFail("\(place): narration cut at \"\(word)\":\n\(band)") }
            rest = rest[found.upperBound...]
        }
        // The bar: the beat and the keys, nothing else after "q back".
        let bar = frame.text(row: size.height - 1).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(bar.hasSuffix("q back"), "\(place): \(bar)")
        guard let focus = lesson.focus else { return }
        let box = try XCTUnwrap(picture.focusBox, "\(place): no box for \(focus)")
        XCTAssertGreaterThanOrEqual(box.height, 4, "\(place): \(focus) is \(box)")
        XCTAssertGreaterThanOrEqual(box.width, 20, "\(place): \(focus) is \(box)")
        XCTAssertEqual(frame[box.x, box.y].style.foreground, .emphasis, "\(place): \(focus) not emphasised")
        let inner = box.inset(1)
        let inside = (inner.y..<inner.maxY).map { row in String(frame.text(row: row).dropFirst(inner.x).prefix(inner.width)) }
        let text = inside.joined(separator: "\n")
        switch (lesson.explorer, focus) {
        case (.perceptron, .plot):
            XCTAssertTrue(text.contains("●") || text.contains("▲"), "\(place): no points on the plot\n\(text)")
        case (.perceptron, .update):
            XCTAssertTrue(text.contains("x = ("), "\(place): the update panel has no visit\n\(text)")
        case (.threshold, .plot), (.threshold, .hidden):
            XCTAssertTrue(text.contains("●") && (text.contains("▲") || text.contains("◆")), "\(place): the points are not shown\n\(text)")
        case (.threshold, .network):
            XCTAssertTrue(text.contains("x = (") && text.contains("ŷ = sign(h1 − h2 − 1)"), "\(place): the network panel has no pass\n\(text)")
        case (.mlp(let m), .ledger):
            // The update's own lines (mid-update: the phase's) on screen, in order: all of them, or the first
            // ones and a line that says how many more a taller window shows (said, not silent).
            let ledger = MLPLedger(explorer: m, glyphs: .unicode, width: inner.width - 1, keyHints: false)
            var from = text.startIndex
            for line in ledger.updateLines.map(\.text) where !line.isEmpty {
                guard let found = text.range(of: line, range: from..<text.endIndex) else {
                    if text.range(of: "(taller window)", range: from..<text.endIndex) != nil { break }
                    return XCTFail("\(place): the ledger lost \"\(line)\"\n\(text)")
                }
                from = found.upperBound
            }
        case (.mlp, .regions), (.mlp, .restarts), (.mlp, .momentum):
            XCTAssertTrue(text.contains("●") && text.contains("▲"), "\(place): the classes' points are not all shown\n\(text)")
            // Each run's map titled with its final E (at 80 columns without the "E=").
            if focus != .regions {
                let titles = inside.filter { $0.contains("┌") }.joined()
                XCTAssertTrue(titles.contains { $0.isNumber }, "\(place): runs without their E\n\(text)")
            }
        case (.mlp, .curves):
            XCTAssertTrue(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } || text.contains("no epochs yet"),
                          "\(place): no curve\n\(text)")
        case (.mlp, .surface):
            // The weights now, the error there and the step, under the picture.
            for shown in ["◆", "E", "→ "] { XCTAssertTrue(text.contains(shown), "\(place): the surface lost \"\(shown)\"\n\(text)") }
        case (.mlp, .network):
            XCTAssertGreaterThanOrEqual(text.filter { $0 == "●" }.count, 3, "\(place): no network\n\(text)")
        default:
            // The CNN's panels (their contents are checked beat by beat in CNNLessonFrameTests): not empty.
            XCTAssertGreaterThanOrEqual(inside.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count, 3,
                                        "\(place): \(focus) is nearly empty\n\(text)")
        }
    }
}
