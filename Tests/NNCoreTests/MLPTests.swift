import XCTest
@testable import NNCore

final class MLPGradientTests: XCTestCase {
    /// −δ_j z_i must equal ∂E/∂w_ij by central differences, for every activation, output and loss.
    func testBackpropagationMatchesFiniteDifferences() {
        var rng = SplitMix64(seed: 11)
        for activation in Activation.allCases {
            for output in OutputActivation.allCases {
                // A linear output (regression) takes squared error only, as scenarios allow.
                for loss in Loss.allCases where output != .linear || loss == .squaredError {
                    let sizes = output == .softmax ? [2, 4, 3, 3] : [2, 4, 3, 1]
                    let net = MLP(sizes: sizes, activation: activation, output: output, initialization: .uniform(range: 0.8), rng: &rng)
                    let input = [0.37, -0.81]
                    let target = net.target(forClass: output == .softmax ? 2 : 1)
                    check(net, input: input, target: target, loss: loss, label: "\(activation) \(output) \(loss)")
                }
            }
        }
    }

    private func check(_ net: MLP, input: [Double], target: [Double], loss: Loss, label: String) {
        var pass = ForwardPass(sizes: net.sizes)
        net.backpropagate(input, target: target, loss: loss, into: &pass)
        assertGradientsMatchFiniteDifferences(net, pass, label: label) { n in
            var p = ForwardPass(sizes: n.sizes)
            n.forward(input, into: &p)
            return n.loss(loss, target: target, p)
        }
    }
}

/// −δ_j z_i (from `pass`, the network's backpropagation) against ∂E/∂w_ij by central differences of `error`.
func assertGradientsMatchFiniteDifferences(_ net: MLP, _ pass: ForwardPass, label: String, error: (MLP) -> Double,
                                           file: StaticString = #filePath, line: UInt = #line) {
    let h = 1e-6
    for l in net.weights.indices {
        let fanOut = net.sizes[l + 1]
        for n in net.weights[l].indices {
            let i = n / fanOut, j = n % fanOut
            let z = i == 0 ? 1 : pass.activations[l][i - 1]
            let analytic = -pass.deltas[l + 1][j] * z
            var plus = net, minus = net
            plus.weights[l][n] += h
            minus.weights[l][n] -= h
            let numeric = (error(plus) - error(minus)) / (2 * h)
            XCTAssertEqual(analytic, numeric, accuracy: 1e-7 + 1e-5 * abs(numeric), "\(label) w[\(l)][\(i)][\(j)]", file: file, line: line)
        }
    }
}

final class MLPLectureTests: XCTestCase {
    /// A 2-2-1 sigmoid net: layer 0 rows bias, x1, x2 → (h1, h2); layer 1 rows bias, h1, h2 → o.
    static let weights: [[[Double]]] = [[[0.1, -0.2], [0.4, 0.3], [-0.5, 0.2]], [[0.05], [0.6], [-0.4]]]

    static func trainer(momentum: Double = 0, decay: Double = 0, samples: [Sample] = [Sample(1, 0, label: 1)]) -> MLPTrainer {
        var settings = MLPSettings()
        settings.initialWeights = weights
        settings.momentum = momentum
        settings.weightDecay = decay
        return MLPTrainer(samples: samples, settings: settings, seed: 1)
    }

    /// The lecture's formulas written out for this net equal what the generic backpropagation computes.
    func testLectureDeltasEqualGenericBackprop() throws {
        var t = Self.trainer()
        let u = try XCTUnwrap(t.step())
        let s: (Double) -> Double = { 1 / (1 + exp(-$0)) }
        let z1 = s(0.1 + 0.4 * 1 + -0.5 * 0), z2 = s(-0.2 + 0.3 * 1 + 0.2 * 0)
        let yhat = s(0.05 + 0.6 * z1 + -0.4 * z2)
        let deltaO = yhat * (1 - yhat) * (1 - yhat)                   // δ^o = ŷ(1−ŷ)(y−ŷ)
        let delta1 = z1 * (1 - z1) * (0.6 * deltaO)                    // δ^h_j = z_j(1−z_j) Σ_k w^o_jk δ^o_k
        let delta2 = z2 * (1 - z2) * (-0.4 * deltaO)
        // The C library's exp and the kernels' agree to within an ulp or two.
        XCTAssertEqual(u.pass.activations[1][0], z1, accuracy: 1e-15)
        XCTAssertEqual(u.pass.activations[1][1], z2, accuracy: 1e-15)
        XCTAssertEqual(u.pass.outputs[0], yhat, accuracy: 1e-15)
        XCTAssertEqual(u.pass.deltas[2][0], deltaO, accuracy: 1e-16)
        XCTAssertEqual(u.pass.deltas[1][0], delta1, accuracy: 1e-16)
        XCTAssertEqual(u.pass.deltas[1][1], delta2, accuracy: 1e-16)
    }

    /// One hand-worked step (values computed independently): x = (1, 0), y = 1, η = 0.5.
    func testOneHandWorkedUpdate() throws {
        var t = Self.trainer()
        let u = try XCTUnwrap(t.step())
        XCTAssertEqual(u.pass.activations[1][0], 0.6224593312018546, accuracy: 1e-15)
        XCTAssertEqual(u.pass.activations[1][1], 0.5249791874789399, accuracy: 1e-15)
        XCTAssertEqual(u.pass.outputs[0], 0.5531692002523542, accuracy: 1e-15)
        XCTAssertEqual(u.loss, 0.09982888180156038, accuracy: 1e-15)
        XCTAssertEqual(u.pass.deltas[2][0], 0.11044452541651191, accuracy: 1e-15)
        XCTAssertEqual(u.pass.deltas[1][0], 0.01557292407913419, accuracy: 1e-15)
        XCTAssertEqual(u.pass.deltas[1][1], -0.01101688736374118, accuracy: 1e-15)
        let expectedOutput = [0.055222262708255955, 0.034373612712834116, 0.028990538607328774]
        let expectedHidden = [0.007786462039567095, -0.00550844368187059, 0.007786462039567095, -0.00550844368187059, 0, 0]
        for (a, b) in zip(u.weightChanges[1], expectedOutput) { XCTAssertEqual(a, b, accuracy: 1e-15) }
        for (a, b) in zip(u.weightChanges[0], expectedHidden) { XCTAssertEqual(a, b, accuracy: 1e-15) }
        for l in 0..<2 {
            for n in t.network.weights[l].indices {
                XCTAssertEqual(t.network.weights[l][n], u.weightsBefore[l][n] + u.weightChanges[l][n])
            }
        }
    }

    /// Second step on the same sample with α = 0.9: Δw(2) = η δ z + 0.9 Δw(1).
    func testMomentumAddsThePreviousChange() throws {
        var t = Self.trainer(momentum: 0.9)
        let first = try XCTUnwrap(t.step())
        var plain = Self.trainer()
        plain.step()
        let second = try XCTUnwrap(t.step())
        for l in 0..<2 {
            for n in second.weightChanges[l].indices {
                XCTAssertEqual(second.momentumTerms[l][n], 0.9 * first.weightChanges[l][n], accuracy: 1e-18)
            }
        }
        XCTAssertEqual(first.weightChanges, plain.lastUpdate!.weightChanges)
        // Gradient part of step 2 = change − momentum term, and equals η δ z for the sample at the step-2 weights.
        var check = ForwardPass(sizes: [2, 2, 1])
        let before = MLP(sizes: [2, 2, 1], activation: .sigmoid, output: .sigmoid, weights: second.weightsBefore)
        before.backpropagate([1, 0], target: [1], loss: .squaredError, into: &check)
        XCTAssertEqual(second.weightChanges[1][0] - second.momentumTerms[1][0], 0.5 * check.deltas[2][0], accuracy: 1e-15)
    }

    /// Weight decay λ pulls each non-bias weight by −η λ w; biases are left alone.
    func testWeightDecay() throws {
        var decayed = Self.trainer(decay: 0.1)
        var plain = Self.trainer()
        let d = try XCTUnwrap(decayed.step()), p = try XCTUnwrap(plain.step())
        let w = Self.weights
        XCTAssertEqual(d.weightChanges[1][0], p.weightChanges[1][0], accuracy: 1e-18)          // bias
        XCTAssertEqual(d.weightChanges[1][1], p.weightChanges[1][1] - 0.5 * 0.1 * w[1][1][0], accuracy: 1e-15)
        XCTAssertEqual(d.weightChanges[0][4], p.weightChanges[0][4] - 0.5 * 0.1 * w[0][2][0], accuracy: 1e-15)
    }

    /// XOR with a 2-2-1 sigmoid net from given weights: every output ends on the right side of 0.5.
    func testXORIsLearnedFromAGivenStart() {
        let xor = DatasetGenerator(kind: .xor).generate(seed: 1).samples
        var settings = MLPSettings()
        settings.initialWeights = [[[0.1, -0.3], [0.45, -0.4], [-0.35, 0.5]], [[0.2], [-0.45], [0.4]]]
        settings.maxEpochs = 5000
        var t = MLPTrainer(samples: xor, settings: settings, seed: 1)
        t.run()
        for s in xor {
            let out = t.network.predict([s.x1, s.x2])[0]
            XCTAssertEqual(out >= 0.5 ? 1 : 0, s.label, "XOR(\(s.x1), \(s.x2)) = \(out)")
        }
        XCTAssertEqual(t.history.last?.accuracy, 1)
    }

    /// Early stopping gives back the weights of the epoch with the lowest validation loss.
    func testEarlyStoppingRestoresTheBestEpoch() {
        let data = DatasetGenerator(kind: .overlapping, count: 80).generate(seed: 3).samples
        var settings = MLPSettings()
        settings.sizes = [2, 12, 1]
        settings.learningRate = 2
        settings.validationSplit = 0.3
        settings.patience = 15
        settings.maxEpochs = 2000
        var t = MLPTrainer(samples: data, settings: settings, seed: 5)
        t.run()
        guard case .earlyStopped(let bestEpoch, let atEpoch) = t.status else { return XCTFail("\(t.status)") }
        XCTAssertEqual(atEpoch - bestEpoch, 15)
        let bestLoss = t.history[bestEpoch - 1].validationLoss!
        XCTAssertEqual(t.history.compactMap(\.validationLoss).min(), bestLoss)
        XCTAssertEqual(t.evaluate(t.validationSet).loss, bestLoss, accuracy: 1e-12)
    }

    func testRestartsKeepTheLowestLoss() {
        let xor = DatasetGenerator(kind: .xor).generate(seed: 1).samples
        var settings = MLPSettings()
        settings.maxEpochs = 300
        settings.restarts = 4
        let (runs, best) = MLPRestarts.run(samples: xor, settings: settings, seed: 10)
        XCTAssertEqual(runs.count, 4)
        XCTAssertEqual(Set(runs.map(\.seed)), [10, 11, 12, 13])
        let losses = runs.map(MLPRestarts.finalLoss)
        XCTAssertEqual(losses[best], losses.min())
        // Watched epoch by epoch (nnx train's progress and --json), the runs are the same to the bit, with
        // early stopping too; every epoch of every run is seen once, in order.
        settings.validationSplit = 0.25
        settings.patience = 20
        let whole = MLPRestarts.run(samples: xor + xor, settings: settings, seed: 10)
        var seen: [[Int]] = [[], [], [], []]
        let watched = MLPRestarts.run(samples: xor + xor, settings: settings, seed: 10) { run, trainer in seen[run].append(trainer.epoch) }
        XCTAssertEqual(watched.runs.map(\.network), whole.runs.map(\.network))
        XCTAssertEqual(watched.runs.map(\.history), whole.runs.map(\.history))
        XCTAssertEqual(watched.best, whole.best)
        XCTAssertEqual(seen, whole.runs.map { Array(1...$0.epoch) })
    }

    /// A learning rate far too large makes the loss overflow: training stops with a status, no crash.
    func testDivergenceStopsTraining() {
        let data = DatasetGenerator(kind: .separable, count: 20).generate(seed: 1).samples
        var settings = MLPSettings()
        settings.activation = .linear
        settings.output = .sigmoid
        settings.loss = .crossEntropy
        settings.sizes = [2, 8, 8, 1]
        settings.learningRate = 1e6
        settings.initialization = .uniform(range: 50)
        var t = MLPTrainer(samples: data, settings: settings, seed: 2)
        t.run()
        guard case .diverged = t.status else { return XCTFail("\(t.status)") }
        XCTAssertNil(t.step())
    }
}
