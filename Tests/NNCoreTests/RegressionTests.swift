import Foundation
import XCTest
@testable import NNCore

/// Regression: Playground's two sets by seed, a linear output trained with squared error (worked by hand and
/// checked against finite differences), the `x1,x2,target` CSV form, and traces without accuracy.
final class RegressionTests: XCTestCase {
    /// The plane draws x1 then x2 uniform in [−1, 1] from the seed; its target is 0.6 (x1 + x2).
    func testPlaneBySeed() {
        let data = DatasetGenerator(kind: .plane).generate(seed: 7)
        XCTAssertEqual(data.count, 200)
        XCTAssertEqual(data.name, "plane")
        var rng = SplitMix64(seed: 7)
        for s in data.samples {
            XCTAssertEqual(s.x1, rng.uniform(-1, 1))
            XCTAssertEqual(s.x2, rng.uniform(-1, 1))
            XCTAssertEqual(s.target, 0.6 * (s.x1 + s.x2))
            XCTAssertEqual(s.label, 0)
        }
        XCTAssertEqual(DatasetGenerator.planeTarget(1, 1), 1.2)
        XCTAssertEqual(DatasetGenerator.planeTarget(-0.5, 0.25), -0.15, accuracy: 1e-15)
    }

    /// With noise the target is measured at a jittered point: x1, x2, then the two jitters, from the seed.
    func testNoiseJittersWhereTheTargetIsMeasured() {
        let data = DatasetGenerator(kind: .plane, count: 3, noise: 0.2).generate(seed: 1)
        var rng = SplitMix64(seed: 1)
        for s in data.samples {
            let x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1)
            let j1 = rng.uniform(-0.2, 0.2), j2 = rng.uniform(-0.2, 0.2)
            XCTAssertEqual([s.x1, s.x2], [x1, x2])
            XCTAssertEqual(s.target, 0.6 * ((x1 + j1) + (x2 + j2)))
        }
    }

    /// Six bumps ±max(0, 1 − 3d): +1 and −1 at their centres, half way down at d = 1/6, 0 between them.
    func testGaussianBumpsByHand() {
        XCTAssertEqual(DatasetGenerator.gaussiansTarget(-2.0 / 3, 5.0 / 12), 1)
        XCTAssertEqual(DatasetGenerator.gaussiansTarget(0, 5.0 / 12), -1)
        XCTAssertEqual(DatasetGenerator.gaussiansTarget(2.0 / 3, -5.0 / 12), -1)
        XCTAssertEqual(DatasetGenerator.gaussiansTarget(0, -5.0 / 12), 1)
        XCTAssertEqual(DatasetGenerator.gaussiansTarget(0, 0.25), -0.5, accuracy: 1e-15)   // d = 1/6 from (0, 5/12)
        XCTAssertEqual(DatasetGenerator.gaussiansTarget(0, 0), 0)                          // 5/12 from two bumps: 1 − 5/4 < 0
        let data = DatasetGenerator(kind: .gaussians).generate(seed: 2)
        XCTAssertEqual(data.count, 200)
        XCTAssertEqual(data.samples.map { $0.target! }, data.samples.map { DatasetGenerator.gaussiansTarget($0.x1, $0.x2) })
        XCTAssertTrue(data.samples.contains { $0.target! > 0.5 } && data.samples.contains { $0.target! < -0.5 })
    }

    /// A 2-1 network with a linear output, one sample (1, 2) with target 0.5, η = 0.5, worked by hand:
    /// ŷ = 0.1 + 0.2·1 − 0.3·2 = −0.3, δ = y − ŷ = 0.8, E = ½·0.8² = 0.32, Δw = η δ z = (0.4, 0.4, 0.8).
    func testOneLinearUpdateByHand() throws {
        var settings = MLPSettings()
        settings.sizes = [2, 1]
        settings.output = .linear
        settings.initialWeights = [[[0.1], [0.2], [-0.3]]]
        let sample = Sample(1, 2, target: 0.5)
        var trainer = MLPTrainer(samples: [sample], settings: settings, seed: 1)
        let update = try XCTUnwrap(trainer.step())
        XCTAssertEqual(update.target, [0.5])
        XCTAssertEqual(update.pass.outputs[0], -0.3, accuracy: 1e-15)
        XCTAssertEqual(update.pass.deltas[1][0], 0.8, accuracy: 1e-15)
        XCTAssertEqual(update.loss, 0.32, accuracy: 1e-15)
        XCTAssertEqual(update.weightChanges[0][0], 0.4, accuracy: 1e-15)
        XCTAssertEqual(update.weightChanges[0][1], 0.4, accuracy: 1e-15)
        XCTAssertEqual(update.weightChanges[0][2], 0.8, accuracy: 1e-15)
        for (w, expected) in zip(trainer.network.nestedWeights[0].map { $0[0] }, [0.5, 0.6, 0.5]) { XCTAssertEqual(w, expected, accuracy: 1e-15) }
        // The epoch's E with the new weights: ŷ = 0.5 + 0.6 + 1.0 = 2.1, E = ½·1.6² = 1.28; no accuracy.
        let summary = try XCTUnwrap(trainer.history.last)
        XCTAssertEqual(summary.loss, 1.28, accuracy: 1e-12)
        XCTAssertEqual(summary.accuracy, 0)
        XCTAssertEqual(trainer.evaluate([sample]).loss, 1.28, accuracy: 1e-12)
    }

    /// A network of `sizes` with tanh hidden units and a linear output.
    private func tanhToLinear(_ sizes: [Int], learningRate: Double) -> MLPSettings {
        var settings = MLPSettings()
        settings.sizes = sizes
        settings.activation = .tanh
        settings.output = .linear
        settings.learningRate = learningRate
        return settings
    }

    /// Through hidden tanh units to a linear output, each weight's Δw/η is −∂E/∂w by central differences.
    func testGradientMatchesFiniteDifferences() throws {
        var settings = tanhToLinear([2, 3, 1], learningRate: 1)
        settings.initialization = .uniform(range: 1)
        let sample = Sample(0.7, -0.4, target: 1.3)
        var trainer = MLPTrainer(samples: [sample], settings: settings, seed: 4)
        let network = trainer.network
        let update = try XCTUnwrap(trainer.step())
        let h = 1e-6
        for index in WeightIndex.all(in: network) {
            var up = network, down = network
            up.parameters[index.flat(in: network)] += h
            down.parameters[index.flat(in: network)] -= h
            func error(_ net: MLP) -> Double { 0.5 * pow(1.3 - net.predict(net.inputs(of: sample))[0], 2) }
            let slope = (error(up) - error(down)) / (2 * h)
            XCTAssertEqual(update.weightChanges[index.layer][index.from * network.sizes[index.layer + 1] + index.to], -slope,
                           accuracy: 1e-8, "\(index)")
        }
    }

    /// Trained over epochs (the batch path), E is the sum of ½(y − ŷ)² over the points, as `evaluate` has it.
    func testEpochLossIsTheSummedSquaredError() throws {
        var settings = tanhToLinear([2, 4, 1], learningRate: 0.05)
        settings.batchSize = 8
        let data = DatasetGenerator(kind: .gaussians, count: 40).generate(seed: 3)
        var trainer = MLPTrainer(samples: data.samples, settings: settings, seed: 3)
        for _ in 0..<5 { trainer.runEpoch() }
        let byHand = data.samples.reduce(0.0) { $0 + 0.5 * pow($1.target! - trainer.network.predict(trainer.network.inputs(of: $1))[0], 2) }
        XCTAssertEqual(try XCTUnwrap(trainer.history.last).loss, byHand, accuracy: 1e-12)
        XCTAssertTrue(trainer.history.allSatisfy { $0.accuracy == 0 })
    }

    func testRegressionCSV() throws {
        let data = try Dataset.parseRegressionCSV("x1,x2,target\n# a comment\n0.5,-1,2.25\n\n1,1,-0.125\n", name: "r.csv")
        XCTAssertEqual(data.samples, [Sample(0.5, -1, target: 2.25), Sample(1, 1, target: -0.125)])
        func problem(_ text: String) -> String {
            do { _ = try Dataset.parseRegressionCSV(text, name: "r.csv"); return "no error" } catch { return error.description }
        }
        XCTAssertEqual(problem("0,0,abc\n"), "row 1: target is not a number: \"abc\"")
        XCTAssertEqual(problem("0,0\n"), "row 1: expected 3 values (x1,x2,target), found 2: \"0,0\"")
        XCTAssertEqual(problem("0,0,2e6\n"), "row 1: target must be between -1000000 and 1000000, found 2e6")
        XCTAssertEqual(problem("x1,x2,target\n"), "row 1: no data rows")
    }

    /// Traces keep their fields; under regression the accuracies are null.
    func testTraceWritesNullAccuracy() {
        var settings = MLPSettings()
        settings.sizes = [2, 1]
        settings.output = .linear
        settings.initialWeights = [[[0], [1], [0]]]
        var trainer = MLPTrainer(samples: [Sample(1, 0, target: 1)], settings: settings, seed: 1)
        let summary = trainer.runEpoch()!
        XCTAssertEqual(trainer.traceRecord(summary),
                       #"{"model":"mlp","epoch":1,"loss":0,"accuracy":null,"val_loss":null,"val_accuracy":null,"layers":[[[0],[1],[0]]]}"#)
    }
}
