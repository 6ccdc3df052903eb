import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// L1, learning-rate schedules and stop conditions on the MLP screen.
final class TrainingOptionsScreenTests: XCTestCase {
    private let small = Size(width: 80, height: 24), large = Size(width: 120, height: 40)

    /// One unit on all seven features of the circles with L1: the features it does not need go to exactly 0.
    private func l1Scenario() -> Scenario {
        var scenario = mlpScenario(kind: .circles, sizes: [7, 1], seed: 1)
        scenario.mlp.features = InputFeature.allCases
        scenario.mlp.order = .shuffled
        scenario.mlp.l1 = 0.02
        return scenario
    }

    private func ledger(_ m: MLPExplorer) -> [String] {
        let l = MLPLedger(explorer: m, glyphs: .unicode, width: 300)
        return (l.progressLines + l.updateLines).map(\.text)
    }

    /// The settings line counts the weights at exactly 0; the update's rule carries the L1 term.
    func testL1OnTheScreen() throws {
        var state = AppState(size: large, scenario: l1Scenario())
        for _ in 0..<50 { press(&state, "e") }
        let m = try XCTUnwrap(state.mlp)
        let zeros = m.trainer.network.weights[0].dropFirst().filter { $0 == 0 }.count
        XCTAssertGreaterThanOrEqual(zeros, 3)
        XCTAssertTrue(ledger(m).contains { $0.contains("· L1 λ1 = 0.02 (\(zeros) weights at 0) · batch 1 (reference path: slower)") }, "\(ledger(m))")
        press(&state, "ppp")
        let rule = ledger(try XCTUnwrap(state.mlp)).first { $0.hasPrefix("Δw_ij = ") }
        XCTAssertEqual(rule, "Δw_ij = η δ_j z_i − η λ1 sign(w_ij) (i ≥ 1; stops at 0) (z_i = x_i from an input)")
    }

    func testSnapshotsOfL1() throws {
        for size in [small, large] {
            var state = AppState(size: size, scenario: l1Scenario())
            for _ in 0..<20 { press(&state, "e") }
            assertFrameSnapshots(state, named: "\(size)")
        }
        var ascii = AppState(size: small, scenario: l1Scenario(), glyphs: .ascii)
        for _ in 0..<20 { press(&ascii, "e") }
        assertFrameSnapshots(ascii, named: "80x24-ascii")
    }
}
