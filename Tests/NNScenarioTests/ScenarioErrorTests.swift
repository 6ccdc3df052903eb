import Foundation
import XCTest
@testable import NNScenario

/// One test per kind of problem, pinning the exact `file:line:col: error: message`.
final class ScenarioErrorTests: XCTestCase {
    /// The description of the error `yaml` gives, as file "s.yaml".
    func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        scenarioError(yaml, file: file, line: line)
    }

    /// A valid scenario's lines with `perceptron:` block lines appended.
    func withPerceptron(_ lines: String...) -> String {
        """
        title: T
        summary: S
        model: perceptron
        data:
          points:
            - [0, 0, 0]
        perceptron:

        """ + lines.map { "  " + $0 + "\n" }.joined()
    }

    // MARK: Unknown keys

    func testUnknownKeySuggestsTheClosestKnownKey() {
        XCTAssertEqual(error(withPerceptron("learnig_rate: 2")),
                       "s.yaml:8:3: error: unknown key 'learnig_rate' in perceptron; did you mean 'learning_rate'?")
        XCTAssertEqual(error(withPerceptron("LearningRate: 2")),
                       "s.yaml:8:3: error: unknown key 'LearningRate' in perceptron; did you mean 'learning_rate'?")
        XCTAssertEqual(error("tittle: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 0]]}\n"),
                       "s.yaml:1:1: error: unknown key 'tittle'; did you mean 'title'?")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {generator: {kinds: xor}}\n"),
                       "s.yaml:4:20: error: unknown key 'kinds' in generator; did you mean 'kind'?")
    }

    func testUnknownKeyWithNothingCloseListsTheAllowedKeys() {
        XCTAssertEqual(error("title: T\ncolour: red\n"),
                       "s.yaml:2:1: error: unknown key 'colour' (allowed: title, summary, seed, model, data, perceptron, mlp, cnn, threshold, chapter, lesson)")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  file: x.csv\n"),
                       "s.yaml:5:3: error: unknown key 'file' in data (allowed: points, generator, csv)")
    }

    // MARK: Wrong types

    func testWrongTypes() {
        XCTAssertEqual(error(withPerceptron("learning_rate: fast")),
                       "s.yaml:8:18: error: learning_rate must be a number, found a string \"fast\"")
        XCTAssertEqual(error(withPerceptron("learning_rate: \"1.0\"")),
                       "s.yaml:8:18: error: learning_rate must be a number, found a string \"1.0\"")
        XCTAssertEqual(error(withPerceptron("learning_rate:")),
                       "s.yaml:8:17: error: learning_rate must be a number, found nothing")
        XCTAssertEqual(error(withPerceptron("initial_weights: 0")),
                       "s.yaml:8:20: error: initial_weights must be a list of 3 numbers [w0, w1, w2], found an integer 0")
        XCTAssertEqual(error(withPerceptron("initial_weights: [0, 0]")),
                       "s.yaml:8:20: error: initial_weights must be a list of 3 numbers [w0, w1, w2], found 2 items")
        XCTAssertEqual(error(withPerceptron("initial_weights: [0, yes, 0]")),
                       "s.yaml:8:24: error: w1 must be a number, found a string \"yes\"")
        XCTAssertEqual(error(withPerceptron("initial_weights: [0, true, 0]")),
                       "s.yaml:8:24: error: w1 must be a number, found a boolean true")
        XCTAssertEqual(error(withPerceptron("max_epochs: 10.5")),
                       "s.yaml:8:15: error: max_epochs must be an integer from 1 to 100000, found a number 10.5")
        XCTAssertEqual(error(withPerceptron("order: [sequential]")),
                       "s.yaml:8:10: error: order must be one of sequential, shuffled; found a list")
        XCTAssertEqual(error("title: [T]\n"), "s.yaml:1:8: error: title must be a string, found a list")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 0]]}\nperceptron: 5\n"),
                       "s.yaml:5:13: error: perceptron must be a mapping, found an integer 5")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  generator: xor\n"),
                       "s.yaml:5:14: error: generator must be a mapping, found a string \"xor\"")
    }

    func testPointsMustBeRowsOfThreeWithNumbersAndAClass() {
        let head = "title: T\nsummary: S\nmodel: perceptron\ndata:\n  points:\n"
        XCTAssertEqual(error(head + "    - [0, 0, 0]\n    - 5\n"),
                       "s.yaml:7:7: error: each point must be a row [x1, x2, class], found an integer 5")
        XCTAssertEqual(error(head + "    - [0, 0]\n"),
                       "s.yaml:6:7: error: each point must be a row [x1, x2, class], found 2 values")
        XCTAssertEqual(error(head + "    - [0, x, 1]\n"),
                       "s.yaml:6:11: error: x2 must be a number, found a string \"x\"")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  points: []\n"),
                       "s.yaml:5:11: error: points must have at least one row [x1, x2, class]")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  points: 3\n"),
                       "s.yaml:5:11: error: points must be a list of rows [x1, x2, class], found an integer 3")
    }

    // MARK: Out-of-range values

    func testOutOfRangeValues() {
        XCTAssertEqual(error(withPerceptron("learning_rate: 0")),
                       "s.yaml:8:18: error: learning_rate must be greater than 0, found 0")
        XCTAssertEqual(error(withPerceptron("learning_rate: -0.5")),
                       "s.yaml:8:18: error: learning_rate must be greater than 0, found -0.5")
        XCTAssertEqual(error(withPerceptron("learning_rate: .inf")),
                       "s.yaml:8:18: error: learning_rate must be a finite number, found .inf")
        XCTAssertEqual(error(withPerceptron("max_epochs: 0")),
                       "s.yaml:8:15: error: max_epochs must be an integer from 1 to 100000, found 0")
        XCTAssertEqual(error("seed: -1\ntitle: T\n"), "s.yaml:1:7: error: seed must be an integer of at least 0, found -1")
        XCTAssertEqual(error("seed: 99999999999999999999\ntitle: T\n"),
                       "s.yaml:1:7: error: seed must be at most 9223372036854775807, found 99999999999999999999")
        XCTAssertEqual(error(withPerceptron("learning_rate: 1e9")), "s.yaml:8:18: error: learning_rate must be at most 1000, found 1e9")
        XCTAssertEqual(error(withPerceptron("initial_weights: [0, 1e300, 0]")),
                       "s.yaml:8:24: error: w1 must be between -1000000 and 1000000, found 1e300")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  points:\n    - [0, 0, 2]\n"),
                       "s.yaml:6:14: error: class must be 0 or 1, found 2")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  points:\n    - [0, 0, 1.0]\n"),
                       "s.yaml:6:14: error: class must be 0 or 1, found a number 1.0")
        let generator = "title: T\nsummary: S\nmodel: perceptron\ndata:\n  generator:\n    kind: xor\n"
        XCTAssertEqual(error(generator + "    count: 0\n"),
                       "s.yaml:7:12: error: count must be an integer from 1 to 100000, found 0")
        XCTAssertEqual(error(generator + "    noise: -0.1\n"), "s.yaml:7:12: error: noise must be at least 0, found -0.1")
        XCTAssertEqual(error(generator + "    margin: -1\n"), "s.yaml:7:13: error: margin must be at least 0, found -1")
    }

    // MARK: Unknown choices

    func testUnknownChoicesListTheAllowedOnes() {
        XCTAssertEqual(error(withPerceptron("order: random")),
                       "s.yaml:8:10: error: order must be one of sequential, shuffled; found 'random'")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {generator: {kind: squares}}\n"),
                       "s.yaml:4:26: error: kind must be one of and, or, xor, separable, overlapping, circles, moons, spirals, blobs, plane, gaussians; found 'squares'")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: tree\n"), "s.yaml:3:8: error: model must be one of perceptron, mlp, cnn, threshold; found 'tree'")
        XCTAssertEqual(error(withPerceptron("order: shufled")),
                       "s.yaml:8:10: error: order must be one of sequential, shuffled; found 'shufled'; did you mean 'shuffled'?")
    }

    func testProblemsListsEveryErrorInDocumentOrder() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-all-\(getpid()).yaml")
        try "title: T\nsummary: S\nseed: -1\nmodel: perceptron\ndata: {points: [[0, 0, 3]]}\nperceptron:\n  learning_rat: 1\n"
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(ScenarioLoader.problems(contentsOf: url.path).map(\.description), [
            "\(url.path):3:7: error: seed must be an integer of at least 0, found -1",
            "\(url.path):5:24: error: class must be 0 or 1, found 3",
            "\(url.path):7:3: error: unknown key 'learning_rat' in perceptron; did you mean 'learning_rate'?",
        ])
        XCTAssertEqual(ScenarioLoader.problems(contentsOf: "/nonexistent.yaml").map(\.description),
                       ["/nonexistent.yaml:1:1: error: cannot read file: no such file"])
    }

    /// A value with a line break (a block scalar) is quoted so that the message stays one line (found by the fuzzer).
    func testAValueWithALineBreakIsQuotedOnOneLine() {
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: |\n  block\n"),
                       "s.yaml:3:8: error: model must be one of perceptron, mlp, cnn, threshold; found \"block\\n\"")
    }

    /// Nested aliases, ten a level, repeat a value 10⁸ times in a 400-byte file: refused at once, at the first key
    /// whose value they blow up; fewer are read in time linear in the file (each written node visited once).
    func testAliasBombsAreRefusedAtOnce() {
        func bomb(levels: Int, under key: String) -> String {
            var lines = ["title: t", "summary: s", "model: cnn", "a0: &a0 {" + (0..<10).map { "k\($0): \($0)" }.joined(separator: ", ") + "}"]
            for i in 1...levels { lines.append("a\(i): &a\(i) {" + (0..<10).map { "k\($0): *a\(i - 1)" }.joined(separator: ", ") + "}") }
            return (lines + ["\(key): *a\(levels)"]).joined(separator: "\n") + "\n"
        }
        for key in ["data", "cnn"] {
            XCTAssertEqual(error(bomb(levels: 8, under: key)),
                           "s.yaml:9:1: error: a5: aliases expand this value to more than 1000000 values (nnx reads at most that many)")
        }
        // 10⁴ repeats are read: the errors are those of the mapping they make.
        XCTAssertEqual(error(bomb(levels: 4, under: "data")), "s.yaml:4:1: error: unknown key 'a0' (allowed: title, summary, seed, model, data, perceptron, mlp, cnn, threshold, chapter, lesson)")
    }

    /// A file of thousands of mistakes lists the first 100 in document order and says how many more there are.
    func testProblemsStopAtAHundred() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-many-\(getpid()).yaml")
        let keys = (0..<3_000).map { "unknown_\($0): 1" }.joined(separator: "\n")
        try ("title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 3]]}\n" + keys + "\n").write(to: url, atomically: true, encoding: .utf8)
        let problems = ScenarioLoader.problems(contentsOf: url.path).map(\.description)
        XCTAssertEqual(problems.count, 101)
        XCTAssertEqual(problems[0], "\(url.path):4:24: error: class must be 0 or 1, found 3")
        XCTAssertTrue(problems[99].hasPrefix("\(url.path):103:1: error: unknown key 'unknown_98'"), problems[99])
        XCTAssertEqual(problems[100], "\(url.path):103:1: error: 2901 more problems after this one are not listed")
    }

    // MARK: Missing keys and data sources

    func testMissingRequiredKeysAreReportedAtTheirMapping() {
        XCTAssertEqual(error("# a comment\n\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 0]]}\n"),
                       "s.yaml:3:1: error: missing required key 'title'")
        XCTAssertEqual(error("title: T\nsummary: S\ndata: {points: [[0, 0, 0]]}\n"),
                       "s.yaml:1:1: error: missing required key 'model'")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  generator:\n    count: 4\n"),
                       "s.yaml:6:5: error: missing required key 'kind' in generator")
    }

    func testDataNeedsExactlyOneSource() {
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {}\n"),
                       "s.yaml:4:7: error: data needs one of points, generator or csv")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n  points: [[0, 0, 0]]\n  generator: {kind: and}\n"),
                       "s.yaml:6:3: error: data must have only one of points, generator or csv; found both points and generator")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata:\n"),
                       "s.yaml:4:6: error: data must be a mapping, found nothing")
    }

    // MARK: Document order

    func testTheFirstProblemInDocumentOrderIsReported() {
        // The perceptron block is read after data, but its problem comes first in the file.
        XCTAssertEqual(error("""
            title: T
            perceptron: {order: random}
            summary: S
            model: perceptron
            data: {points: [[0, 0, 5]]}
            """), "s.yaml:2:21: error: order must be one of sequential, shuffled; found 'random'")
        // A missing key is only known at the end of its mapping, so a typo further down is reported first.
        XCTAssertEqual(error("summary: S\nmodel: perceptron\ndata: {points: [[0, 0, 0]]}\ntitel: T\n"),
                       "s.yaml:4:1: error: unknown key 'titel'; did you mean 'title'?")
        // …but a problem after the mapping ends comes after the missing key.
        XCTAssertEqual(error("data:\n  generator: {count: 2}\ntitle: T\nsummary: S\nmodel: nope\n"),
                       "s.yaml:2:14: error: missing required key 'kind' in generator")
    }

    // MARK: YAML itself

    func testYAMLSyntaxErrorsAreLocated() {
        XCTAssertEqual(error("title: Perceptron: AND\n"),
                       "s.yaml:1:18: error: invalid YAML: mapping values are not allowed in this context")
        XCTAssertEqual(error("title: T\ndata: {points: [[0, 0, 0]\nmodel: perceptron\n"),
                       "s.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' "
                       + "(while parsing a flow sequence that starts at 2:16)")
        XCTAssertEqual(error("title: T\n  summary: S\n"),
                       "s.yaml:2:10: error: invalid YAML: mapping values are not allowed in this context")
        XCTAssertEqual(error("title: \"T\nsummary: S\n"),
                       "s.yaml:3:1: error: invalid YAML: found unexpected end of stream "
                       + "(while scanning a quoted scalar that starts at 1:8)")
        XCTAssertEqual(error("title: T\n---\ntitle: U\n"),
                       "s.yaml:2:1: error: invalid YAML: expected a single document in the stream, but found another document")
        XCTAssertEqual(error("title: \u{7}\n"), "s.yaml:1:8: error: invalid YAML: control characters are not allowed")
    }

    func testAnEmptyFile() {
        let message = "s.yaml:1:1: error: the file is empty; a scenario needs title, summary, model and data"
        XCTAssertEqual(error(""), message)
        XCTAssertEqual(error("# only a comment\n\n"), message)
    }

    func testTheTopLevelMustBeAMapping() {
        XCTAssertEqual(error("- title: T\n"),
                       "s.yaml:1:1: error: a scenario must be a mapping of keys (title, summary, model, data, …), found a list")
        XCTAssertEqual(error("---\n"),
                       "s.yaml:2:1: error: a scenario must be a mapping of keys (title, summary, model, data, …), found nothing")
        XCTAssertEqual(error("? [a, b]\n: 1\n"), "s.yaml:1:3: error: keys must be names, found a list")
    }

    func testDuplicateKeysPointAtTheRepeat() {
        XCTAssertEqual(error("title: T\nseed: 1\nsummary: S\nseed: 2\n"),
                       "s.yaml:4:1: error: duplicate key 'seed' (first set at 2:1)")
        XCTAssertEqual(error("title: T\n\"seed\": 1\nseed: 2\n"),
                       "s.yaml:3:1: error: duplicate key 'seed' (first set at 2:1)")
        XCTAssertEqual(error("title: T\ndata: {generator: {kind: and, kind: or}}\n"),
                       "s.yaml:2:31: error: duplicate key 'kind' (first set at 2:20)")
        XCTAssertEqual(error("seed: 1\nseed: 2\nseed: 3\n"), "s.yaml:2:1: error: duplicate key 'seed' (first set at 1:1)")
        // Two different keys repeated: the repeat of the one named, not its first occurrence.
        XCTAssertEqual(error("title: a\nseed: 1\nseed: 2\ntitle: c\n"), "s.yaml:3:1: error: duplicate key 'seed' (first set at 2:1)")
        XCTAssertEqual(error("abc: 1\nabc: 2\nabc: 3\nseed: 1\nseed: 2\n"), "s.yaml:2:1: error: duplicate key 'abc' (first set at 1:1)")
        XCTAssertEqual(error("seed: 1\nabc: 1\nabc: 2\nabc: 3\nseed: 2\n"), "s.yaml:3:1: error: duplicate key 'abc' (first set at 2:1)")
    }
}
