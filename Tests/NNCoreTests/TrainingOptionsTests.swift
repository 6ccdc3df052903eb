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
