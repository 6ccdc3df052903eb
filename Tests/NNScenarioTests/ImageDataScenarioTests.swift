import Foundation
import NNCore
import XCTest
@testable import NNScenario

/// Scenarios naming data sets in their distributed files (IDX, CIFAR-10 binary, pictures), which the tests
/// write to a fresh temporary folder.
final class ImageDataScenarioTests: ScenarioFolderTestCase {
    override var subfolder: String { "mnist" }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// An IDX file: the magic number and sizes big-endian, then the bytes.
    func idx(_ magic: Int, _ sizes: [Int], _ body: [UInt8]) -> [UInt8] {
        ([magic] + sizes).flatMap { v in (0..<4).map { UInt8((v >> (24 - 8 * $0)) & 0xFF) } } + body
    }

    /// `count` 3×3 images whose pixel i of image n is (first + 9n + i) % 256, labelled n % 10.
    func writeIDX(_ prefix: String, count: Int, first: Int) throws {
        try write(idx(0x803, [count, 3, 3], (0..<(9 * count)).map { UInt8((first + $0) % 256) }), to: "mnist/\(prefix)-images-idx3-ubyte")
        try write(idx(0x801, [count], (0..<count).map { UInt8($0 % 10) }), to: "mnist/\(prefix)-labels-idx1-ubyte")
    }

    /// A CNN scenario whose data is `images: <images>` (its value starts at line 5, column 11) and whose
    /// network is `layers` (flatten, dense 10, softmax unless given).
    func scenario(images: String, cnn: String = "  layers: [flatten, {dense: 10}, softmax]\n") throws -> String {
        let path = folder + "/s.yaml"
        try "title: T\nsummary: S\nmodel: cnn\ndata:\n  images: \(images)\ncnn:\n\(cnn)".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testAnIDXFolderGivesItsOwnTestSet() throws {
        try writeIDX("train", count: 5, first: 0)
        try writeIDX("t10k", count: 2, first: 100)
        let cnn = try XCTUnwrap(try ScenarioLoader.load(contentsOf: try scenario(images: "{idx: mnist}")).cnn)
        XCTAssertEqual(cnn.images.count, 7)
        XCTAssertEqual(cnn.training.ownTestCount, 2)
        XCTAssertEqual(cnn.inputShape, [1, 3, 3])
        let trainer = CNNTrainer(images: cnn.images, network: cnn.network(seed: 1), settings: cnn.training, seed: 1)
        XCTAssertEqual(trainer.trainingSet.map(\.label), [0, 1, 2, 3, 4])
        XCTAssertEqual(trainer.testSet.map(\.label), [0, 1])
        XCTAssertEqual(trainer.testSet[1].image.values.map { Int(($0 * 255).rounded()) }, Array(109..<118))
    }

    func testIDXFilesByName() throws {
        try writeIDX("train", count: 4, first: 0)
        try writeIDX("t10k", count: 1, first: 0)
        let named = "{idx: mnist/train-images-idx3-ubyte, labels: mnist/train-labels-idx1-ubyte, "
        let cnn = try XCTUnwrap(try ScenarioLoader.load(contentsOf: try scenario(images: named + "test_images: mnist/t10k-images-idx3-ubyte, test_labels: mnist/t10k-labels-idx1-ubyte}")).cnn)
        XCTAssertEqual(cnn.training.ownTestCount, 1)
        // Without a test set of its own the images are split by test_split as before.
        let trainOnly = try XCTUnwrap(try ScenarioLoader.load(contentsOf: try scenario(images: named + "}")).cnn)
        XCTAssertEqual(trainOnly.images.count, 4)
        XCTAssertNil(trainOnly.training.ownTestCount)
        let half = try scenario(images: named + "test_images: mnist/t10k-images-idx3-ubyte}")
        XCTAssertEqual(error(loading: half), "\(half):5:87: error: test_images and test_labels come together: the data's own test set is both files")
    }

    func testMissingDataSaysWhatIsNeededAndWhere() throws {
        let nowhere = try scenario(images: "{idx: nowhere}")
        XCTAssertEqual(error(loading: nowhere), "\(nowhere):5:17: error: there is no file or folder 'nowhere': idx names a folder holding train-images-idx3-ubyte, "
                       + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (plain or .gz), or the training images' file beside labels "
                       + "(and test_images, test_labels); \(ImageDataFiles.idxWhere); nothing is downloaded")
        try writeIDX("train", count: 2, first: 0)
        let half = try scenario(images: "{idx: mnist}")
        XCTAssertEqual(error(loading: half), "\(half):5:17: error: the folder 'mnist' does not hold t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (plain or .gz, one of each); "
                       + "it needs train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte: \(ImageDataFiles.idxWhere); nothing is downloaded")
        let cifar = try scenario(images: "{cifar10: cifar-10-batches-bin}")
        XCTAssertEqual(error(loading: cifar), "\(cifar):5:21: error: there is no folder 'cifar-10-batches-bin': CIFAR-10 needs data_batch_1.bin … data_batch_5.bin, "
                       + "test_batch.bin and batches.meta.txt: \(ImageDataFiles.cifarWhere); nothing is downloaded")
    }

    func testBrokenDataFilesAreNamedAtTheScenarioKey() throws {
        try writeIDX("train", count: 2, first: 0)
        try writeIDX("t10k", count: 2, first: 0)
        try write(idx(0x803, [3], [1, 2, 3]), to: "mnist/t10k-labels-idx1-ubyte")
        let path = try scenario(images: "{idx: mnist}")
        XCTAssertEqual(error(loading: path), "\(path):5:17: error: \(folder)/mnist/t10k-labels-idx1-ubyte at byte 0: the magic number is 0x00000803 "
                       + "(that of an image file), not 0x00000801 (labels: unsigned bytes, 1 dimension)")
        try write(idx(0x801, [3], [1, 2, 3]), to: "mnist/t10k-labels-idx1-ubyte")
        XCTAssertEqual(error(loading: path), "\(path):5:17: error: \(folder)/mnist/t10k-labels-idx1-ubyte: 3 labels for the 2 images of \(folder)/mnist/t10k-images-idx3-ubyte")
    }

    func testTestSplitBesideAnOwnTestSetIsAnError() throws {
        try writeIDX("train", count: 2, first: 0)
        try writeIDX("t10k", count: 2, first: 0)
        let path = try scenario(images: "{idx: mnist}", cnn: "  test_split: 0.2\n  layers: [flatten, {dense: 10}, softmax]\n")
        XCTAssertEqual(error(loading: path), "\(path):7:3: error: test_split holds out part of the images, but mnist has a test set of its own (2 images), "
                       + "which is the test set: remove test_split")
    }

    /// CIFAR-10's colour images go into a first convolution over 3 input maps with hand-set weights.
    func testCIFARColourFlowsIntoThreeInputMaps() throws {
        try FileManager.default.createDirectory(atPath: folder + "/cifar", withIntermediateDirectories: true)
        for (n, name) in (CIFAR10.trainingFiles + [CIFAR10.testFile]).enumerated() {
            // One record a file: label n, red 10, green 20, blue n.
            let red = [UInt8](repeating: 10, count: 1024), green = [UInt8](repeating: 20, count: 1024)
            let blue = [UInt8](repeating: UInt8(n), count: 1024)
            try write([UInt8(n)] + red + green + blue, to: "cifar/\(name)")
        }
        try "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n".write(toFile: folder + "/cifar/batches.meta.txt", atomically: true, encoding: .utf8)
        let cnn = try XCTUnwrap(try ScenarioLoader.load(contentsOf: try scenario(images: "{cifar10: cifar}", cnn: """
              layers:
                - conv: {kernels: 1, size: 1, weights: [[[[1]], [[2]], [[3]]]], frozen: true}
                - flatten
                - dense: 10
                - softmax

            """)).cnn)
        XCTAssertEqual(cnn.inputShape, [3, 32, 32])
        XCTAssertEqual(cnn.classNames?.last, "truck")
        XCTAssertEqual(cnn.training.ownTestCount, 1)
        let outputs = cnn.network(seed: 1).forward(cnn.images[5].image)
        let expected: Double = 10.0 / 255 + 2 * 20.0 / 255 + 3 * 5.0 / 255   // R + 2G + 3B of image 5
        XCTAssertEqual(outputs[1][0, 7, 9], expected, accuracy: 1e-15)
    }

    /// A picture larger than 64 pixels a side is scaled down to fit, keeping its shape.
    func testALargePictureIsScaledToFit() throws {
        try write(Array("P6\n128 32 255\n".utf8) + Array(repeating: 200, count: 128 * 32 * 3), to: "big.ppm")
        let cnn = try XCTUnwrap(try ScenarioLoader.load(contentsOf: try scenario(images: "big.ppm", cnn: "  layers: [{conv: {kernels: 1, size: 3}}]\n")).cnn)
        XCTAssertEqual(cnn.inputShape, [3, 16, 64])
        XCTAssertEqual(Set(cnn.images[0].image.values), [200.0 / 255])
    }
}
