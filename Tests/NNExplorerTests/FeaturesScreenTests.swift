import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Input features on the MLP screen: `f` and `F`, the diagram's input names and pictures, the ledger's inputs.
final class FeaturesScreenTests: XCTestCase {
    private let small = Size(width: 80, height: 24), large = Size(width: 120, height: 40)

    /// f walks through the seven features, F turns the picked one on or off; the first layer follows and the
    /// network starts again, and the note says so.
    func testFPicksAndCapitalFTurnsOnAndOff() throws {
        var state = AppState(size: small, scenario: mlpScenario(sizes: [2, 2, 1]))
        press(&state, "nf")
        XCTAssertEqual(state.mlp?.featureCursor, .x2)
        XCTAssertEqual(state.mlp?.note, "input x2: on (F turns it off)")
        press(&state, "f")
        XCTAssertEqual(state.mlp?.note, "input x1²: off (F turns it on)")
        press(&state, "F")
        var m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.trainer.settings.features, [.x1, .x2, .x1Squared])
        XCTAssertEqual(m.trainer.network.sizes, [3, 2, 1])
        XCTAssertEqual(m.trainer.steps, 0)
        XCTAssertEqual(m.note, "inputs x1, x2, x1²: network 3-2-1 re-initialised")
        // Seven features, then back to two; the order stays x1, x2, x1², x2², x1·x2, sin x1, sin x2.
        press(&state, "fFfFfFfFF")
        m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.trainer.settings.features, InputFeature.allCases.filter { $0 != .sinX2 })
        press(&state, "f")   // back to x1
        press(&state, "F")
        XCTAssertEqual(state.mlp?.trainer.settings.features, [.x2, .x1Squared, .x2Squared, .x1TimesX2, .sinX1])
        XCTAssertEqual(state.mlp?.trainer.network.sizes, [5, 2, 1])
    }

    func testTheLastInputStays() throws {
        var scenario = mlpScenario(sizes: [1, 2, 1])
        scenario.mlp.features = [.x1]
        var state = AppState(size: small, scenario: scenario)
        press(&state, "F")
        XCTAssertEqual(state.mlp?.trainer.settings.features, [.x1])
        XCTAssertEqual(state.mlp?.note, "x1 is the only input: turn another on first")
    }

    /// The diagram names each input by its feature; the ledger shows what the input units saw.
    func testDiagramAndLedgerNameTheFeatures() throws {
        var state = AppState(size: large, scenario: try builtin("mlp-circle-features"))
        press(&state, "n")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("x1² "), text)
        XCTAssertTrue(text.contains("x2² "), text)
        let m = try XCTUnwrap(state.mlp), u = try XCTUnwrap(m.trainer.lastUpdate)
        let sample = m.trainer.trainingSet[u.samples[0]]
        XCTAssertEqual(u.pass.activations[0], [sample.x1 * sample.x1, sample.x2 * sample.x2])
        let ledger = MLPLedger(explorer: m, glyphs: .unicode, width: 200).updateLines.map(\.text)
        XCTAssertTrue(ledger.contains { $0.hasPrefix("inputs (x1², x2²) = (") }, "\(ledger)")
        XCTAssertTrue(ledger.contains { $0.contains("x1² ") && $0.hasPrefix("Δw") }, "\(ledger)")
        var ascii = AppState(size: large, scenario: try builtin("mlp-circle-features"), glyphs: .ascii)
        press(&ascii, "n")
        XCTAssertTrue(view(ascii).plainText.contains("x1^2"))
    }

    /// Each input's picture: its feature's sign as the class, its size as the level (x1 over the plot: the
    /// left columns class 0, the right ones class 1; x1² is never negative).
    func testInputPictures() throws {
        let m = try XCTUnwrap(AppState(size: large, scenario: try builtin("mlp-circle-features")).mlp)
        let x1 = m.inputPicture(.x1, width: 4, pixelRows: 4)
        XCTAssertEqual(x1.prefix(4).map(\.cls), [0, 0, 1, 1])
        XCTAssertEqual(x1.prefix(4).map(\.level), [2, 1, 1, 2])
        XCTAssertTrue(m.inputPicture(.x1Squared, width: 4, pixelRows: 4).allSatisfy { $0.cls == 1 })
    }

    func testHelpListsTheFeatureKeys() throws {
        let state = AppState(size: large, scenario: mlpScenario())
        let hints = try XCTUnwrap(state.mlp).help.hints
        XCTAssertTrue(hints.contains { $0.keys == "fF" && $0.help.hasPrefix("input features: f picks one of x1, x2, x1², x2²") })
    }

    func testSnapshotsOfACircleFromFeatures() throws {
        for size in [small, large] {
            var state = AppState(size: size, scenario: try builtin("mlp-circle-features"))
            press(&state, "e")
            assertFrameSnapshots(state, named: "\(size)")
        }
        var ascii = AppState(size: small, scenario: try builtin("mlp-circle-features"), glyphs: .ascii)
        press(&ascii, "e")
        assertFrameSnapshots(ascii, named: "80x24-ascii")
        // All seven features on a 2-8-8-1 net's shape: names only where pictures do not fit.
        var scenario = mlpScenario(sizes: [7, 8, 8, 1])
        scenario.mlp.features = InputFeature.allCases
        var seven = AppState(size: large, scenario: scenario)
        press(&seven, "e")
        assertFrameSnapshots(seven, named: "120x40-seven")
    }
}
