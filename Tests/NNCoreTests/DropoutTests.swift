import XCTest
@testable import NNCore

final class DropoutTests: XCTestCase {
    /// A 2-3-2-1 network with weights drawn from a seed.
    private func network(_ activation: Activation, seed: UInt64 = 5) -> MLP {
        var rng = SplitMix64(seed: seed)
        return MLP(sizes: [2, 3, 2, 1], activation: activation, output: .sigmoid, initialization: .uniform(range: 0.9), rng: &rng)
    }

    private func outputs(_ net: MLP, _ input: [Double]) -> ForwardPass {
        var pass = ForwardPass(sizes: net.sizes)
        net.forward(input, into: &pass)
        return pass
    }

    /// A kept unit sends exactly f(net)·1/(1 − p); a dropped one sends 0 and gets δ = 0.
    func testKeptUnitsAreScaledByExactlyOneOverOneMinusPAndDroppedOnesAreZero() {
        let net = network(.tanh)
        let mask = DropoutMask(scales: [[0, 1 / (1 - 0.3), 1 / (1 - 0.3)], [1 / (1 - 0.3), 0]])
        var pass = ForwardPass(sizes: net.sizes)
        net.backpropagate([0.4, -0.7], target: [1], loss: .squaredError, mask: mask, into: &pass)
        for l in 1...2 {
            for j in 0..<net.sizes[l] {
                let net_j = pass.preActivation(layer: l, unit: j)
                if mask.isDropped(layer: l, unit: j) {
                    XCTAssertEqual(pass.activation(layer: l, unit: j).bitPattern, 0, "z of a dropped unit is +0")
                    XCTAssertEqual(pass.delta(layer: l, unit: j), 0)
                } else {
                    XCTAssertEqual(pass.activation(layer: l, unit: j), (1 / (1 - 0.3)) * Activation.tanh.value(net_j))
                }
            }
        }
        XCTAssertEqual(mask.dropped, [[1, 0, 0], [0, 1]])
    }

    /// Inverted dropout keeps each unit's expected output: the mean of many masked, scaled outputs is the
    /// unmasked one (within five standard errors).
    func testTheMeanOfManyMaskedOutputsIsTheUnmaskedOne() {
        let net = network(.sigmoid)
        let plain = outputs(net, [0.4, -0.7])
        for p in [0.2, 0.5] {
            var rng = SplitMix64(seed: 9)
            var sums = [0.0, 0.0, 0.0]
            let draws = 20_000
            var pass = ForwardPass(sizes: net.sizes)
            for _ in 0..<draws {
                let mask = DropoutMask(sizes: net.sizes, rate: p, rng: &rng)
                net.backpropagate([0.4, -0.7], target: [1], loss: .squaredError, mask: mask, into: &pass)
                for j in 0..<3 { sums[j] += pass.activation(layer: 1, unit: j) }
            }
            for j in 0..<3 {
                let z = plain.activation(layer: 1, unit: j)
                // Each draw is z/(1 − p) with probability 1 − p, else 0: variance z²·p/(1 − p).
                let standardError = z * (p / (1 - p)).squareRoot() / Double(draws).squareRoot()
                XCTAssertEqual(sums[j] / Double(draws), z, accuracy: 5 * standardError, "p = \(p), h\(j + 1)")
            }
        }
    }

    /// With a fixed mask, −δ_j z_i is ∂E/∂w_ij of the thinned network, by central differences.
    func testGradientsWithAFixedMaskMatchFiniteDifferences() {
        let mask = DropoutMask(scales: [[2, 0, 2], [0, 2]])
        let other = DropoutMask(scales: [[0, 1.25, 1.25], [1.25, 1.25]])
        for activation in Activation.allCases {
            for mask in [mask, other] {
                let net = network(activation)
                let input = [0.37, -0.81], target = [1.0]
                var pass = ForwardPass(sizes: net.sizes)
                net.backpropagate(input, target: target, loss: .squaredError, mask: mask, into: &pass)
                assertGradientsMatchFiniteDifferences(net, pass, label: "\(activation) \(mask.dropped)") { n in
                    var p = ForwardPass(sizes: n.sizes)
                    n.backpropagate(input, target: target, loss: .squaredError, mask: mask, into: &p)
                    return n.loss(.squaredError, target: target, p)
                }
            }
        }
    }

    private func trainer(dropout: Double = 0, maxNorm: Double? = nil, seed: UInt64 = 3, batch: Int = 1,
                         weights: [[[Double]]]? = nil) -> MLPTrainer {
        var settings = MLPSettings()
        settings.initialWeights = weights
        settings.sizes = [2, 6, 1]
        settings.activation = .tanh
        settings.dropout = dropout
        settings.maxNorm = maxNorm
        settings.batchSize = batch
        settings.learningRate = 0.3
        let samples = DatasetGenerator(kind: .xor, count: 24, noise: 0.1).generate(seed: 2).samples
        return MLPTrainer(samples: samples, settings: settings, seed: seed)
    }

    /// The masks come from the trainer's generator: the same seed trains the same weights; from the same first
    /// weights, another seed draws other masks.
    func testDropoutIsDeterministicBySeed() throws {
        let first = trainer().network.nestedWeights
        func run(seed: UInt64, batch: Int, dropout: Double = 0.5) -> MLPTrainer {
            var t = trainer(dropout: dropout, seed: seed, batch: batch, weights: first)
            t.run(maxEpochs: 5)
            return t
        }
        for batch in [1, 5] {
            let a = run(seed: 3, batch: batch), b = run(seed: 3, batch: batch)
            XCTAssertEqual(a.network.parameters, b.network.parameters)
            XCTAssertEqual(a.history, b.history)
            XCTAssertNotEqual(a.network.parameters, run(seed: 4, batch: batch).network.parameters)
            XCTAssertNotEqual(a.network.parameters, run(seed: 3, batch: batch, dropout: 0).network.parameters)
        }
        // Each update draws its own mask: a handful of them are not all alike.
        var t = trainer(dropout: 0.5)
        let masks = (0..<6).compactMap { _ in t.step()?.mask }
        XCTAssertEqual(masks.count, 6)
        XCTAssertGreaterThan(Set(masks).count, 1)
    }

    /// Evaluation uses every unit unscaled: the epoch's loss is the plain network's on the training points.
    func testEvaluationHasNoDropout() throws {
        var t = trainer(dropout: 0.5)
        let summary = try XCTUnwrap(t.runEpoch())
        let plain = t.evaluate(t.trainingSet)
        XCTAssertEqual(summary.loss, plain.loss, accuracy: 1e-12)
        XCTAssertEqual(summary.accuracy, plain.accuracy)
        // The last update's loss is the thinned network's (a mask was drawn), not the evaluation's.
        let update = try XCTUnwrap(t.step())
        XCTAssertNotNil(update.mask)
    }

    /// The reference path (`trainBatch`) computes what the fused kernels do: a max-norm that never clips
    /// trains the very same bits as none.
    func testTheReferencePathGivesTheFastPathsBits() {
        var fast = trainer(), reference = trainer(maxNorm: 1e9)
        XCTAssertFalse(fast.trainsOnReferencePath)
        XCTAssertTrue(reference.trainsOnReferencePath)
        fast.run(maxEpochs: 20)
        reference.run(maxEpochs: 20)
        XCTAssertEqual(fast.network.parameters, reference.network.parameters)
        XCTAssertEqual(fast.history, reference.history)
    }
}

final class MaxNormTests: XCTestCase {
    /// Hand-worked: into h1 (3, 4) has length 5 and c = 1 makes it (0.6, 0.8); h2's (0.3, −0.4) is shorter
    /// than 1 and stays; the biases never change.
    func testTheClipIsExact() {
        // layers[0]: rows bias, x1, x2 → (h1, h2); layers[1]: rows bias, h1, h2 → o, whose (1, 1) has length √2.
        var net = MLP(sizes: [2, 2, 1], activation: .sigmoid, output: .sigmoid,
                      nested: [[[7, -9], [3, 0.3], [4, -0.4]], [[5], [1], [1]]])
        let clips = net.clipIncomingNorms(to: 1)
        XCTAssertEqual(net.nestedWeights[0], [[7, -9], [0.6, 0.3], [0.8, -0.4]])
        XCTAssertEqual(clips, [MaxNormClip(layer: 1, unit: 0, norm: 5), MaxNormClip(layer: 2, unit: 0, norm: 2.0.squareRoot())])
        XCTAssertEqual(net.nestedWeights[1][0], [5])
        XCTAssertEqual(net.nestedWeights[1][1][0], net.nestedWeights[1][2][0])
        XCTAssertEqual(net.nestedWeights[1][1][0], 1 / 2.0.squareRoot(), accuracy: 1e-16)
        // c = 2: (3, 4) becomes (1.2, 1.6), each rounded once.
        var wide = MLP(sizes: [2, 1, 1], activation: .sigmoid, output: .sigmoid, nested: [[[0], [3], [4]], [[0], [1]]])
        _ = wide.clipIncomingNorms(to: 2)
        XCTAssertEqual(wide.nestedWeights[0], [[0], [1.2], [1.6]])
    }

    /// After every update no unit's incoming weights are longer than c, and the update lists the clips.
    func testEveryUpdateEndsWithinTheNorm() throws {
        var settings = MLPSettings()
        settings.sizes = [2, 4, 1]
        settings.learningRate = 5
        settings.maxNorm = 1.5
        settings.initialization = .uniform(range: 2)
        var t = MLPTrainer(samples: DatasetGenerator(kind: .xor, count: 20, noise: 0.1).generate(seed: 1).samples, settings: settings, seed: 1)
        var clipped = 0
        for _ in 0..<40 {
            let update = try XCTUnwrap(t.step())
            clipped += update.clips.count
            for l in 0..<2 {
                let fanOut = t.network.sizes[l + 1]
                for j in 0..<fanOut {
                    let norm = (1...t.network.sizes[l]).reduce(0.0) { $0 + pow(t.network.weight(layer: l, from: $1, to: j), 2) }.squareRoot()
                    XCTAssertLessThanOrEqual(norm, 1.5 * (1 + 1e-15))
                    let clip = update.clips.first { $0.layer == l + 1 && $0.unit == j }
                    if let clip { XCTAssertGreaterThan(clip.norm, 1.5) }
                }
            }
        }
        XCTAssertGreaterThan(clipped, 0)
    }
}
