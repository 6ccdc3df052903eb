import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// What every screen shares: the too-small note, the home list, the app's one-frame remarks.
final class AppScreenTests: XCTestCase {
    /// The frame's rows with their blanks trimmed on both sides, blank rows dropped.
    private func shownRows(_ state: AppState) -> [String] {
        let frame = view(state)
        return (0..<frame.height).map { frame.text(row: $0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Below the minimum size the needed size comes first, whole, at every size down to 1x1.
    func testTooSmallShowsTheNeededSizeFirstAtEverySize() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("perceptron-and"))
        XCTAssertEqual(state.minimumSize, Size(width: 64, height: 20))
        let expected: [(Size, [String])] = [
            (Size(width: 63, height: 19), ["nnx needs at least 64x20", "this terminal is 63x19", "enlarge the window, or press q"]),
            (Size(width: 20, height: 6), ["needs at least 64x20", "now 20x6", "enlarge, or press q"]),
            (Size(width: 12, height: 3), ["needs 64x20", "now 12x3", "q quits"]),
            (Size(width: 10, height: 3), ["need 64x20", "now 10x3", "q quits"]),
            (Size(width: 10, height: 1), ["need 64x20"]),
            (Size(width: 5, height: 2), ["64x20"]),
            (Size(width: 3, height: 2), ["64x", "20"]),
            (Size(width: 1, height: 1), ["6"]),
        ]
        for (size, rows) in expected {
            update(&state, .resize(size))
            XCTAssertEqual(shownRows(state), rows, "\(size)")
        }
        // Centred: at 20x6 the three rows start on the second row.
        update(&state, .resize(Size(width: 20, height: 6)))
        XCTAssertEqual(view(state).text(row: 1), "needs at least 64x20")
        // Every size from 1x1 to the minimum shows the needed size's first characters before anything else.
        for width in 1..<64 {
            for height in 1..<20 where width < 64 {
                update(&state, .resize(Size(width: width, height: height)))
                let first = try XCTUnwrap(shownRows(state).first, "\(width)x\(height)")
                let need = first.split(separator: " ").last.map(String.init) ?? ""
                XCTAssertTrue(need == "64x20" || (width < 5 && "64x20".hasPrefix(need)), "\(width)x\(height): \(first)")
            }
        }
    }

    /// A scrolled home list says how many entries it leaves out above and below; the counts and the entries
    /// drawn add up to the whole list, at every size and wherever the selection is.
    func testHomeListSaysWhatIsAboveAndBelow() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40), Size(width: 40, height: 10)] {
            var state = AppState(size: size)
            let total = state.homeEntries.count
            XCTAssertEqual(total, 35)
            for position in 0..<total {
                let text = view(state).plainText
                let drawn = state.homeEntries.filter { text.contains("   " + $0.title.prefix(28)) || text.contains("▸ " + $0.title.prefix(28)) }.count
                func count(_ pattern: String) -> Int {
                    guard let range = text.range(of: "\\d+ more \(pattern)", options: .regularExpression) else { return 0 }
                    return Int(text[range].split(separator: " ")[0])!
                }
                let above = count("above"), below = count("below")
                XCTAssertEqual(above + drawn + below, total, "\(size), selection \(position):\n\(text)")
                XCTAssertEqual(above > 0, !text.contains("Lesson 1: the perceptron"), "\(size), selection \(position)")
                XCTAssertEqual(below > 0, !text.contains("CNN: LeNet-5 learns CIFAR-10"), "\(size), selection \(position)")
                update(&state, .key(.down))
            }
        }
        // At 80x24: the top of the list, then its end.
        var state = AppState(size: Size(width: 80, height: 24))
        var frame = view(state)
        XCTAssertFalse(frame.text(row: 2).contains("more above"))
        XCTAssertEqual(frame.text(row: 22).trimmingCharacters(in: .whitespaces), "↓ 26 more below")
        update(&state, .key(.end))
        frame = view(state)
        XCTAssertEqual(frame.text(row: 2), " 9 lessons and 26 scenarios" + String(repeating: " ", count: 37) + "↑ 26 more above ")
        XCTAssertFalse(frame.plainText.contains("more below"))
        // In ASCII the arrows are spelled out.
        state.glyphs = .ascii
        XCTAssertTrue(view(state).text(row: 2).hasSuffix("^ 26 more above "))
    }

    /// A run that diverges (linear hidden units, cross-entropy, η = 1000): its loss box names the overflow
    /// and does not read one number at both ends of the axis.
    /// The home list reads each built-in's header only; one whose data files are not here says why when
    /// Enter tries to open it, and stays listed.
    func testABuiltinWhoseDataIsMissingSaysWhyWhenOpened() throws {
        var state = AppState(size: Size(width: 120, height: 40))
        let index = try XCTUnwrap(state.homeEntries.firstIndex { $0.fileName == "lenet5-mnist.yaml" })
        let summary = "The lecture's LeNet-5 on MNIST's 60,000 handwritten digits, read from their IDX files."
        XCTAssertEqual(state.homeEntries[index].summary, summary)
        XCTAssertFalse(state.homeEntries[index].isLesson)
        state.homeSelection = index
        update(&state, .key(.enter))
        if state.cnn != nil { throw XCTSkip("MNIST's files are on this machine") }
        XCTAssertEqual(state.flash, "cannot open it: below is why")
        XCTAssertTrue(state.homeEntries[index].summary.hasPrefix(summary + " Cannot open: lenet5-mnist.yaml:12:17: error: "), state.homeEntries[index].summary)
        XCTAssertTrue(state.homeEntries[index].summary.contains("no folder holding train-images-idx3-ubyte"))
        XCTAssertTrue(view(state).plainText.contains("Cannot open: "))
    }

    func testLossCurveAfterDivergence() throws {
        let yaml = """
            title: diverges
            summary: η far too large
            seed: 1
            model: mlp
            data:
              generator: {kind: xor, count: 40, noise: 0.1}
            mlp:
              layers: [2, 8, 1]
              activation: linear
              output: sigmoid
              loss: cross_entropy
              learning_rate: 1000
              max_epochs: 300
            """
        let scenario = try ScenarioLoader.parse(yaml, source: "diverges.yaml", baseDirectory: nil)
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: scenario)
            press(&state, "eeee")
            guard case .diverged(let epoch) = state.mlp!.trainer.status else { return XCTFail("\(state.mlp!.trainer.status)") }
            XCTAssertEqual(epoch, 3)
            let box = MLPLayout(size: size).lossBox
            let frame = view(state)
            let rows = (box.y + 1..<box.maxY - 1).map { frame.text(row: $0).dropFirst(box.x + 1).prefix(box.width - 2) }
            XCTAssertTrue(rows[0].hasSuffix("overflow: NaN from 3"), "\(size): \(rows[0])")
            // The two finite epochs have the same loss: one label, on the curve's row.
            let labelled = rows.dropLast().filter { !$0.prefix(6).trimmingCharacters(in: .whitespaces).isEmpty }
            XCTAssertEqual(labelled.map { $0.prefix(6).trimmingCharacters(in: .whitespaces) }, ["690.78"], "\(size)")
            XCTAssertTrue(labelled[0].unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "\(size): \(labelled[0])")
        }
    }

    /// `C` names the theme it switched to on every screen (home, each explorer, lessons of each model), at the
    /// three sizes; the next key takes the remark away.
    func testThemeKeyNamesTheThemeEverywhere() throws {
        let screens: [(String, () throws -> AppState)] = [
            ("home", { AppState(size: Size(width: 80, height: 24)) }),
            ("perceptron-and", { AppState(size: Size(width: 80, height: 24), scenario: try builtin("perceptron-and")) }),
            ("mlp-xor", { AppState(size: Size(width: 80, height: 24), scenario: try builtin("mlp-xor")) }),
            ("cnn-edge-kernels", { AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-edge-kernels")) }),
            ("lesson-1-perceptron", { AppState(size: Size(width: 80, height: 24), scenario: try builtin("lesson-1-perceptron")) }),
            ("lesson-3-backpropagation", { AppState(size: Size(width: 80, height: 24), scenario: try builtin("lesson-3-backpropagation")) }),
            ("lesson-6-convolution", { AppState(size: Size(width: 80, height: 24), scenario: try builtin("lesson-6-convolution")) }),
        ]
        for (name, make) in screens {
            for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
                var state = try make()
                update(&state, .resize(size))
                state.availableThemes = [.standard, .highContrast, .eightColor]
                press(&state, "C")
                XCTAssertEqual(state.theme.kind, .highContrast, name)
                XCTAssertTrue(view(state).text(row: size.height - 1).hasSuffix(" colours: high-contrast "), "\(name) \(size)")
                press(&state, "C")
                XCTAssertTrue(view(state).text(row: size.height - 1).hasSuffix(" colours: 8-color "), "\(name) \(size)")
                update(&state, .key(.character("?")))
                XCTAssertFalse(view(state).plainText.contains("colours: 8-color"), "\(name) \(size)")
            }
        }
        // A terminal with one theme says so rather than seeming to ignore the key.
        var mono = AppState(size: Size(width: 80, height: 24))
        mono.theme = .monochrome
        mono.availableThemes = [.monochrome]
        press(&mono, "C")
        XCTAssertTrue(view(mono).plainText.contains("colours: monochrome (the only theme this terminal shows)"))
    }

    /// `g` says whether the perceptron's ghost line is now on or off (it may not be on screen to show it).
    func testGhostKeySaysWhatItToggled() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: try builtin("perceptron-and"))
            XCTAssertTrue(state.perceptron!.showGhost)
            press(&state, "g")
            XCTAssertFalse(state.perceptron!.showGhost)
            XCTAssertTrue(view(state).text(row: 1).contains(" ghost off: previous line hidden "), "\(size): \(view(state).text(row: 1))")
            press(&state, "g")
            XCTAssertTrue(view(state).text(row: 1).contains(" ghost on: shows after an update "), "\(size)")
            press(&state, "n")   // (0, 0) is predicted +1: the first update moves the line
            XCTAssertNotNil(state.perceptron!.ghostWeights)
            XCTAssertFalse(view(state).text(row: 1).contains("ghost"), "the remark lasts until the next key")
            press(&state, "gg")
            XCTAssertTrue(view(state).text(row: 1).contains(" ghost on: previous line, faint "), "\(size)")
        }
    }

    /// `z` says which way the MLP's regions are now drawn.
    func testRegionsKeySaysWhatItToggled() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: try builtin("mlp-xor"))
            let bottom = MLPLayout(size: size).plotBox.maxY - 1
            press(&state, "z")
            XCTAssertTrue(state.mlp!.discretize)
            XCTAssertTrue(view(state).text(row: bottom).contains(" regions: flat class colours "), "\(size): \(view(state).text(row: bottom))")
            press(&state, "z")
            XCTAssertFalse(state.mlp!.discretize)
            XCTAssertTrue(view(state).text(row: bottom).contains(" regions: shaded by confidence "), "\(size)")
        }
    }

    /// In 8 colours, monochrome and ASCII the MLP's regions are textures: both classes' marks fill their
    /// regions (class 0's was blank) and the legend pairs each class's point with its region's mark.
    func testRegionsWithoutShadesShowBothClassesAndALegend() throws {
        var trained = AppState(size: Size(width: 100, height: 30), scenario: try builtin("mlp-xor"))
        for _ in 0..<3000 { update(&trained, .key(.character("e"))) }
        XCTAssertEqual(trained.mlp!.trainer.evaluate(trained.mlp!.trainer.trainingSet).accuracy, 1)
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            for (theme, glyphs) in [(Theme.eightColor, Glyphs.unicode), (.monochrome, .unicode), (.monochrome, .ascii), (.eightColor, .ascii)] {
                var state = trained
                state.theme = theme
                state.glyphs = glyphs
                update(&state, .resize(size))
                let frame = view(state)
                let layout = MLPLayout(size: size)
                let area = ScatterPlot(xRange: state.mlp!.xRange, yRange: state.mlp!.yRange).mapping(in: layout.plotBox.inset(1)).area
                var marks: [Character: Int] = [:]
                for row in area.y..<area.maxY { for column in area.x..<area.maxX { marks[frame[column, row].character, default: 0] += 1 } }
                let zero = RegionMap.texture(class: 0, glyphs: glyphs), one = RegionMap.texture(class: 1, glyphs: glyphs)
                let place = "\(theme.kind) \(glyphs.unicode ? "unicode" : "ascii") \(size)"
                // Each class's region takes about half the plane, every other cell of it marked when sure.
                XCTAssertGreaterThan(marks[zero, default: 0], area.width * area.height / 10, place)
                XCTAssertGreaterThan(marks[one, default: 0], area.width * area.height / 10, place)
                let legend = frame.text(row: layout.plotBox.maxY - 1)
                let expected = glyphs.unicode ? "● · class 0  ▲ + class 1" : "O . class 0  X + class 1"
                XCTAssertTrue(legend.contains(expected), "\(place): \(legend)")
            }
        }
        // With background shades the colours say it: no texture in the legend.
        XCTAssertTrue(view(trained).text(row: MLPLayout(size: trained.size).plotBox.maxY - 1).contains("● class 0  ▲ class 1"))
    }

    /// The perceptron's shaded side is named in its panel where a mark shades it.
    func testPerceptronShadeIsNamedWithoutShades() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: try builtin("perceptron-and"))
            // The seventh visit changes nothing, so at 80×24 the legend has the rows v′ takes after an update.
            press(&state, "nnnnnnn")
            XCTAssertFalse(view(state).plainText.contains("side: ŷ = +1"), "\(size)")
            state.theme = .eightColor
            XCTAssertTrue(view(state).plainText.contains("· side: ŷ = +1 (v ≥ 0)"), "\(size)")
            state.theme = .monochrome
            state.glyphs = .ascii
            XCTAssertTrue(view(state).plainText.contains(". side: y^ = +1 (v >= 0)"), "\(size)")
        }
    }
}
