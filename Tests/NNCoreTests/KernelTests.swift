import Foundation
@testable import NNCore
import NNKernels
import XCTest

/// The vectorised maths the MLP trains with: accurate to a few units in the last place, and the same bits in
/// a batch as one sample at a time.
final class KernelTests: XCTestCase {
    private func relativeError(_ a: Double, _ b: Double) -> Double { a == b ? 0 : abs(a - b) / max(abs(b), .leastNormalMagnitude) }

    func testExpSigmoidAndTanhAreAccurate() {
        var worstExp = 0.0, worstTanh = 0.0, worstSigmoid = 0.0
        for step in -40_000...40_000 {
            let x = Double(step) / 1_000   // −40 … 40
            worstExp = max(worstExp, relativeError(NNKernels.exponential(x), Foundation.exp(x)))
            worstTanh = max(worstTanh, relativeError(activationValue(ActivationCode.tanh, x), Foundation.tanh(x)))
            worstSigmoid = max(worstSigmoid, relativeError(activationValue(ActivationCode.sigmoid, x), 1 / (1 + Foundation.exp(-x))))
        }
        XCTAssertLessThan(worstExp, 1e-15)
        XCTAssertLessThan(worstTanh, 1e-15)
        XCTAssertLessThan(worstSigmoid, 1e-15)
        // Near 0, tanh keeps its relative accuracy (e^2x − 1 is formed without cancellation).
        for x in [1e-300, 1e-12, -3e-9, 1e-5] { XCTAssertLessThan(relativeError(activationValue(ActivationCode.tanh, x), Foundation.tanh(x)), 1e-15, "\(x)") }
        // Far out: saturated, never NaN; NaN stays NaN (so a diverged loss is seen).
        XCTAssertEqual(activationValue(ActivationCode.tanh, 1e6), 1)
        XCTAssertEqual(activationValue(ActivationCode.tanh, -1e6), -1)
        XCTAssertEqual(activationValue(ActivationCode.sigmoid, 1e6), 1)
        XCTAssertEqual(activationValue(ActivationCode.sigmoid, -1e6), 0, accuracy: 1e-300)
        XCTAssertTrue(activationValue(ActivationCode.sigmoid, .nan).isNaN)
        XCTAssertTrue(activationValue(ActivationCode.tanh, .nan).isNaN)
        XCTAssertEqual(activationValue(ActivationCode.relu, -2), 0)
        XCTAssertEqual(activationValue(ActivationCode.relu, 2), 2)
    }

    /// The pictures' tanh and sine (the sin x1, sin x2 input features): within 1e-6 over ±20.
    func testFastPictureTanhAndSineAreCloseEnoughToDraw() {
        for (fast, exact) in [(fastTanhValue, Foundation.tanh), (fastSinValue, Foundation.sin)] as [((Float) -> Float, (Double) -> Double)] {
            var worst: Float = 0
            for step in -2_000...2_000 {
                let x = Float(step) / 100
                worst = max(worst, abs(fast(x) - Float(exact(Double(x)))))
            }
            XCTAssertLessThan(worst, 1e-6)
        }
        XCTAssertEqual(fastSinValue(0), 0)
    }

    /// A batch of 13 samples (blocks of 8 and 4 and a scalar tail) through 2-5-6-3 gives the bits of one
    /// sample at a time, for every activation.
    func testBatchGivesTheBitsOfOneSampleAtATime() {
        var rng = SplitMix64(seed: 3)
        let samples = (0..<13).map { _ in Sample(rng.uniform(-2, 2), rng.uniform(-2, 2), label: Int(rng.next() % 3)) }
        for activation in Activation.allCases {
            for (output, loss) in [(OutputActivation.softmax, Loss.crossEntropy), (.softmax, .squaredError)] {
                let net = MLP(sizes: [2, 5, 6, 3], activation: activation, output: output, initialization: .uniform(range: 1.5), rng: &rng)
                let data = PreparedSamples(samples, for: net)
                var batch = BatchPass(sizes: net.sizes, capacity: 16)
                let indices = Array(0..<13)[...]
                batch.load(data, indices)
                batch.forward(net, Kernels.current)
                batch.backward(net, data, indices, loss: loss, Kernels.current)
                for p in indices {
                    var single = ForwardPass(sizes: net.sizes)
                    net.backpropagate([samples[p].x1, samples[p].x2], target: data.target(p), loss: loss, into: &single)
                    let fromBatch = batch.pass(column: p)
                    XCTAssertEqual(fromBatch.activations, single.activations, "\(activation) \(loss) sample \(p)")
                    XCTAssertEqual(fromBatch.preActivations, single.preActivations)
                    XCTAssertEqual(fromBatch.deltas, single.deltas, "\(activation) \(loss) sample \(p)")
                }
            }
        }
    }

}

final class MLPFastPathTests: XCTestCase {
    /// `run()` (per-sample updates in one kernel call an epoch, whole runs of epochs in one call in a fixed
    /// order, or whole batches) leaves the same bits as stepping update by update, with momentum, weight decay,
    /// both orders and every activation.
    func testRunGivesTheBitsOfStepping() {
        let samples = DatasetGenerator(kind: .moons, count: 37).generate(seed: 2).samples
        for (batchSize, order) in [(1, SampleOrder.shuffled), (1, .sequential), (5, .shuffled)] {
            for activation in Activation.allCases {
                for (output, loss, sizes) in [(OutputActivation.sigmoid, Loss.squaredError, [2, 5, 4, 1]), (.sigmoid, .squaredError, [2, 4, 3, 1]),
                                              (.sigmoid, .crossEntropy, [2, 2, 1]), (.softmax, .crossEntropy, [2, 6, 2]),
                                              (.softmax, .squaredError, [2, 3, 2])] {
                    var settings = MLPSettings()
                    settings.sizes = sizes; settings.activation = activation; settings.output = output; settings.loss = loss
                    settings.batchSize = batchSize; settings.momentum = 0.6; settings.weightDecay = 0.01; settings.order = order
                    settings.learningRate = 0.3; settings.maxEpochs = 7
                    var fast = MLPTrainer(samples: samples, settings: settings, seed: 4)
                    fast.run()
                    var slow = MLPTrainer(samples: samples, settings: settings, seed: 4)
                    while slow.step() != nil {}
                    XCTAssertEqual(fast.epoch, 7)
                    XCTAssertEqual(fast.steps, slow.steps)
                    XCTAssertEqual(fast.network.parameters, slow.network.parameters, "\(batchSize) \(order) \(activation) \(output) \(loss)")
                    XCTAssertEqual(fast.history, slow.history)
                    // And the screen's epoch at a time (recording the last update) too.
                    var screen = MLPTrainer(samples: samples, settings: settings, seed: 4)
                    while screen.runEpoch() != nil {}
                    XCTAssertEqual(screen.network.parameters, slow.network.parameters)
                    XCTAssertEqual(screen.lastUpdate?.step, slow.steps)
                }
            }
        }
    }
}

extension MLPFastPathTests {
    /// The epoch's evaluation one sample at a time (narrow nets) and in batches (wide ones) agree to the bit.
    func testBothEvaluationsAgree() {
        let samples = DatasetGenerator(kind: .blobs, count: 150, classes: 3).generate(seed: 5).samples
        for activation in Activation.allCases {
            for (output, loss, sizes) in [(OutputActivation.softmax, Loss.crossEntropy, [2, 7, 3, 3]), (.softmax, .squaredError, [2, 3, 3]),
                                          (.sigmoid, .squaredError, [2, 3, 1]), (.sigmoid, .crossEntropy, [2, 4, 2])] {
                var settings = MLPSettings()
                settings.sizes = sizes; settings.activation = activation; settings.output = output; settings.loss = loss
                settings.initialization = .uniform(range: 2)
                var trainer = MLPTrainer(samples: samples, settings: settings, seed: 9)
                let data = trainer.training
                let one = trainer.evaluateOneByOne(data), batched = trainer.evaluateInBatches(data)
                XCTAssertEqual(one.loss, batched.loss, "\(activation) \(sizes)")
                XCTAssertEqual(one.accuracy, batched.accuracy)
                XCTAssertEqual(trainer.evaluate(samples).loss, one.loss)
            }
        }
    }
}
