import NNCore
import XCTest
@testable import NNScenario

/// `model: threshold` scenarios: the `threshold:` block read, and every problem pinned to its
/// `file:line:col: error: message`.
final class ThresholdScenarioTests: XCTestCase {
    func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        scenarioError(yaml, file: file, line: line)
    }

    /// A threshold scenario whose `threshold:` block lines start at line 8, column 3.
    func withThreshold(_ lines: String...) -> String {
        "title: T\nsummary: S\nmodel: threshold\ndata:\n  points:\n    - [0, 0, 0]\nthreshold:\n"
            + lines.map { "  " + $0 + "\n" }.joined()
    }

    func testTheBuiltinXORNetwork() throws {
        let scenario = try BuiltinScenarios.load(named: "threshold-xor")
        XCTAssertEqual(scenario.model, .threshold)
        XCTAssertEqual(scenario.threshold, ThresholdNetwork(hidden: [[-0.5, 1, 1], [-1.5, 1, 1]], output: [-1, 1, -1]))
        XCTAssertEqual(scenario.dataset().samples, [Sample(0, 0, label: 0), Sample(0, 1, label: 1),
                                                    Sample(1, 0, label: 1), Sample(1, 1, label: 0)])
        let right = scenario.dataset().samples.filter { scenario.threshold!.forward($0.x1, $0.x2).yhat == $0.signedTarget }
        XCTAssertEqual(right.count, 4)
    }

    func testOneToFourHiddenUnits() throws {
        let one = try ScenarioLoader.parse(withThreshold("hidden: [[0, 1, 0]]", "output: [0, 1]"), source: "s.yaml", baseDirectory: nil)
        XCTAssertEqual(one.threshold, ThresholdNetwork(hidden: [[0, 1, 0]], output: [0, 1]))
        XCTAssertEqual(error(withThreshold("hidden: []", "output: [0]")),
                       "s.yaml:8:11: error: hidden must have 1 to 4 units, found 0")
        XCTAssertEqual(error(withThreshold("hidden: [[0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0]]", "output: [0, 1, 1, 1, 1, 1]")),
                       "s.yaml:8:11: error: hidden must have 1 to 4 units, found 5")
    }

    func testBadRowsAndOutputs() {
        XCTAssertEqual(error(withThreshold("hidden: [[-0.5, 1, 1], [1, 1]]", "output: [-1, 1, -1]")),
                       "s.yaml:8:26: error: h2 must be a list of 3 numbers [w0, w1, w2], found 2 items")
        XCTAssertEqual(error(withThreshold("hidden: [[-0.5, one, 1]]", "output: [0, 1]")),
                       "s.yaml:8:19: error: w1 must be a number, found a string \"one\"")
        XCTAssertEqual(error(withThreshold("hidden: 3", "output: [0, 1]")),
                       "s.yaml:8:11: error: hidden must be a list of rows [w0, w1, w2], one a hidden unit, found an integer 3")
        XCTAssertEqual(error(withThreshold("hidden: [[-0.5, 1, 1], [-1.5, 1, 1]]", "output: [-1, 1]")),
                       "s.yaml:9:11: error: output must be a list of 3 numbers [v0, v1, v2] (a bias and one weight for each "
                       + "of the 2 hidden units), found 2 items")
        XCTAssertEqual(error(withThreshold("hidden: [[-0.5, 1, 1]]", "output: [0, 2e7]")),
                       "s.yaml:9:15: error: v1 must be between -1000000 and 1000000, found 2e7")
        XCTAssertEqual(error(withThreshold("hidden: [[-0.5, 1, 1]]")),
                       "s.yaml:8:3: error: missing required key 'output' in threshold")
        XCTAssertEqual(error(withThreshold("hiden: [[-0.5, 1, 1]]", "output: [0, 1]")),
                       "s.yaml:8:3: error: unknown key 'hiden' in threshold; did you mean 'hidden'?")
    }

    func testTheBlockBelongsToItsModel() {
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: threshold\ndata: {points: [[0, 0, 0]]}\n"),
                       "s.yaml:1:1: error: missing required key 'threshold' for model threshold (hidden: [[w0, w1, w2], …], output: [v0, v1, …])")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 0]]}\nthreshold: {hidden: [[0, 1, 1]], output: [0, 1]}\n"),
                       "s.yaml:5:1: error: the threshold block belongs to model threshold, but this scenario's model is perceptron")
        XCTAssertEqual(error(withThreshold("hidden: [[0, 1, 1]]", "output: [0, 1]") + "perceptron: {learning_rate: 1}\n"),
                       "s.yaml:10:1: error: the perceptron block belongs to model perceptron, but this scenario's model is threshold")
        // Its points are classes 0 and 1 (y = −1 and +1), as a perceptron's.
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: threshold\ndata: {points: [[0, 0, 2]]}\nthreshold: {hidden: [[0, 1, 1]], output: [0, 1]}\n"),
                       "s.yaml:4:24: error: class must be 0 or 1, found 2")
    }

    func testALessonStepsThroughPointsAndNeitherRunsNorSets() throws {
        let base = withThreshold("hidden: [[0, 1, 1]]", "output: [0, 1]")
        let lesson = try ScenarioLoader.parse(base + "lesson:\n  - focus: hidden\n  - {step: sample, count: 2}\n  - say: s\n",
                                              source: "s.yaml", baseDirectory: nil).lesson
        XCTAssertEqual(lesson?.beats, [.focus(.hidden), .step(.sample, count: 2), .say("s")])
        XCTAssertEqual(error(base + "lesson:\n  - run: until_converged\n"),
                       "s.yaml:11:5: error: a threshold network is not trained, so there is nothing to run; step: sample shows the next point")
        XCTAssertEqual(error(base + "lesson:\n  - set: {learning_rate: 1}\n"),
                       "s.yaml:11:5: error: a threshold network has no settings to change: its weights are set by hand in the threshold block")
        XCTAssertEqual(error(base + "lesson:\n  - step: epoch\n"),
                       "s.yaml:11:11: error: a threshold network scenario steps by sample, not by epoch")
        XCTAssertEqual(error(base + "lesson:\n  - focus: ledger\n"),
                       "s.yaml:11:12: error: focus must be one of plot, network, hidden, none; found 'ledger'")
    }
}
