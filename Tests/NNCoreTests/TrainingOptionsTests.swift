import Foundation
import XCTest
@testable import NNCore

/// L1 regularisation, learning-rate schedules and stop conditions, with values worked by hand.
final class TrainingOptionsTests: XCTestCase {
    /// A 2-1 sigmoid unit from given weights, one point.
    private func trainer(_ weights: [Double], sample: Sample, configure: (inout MLPSettings) -> Void) -> MLPTrainer {
        var settings = MLPSettings()
        settings.sizes = [2, 1]
        settings.learningRate = 0.5
        settings.initialWeights = [weights.map { [$0] }]
        configure(&settings)
        return MLPTrainer(samples: [sample], settings: settings, seed: 1)
    }

    /// η = 0.5, λ1 = 0.125: the L1 step is 0.0625 towards 0. On x = (0, 0) only the bias has a gradient
    /// (ŷ = σ(0) = ½, δ = ½·½·(1 − ½) = 0.125, Δb = 0.0625, no L1 on a bias); w1 = 0.03125 would cross 0 and
    /// lands on exactly 0; w2 = −0.75 becomes −0.6875; a weight at 0 stays there (sign 0 = 0).
    func testAHandWorkedL1Step() throws {
        var t = trainer([0, 0.03125, -0.75], sample: Sample(0, 0, label: 1)) { $0.l1 = 0.125 }
        let u = try XCTUnwrap(t.step())
        XCTAssertEqual(t.network.weights[0], [0.0625, 0, -0.6875])
        XCTAssertEqual(u.weightChanges[0], [0.0625, -0.03125, 0.0625])
        var zero = trainer([0, 0, -0.75], sample: Sample(0, 0, label: 1)) { $0.l1 = 0.125 }
        zero.step()
        XCTAssertEqual(zero.network.weights[0], [0.0625, 0, -0.6875])
        XCTAssertTrue(t.trainsOnReferencePath)
    }

    /// With a gradient: x = (1, 0), w1 = −0.75. The gradient step takes w1 to r = −0.75 + η δ, δ =
    /// ŷ(1 − ŷ)(1 − ŷ) at ŷ = σ(−0.75); then L1 takes it 0.0625 closer to 0. With L2 as well, λ w comes off first.
    func testL1AfterTheGradientAndWeightDecay() throws {
        let yhat = 1 / (1 + exp(0.75)), delta = yhat * (1 - yhat) * (1 - yhat)
        var t = trainer([0, -0.75, 0.5], sample: Sample(1, 0, label: 1)) { $0.l1 = 0.125; $0.weightDecay = 0.25 }
        t.step()
        XCTAssertEqual(t.network.weights[0][1], -0.75 + 0.5 * delta + 0.5 * 0.25 * 0.75 + 0.0625, accuracy: 1e-15)
        XCTAssertEqual(t.network.weights[0][2], 0.5 - 0.5 * 0.25 * 0.5 - 0.0625)   // 0.375, exactly
    }

    /// λ1 = 0 is today's update to the bit (the fast kernels, not the reference path).
    func testNoL1IsTheUsualUpdate() {
        let data = DatasetGenerator(kind: .xor).generate(seed: 2).samples
        var settings = MLPSettings()
        settings.maxEpochs = 20
        var plain = MLPTrainer(samples: data, settings: settings, seed: 2)
        settings.l1 = 0
        var zero = MLPTrainer(samples: data, settings: settings, seed: 2)
        plain.run(); zero.run()
        XCTAssertEqual(plain.network.parameters, zero.network.parameters)
        XCTAssertFalse(zero.trainsOnReferencePath)
    }
}

extension TrainingOptionsTests {
    /// η at given epochs: step decay halves η₀ = 0.5 every 10 epochs; 1/t decay with decay_rate 0.1.
    func testScheduleValues() {
        let step = LearningRateSchedule.step(decaySteps: 10, decayRate: 0.5)
        XCTAssertEqual([0, 9, 10, 19, 20, 25].map { step.rate(base: 0.5, epochsDone: $0) }, [0.5, 0.5, 0.25, 0.25, 0.125, 0.125])
        let inverse = LearningRateSchedule.inverseTime(decaySteps: 1, decayRate: 0.1)
        XCTAssertEqual([0, 10, 30].map { inverse.rate(base: 0.5, epochsDone: $0) }, [0.5, 0.25, 0.125])
        XCTAssertEqual(LearningRateSchedule.inverseTime(decaySteps: 5, decayRate: 1).rate(base: 0.5, epochsDone: 5), 0.25)
        XCTAssertEqual(LearningRateSchedule.constant.rate(base: 0.3, epochsDone: 99), 0.3)
        XCTAssertEqual(step.formula { "\($0)" }, "η₀·0.5^⌊t/10⌋")
        XCTAssertEqual(inverse.formula { "\($0)" }, "η₀/(1 + 0.1·t)")
    }

    /// The updates of epoch e use η after e − 1 epochs: with η halved every epoch, the bias moves by 0.5 δ in
    /// epoch 1, 0.25 δ in epoch 2; the history and `learningRate` (the next update's) say the same.
    func testTheUpdatesUseTheEpochsRate() throws {
        var t = trainer([0, 0.25, -0.5], sample: Sample(1, 1, label: 1)) { $0.learningRateSchedule = .step(decaySteps: 1, decayRate: 0.5) }
        XCTAssertEqual(t.learningRate, 0.5)
        let first = try XCTUnwrap(t.step())
        XCTAssertEqual(first.weightChanges[0][0], 0.5 * first.pass.deltas[1][0])
        XCTAssertEqual(t.learningRate, 0.25)
        let second = try XCTUnwrap(t.step())
        XCTAssertEqual(second.weightChanges[0][0], 0.25 * second.pass.deltas[1][0])
        XCTAssertEqual(t.history.map(\.learningRate), [0.5, 0.25])
        // Without a schedule the history has no η (and traces no field).
        var plain = trainer([0, 0.25, -0.5], sample: Sample(1, 1, label: 1)) { _ in }
        plain.step()
        XCTAssertEqual(plain.history.map(\.learningRate), [nil])
        XCTAssertFalse(plain.traceRecord(plain.history[0]).contains("learning_rate"))
        XCTAssertTrue(t.traceRecord(t.history[1]).contains(#""val_accuracy":null,"learning_rate":0.25,"layers""#))
    }

    /// Under a schedule whole runs of epochs cannot go to the kernel in one call; `run` still gives the bits
    /// of epoch after epoch.
    func testAScheduledRunIsEpochByEpoch() {
        let data = DatasetGenerator(kind: .xor).generate(seed: 2).samples
        var settings = MLPSettings()
        settings.maxEpochs = 12
        settings.learningRateSchedule = .inverseTime(decaySteps: 2, decayRate: 0.5)
        var run = MLPTrainer(samples: data, settings: settings, seed: 2)
        run.run()
        var stepped = MLPTrainer(samples: data, settings: settings, seed: 2)
        while stepped.runEpoch() != nil, !stepped.status.isFinished {}
        XCTAssertEqual(run.network.parameters, stepped.network.parameters)
        XCTAssertEqual(run.history.last?.learningRate, 0.5 / (1 + 0.5 * 11 / 2))
    }
}

extension TrainingOptionsTests {
    /// A loss reaches its threshold when at or below it, an accuracy when at or above it; the first measure
    /// in the order train_loss, accuracy, val_loss, val_accuracy is the one named.
    func testWhenAStopConditionIsMet() {
        let s = EpochSummary(epoch: 3, loss: 0.01, accuracy: 0.95, validationLoss: nil, validationAccuracy: nil)
        XCTAssertEqual(StopCondition([.trainLoss: 0.01]).met(by: s), .trainLoss)
        XCTAssertNil(StopCondition([.trainLoss: 0.0099]).met(by: s))
        XCTAssertEqual(StopCondition([.accuracy: 0.95, .trainLoss: 0.5]).met(by: s), .trainLoss)
        XCTAssertEqual(StopCondition([.accuracy: 0.95]).met(by: s), .accuracy)
        XCTAssertNil(StopCondition([.accuracy: 0.96]).met(by: s))
        XCTAssertNil(StopCondition([.validationLoss: 100]).met(by: s))   // nothing held out
    }

    /// No hidden layer on x1², x2² over the circles: E = 12.024 after epoch 1 and 6.945 after epoch 2, so
    /// train_loss 10 stops after epoch 2, accuracy 1 after epoch 1; `run` (sequential order too) stops at the
    /// same epoch as stepping would, and says why.
    func testTheStopEpoch() throws {
        let data = DatasetGenerator(kind: .circles).generate(seed: 1).samples
        for order in [SampleOrder.shuffled, .sequential] {
            var settings = MLPSettings()
            settings.features = [.x1Squared, .x2Squared]
            settings.sizes = [2, 1]
            settings.order = order
            settings.stopWhen = StopCondition([.trainLoss: 10])
            var t = MLPTrainer(samples: data, settings: settings, seed: 1)
            t.run()
            var plain = settings
            plain.stopWhen = nil
            var free = MLPTrainer(samples: data, settings: plain, seed: 1)
            free.run(maxEpochs: 3)
            let stop = try XCTUnwrap(free.history.firstIndex { $0.loss <= 10 }) + 1
            XCTAssertEqual(t.status, .stopped(measure: .trainLoss, epoch: stop), "\(order)")
            XCTAssertEqual(t.history.count, stop)
            XCTAssertEqual(t.history.last, free.history[stop - 1])
            if order == .shuffled {
                XCTAssertEqual(stop, 2)
                XCTAssertEqual(t.stopReason { v, d in String(format: "%.\(d)f", v) }, "stop_when train_loss: 6.944774 ≤ 10.000000")
            }
            XCTAssertNil(t.step())
        }
        var settings = MLPSettings()
        settings.features = [.x1Squared, .x2Squared]
        settings.sizes = [2, 1]
        settings.order = .shuffled
        settings.stopWhen = StopCondition([.accuracy: 1])
        var t = MLPTrainer(samples: data, settings: settings, seed: 1)
        t.run()
        XCTAssertEqual(t.status, .stopped(measure: .accuracy, epoch: 1))
        XCTAssertEqual(t.status.name, "stopped")
        XCTAssertTrue(t.traceRecord(t.history[0]).contains(#""val_accuracy":null,"stopped_when":"accuracy","layers""#))
    }
}
