import NNCore
import XCTest
@testable import NNScenario

/// Each MLP built-in, trained headlessly, does what its comments and summary say.
final class MLPBuiltinScenarioTests: XCTestCase {
    let xor = [Sample(0, 0, label: 0), Sample(0, 1, label: 1), Sample(1, 0, label: 1), Sample(1, 1, label: 0)]

    func trainer(_ scenario: Scenario, settings: MLPSettings? = nil) -> MLPTrainer {
        MLPTrainer(samples: scenario.dataset().samples, settings: settings ?? scenario.mlp, seed: scenario.seed)
    }

    /// The first epoch after which every training point was classified right.
    func firstPerfectEpoch(_ trainer: MLPTrainer) -> Int? { trainer.history.first { $0.accuracy == 1 }?.epoch }

    /// The network's outputs ŷ on the four XOR rows.
    func outputs(_ trainer: MLPTrainer) -> [Double] {
        var pass = ForwardPass(sizes: trainer.network.sizes)
        return xor.map { sample in
            trainer.network.forward([sample.x1, sample.x2], into: &pass)
            return pass.outputs[0]
        }
    }

    func testXORIsLearntFromTheLecturesSetting() throws {
        let scenario = try BuiltinScenarios.load(named: "mlp-xor")
        XCTAssertEqual(scenario.model, .mlp)
        XCTAssertEqual(scenario.dataset().samples, xor)
        var lecture = MLPSettings()   // 2-2-1 sigmoid, squared error, per-sample SGD, η = 0.5, uniform ±0.5
        lecture.maxEpochs = 3000
        XCTAssertEqual(scenario.mlp, lecture)
        var run = trainer(scenario)
        run.run()
        XCTAssertEqual(run.status, .finished(epochs: 3000))
        // The comment: E still 0.50 after 1000 epochs, all four outputs right after 1966, E = 0.007 by 3000.
        XCTAssertEqual(run.history[999].loss, 0.50, accuracy: 0.005)
        XCTAssertEqual(firstPerfectEpoch(run), 1966)
        XCTAssertEqual(outputs(run).map { $0 >= 0.5 }, [false, true, true, false])
        XCTAssertEqual(try XCTUnwrap(run.history.last).loss, 0.007, accuracy: 0.0005)
    }

    func testMomentumLearnsXORNineTimesSooner() throws {
        let plain = try BuiltinScenarios.load(named: "mlp-xor")
        let scenario = try BuiltinScenarios.load(named: "mlp-xor-momentum")
        XCTAssertEqual(scenario.mlp.momentum, 0.9)
        var withoutMomentum = scenario.mlp
        withoutMomentum.momentum = 0
        withoutMomentum.maxEpochs = plain.mlp.maxEpochs
        XCTAssertEqual(withoutMomentum, plain.mlp, "the same network, data and seed as mlp-xor.yaml")
        XCTAssertEqual(scenario.seed, plain.seed)
        XCTAssertEqual(trainer(scenario).network, trainer(plain).network, "the same first weights")
        var run = trainer(scenario)
        run.run()
        let epochs = try XCTUnwrap(firstPerfectEpoch(run))
        XCTAssertEqual(epochs, 209)
        XCTAssertEqual(outputs(run).map { $0 >= 0.5 }, [false, true, true, false])
        XCTAssertGreaterThan(Double(1966) / Double(epochs), 9)   // mlp-xor: 1966 epochs
    }

    func testStuckXORNeedsRestarts() throws {
        let scenario = try BuiltinScenarios.load(named: "mlp-xor-stuck")
        XCTAssertEqual(scenario.mlp.restarts, 5)
        XCTAssertEqual(scenario.mlp.initialWeights, [[[-0.29, -0.48], [-0.25, -0.14], [-0.40, -0.33]], [[0.33], [-0.19], [-0.42]]])
        // Plain SGD from these weights: never all four right, E stuck near 1/3 with three outputs near 2/3.
        var single = trainer(scenario)
        single.run()
        XCTAssertEqual(single.status, .finished(epochs: 3000))
        XCTAssertNil(firstPerfectEpoch(single))
        XCTAssertEqual(try XCTUnwrap(single.history.last).loss, 1.0 / 3, accuracy: 0.01)
        for output in outputs(single).dropFirst() { XCTAssertEqual(output, 2.0 / 3, accuracy: 0.01) }
        // Restarts: the first run is the one above; three of the other four learn XOR; the best is one of them.
        let (runs, best) = MLPRestarts.run(samples: scenario.dataset().samples, settings: scenario.mlp, seed: scenario.seed)
        XCTAssertEqual(runs.count, 5)
        XCTAssertEqual(runs[0].network, single.network)
        XCTAssertEqual(runs.map { $0.history.last?.accuracy == 1 }, [false, true, true, true, false])
        XCTAssertNotEqual(best, 0)
        XCTAssertEqual(outputs(runs[best]).map { $0 >= 0.5 }, [false, true, true, false])
    }

    func testOverfittingIsStoppedEarly() throws {
        let scenario = try BuiltinScenarios.load(named: "mlp-overfitting")
        XCTAssertEqual(scenario.mlp.sizes, [2, 50, 1])
        XCTAssertEqual(scenario.dataset().count, 40)
        var run = trainer(scenario)
        XCTAssertEqual([run.trainingSet.count, run.validationSet.count], [28, 12])
        run.run()
        // Early stopping: back to epoch 466's weights at epoch 666, long before max_epochs (3000).
        XCTAssertEqual(run.status, .earlyStopped(bestEpoch: 466, atEpoch: 666))
        XCTAssertEqual(run.evaluate(run.trainingSet).accuracy, 25.0 / 28)
        XCTAssertEqual(run.evaluate(run.validationSet).accuracy, 11.0 / 12)
        // Without early stopping and weight decay the net memorises the noise: 100 % on the training points by
        // epoch 462 while the validation loss climbs from its best (0.53 at epoch 288).
        var bare = scenario.mlp
        bare.patience = nil
        bare.weightDecay = 0
        var overfit = trainer(scenario, settings: bare)
        overfit.run(maxEpochs: 1000)
        XCTAssertEqual(firstPerfectEpoch(overfit), 462)
        let best = try XCTUnwrap(overfit.history.min { $0.validationLoss! < $1.validationLoss! })
        XCTAssertEqual(best.epoch, 288)
        XCTAssertEqual(best.validationAccuracy, 11.0 / 12)
        let last = try XCTUnwrap(overfit.history.last)
        XCTAssertEqual(last.accuracy, 1)
        XCTAssertEqual(last.validationAccuracy, 9.0 / 12)
        XCTAssertGreaterThan(last.validationLoss!, 1.5 * best.validationLoss!)
    }

    func testCirclesAreBoxedIn() throws {
        let scenario = try BuiltinScenarios.load(named: "mlp-circles")
        XCTAssertEqual(scenario.mlp.sizes, [2, 4, 1])
        var run = trainer(scenario)
        run.run()
        XCTAssertEqual(firstPerfectEpoch(run), 69)
        XCTAssertEqual(run.history.last?.accuracy, 1)
    }

    /// No hidden layer on x1², x2²: one unit draws a circle, every point right after the first epoch; the
    /// same unit on x1, x2 (a line) stays far from it.
    func testACircleFromFeatures() throws {
        let scenario = try BuiltinScenarios.load(named: "mlp-circle-features")
        XCTAssertEqual(scenario.mlp.sizes, [2, 1])
        XCTAssertEqual(scenario.mlp.features, [.x1Squared, .x2Squared])
        var run = trainer(scenario)
        run.run()
        XCTAssertEqual(firstPerfectEpoch(run), 1)
        XCTAssertEqual(run.history.last?.accuracy, 1)
        var line = scenario.mlp
        line.features = [.x1, .x2]
        var plain = trainer(scenario, settings: line)
        plain.run()
        XCTAssertLessThan(plain.history.map(\.accuracy).max() ?? 1, 0.8)
    }

    func testSpiralsAreMostlyRightEarly() throws {
        let scenario = try BuiltinScenarios.load(named: "mlp-spirals")
        XCTAssertEqual(scenario.mlp.sizes, [2, 16, 16, 1])
        XCTAssertEqual(scenario.dataset().count, 200)
        var run = trainer(scenario)
        run.run(maxEpochs: 60)   // of 300: enough for the comment's figures, and quick in a debug build
        XCTAssertEqual(run.history.first { $0.accuracy >= 0.95 }?.epoch, 19)
        XCTAssertEqual(firstPerfectEpoch(run), 59)
    }

    func testThreeBlobsWithSoftmax() throws {
        let scenario = try BuiltinScenarios.load(named: "mlp-blobs-3-classes")
        XCTAssertEqual(scenario.mlp.output, .softmax)
        XCTAssertEqual(scenario.mlp.loss, .crossEntropy)
        XCTAssertEqual(scenario.mlp.sizes.last, 3)
        XCTAssertEqual(Set(scenario.dataset().samples.map(\.label)), [0, 1, 2])
        var run = trainer(scenario)
        run.run()
        XCTAssertEqual(run.history.first?.accuracy, 0.96)
        XCTAssertEqual(run.history.last?.accuracy, 0.98)
        XCTAssertEqual(run.status, .finished(epochs: 100))
    }
}
