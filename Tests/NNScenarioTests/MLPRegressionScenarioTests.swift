import Foundation
import NNCore
import XCTest
@testable import NNScenario

/// `mlp.task: regression`: its defaults, the data forms with targets, and every rule `nnx check` enforces,
/// each at its exact `file:line:col`.
final class MLPRegressionScenarioTests: ScenarioFolderTestCase {

    /// An MLP scenario on `data` (from line 4) whose `mlp:` lines start at line 7, column 3.
    func regression(data: String = "  generator: {kind: plane}", _ lines: String...) -> String {
        "title: T\nsummary: S\nmodel: mlp\ndata:\n\(data)\nmlp:\n  task: regression\n" + lines.map { "  " + $0 + "\n" }.joined()
    }

    func testTaskRegressionDefaultsToALinearOutput() throws {
        let scenario = try ScenarioLoader.parse(regression(), source: "s.yaml", baseDirectory: nil)
        XCTAssertEqual(scenario.mlp.output, .linear)
        XCTAssertEqual(scenario.mlp.loss, .squaredError)
        XCTAssertEqual(scenario.dataset().samples.first?.target, scenario.dataset().samples.first.map { 0.6 * ($0.x1 + $0.x2) })
        let classification = try ScenarioLoader.parse("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: xor}}\nmlp: {task: classification}\n",
                                                      source: "s.yaml", baseDirectory: nil)
        XCTAssertEqual(classification.mlp, MLPSettings())
    }

    func testInlinePointsHoldTargets() throws {
        let scenario = try ScenarioLoader.parse(regression(data: "  points: [[0, 0, 0.5], [1, -1, -2.25]]"), source: "s.yaml", baseDirectory: nil)
        XCTAssertEqual(scenario.dataset().samples, [Sample(0, 0, target: 0.5), Sample(1, -1, target: -2.25)])
        XCTAssertEqual(scenarioError(regression(data: "  points: [[0, 0, 0.5], [1, 0, x]]")),
                       "s.yaml:5:32: error: target must be a number, found a string \"x\"")
    }

    func testOutputLossLayersAndStopWhenMustFitRegression() {
        XCTAssertEqual(scenarioError(regression("output: sigmoid")),
                       "s.yaml:8:11: error: task regression needs output linear: sigmoid squashes ŷ into (0, 1), so it cannot reach targets outside it")
        XCTAssertEqual(scenarioError(regression("loss: cross_entropy")),
                       "s.yaml:8:9: error: task regression needs loss squared_error: cross_entropy compares class probabilities")
        XCTAssertEqual(scenarioError(regression("layers: [2, 3, 2]")),
                       "s.yaml:8:11: error: task regression predicts one value: layers must end in 1 output unit, found 2")
        XCTAssertEqual(scenarioError(regression("stop_when: {accuracy: 0.9}")),
                       "s.yaml:8:14: error: stop_when accuracy has no meaning in task regression (a value has no class): use train_loss or val_loss")
        XCTAssertEqual(scenarioError(regression("task: regresion").replacingOccurrences(of: "  task: regression\n", with: "")),
                       "s.yaml:7:9: error: task must be one of classification, regression; found 'regresion'; did you mean 'regression'?")
    }

    func testSetsAndTasksMustAgree() {
        XCTAssertEqual(scenarioError(regression(data: "  generator: {kind: circles}")),
                       "s.yaml:5:21: error: task regression needs a set with targets, kind plane or gaussians; circles has classes")
        XCTAssertEqual(scenarioError("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: gaussians}}\n"),
                       "s.yaml:4:26: error: kind gaussians is a regression set (its points have targets, not classes): it needs model mlp with task: regression")
        XCTAssertEqual(scenarioError("title: T\nsummary: S\nmodel: perceptron\ndata: {generator: {kind: plane}}\n"),
                       "s.yaml:4:26: error: kind plane is a regression set (its points have targets, not classes): it needs model mlp with task: regression")
        XCTAssertEqual(scenarioError("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: xor}}\nmlp: {output: linear}\n"),
                       "s.yaml:5:15: error: output linear is for task: regression; a classification needs output sigmoid or softmax, whose outputs are class probabilities")
    }

    func testACSVOfTargets() throws {
        _ = try write("x1,x2,target\n0,0,0.5\n1,-1,-2.25\n", to: "r.csv")
        let path = try write(regression(data: "  csv: r.csv"), to: "r.yaml")
        let scenario = try ScenarioLoader.load(contentsOf: path)
        XCTAssertEqual(scenario.dataset().samples, [Sample(0, 0, target: 0.5), Sample(1, -1, target: -2.25)])
        _ = try write("x1,x2,target\n0,0,0.5\n1,1,abc\n", to: "bad.csv")
        XCTAssertEqual(error(loading: try write(regression(data: "  csv: bad.csv"), to: "b.yaml")),
                       "\(folder)/bad.csv:3:1: error: target is not a number: \"abc\"")
    }

    func testTheBuiltInRegressionScenarios() throws {
        for name in ["mlp-regression-plane", "mlp-regression-gaussians"] {
            let scenario = try BuiltinScenarios.load(named: name + ".yaml")
            XCTAssertEqual(scenario.mlp.output, .linear, name)
            XCTAssertTrue(scenario.dataset().samples.allSatisfy { $0.target != nil }, name)
        }
    }
}
