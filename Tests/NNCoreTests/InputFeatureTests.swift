import Foundation
import XCTest
@testable import NNCore
import NNKernels

/// The input features: their values, and that training, the regions and evaluation all see the same
/// feature vectors (the pictures' sine is tested with their tanh in `KernelTests`).
final class InputFeatureTests: XCTestCase {
    func testFeatureValuesAtAPoint() {
        let values = InputFeature.allCases.map { $0.value(0.5, -2) }
        XCTAssertEqual(values, [0.5, -2, 0.25, 4, -1, sin(0.5), sin(-2)])
        XCTAssertEqual(sin(0.5), 0.479425538604203, accuracy: 1e-15)
        XCTAssertEqual(InputFeature.allCases.map(\.name), ["x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2"])
        XCTAssertEqual(InputFeature.allCases.map(\.rawValue), ["x1", "x2", "x1_squared", "x2_squared", "x1_x2", "sin_x1", "sin_x2"])
        let net = MLP(sizes: [3, 1], activation: .sigmoid, output: .sigmoid, weights: [[0, 0, 0, 0]], features: [.x1TimesX2, .sinX2, .x1])
        XCTAssertEqual(net.inputs(3, 0), [0, 0, 3])
        XCTAssertEqual(net.inputs(of: Sample(2, 0.5, label: 1)), [1, sin(0.5), 2])
    }

    /// The region kernel computes every feature per point: its values (layer 0) and a network's outputs
    /// agree with the double-precision forward pass on the same features.
    func testPictureValuesSeeTheFeatures() {
        var rng = SplitMix64(seed: 5)
        let features = InputFeature.allCases
        let net = MLP(sizes: [7, 8, 8, 1], activation: .tanh, output: .sigmoid, initialization: .uniform(range: 1), rng: &rng, features: features)
        let points = (0..<37).map { _ in (rng.uniform(-3, 3), rng.uniform(-3, 3)) }
        let xs = points.map { Float($0.0) }, ys = points.map { Float($0.1) }
        let inputs = net.pictureValues(xs: xs, ys: ys, layer: 0, unit: 0, units: 7)
        let outputs = net.pictureValues(xs: xs, ys: ys, layer: 3)
        for (p, point) in points.enumerated() {
            let x1 = Double(xs[p]), x2 = Double(ys[p])
            for (i, f) in features.enumerated() { XCTAssertEqual(Double(inputs[i * points.count + p]), f.value(x1, x2), accuracy: 1e-5, "\(f) at \(point)") }
            XCTAssertEqual(Double(outputs[p]), net.predict(net.inputs(x1, x2))[0], accuracy: 1e-5)
        }
    }

    /// A 2-1 network on x1², x2² from given weights, one sample (1, 2): the inputs are (1, 4), and the
    /// update is the lecture's η δ z with those z: worked by hand.
    func testOneUpdateOnSquaredFeatures() throws {
        var settings = MLPSettings()
        settings.features = [.x1Squared, .x2Squared]
        settings.sizes = [2, 1]
        settings.learningRate = 0.5
        settings.initialWeights = [[[0.5], [0.25], [-0.25]]]
        var t = MLPTrainer(samples: [Sample(1, 2, label: 0)], settings: settings, seed: 1)
        let u = try XCTUnwrap(t.step())
        // net = 0.5 + 0.25·1 − 0.25·4 = −0.25; ŷ = σ(−0.25); δ = ŷ(1 − ŷ)(0 − ŷ).
        let yhat = 1 / (1 + exp(0.25)), delta = yhat * (1 - yhat) * (0 - yhat)
        XCTAssertEqual(u.pass.activations[0], [1, 4])
        XCTAssertEqual(u.pass.preActivations[1][0], -0.25)
        XCTAssertEqual(u.pass.outputs[0], yhat, accuracy: 1e-15)
        for (a, b) in zip(u.weightChanges[0], [0.5 * delta, 0.5 * delta * 1, 0.5 * delta * 4]) { XCTAssertEqual(a, b, accuracy: 1e-15) }
        // The epoch's evaluation (kernels) and the plain one agree on the features too.
        XCTAssertEqual(t.history.last?.loss ?? .nan, t.evaluate(t.trainingSet).loss, accuracy: 1e-15)
    }

    /// No hidden layer on x1², x2² learns the circles: every point right, as no line in (x1, x2) can do.
    func testNoHiddenLayerLearnsTheCircleOnSquares() {
        let data = DatasetGenerator(kind: .circles).generate(seed: 1).samples
        var settings = MLPSettings()
        settings.sizes = [2, 1]
        settings.maxEpochs = 50
        settings.order = .shuffled
        var plain = MLPTrainer(samples: data, settings: settings, seed: 1)
        plain.run()
        settings.features = [.x1Squared, .x2Squared]
        var squares = MLPTrainer(samples: data, settings: settings, seed: 1)
        squares.run()
        XCTAssertEqual(squares.history.last?.accuracy, 1)
        XCTAssertLessThan(plain.history.last?.accuracy ?? 1, 0.8)
    }
}
