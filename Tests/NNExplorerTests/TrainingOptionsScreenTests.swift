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

    /// Snapshots after `epochs` epochs at 80×24 and 120×40, and in ASCII at 80×24.
    private func assertSnapshots(_ scenario: Scenario, epochs: Int, testName: String = #function, line: UInt = #line) {
        for (size, glyphs, name) in [(small, Glyphs.unicode, "\(small)"), (large, .unicode, "\(large)"), (small, .ascii, "\(small)-ascii")] {
            var state = AppState(size: size, scenario: scenario, glyphs: glyphs)
            for _ in 0..<epochs { press(&state, "e") }
            assertFrameSnapshots(state, named: name, testName: testName, line: line)
        }
    }

    func testSnapshotsOfL1() throws { assertSnapshots(l1Scenario(), epochs: 20) }

    /// The circles' 2-4-1 network with η halved every 10 epochs.
    private func scheduleScenario() -> Scenario {
        var scenario = mlpScenario(kind: .circles, sizes: [2, 4, 1], seed: 1)
        scenario.mlp.learningRateSchedule = .step(decaySteps: 10, decayRate: 0.5)
        return scenario
    }

    /// The next update's η under the loss curve with its rule, and in the settings line with η₀.
    func testTheScheduleOnTheScreen() throws {
        var state = AppState(size: small, scenario: scheduleScenario())
        for _ in 0..<20 { press(&state, "e") }
        let layout = MLPLayout(size: small)
        XCTAssertTrue(view(state).text(row: layout.lossBox.maxY - 1).contains("└─ η 0.125 = η₀·0.5^⌊t/10⌋ ─"), view(state).plainText)
        let m = try XCTUnwrap(state.mlp)
        XCTAssertTrue(ledger(m).contains { $0.hasPrefix("η = 0.125 (η₀·0.5^⌊t/10⌋, η₀ = 0.5) · batch 1") }, "\(ledger(m))")
        // [ and ] step η₀, from η₀ (not from the decayed η).
        press(&state, "]")
        XCTAssertEqual(state.mlp?.trainer.settings.learningRate, 1)
        XCTAssertEqual(state.mlp?.trainer.learningRate, 0.25)
        XCTAssertEqual(state.mlp?.note, "η₀ = 1")
        var ascii = AppState(size: small, scenario: scheduleScenario(), glyphs: .ascii)
        for _ in 0..<10 { press(&ascii, "e") }
        XCTAssertTrue(view(ascii).text(row: layout.lossBox.maxY - 1).contains("+- eta 0.25 = eta0*0.5^floor(t/10) -"))
    }

    func testSnapshotsOfASchedule() throws { assertSnapshots(scheduleScenario(), epochs: 20) }

    /// No hidden layer on x1², x2² over the circles, stopping once E ≤ 10 (after epoch 2).
    private func stopScenario() throws -> Scenario {
        var scenario = try builtin("mlp-circle-features")
        scenario.mlp.stopWhen = StopCondition([.trainLoss: 10])
        return scenario
    }

    /// The status says why training stopped; play stops there and the step keys say training has finished.
    func testTheStatusSaysWhyItStopped() throws {
        var state = AppState(size: small, scenario: try stopScenario())
        press(&state, "eee")
        let m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.trainer.epoch, 2)
        XCTAssertEqual(m.note, "training finished: r to reset")
        XCTAssertTrue(ledger(m).contains("status: stopped at epoch 2: stop_when train_loss: 6.9448 ≤ 10"), "\(ledger(m))")
    }

    func testSnapshotsOfAStop() throws { assertSnapshots(try stopScenario(), epochs: 2) }
}
