import NNCore
import XCTest
@testable import NNScenario

/// Valid `model: mlp` scenarios: every key of the `mlp:` block, its short forms and its defaults.
final class MLPParseTests: XCTestCase {
    func parse(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil)
    }

    func testEveryMLPKeyIsRead() throws {
        let scenario = try parse("""
            title: "MLP: everything"
            summary: S
            seed: 3
            model: mlp
            data:
              generator: {kind: blobs, classes: 3, count: 30, noise: 0.2}
            mlp:
              layers: [2, 3, 3]
              activation: relu
              output: softmax
              loss: cross_entropy
              learning_rate: 0.25
              momentum: 0.8
              weight_decay: 0.001
              batch_size: 8
              order: shuffled
              init: uniform
              init_range: 0.1
              initial_weights:
                - [[0, 0.1, 0.2], [1, 2, 3], [-1, -2, -3]]
                - [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]]
              max_epochs: 50
              validation_split: 0.2
              early_stopping: {patience: 5}
              restarts: 3
              dropout: 0.25
              max_norm: 3
            """)
        XCTAssertEqual(scenario.model, .mlp)
        XCTAssertEqual(scenario.data, .generator(DatasetGenerator(kind: .blobs, count: 30, noise: 0.2, classes: 3)))
        XCTAssertEqual(scenario.dataset().samples.map(\.label).prefix(4), [0, 1, 2, 0])
        var expected = MLPSettings()
        expected.sizes = [2, 3, 3]
        expected.activation = .relu
        expected.output = .softmax
        expected.loss = .crossEntropy
        expected.learningRate = 0.25
        expected.momentum = 0.8
        expected.weightDecay = 0.001
        expected.batchSize = 8
        expected.order = .shuffled
        expected.initialization = .uniform(range: 0.1)
        expected.initialWeights = [[[0, 0.1, 0.2], [1, 2, 3], [-1, -2, -3]],
                                   [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]]]
        expected.maxEpochs = 50
        expected.validationSplit = 0.2
        expected.patience = 5
        expected.restarts = 3
        expected.dropout = 0.25
        expected.maxNorm = 3
        XCTAssertEqual(scenario.mlp, expected)
        XCTAssertEqual(scenario.perceptron, PerceptronSettings())
        // The weights fit the network they describe.
        let trainer = MLPTrainer(samples: scenario.dataset().samples, settings: scenario.mlp, seed: scenario.seed)
        XCTAssertEqual(trainer.network.nestedWeights, expected.initialWeights)
    }

    func testAnMLPScenarioWithoutABlockTakesTheLecturesDefaults() throws {
        let scenario = try parse("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: xor}}\n")
        XCTAssertEqual(scenario.mlp, MLPSettings())
        XCTAssertEqual(scenario.mlp.sizes, [2, 2, 1])
        XCTAssertEqual(scenario.mlp.initialization, .uniform(range: 0.5))
        let partial = try parse("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: xor}}\nmlp: {layers: [2, 8, 8, 1]}\n")
        var expected = MLPSettings()
        expected.sizes = [2, 8, 8, 1]
        XCTAssertEqual(partial.mlp, expected)
    }

    func testShortFormsAndOtherChoices() throws {
        let head = "title: T\nsummary: S\nmodel: mlp\ndata: {points: [[0, 0, 0], [1, 1, 1], [0, 1, 1], [1, 0, 1]]}\nmlp:\n"
        let short = try parse(head + "  validation_split: 0.5\n  early_stopping: 7\n  init: xavier\n")
        XCTAssertEqual(short.mlp.patience, 7)
        XCTAssertEqual(short.mlp.validationSplit, 0.5)
        XCTAssertEqual(short.mlp.initialization, .xavier)
        XCTAssertEqual(try parse(head + "  init: he\n  activation: linear\n").mlp.initialization, .he)
        XCTAssertEqual(try parse(head + "  init_range: 2\n").mlp.initialization, .uniform(range: 2))
        XCTAssertEqual(try parse(head + "  init: uniform\n").mlp.initialization, .uniform(range: 0.5))
        let perSample = try parse(head + "  momentum: 0\n  weight_decay: 0\n  validation_split: 0\n  batch_size: 1\n")
        XCTAssertEqual(perSample.mlp, MLPSettings())
        // max_norm: off, as a lesson's set: says it, is no clip.
        XCTAssertEqual(try parse(head + "  max_norm: off\n").mlp, MLPSettings())
        // No hidden layer: a softmax straight from the inputs; classes up to K − 1.
        let linear = try parse("title: T\nsummary: S\nmodel: mlp\ndata: {points: [[0, 0, 3]]}\n"
                               + "mlp: {layers: [2, 4], output: softmax}\n")
        XCTAssertEqual(linear.mlp.sizes, [2, 4])
        XCTAssertEqual(linear.dataset().samples, [Sample(0, 0, label: 3)])
    }

    /// `features` sets the inputs; without `layers` the default network takes one input unit per feature.
    func testFeatures() throws {
        let head = "title: T\nsummary: S\nmodel: mlp\ndata:\n  points:\n    - [0, 0, 0]\nmlp:\n"
        let listed = try parse(head + "  features: [x1_squared, x2_squared]\n  layers: [2, 1]\n")
        XCTAssertEqual(listed.mlp.features, [.x1Squared, .x2Squared])
        XCTAssertEqual(listed.mlp.sizes, [2, 1])
        let derived = try parse(head + "  features: [x1, x2, x1_squared, x2_squared, x1_x2, sin_x1, sin_x2]\n")
        XCTAssertEqual(derived.mlp.features, InputFeature.allCases)
        XCTAssertEqual(derived.mlp.sizes, [7, 2, 1])
        XCTAssertEqual(try parse(head + "  layers: [2, 3, 1]\n").mlp.features, [.x1, .x2])
    }

    func testL1() throws {
        let head = "title: T\nsummary: S\nmodel: mlp\ndata:\n  points:\n    - [0, 0, 0]\nmlp:\n"
        XCTAssertEqual(try parse(head + "  l1: 0.001\n").mlp.l1, 0.001)
        XCTAssertEqual(try parse(head + "  layers: [2, 1]\n").mlp.l1, 0)
    }

    func testLearningRateSchedules() throws {
        let head = "title: T\nsummary: S\nmodel: mlp\ndata:\n  points:\n    - [0, 0, 0]\nmlp:\n  learning_rate_schedule: "
        XCTAssertEqual(try parse(head + "{kind: step, decay_steps: 10, decay_rate: 0.5}\n").mlp.learningRateSchedule,
                       .step(decaySteps: 10, decayRate: 0.5))
        XCTAssertEqual(try parse(head + "{kind: inverse_time, decay_rate: 0.1}\n").mlp.learningRateSchedule,
                       .inverseTime(decaySteps: 1, decayRate: 0.1))
        XCTAssertEqual(try parse(head + "{kind: inverse_time, decay_rate: 1, decay_steps: 5}\n").mlp.learningRateSchedule,
                       .inverseTime(decaySteps: 5, decayRate: 1))
        XCTAssertEqual(try parse(head + "{kind: constant}\n").mlp.learningRateSchedule, .constant)
    }

    func testStopWhen() throws {
        let head = "title: T\nsummary: S\nmodel: mlp\ndata:\n  points:\n    - [0, 0, 0]\n    - [1, 1, 1]\n    - [1, 0, 1]\nmlp:\n"
        XCTAssertEqual(try parse(head + "  stop_when: {train_loss: 0.01}\n").mlp.stopWhen, StopCondition([.trainLoss: 0.01]))
        XCTAssertEqual(try parse(head + "  validation_split: 0.3\n  stop_when: {accuracy: 0.95, val_accuracy: 0.9, val_loss: 2}\n").mlp.stopWhen,
                       StopCondition([.accuracy: 0.95, .validationAccuracy: 0.9, .validationLoss: 2]))
        XCTAssertNil(try parse(head + "  layers: [2, 1]\n").mlp.stopWhen)
    }

    func testLabelsUpToTheOutputUnits() throws {
        // One output unit: classes 0 and 1; K units: classes 0 to K − 1, from points, generators and CSV.
        let points = try parse("title: T\nsummary: S\nmodel: mlp\ndata: {points: [[0, 0, 2], [1, 0, 1]]}\n"
                               + "mlp: {layers: [2, 3, 3], output: softmax, loss: cross_entropy}\n")
        XCTAssertEqual(points.dataset().samples.map(\.label), [2, 1])
        let blobs = try parse("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: blobs, classes: 4}}\n"
                              + "mlp: {layers: [2, 8, 4], output: softmax}\n")
        XCTAssertEqual(Set(blobs.dataset().samples.map(\.label)), [0, 1, 2, 3])
        // Two-class kinds fit any output layer.
        XCTAssertNoThrow(try parse("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: moons}}\n"
                                   + "mlp: {layers: [2, 8, 3], output: softmax}\n"))
        XCTAssertNoThrow(try parse("title: T\nsummary: S\nmodel: perceptron\ndata: {generator: {kind: blobs, classes: 2}}\n"))
    }
}
