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

    /// A network with random weights and biases, 13 random images and their labels.
    private static func randomBatch(_ shape: [Int], _ layers: [CNNLayer]) throws -> (ConvNet, [Tensor], [Int]) {
        var rng = SplitMix64(seed: 5)
        var network = try ConvNet(inputShape: shape, layers: layers, rng: &rng)
        for l in network.biases.indices { network.biases[l] = network.biases[l].map { _ in rng.uniform(-0.1, 0.1) } }
        let count = shape.reduce(1, *), classes = network.outputShape[0]
        let images = (0..<13).map { _ in Tensor(channels: shape[0], height: shape[1], width: shape[2], values: (0..<count).map { _ in rng.uniform(-1, 1) }) }
        return (network, images, images.indices.map { $0 % classes })
    }

    func testABatchGivesTheBitsOfItsImagesInTurnOnAnyThreads() throws {
        for (name, shape, layers) in Self.networks {
            let (network, images, labels) = try Self.randomBatch(shape, layers)
            let classes = network.outputShape[0]
            var expected = ConvNetGradients(zeroFor: network)
            var probabilities: [[Double]] = []
            for (image, label) in zip(images, labels) {
                let outputs = network.forward(image)
                probabilities.append(outputs.last!.values)
                network.addGradients(outputs, label: label, into: &expected)
            }
            for threads in 1...3 {
                var batch = ConvNetBatch<Double>(network: network, capacity: images.count, threads: threads)
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

    /// Single precision (`precision: single`): a batch gives the same bits on 1, 2 and 3 threads, and its
    /// probabilities and summed gradients are the double-precision ones within Float's rounding (each layer's
    /// gradient within 1e-4 of the Double one, relative to its norm).
    func testASinglePrecisionBatchIsTheSameOnAnyThreadsAndCloseToDouble() throws {
        for (name, shape, layers) in Self.networks {
            let (network, images, labels) = try Self.randomBatch(shape, layers)
            let classes = network.outputShape[0]
            var double = ConvNetBatch<Double>(network: network, capacity: images.count, threads: 1)
            var expected = ConvNetGradients(zeroFor: network)
            double.forward(images, through: network)
            let probabilities = images.indices.map { i in (0..<classes).map { double.probability($0, image: i, of: images.count) } }
            double.backward(labels: labels, into: &expected)
            var results: [([[Double]], [[Float]], [[Float]])] = []
            for threads in 1...3 {
                var batch = ConvNetBatch<Float>(network: network, capacity: images.count, threads: threads)
                var (weights, biases) = (network.weights.map { [Float](repeating: 0, count: $0.count) }, network.biases.map { [Float](repeating: 0, count: $0.count) })
                batch.forward(images, through: network)
                let batchProbabilities = images.indices.map { i in (0..<classes).map { batch.probability($0, image: i, of: images.count) } }
                batch.backward(labels: labels, weightGradients: &weights, biasGradients: &biases)
                results.append((batchProbabilities, weights, biases))
            }
            for threads in 2...3 {
                XCTAssertEqual(results[threads - 1].0, results[0].0, "\(name), \(threads) threads")
                XCTAssertEqual(results[threads - 1].1, results[0].1, "\(name), \(threads) threads")
                XCTAssertEqual(results[threads - 1].2, results[0].2, "\(name), \(threads) threads")
            }
            let (single, weights, biases) = results[0]
            XCTAssertNotEqual(single, probabilities, name)
            for (p, q) in zip(single.joined(), probabilities.joined()) { XCTAssertEqual(p, q, accuracy: 1e-5, name) }
            for l in network.layers.indices where !expected.weights[l].isEmpty {
                XCTAssertLessThanOrEqual(Self.relativeDistance(weights[l].map(Double.init), expected.weights[l]), 1e-4, "\(name), layer \(l)")
                XCTAssertLessThanOrEqual(Self.relativeDistance(biases[l].map(Double.init), expected.biases[l]), 1e-4, "\(name), layer \(l)")
            }
        }
    }

    /// Training in single precision against double on a small LeNet-like network: each batch's loss within 1e-4
    /// (relative) and the weights within 1e-4 of their norm after 8 batches; the same bits on one and two threads.
    func testSinglePrecisionTrainingFollowsDouble() throws {
        let shape = [1, 16, 16]
        let layers: [CNNLayer] = [
            .convolution(kernels: 6, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu), .pooling(.max, size: 2, stride: 2),
            .convolution(kernels: 16, size: 3, stride: 1, padding: .valid, mode: .correlation), .activation(.relu), .pooling(.max, size: 2, stride: 2),
            .convolution(kernels: 32, size: 2, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
            .flatten, .dense(units: 20), .activation(.relu), .dense(units: 10), .softmax]
        var rng = SplitMix64(seed: 7)
        let network = try ConvNet(inputShape: shape, layers: layers, rng: &rng)
        let images = (0..<128).map { n in
            LabeledImage(image: Tensor(channels: 1, height: 16, width: 16, values: (0..<256).map { k in rng.uniform(0, 1) + ((k / 16) % 10 == n % 10 ? 1 : 0) }),
                         label: n % 10)
        }
        func trained(_ precision: CNNPrecision, threads: Int) -> (losses: [Double], network: ConvNet) {
            var settings = CNNSettings()
            settings.batchSize = 16
            settings.testSplit = 0
            settings.threads = threads
            settings.precision = precision
            var trainer = CNNTrainer(images: images, network: network, settings: settings, seed: 3)
            XCTAssertEqual(trainer.trainsInSinglePrecision, precision == .single)
            let losses = (0..<8).map { _ in trainer.step()! }
            return (losses, trainer.network)
        }
        let double = trained(.double, threads: 1), single = trained(.single, threads: 1)
        XCTAssertEqual(trained(.single, threads: 2).network, single.network)
        XCTAssertNotEqual(single.losses, double.losses)
        for (a, b) in zip(single.losses, double.losses) { XCTAssertEqual(a, b, accuracy: 1e-4 * b) }
        XCTAssertLessThan(double.losses.last!, double.losses.first!)
        for l in network.layers.indices where !network.weights[l].isEmpty {
            XCTAssertLessThanOrEqual(Self.relativeDistance(single.network.weights[l], double.network.weights[l]), 1e-4, "layer \(l)")
        }
    }

    /// ‖a − b‖ / ‖b‖.
    private static func relativeDistance(_ a: [Double], _ b: [Double]) -> Double {
        let difference = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +), norm = b.map { $0 * $0 }.reduce(0, +)
        return (difference / norm).squareRoot()
    }
}
