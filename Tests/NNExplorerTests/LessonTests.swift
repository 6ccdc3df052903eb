import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// The built-in lessons play from the first beat to the last, say what the screen shows, and rewind exactly.
final class LessonTests: XCTestCase {
    private let size = Size(width: 80, height: 24)
    static let lessons = ["lesson-1-perceptron", "lesson-2-convergence", "lesson-3-backpropagation", "lesson-4-local-minima",
                          "lesson-5-overfitting", "lesson-6-convolution", "lesson-7-cnn-digits"]

    private func play(_ name: String, beats: Int? = nil, size: Size? = nil) throws -> AppState {
        var state = AppState(size: size ?? self.size, scenario: try builtin(name))
        let count = try XCTUnwrap(state.lesson).beatCount
        for _ in 0..<(beats ?? count) { update(&state, .key(.right)) }
        return state
    }

    func testEveryLessonPlaysToItsLastBeatAndRendersAtBothSizes() throws {
        for name in Self.lessons {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                let state = try play(name, size: size)
                let lesson = try XCTUnwrap(state.lesson, name)
                XCTAssertTrue(lesson.atEnd, name)
                XCTAssertTrue(state.fitsTerminal, "\(name) at \(size)")
                let text = view(state).plainText
                XCTAssertTrue(text.contains("beat \(lesson.beatCount) of \(lesson.beatCount) (end)"), "\(name): \(text)")
            }
        }
    }

    /// Going back replays from the start: beat k after the end and back is beat k played forwards.
    func testRewindingGivesTheFramePlayingGives() throws {
        for name in Self.lessons {
            let count = try XCTUnwrap(try builtin(name).lesson).beats.count
            let k = count / 2
            var rewound = try play(name)
            press(&rewound, "g\(k)")
            update(&rewound, .key(.enter))
            XCTAssertEqual(rewound.lesson?.position, k, name)
            XCTAssertEqual(view(rewound), view(try play(name, beats: k)), name)
        }
        var back = try play("lesson-1-perceptron", beats: 6)
        update(&back, .key(.left))
        XCTAssertEqual(view(back), view(try play("lesson-1-perceptron", beats: 5)))
    }

    func testLesson1WorksTheLecturesExampleThenANDAndORConverge() throws {
        let afterStep = try play("lesson-1-perceptron", beats: 5)
        guard case .perceptron(let p) = afterStep.lesson?.explorer else { return XCTFail() }
        XCTAssertEqual(p.trainer.weights, [-3, 1, -1])
        XCTAssertEqual(p.trainer.lastUpdate?.v, 1)
        XCTAssertEqual(p.trainer.lastUpdate?.error, -2)
        XCTAssertTrue(view(afterStep).plainText.contains("w: (−1, 2, 1) → (−3, 1, −1)"))
        let and = try play("lesson-1-perceptron", beats: 16)
        guard case .perceptron(let a) = and.lesson?.explorer else { return XCTFail() }
        XCTAssertEqual(a.dataset.name, "AND")
        XCTAssertEqual(a.trainer.status, .converged(epoch: 6))
        let end = try play("lesson-1-perceptron")
        guard case .perceptron(let o) = end.lesson?.explorer else { return XCTFail() }
        XCTAssertEqual(o.dataset.name, "OR")
        XCTAssertEqual(o.trainer.status, .converged(epoch: 4))
    }

    func testLesson2SeparableConvergesOverlappingDoesNotXORCycles() throws {
        func status(_ beats: Int) throws -> PerceptronStatus? {
            guard case .perceptron(let p) = try play("lesson-2-convergence", beats: beats).lesson?.explorer else { return nil }
            return p.trainer.status
        }
        XCTAssertEqual(try status(5), .converged(epoch: 2))
        XCTAssertEqual(try status(10), .notConverged(epochs: 100))
        XCTAssertEqual(try status(16), .cycling(epoch: 3, sameAs: 2))
    }

    func testLesson3StepsThroughThePhasesThenLearnsXOR() throws {
        let phases: [MLPExplorer.Phase?] = try [5, 7, 9, 11].map { beats in
            guard case .mlp(let m) = try play("lesson-3-backpropagation", beats: beats).lesson?.explorer else { return nil }
            return m.currentPhase
        }
        XCTAssertEqual(phases, [.forward(layer: 1), .forward(layer: 2), .outputDeltas, .hiddenDeltas(layer: 1)])
        guard case .mlp(let flat) = try play("lesson-3-backpropagation", beats: 17).lesson?.explorer,
              case .mlp(let learnt) = try play("lesson-3-backpropagation", beats: 19).lesson?.explorer else { return XCTFail() }
        XCTAssertEqual(flat.trainer.epoch, 100)
        XCTAssertLessThan(try XCTUnwrap(flat.trainer.history.last).accuracy, 1)
        XCTAssertEqual(try XCTUnwrap(learnt.trainer.history.last).accuracy, 1)
        let outputs = [[0.0, 0], [0, 1], [1, 0], [1, 1]].map { learnt.trainer.network.predict($0)[0] }
        XCTAssertEqual(outputs.map { $0 >= 0.5 }, [false, true, true, false])
    }

    func testLesson4IsStuckMomentumDoesNotHelpRestartsDo() throws {
        guard case .mlp(let stuck) = try play("lesson-4-local-minima", beats: 3).lesson?.explorer,
              case .mlp(let momentum) = try play("lesson-4-local-minima", beats: 8).lesson?.explorer,
              case .mlp(let end) = try play("lesson-4-local-minima").lesson?.explorer else { return XCTFail() }
        let stuckLoss = try XCTUnwrap(stuck.trainer.history.last).loss
        XCTAssertEqual(stuckLoss, 1.0 / 3, accuracy: 0.01)
        XCTAssertEqual(momentum.trainer.settings.momentum, 0.9)
        XCTAssertEqual(try XCTUnwrap(momentum.trainer.history.last).accuracy, 0.75)
        let restarts = try XCTUnwrap(end.restarts)
        XCTAssertEqual(try XCTUnwrap(restarts.runs[restarts.best].history.last).accuracy, 1)
    }

    func testLesson5OverfitsThenEarlyStoppingAndWeightDecayHelp() throws {
        guard case .mlp(let overfit) = try play("lesson-5-overfitting", beats: 6).lesson?.explorer,
              case .mlp(let stopped) = try play("lesson-5-overfitting", beats: 10).lesson?.explorer,
              case .mlp(let decayed) = try play("lesson-5-overfitting", beats: 14).lesson?.explorer else { return XCTFail() }
        let last = try XCTUnwrap(overfit.trainer.history.last)
        let lowest = try XCTUnwrap(overfit.trainer.history.compactMap(\.validationLoss).min())
        XCTAssertEqual(last.accuracy, 1)
        XCTAssertGreaterThan(try XCTUnwrap(last.validationLoss), 1.5 * lowest)   // the validation loss turned up
        guard case .earlyStopped(let best, _) = stopped.trainer.status else { return XCTFail("\(stopped.trainer.status)") }
        XCTAssertEqual(best, 288)
        XCTAssertEqual(decayed.trainer.settings.weightDecay, 0.001)
        XCTAssertLessThan(try XCTUnwrap(decayed.trainer.history.last?.validationLoss), try XCTUnwrap(last.validationLoss))
    }

    func testLesson6TheWindowsSumsHaveTheSignsTheNarrationGives() throws {
        for (beats, positive) in [(7, false), (9, true)] {
            let state = try play("lesson-6-convolution", beats: beats, size: Size(width: 120, height: 40))
            guard case .cnn(let c) = state.lesson?.explorer, let window = c.slidingWindow else { return XCTFail() }
            XCTAssertEqual(window.sum > 1, positive)
            XCTAssertEqual(window.sum < -1, !positive)
        }
        guard case .cnn(let mean) = try play("lesson-6-convolution").lesson?.explorer else { return XCTFail() }
        XCTAssertEqual(mean.poolingKind, .mean)
        XCTAssertNil(mean.window)   // back on the maps
    }

    func testLesson7ReachesTheTestAccuracyAndShowsTheConfusionMatrix() throws {
        let state = try play("lesson-7-cnn-digits")
        guard case .cnn(let c) = state.lesson?.explorer else { return XCTFail() }
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(c.trainer?.history.last?.testAccuracy), 0.98)
        XCTAssertTrue(c.showConfusion)
    }

    func testKeys() throws {
        var state = try play("lesson-2-convergence", beats: 3)
        press(&state, "g")
        XCTAssertTrue(view(state).plainText.contains("go to beat: _"))
        press(&state, "x")            // not a digit: cancels
        XCTAssertNil(state.lesson?.goTo)
        XCTAssertEqual(state.lesson?.position, 3)
        update(&state, .key(.left))
        XCTAssertEqual(state.lesson?.position, 2)
        press(&state, "?")
        XCTAssertTrue(view(state).plainText.contains("keys: lesson"))
        press(&state, " ")            // closes the help only
        XCTAssertEqual(state.lesson?.position, 2)
        press(&state, " ")
        XCTAssertEqual(state.lesson?.position, 3)
        update(&state, .key(.escape))   // explore freely from here
        XCTAssertNil(state.lesson)
        XCTAssertEqual(state.perceptron?.trainer.epoch, 1)
        XCTAssertTrue(state.shouldQuit == false)
    }

    func testSnapshotsOfTwoBeatsALesson() throws {
        let beats = ["lesson-1-perceptron": [7, 16], "lesson-2-convergence": [16], "lesson-3-backpropagation": [10, 19],
                     "lesson-4-local-minima": [11], "lesson-5-overfitting": [7], "lesson-6-convolution": [9, 17],
                     "lesson-7-cnn-digits": [16]]
        for (name, list) in beats.sorted(by: { $0.key < $1.key }) {
            for k in list { assertFrameSnapshots(try play(name, beats: k), named: "\(name)-beat\(k)") }
        }
        assertFrameSnapshots(try play("lesson-3-backpropagation", beats: 10, size: Size(width: 120, height: 40)),
                             named: "lesson-3-backpropagation-beat10-120x40")
    }
}
