import NNCore
import XCTest
@testable import NNScenario

/// The perceptron built-ins load, say what their files say, and behave as their summaries promise (the MLP
/// ones are in `MLPBuiltinScenarioTests`).
final class BuiltinScenarioTests: XCTestCase {
    static let cnnFiles = ["cnn-digits.yaml", "cnn-edge-kernels.yaml", "cnn-edge-shapes.yaml", "cnn-glyphs.yaml", "cnn-pooling.yaml"]
    static let lessonFiles = ["lesson-1-perceptron.yaml", "lesson-2-convergence.yaml", "lesson-2a-xor-by-hand.yaml",
                              "lesson-3-backpropagation.yaml", "lesson-3a-gradient-descent.yaml",
                              "lesson-4-local-minima.yaml", "lesson-5-overfitting.yaml", "lesson-6-convolution.yaml",
                              "lesson-7-cnn-digits.yaml"]
    static let mlpFiles = ["mlp-blobs-3-classes.yaml", "mlp-circle-features.yaml", "mlp-circles.yaml", "mlp-overfitting.yaml",
                           "mlp-regression-gaussians.yaml", "mlp-regression-plane.yaml", "mlp-spirals.yaml",
                           "mlp-xor-momentum.yaml", "mlp-xor-stuck.yaml", "mlp-xor.yaml"]
    static let perceptronFiles = ["perceptron-and.yaml", "perceptron-or.yaml", "perceptron-overlapping.yaml",
                                  "perceptron-separable.yaml", "perceptron-worked-example.yaml", "perceptron-xor.yaml"]
    static let thresholdFiles = ["threshold-xor.yaml"]
    /// LeNet-5: on generated data, and on MNIST's and CIFAR-10's own files (`dataFiles`, searched for).
    static let lenetFiles = ["lenet5-cifar10.yaml", "lenet5-colour.yaml", "lenet5-digits.yaml", "lenet5-mnist.yaml"]
    static let dataFiles = ["lenet5-cifar10.yaml", "lenet5-mnist.yaml"]
    static var allFiles: [String] { cnnFiles + lenetFiles + lessonFiles + mlpFiles + perceptronFiles + thresholdFiles }

    /// A search that finds nothing: the built-ins needing data files fail the same everywhere.
    static let emptySearch = DataSearch(environment: [:], currentDirectory: "/nonexistent")

    func testTheBuiltinsAreTheScenarioFilesInNameOrder() throws {
        XCTAssertEqual(BuiltinScenarios.files.map(\.name), Self.allFiles)
        let all = try BuiltinScenarios.names.filter { !Self.dataFiles.contains($0) }.map { name throws(ScenarioError) in try BuiltinScenarios.load(named: name) }
        XCTAssertEqual(all.map(\.source), BuiltinScenarios.names.filter { !Self.dataFiles.contains($0) })
        XCTAssertTrue(all.allSatisfy { !$0.title.isEmpty && !$0.summary.isEmpty })
        // The file name's first word is the model (LeNet-5's are CNNs), or "lesson" for the lessons (numbered
        // by their chapter; lesson 2a, XOR by hand, is part of chapter 2).
        let explorers = all.filter { $0.lesson == nil }
        XCTAssertEqual(explorers.map(\.model.rawValue), explorers.map { String($0.source.prefix { $0 != "-" }).replacingOccurrences(of: "lenet5", with: "cnn") })
        let lessons = all.filter { $0.lesson != nil }
        XCTAssertEqual(lessons.map(\.source), Self.lessonFiles)
        XCTAssertEqual(lessons.compactMap(\.lesson?.chapter), [1, 2, 2, 3, 3, 4, 5, 6, 7])   // 3a: gradient descent, after backpropagation
    }

    func testTheLectureOrderNamesEveryBuiltin() {
        XCTAssertEqual(Set(BuiltinScenarios.lectureOrder), Set(BuiltinScenarios.names))
        XCTAssertEqual(BuiltinScenarios.inLectureOrder().map(\.name), BuiltinScenarios.lectureOrder)
    }

    /// LeNet-5 as the lecture draws it: the maps' shapes after each stage, C1 to the softmax.
    func testLeNet5OnGeneratedData() throws {
        for (name, channels, classes) in [("lenet5-digits", 1, 10), ("lenet5-colour", 3, 10)] {
            let cnn = try XCTUnwrap(try BuiltinScenarios.load(named: name).cnn)
            XCTAssertEqual(cnn.inputShape, [channels, 32, 32], name)
            XCTAssertEqual(cnn.images.count, 5000, name)
            XCTAssertEqual(Set(cnn.images.map(\.label)).count, classes, name)
            let network = cnn.network(seed: 1)
            let shapes = network.forward(cnn.images[0].image).map(\.shape)
            XCTAssertEqual(shapes, [[channels, 32, 32], [6, 28, 28], [6, 28, 28], [6, 14, 14], [16, 10, 10], [16, 10, 10], [16, 5, 5],
                                    [120, 1, 1], [120, 1, 1], [120, 1, 1], [84, 1, 1], [84, 1, 1], [10, 1, 1], [10, 1, 1]], name)
        }
        XCTAssertEqual(try BuiltinScenarios.load(named: "lenet5-colour").cnn?.classNames, ColourShapes.classNames)
    }

    /// Without MNIST's or CIFAR-10's files the two say what they need and where nnx looked.
    func testLeNet5OnRealDataSaysWhereItLooked() {
        for name in Self.dataFiles {
            XCTAssertThrowsError(try BuiltinScenarios.load(named: name, dataSearch: Self.emptySearch)) { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix(name + ":"), message)
                XCTAssertTrue(message.contains("was found; searched /nonexistent/"), message)
                XCTAssertTrue(message.contains("nothing is downloaded"), message)
            }
            XCTAssertNotNil(BuiltinScenarios.header(BuiltinScenarios.files.first { $0.name == name }!.text), name)
        }
    }

    func testAND() throws {
        let scenario = try BuiltinScenarios.load(named: "perceptron-and.yaml")
        XCTAssertEqual(scenario.title, "Perceptron: AND converges")
        XCTAssertEqual(scenario.seed, 1)
        XCTAssertEqual(scenario.data, .points([Sample(0, 0, label: 0), Sample(0, 1, label: 0),
                                                Sample(1, 0, label: 0), Sample(1, 1, label: 1)]))
        XCTAssertEqual(scenario.perceptron, PerceptronSettings(learningRate: 1, initialWeights: [0, 0, 0],
                                                               order: .sequential, maxEpochs: 100))
        guard case .converged = finalStatus(scenario) else { return XCTFail("AND should converge") }
    }

    func testOR() throws {
        let scenario = try BuiltinScenarios.load(named: "perceptron-or")   // ".yaml" may be left out
        XCTAssertEqual(scenario.title, "Perceptron: OR converges")
        XCTAssertEqual(scenario.dataset().samples.map(\.label), [0, 1, 1, 1])
        XCTAssertEqual(scenario.perceptron, PerceptronSettings(learningRate: 1, initialWeights: [0, 0, 0],
                                                               order: .sequential, maxEpochs: 100))
        guard case .converged = finalStatus(scenario) else { return XCTFail("OR should converge") }
    }

    func testXORCycles() throws {
        let scenario = try BuiltinScenarios.load(named: "perceptron-xor.yaml")
        XCTAssertEqual(scenario.dataset().samples, [Sample(0, 0, label: 0), Sample(0, 1, label: 1),
                                                    Sample(1, 0, label: 1), Sample(1, 1, label: 0)])
        XCTAssertEqual(scenario.perceptron.order, .sequential)
        guard case .cycling = finalStatus(scenario) else { return XCTFail("XOR should be detected cycling") }
    }

    func testWorkedExampleGivesTheLecturesUpdate() throws {
        let scenario = try BuiltinScenarios.load(named: "perceptron-worked-example.yaml")
        XCTAssertEqual(scenario.data, .points([Sample(0.5, 1, label: 0)]))
        XCTAssertEqual(scenario.perceptron.initialWeights, [-1, 2, 1])
        XCTAssertEqual(scenario.perceptron.learningRate, 1)
        var trainer = PerceptronTrainer(samples: scenario.dataset().samples, settings: scenario.perceptron,
                                        seed: scenario.seed)
        let update = try XCTUnwrap(trainer.step())
        XCTAssertEqual([update.v, update.yhat, update.error], [1, 1, -2])
        XCTAssertEqual(update.weightsAfter, [-3, 1, -1])
        trainer.run()
        XCTAssertEqual(trainer.status, .converged(epoch: 2))
    }

    func testSeparableBlobsConverge() throws {
        let scenario = try BuiltinScenarios.load(named: "perceptron-separable.yaml")
        XCTAssertEqual(scenario.seed, 7)
        XCTAssertEqual(scenario.data, .generator(DatasetGenerator(kind: .separable, count: 40, noise: 0.35, margin: 0.2)))
        XCTAssertEqual(scenario.perceptron.order, .shuffled)
        XCTAssertEqual(scenario.dataset().count, 40)
        guard case .converged = finalStatus(scenario) else { return XCTFail("separable blobs should converge") }
    }

    func testOverlappingBlobsNeverConverge() throws {
        let scenario = try BuiltinScenarios.load(named: "perceptron-overlapping.yaml")
        XCTAssertEqual(scenario.data, .generator(DatasetGenerator(kind: .overlapping, count: 60, noise: 0.5)))
        XCTAssertEqual(scenario.perceptron.maxEpochs, 50)
        XCTAssertEqual(finalStatus(scenario), .notConverged(epochs: 50))
    }

    func testAnUnknownBuiltinNamesTheOthers() {
        XCTAssertThrowsError(try BuiltinScenarios.load(named: "perceptron-nand.yaml")) { error in
            XCTAssertEqual("\(error)", "perceptron-nand.yaml:1:1: error: no built-in scenario named "
                + "'perceptron-nand.yaml' (built-ins: \(Self.allFiles.joined(separator: ", ")))")
        }
    }

    private func finalStatus(_ scenario: Scenario) -> PerceptronStatus {
        var trainer = PerceptronTrainer(samples: scenario.dataset().samples, settings: scenario.perceptron,
                                        seed: scenario.seed)
        trainer.run()
        return trainer.status
    }
}
