import XCTest
@testable import NNCore

final class CNNDropoutTests: XCTestCase {
    /// conv → relu → flatten → dense(5) → tanh → dense(3) → softmax on a 5×5 image.
    private func network() throws -> ConvNet {
        var rng = SplitMix64(seed: 4)
        return try ConvNet(inputShape: [1, 5, 5], layers: [.convolution(kernels: 2, size: 3, stride: 1, padding: .valid, mode: .correlation),
                                                          .activation(.relu), .flatten, .dense(units: 5), .activation(.tanh),
                                                          .dense(units: 3), .softmax], rng: &rng)
    }

    private let image = Tensor(channels: 1, height: 5, width: 5, values: (0..<25).map { Double(($0 * 7) % 11) / 10 - 0.3 })

    /// A mask per dense stage, one scale per input value: 0 or exactly 1/(1 − p).
    func testMasksCoverTheDenseStagesInputs() throws {
        let net = try network()
        var rng = SplitMix64(seed: 1)
        let masks = net.dropoutMasks(rate: 0.25, rng: &rng)
        XCTAssertEqual(masks.keys.sorted(), [3, 5])
        XCTAssertEqual(masks[3]?.count, 18)
        XCTAssertEqual(masks[5]?.count, 5)
        XCTAssertEqual(Set(masks.values.joined()), [0, 1 / (1 - 0.25)])
        // Nothing masked: the plain forward pass, to the bit.
        XCTAssertEqual(net.forward(image, dropping: [:]), net.forward(image))
    }

    /// With fixed masks, the gradients are those of the thinned network, by central differences.
    func testGradientsWithFixedMasksMatchFiniteDifferences() throws {
        let net = try network()
        var rng = SplitMix64(seed: 2)
        let masks = net.dropoutMasks(rate: 0.5, rng: &rng)
        XCTAssertTrue(masks[3]!.contains(0) && masks[3]!.contains(2))
        var gradients = ConvNetGradients(zeroFor: net)
        net.addGradients(net.forward(image, dropping: masks), label: 1, dropping: masks, into: &gradients)
        func loss(_ n: ConvNet) -> Double { ConvNet.crossEntropy(n.forward(image, dropping: masks).last!, label: 1) }
        let h = 1e-6
        for l in [0, 3, 5] {
            for n in net.weights[l].indices {
                var plus = net, minus = net
                plus.weights[l][n] += h
                minus.weights[l][n] -= h
                let numeric = (loss(plus) - loss(minus)) / (2 * h)
                XCTAssertEqual(gradients.weights[l][n], numeric, accuracy: 1e-7 + 1e-5 * abs(numeric), "w[\(l)][\(n)]")
            }
        }
    }

    /// Training with dropout is deterministic by seed, differs from training without, and leaves the test
    /// evaluation unmasked.
    func testTrainingIsDeterministicBySeed() throws {
        let images = Optdigits.images.prefix(60).map { LabeledImage(image: $0.image, label: $0.label % 3) }
        var rng = SplitMix64(seed: 3)
        let net = try ConvNet(inputShape: [1, 8, 8], layers: [.flatten, .dense(units: 3), .softmax], rng: &rng)
        var settings = CNNSettings()
        settings.maxEpochs = 2
        settings.batchSize = 8
        func train(_ p: Double, seed: UInt64 = 1) -> CNNTrainer {
            var s = settings
            s.dropout = p
            var t = CNNTrainer(images: images, network: net, settings: s, seed: seed)
            t.run()
            return t
        }
        let a = train(0.5), b = train(0.5)
        XCTAssertEqual(a.network, b.network)
        XCTAssertEqual(a.history, b.history)
        XCTAssertNotEqual(a.network, train(0).network)
        XCTAssertEqual(a.history.last?.testAccuracy, a.evaluate(a.testSet).accuracy)
    }

    /// The trainer keeps the masks the last image of the last batch met: with one image a batch, the first
    /// draws after the test split's and the epoch's shuffles. `setDropout` acts from the next batch on.
    func testTheTrainerKeepsTheLastImagesMasks() throws {
        let images = Optdigits.images.prefix(20).map { LabeledImage(image: $0.image, label: $0.label % 3) }
        var rng = SplitMix64(seed: 3)
        let net = try ConvNet(inputShape: [1, 8, 8], layers: [.flatten, .dense(units: 4), .activation(.tanh), .dense(units: 3), .softmax],
                              rng: &rng)
        var settings = CNNSettings()
        settings.batchSize = 1
        settings.dropout = 0.5
        var t = CNNTrainer(images: images, network: net, settings: settings, seed: 7)
        XCTAssertEqual(t.lastMasks, [:])
        t.step()
        var draws = SplitMix64(seed: 7)
        var split = Array(images.indices), order = Array(t.trainingSet.indices)
        draws.shuffle(&split)
        draws.shuffle(&order)
        let masks = net.dropoutMasks(rate: 0.5, rng: &draws)
        XCTAssertEqual(t.lastMasks, masks)
        XCTAssertEqual(masks[1]?.count, 64)
        XCTAssertEqual(masks[3]?.count, 4)
        t.setDropout(0)
        t.step()
        XCTAssertEqual(t.lastMasks, [:])
        XCTAssertEqual(t.settings.dropout, 0)
    }
}
