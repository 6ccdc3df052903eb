import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// The threshold-network screen on the hand-wired XOR network: the keys step through the points, the
/// training keys say that nothing trains, and the panel works out h1, h2 and ŷ with the numbers.
final class ThresholdScreenTests: XCTestCase {
    let size = Size(width: 100, height: 30)

    private func state(_ size: Size? = nil, glyphs: Glyphs = .unicode) throws -> AppState {
        AppState(size: size ?? self.size, scenario: try builtin("threshold-xor"), glyphs: glyphs)
    }

    func testKeysStepThroughThePointsRoundTheEnd() throws {
        var state = try state()
        XCTAssertEqual(state.threshold?.selected, 0)
        press(&state, "n")
        XCTAssertEqual(state.threshold?.selected, 1)
        update(&state, .key(.right))
        XCTAssertEqual(state.threshold?.selected, 2)
        update(&state, .key(.left))
        XCTAssertEqual(state.threshold?.selected, 1)
        press(&state, "nnn")
        XCTAssertEqual(state.threshold?.selected, 0)
        update(&state, .key(.left))
        XCTAssertEqual(state.threshold?.selected, 3)
        press(&state, "r")
        XCTAssertEqual(state.threshold?.selected, 0)
        XCTAssertTrue(view(state).plainText.contains(" back to the first point "), view(state).plainText)
    }

    func testTheTrainingKeysSayThatNothingTrains() throws {
        var state = try state()
        let notes = [" ": "no training: weights set by hand", "e": "no training: weights set by hand",
                     "+": "no training: weights set by hand", "d": "wired for this scenario's points",
                     "]": "no η: the weights are hand-set", "s": "the scenario's points: no seed"]
        for (key, note) in notes {
            press(&state, key)
            XCTAssertEqual(state.threshold?.note, note, key)
            XCTAssertEqual(state.threshold?.selected, 0, key)
            // Whole on the plot's top border at 80 columns.
            state.size = Size(width: 80, height: 24)
            XCTAssertTrue(view(state).text(row: 1).contains(" \(note) "), view(state).text(row: 1))
            state.size = size
        }
        XCTAssertFalse(state.threshold?.playing ?? true)
        XCTAssertNil(state.tickInterval)
        // Where the others' bars say "space play", this one says there is no training.
        XCTAssertTrue(view(state).text(row: size.height - 1).hasPrefix("space no training  n next point"))
    }

    func testThePanelWorksOutTheSelectedPoint() throws {
        var state = try state()
        press(&state, "n")   // (0, 1), y = +1
        let text = view(state).plainText
        for line in ["network (point 2 of 4)", "x = (0, 1)   y = +1",
                     "h1 = sign(x1 + x2 − 0.5)", "   = sign(0 + 1 − 0.5) = sign(0.5) = +1",
                     "h2 = sign(x1 + x2 − 1.5)", "   = sign(0 + 1 − 1.5) = sign(−0.5) = −1",
                     "ŷ = sign(h1 − h2 − 1)", "  = sign(1 − (−1) − 1) = sign(1) = +1",
                     "ŷ = y: right · 4 of 4 points right",
                     "h1 = x1 OR x2, h2 = x1 AND x2,", "ŷ = h1 AND NOT h2 = x1 XOR x2", "point 2 of 4 · no training"] {
            XCTAssertTrue(text.contains(line), "\(line)\n\(text)")
        }
        // At 80 columns the worked lines drop the sum's value, not the substitution.
        state.size = Size(width: 80, height: 24)
        let narrow = view(state).plainText
        XCTAssertTrue(narrow.contains("   = sign(0 + 1 − 0.5) = +1"), narrow)
        XCTAssertTrue(narrow.contains("  = sign(1 − (−1) − 1) = +1"), narrow)
    }

    /// The table of every point, the selected one marked ◆ as on the plots, from the size the border names.
    func testTheTableShowsFromTheSizeTheBorderNames() throws {
        var state = try state(Size(width: 80, height: 24))
        press(&state, "nnn")
        XCTAssertTrue(view(state).plainText.contains("all of it from 80x35"), view(state).plainText)
        state.size = Size(width: 80, height: 35)
        let text = view(state).plainText
        XCTAssertFalse(text.contains("all of it from"), text)
        for row in ["  x1  x2 │ h1  h2 │  ŷ   y", "   0   0 │ −1  −1 │ −1  −1", "   0   1 │ +1  −1 │ +1  +1",
                    "   1   0 │ +1  −1 │ +1  +1", "◆  1   1 │ +1  +1 │ −1  −1"] {
            XCTAssertTrue(text.contains(row), "\(row)\n\(text)")
        }
    }

    func testAClickWorksOutThePointUnderIt() throws {
        var state = try state()
        let t = try XCTUnwrap(state.threshold)
        let cell = try XCTUnwrap(ThresholdLayout(t, size: size).mapping(t).cell(x: 1, y: 1))
        update(&state, .mouse(column: cell.column, row: cell.row, button: .left))
        XCTAssertEqual(state.threshold?.selected, 3)
        update(&state, .mouse(column: cell.column - 3, row: cell.row, button: .left))
        XCTAssertEqual(state.threshold?.selected, 3)
        XCTAssertEqual(state.threshold?.note, "click a point to work it out")
    }

    /// The shading covers exactly where the network outputs +1: the band 0.5 ≤ x1 + x2 < 1.5 between the
    /// hidden units' lines. A background in colour; in monochrome a dot in every other cell.
    func testTheShadedRegionIsWhereTheNetworkOutputsPlusOne() throws {
        let scenario = try builtin("threshold-xor")
        let colour = AppState(size: size, scenario: scenario), mono = AppState(size: size, scenario: scenario, theme: .monochrome)
        let t = try XCTUnwrap(colour.threshold)
        let (colourFrame, monoFrame) = (view(colour), view(mono))
        let map = ThresholdLayout(t, size: size).mapping(t)
        let points = Set(t.dataset.samples.compactMap { map.cell(x: $0.x1, y: $0.x2) }.map { [$0.column, $0.row] })
        var dots = 0
        for row in map.area.y..<map.area.maxY {
            for column in map.area.x..<map.area.maxX where !points.contains([column, row]) {
                let p = map.point(column: column, row: row)
                let inBand = p.x + p.y >= 0.5 && p.x + p.y < 1.5
                XCTAssertEqual(t.network.forward(p.x, p.y).yhat == 1, inBand)
                XCTAssertEqual(colourFrame[column, row].style.background == .positiveSide, inBand, "\(p)")
                guard (column + row) % 2 == 0 else { continue }
                if monoFrame[column, row].character == "·" {
                    dots += 1
                    XCTAssertTrue(inBand, "a dot at \(p) outside the band")
                } else if monoFrame[column, row].character == " " {
                    XCTAssertFalse(inBand, "no dot at \(p) inside the band")
                }
            }
        }
        XCTAssertGreaterThan(dots, 100)
    }

    /// The hidden plane puts (0, 0) at (−1, −1), (0, 1) and (1, 0) together at (+1, −1), (1, 1) at (+1, +1),
    /// and the output unit's line h1 − h2 − 1 = 0 between them.
    func testTheHiddenPlaneShowsWhereTheHiddenLayerPutsThePoints() throws {
        var state = try state()
        press(&state, "n")
        let t = try XCTUnwrap(state.threshold)
        let box = try XCTUnwrap(ThresholdLayout(t, size: size).hiddenBox)
        let map = ThresholdLayout.hiddenPlot().mapping(in: box.inset(1))
        let frame = view(state)
        func glyph(_ h1: Double, _ h2: Double) throws -> Character {
            let cell = try XCTUnwrap(map.cell(x: h1, y: h2))
            return frame[cell.column, cell.row].character
        }
        XCTAssertEqual(try glyph(-1, -1), "●")
        XCTAssertEqual(try glyph(1, -1), "◆")   // the selected (0, 1), over (1, 0)
        XCTAssertEqual(try glyph(1, 1), "●")
        XCTAssertTrue(frame.text(row: box.y).contains("h2 (hidden plane)"))
        XCTAssertTrue(frame.text(row: box.maxY - 1).contains(" ŷ's line: h1 − h2 − 1 = 0 "))
    }

    func testAnotherNetworkShape() throws {
        let yaml = """
            title: Three lines
            summary: S
            model: threshold
            data: {points: [[0, 0, 0], [1, 1, 1]]}
            threshold: {hidden: [[0, 1, 0], [0, 0, 1], [-1.5, 1, 1]], output: [0, 0.25, 0.25, 1]}
            """
        var state = AppState(size: Size(width: 120, height: 40), scenario: try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil))
        press(&state, "n")
        let text = view(state).plainText
        for line in ["h1 = sign(x1)", "h3 = sign(x1 + x2 − 1.5)", "ŷ = sign(0.25·h1 + 0.25·h2 + h3)",
                     "= sign(0.25·1 + 0.25·1 + 1) = sign(1.5) = +1", "the hidden plane is drawn for 2 hidden units"] {
            XCTAssertTrue(text.contains(line), "\(line)\n\(text)")
        }
        XCTAssertFalse(text.contains("hidden plane)"), text)
    }

    /// Generated points: s draws new ones with the next seed, and the table gives way to a count.
    func testANewSeedDrawsNewGeneratedPoints() throws {
        let yaml = """
            title: Noisy XOR
            summary: S
            model: threshold
            data: {generator: {kind: xor, count: 40, noise: 0.2}}
            threshold: {hidden: [[-0.5, 1, 1], [-1.5, 1, 1]], output: [-1, 1, -1]}
            """
        var state = AppState(size: Size(width: 120, height: 40), scenario: try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil))
        let before = try XCTUnwrap(state.threshold)
        press(&state, "nns")
        let after = try XCTUnwrap(state.threshold)
        XCTAssertEqual(after.note, "seed 2: new points")
        XCTAssertEqual(after.seed, 2)
        XCTAssertEqual(after.selected, 0)
        XCTAssertEqual(after.dataset.samples.count, 40)
        XCTAssertNotEqual(after.dataset.samples, before.dataset.samples)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("· \(after.rightCount) of 40 points right"), text)
        XCTAssertFalse(text.contains("x1  x2 │"), text)
    }

    func testSnapshots() throws {
        var small = try state(Size(width: 80, height: 24))
        press(&small, "n")
        assertFrameSnapshots(small, named: "80x24")
        var large = try state(Size(width: 120, height: 40))
        press(&large, "nnn")
        assertFrameSnapshots(large, named: "120x40")
        var ascii = try state(Size(width: 80, height: 24), glyphs: .ascii)
        press(&ascii, "n")
        assertFrameSnapshots(ascii, named: "ascii")
        press(&ascii, "?")
        assertFrameSnapshots(ascii, named: "help")
    }
}
