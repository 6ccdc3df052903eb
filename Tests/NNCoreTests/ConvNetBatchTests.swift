@testable import NNCore
import XCTest

/// The batched passes (`ConvNetBatch`) against the reference layers one image at a time: the same bits for the
/// outputs and the summed gradients, on any number of threads.
final class ConvNetBatchTests: XCTestCase {
    private static let networks: [(name: String, shape: [Int], layers: [CNNLayer])] = [
        ("LeNet-5 on 1×32×32", [1, 32, 32], [
            .convolution(kernels: 6, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
            .pooling(.max, size: 2, stride: 2),
            .convolution(kernels: 16, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
            .pooling(.max, size: 2, stride: 2),
            .convolution(kernels: 120, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
            .flatten, .dense(units: 84), .activation(.relu), .dense(units: 10), .softmax]),
        ("padded, flipped and tanh on 3×9×11", [3, 9, 11], [
            .convolution(kernels: 5, size: 3, stride: 1, padding: .same, mode: .convolution), .activation(.tanh),
            .pooling(.max, size: 2, stride: 2), .convolution(kernels: 7, size: 4, stride: 1, padding: .valid, mode: .convolution),
            .activation(.sigmoid), .dense(units: 6), .activation(.linear), .dense(units: 3), .softmax]),
        ("the cnn-digits shape on 1×8×8", [1, 8, 8], [
            .convolution(kernels: 16, size: 3, stride: 1, padding: .same, mode: .correlation), .activation(.relu),
            .pooling(.max, size: 2, stride: 2), .flatten, .dense(units: 10), .softmax]),
    ]

    func testABatchGivesTheBitsOfItsImagesInTurnOnAnyThreads() throws {
        for (name, shape, layers) in Self.networks {
            var rng = SplitMix64(seed: 5)
            var network = try ConvNet(inputShape: shape, layers: layers, rng: &rng)
            for l in network.biases.indices { network.biases[l] = network.biases[l].map { _ in rng.uniform(-0.1, 0.1) } }
            let count = shape.reduce(1, *), classes = network.outputShape[0]
            let images = (0..<13).map { _ in Tensor(channels: shape[0], height: shape[1], width: shape[2], values: (0..<count).map { _ in rng.uniform(-1, 1) }) }
            let labels = images.indices.map { $0 % classes }
            var expected = ConvNetGradients(zeroFor: network)
            var probabilities: [[Double]] = []
            for (image, label) in zip(images, labels) {
                let outputs = network.forward(image)
                probabilities.append(outputs.last!.values)
                network.addGradients(outputs, label: label, into: &expected)
            }
            for threads in 1...3 {
                var batch = ConvNetBatch(network: network, capacity: images.count, threads: threads)
                var gradients = ConvNetGradients(zeroFor: network)
                batch.forward(images, through: network)
                let batchProbabilities = images.indices.map { i in (0..<classes).map { batch.probability($0, image: i, of: images.count) } }
                XCTAssertEqual(batchProbabilities, probabilities, "\(name), \(threads) threads")
                batch.backward(labels: labels, into: &gradients)
                XCTAssertEqual(gradients, expected, "\(name), \(threads) threads")
            }
        }
    }

    /// The trainer on the batched path: identical weights after some batches on one and on two threads, and a
    /// batch bigger than the buffers (gone through in parts) as one image at a time would give.
    func testTrainingIsTheSameOnOneAndTwoThreads() throws {
        let (_, shape, layers) = Self.networks[1]
        var rng = SplitMix64(seed: 6)
        let network = try ConvNet(inputShape: shape, layers: layers, rng: &rng)
        let count = shape.reduce(1, *)
        let images = (0..<150).map { n in
            LabeledImage(image: Tensor(channels: shape[0], height: shape[1], width: shape[2], values: (0..<count).map { _ in rng.uniform(-1, 1) }), label: n % 3)
        }
        var trained: [ConvNet] = []
        for (threads, batchSize) in [(1, 32), (2, 32), (1, 100), (2, 100)] {
            var settings = CNNSettings()
            settings.threads = threads
            settings.batchSize = batchSize
            settings.testSplit = 0
            var trainer = CNNTrainer(images: images, network: network, settings: settings, seed: 3)
            for _ in 0..<6 { trainer.step() }
            trained.append(trainer.network)
        }
        XCTAssertEqual(trained[0], trained[1])
        XCTAssertEqual(trained[2], trained[3])
        XCTAssertNotEqual(trained[0], network)
        // One batch of 100 images by hand, one image at a time, against the trainer's (parts of 64 and 36).
        var settings = CNNSettings()
        settings.batchSize = 100
        settings.testSplit = 0
        var trainer = CNNTrainer(images: images, network: network, settings: settings, seed: 3)
        var gradients = ConvNetGradients(zeroFor: network)
        var expected = network
        trainer.step()
        var split = Array(images.indices), order = split
        var shuffle = SplitMix64(seed: 3)
        shuffle.shuffle(&split)   // the split's draw (no test set)
        shuffle.shuffle(&order)   // the first epoch's order
        for n in order.prefix(100) { network.addGradients(network.forward(images[n].image), label: images[n].label, into: &gradients) }
        for l in expected.layers.indices {
            for k in expected.weights[l].indices { expected.weights[l][k] += -(settings.learningRate / 100) * gradients.weights[l][k] + 0 }
            for k in expected.biases[l].indices { expected.biases[l][k] += -(settings.learningRate / 100) * gradients.biases[l][k] + 0 }
        }
        XCTAssertEqual(trainer.network, expected)
    }
}
