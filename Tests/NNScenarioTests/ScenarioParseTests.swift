import NNCore
import XCTest
@testable import NNScenario

/// Valid scenarios: defaults, number forms and suggestions.
final class ScenarioParseTests: XCTestCase {
    func parse(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil)
    }

    func testOmittedKeysTakeTheDefaults() throws {
        let scenario = try parse("title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 1, 1]]}\n")
        XCTAssertEqual(scenario.title, "T")
        XCTAssertEqual(scenario.summary, "S")
        XCTAssertEqual(scenario.seed, 1)
        XCTAssertEqual(scenario.model, .perceptron)
        XCTAssertEqual(scenario.data, .points([Sample(0, 1, label: 1)]))
        XCTAssertEqual(scenario.perceptron, PerceptronSettings())
        XCTAssertEqual(scenario.source, "s.yaml")
    }

    func testEveryKeyIsRead() throws {
        let scenario = try parse("""
            title: "Perceptron: everything"
            summary: >
              Folded text is one line.
            seed: 42
            model: perceptron
            data:
              points:
                - [0.25, -1e-1, 0]
                - [1_000, 2, 1]
            perceptron:
              learning_rate: 2          # an integer where a number is expected
              initial_weights: [0.5, -1, 3]
              order: shuffled
              max_epochs: 7
            """)
        XCTAssertEqual(scenario.title, "Perceptron: everything")
        XCTAssertEqual(scenario.summary, "Folded text is one line.")
        XCTAssertEqual(scenario.seed, 42)
        XCTAssertEqual(scenario.data, .points([Sample(0.25, -0.1, label: 0), Sample(1000, 2, label: 1)]))
        XCTAssertEqual(scenario.perceptron, PerceptronSettings(learningRate: 2, initialWeights: [0.5, -1, 3],
                                                               order: .shuffled, maxEpochs: 7))
    }

    func testGeneratorDefaultsComeFromDatasetGenerator() throws {
        let scenario = try parse("title: T\nsummary: S\nmodel: perceptron\ndata: {generator: {kind: xor}}\n")
        XCTAssertEqual(scenario.data, .generator(DatasetGenerator(kind: .xor)))
        let full = try parse("title: T\nsummary: S\nmodel: perceptron\n"
            + "data: {generator: {kind: separable, count: 10, noise: 0, margin: 1}}\n")
        XCTAssertEqual(full.data, .generator(DatasetGenerator(kind: .separable, count: 10, noise: 0, margin: 1)))
    }

    func testSuggestionsNeedAClosePair() {
        XCTAssertEqual(KeySuggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(KeySuggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(KeySuggestion.closest(to: "learningrate", in: ["learning_rate", "order"]), "learning_rate")
        XCTAssertEqual(KeySuggestion.closest(to: "max_epoch_count", in: ["max_epochs"]), nil)  // 5 > max(2, 10/3)
        XCTAssertEqual(KeySuggestion.closest(to: "initial_weight_s", in: ["initial_weights"]), "initial_weights")
        XCTAssertEqual(KeySuggestion.closest(to: "colour", in: ["title", "summary", "seed", "model"]), nil)
    }
}
