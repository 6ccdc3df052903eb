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
                - [1000, 0x2, 1]
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

/// Numbers, booleans and nulls by YAML 1.2's core schema: YAML 1.1's forms are strings, so a scenario means
/// what it says.
final class CoreSchemaTests: XCTestCase {
    func testPlainScalarsTakeTheCoreSchemasTypes() {
        let expected: [(String, ScalarType)] = [
            ("", .null), ("~", .null), ("null", .null), ("NULL", .null), ("true", .bool(true)), ("False", .bool(false)),
            ("12", .int(12)), ("-3", .int(-3)), ("+7", .int(7)), ("0o17", .int(15)), ("0x1F", .int(31)), ("0xff", .int(255)),
            ("99999999999999999999", .int(nil)), ("1.5", .float(1.5)), ("-2e-3", .float(-0.002)), (".5", .float(0.5)),
            ("1.", .float(1)), ("1e3", .float(1000)), ("-.inf", .float(-.infinity)),
            // YAML 1.1's forms, and what is no number at all, are strings.
            ("1_000", .string), ("12:30", .string), ("yes", .string), ("no", .string), ("on", .string), ("off", .string),
            ("0b101", .string), ("017x", .string), ("1e", .string), (".", .string), ("-", .string), ("0o18", .string),
            ("2001-12-14", .string), ("nan", .string), ("inf", .string), ("1.2.3", .string),
        ]
        for (text, type) in expected { XCTAssertEqual(coreType(text), type, text) }
        if case .float(let nan) = coreType(".nan") { XCTAssertTrue(nan.isNaN) } else { XCTFail(".nan is a number") }
    }

    func testYAML11FormsAreRefusedWithTheirText() {
        func error(_ yaml: String) -> String? {
            do { _ = try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil); return nil } catch { return "\(error)" }
        }
        let head = "title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 1]]}\n"
        XCTAssertEqual(error(head + "perceptron: {max_epochs: 1_000}\n"),
                       "s.yaml:5:26: error: max_epochs must be an integer from 1 to 100000, found a string \"1_000\"")
        XCTAssertEqual(error(head + "perceptron: {max_epochs: 12:30}\n"),
                       "s.yaml:5:26: error: max_epochs must be an integer from 1 to 100000, found a string \"12:30\"")
        XCTAssertNil(error(head + "perceptron: {max_epochs: 0o17}\n"))
        XCTAssertEqual(error(head + "perceptron: {learning_rate: \"0.5\"}\n"),
                       "s.yaml:5:29: error: learning_rate must be a number, found a string \"0.5\"")
    }
}
