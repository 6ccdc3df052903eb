import Foundation
import NNScenario
import XCTest

/// What a command's FILE argument names: a file, a built-in, or nothing known.
final class ScenarioArgumentTests: XCTestCase {
    func testNamesResolveToFilesOrBuiltins() {
        XCTAssertEqual(ScenarioArgument("perceptron-and"), .builtin(fileName: "perceptron-and.yaml"))
        XCTAssertEqual(ScenarioArgument("perceptron-and.yaml"), .builtin(fileName: "perceptron-and.yaml"))
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = packageRoot.appendingPathComponent("scenarios/perceptron-and.yaml").path
        XCTAssertEqual(ScenarioArgument(shipped), .yamlFile(path: shipped))
        // Paths that do not exist are still files, so that loading says why they cannot be read.
        XCTAssertEqual(ScenarioArgument("nosuch.yaml"), .yamlFile(path: "nosuch.yaml"))
        XCTAssertEqual(ScenarioArgument("data/nosuch"), .yamlFile(path: "data/nosuch"))
        XCTAssertEqual(ScenarioArgument("points.CSV"), .csvFile(path: "points.CSV"))
        // A bare word that is neither: a mistyped command or name.
        XCTAssertNil(ScenarioArgument("rnder"))
        XCTAssertNil(ScenarioArgument("perceptron-nad"))
    }

    func testLoadAndProblems() throws {
        XCTAssertEqual(try ScenarioArgument("perceptron-and")?.load().source, "perceptron-and.yaml")
        XCTAssertEqual(ScenarioArgument("perceptron-and")?.problems, [])
        let missing = ["nosuch.yaml:1:1: error: cannot read file: no such file"]
        XCTAssertEqual(ScenarioArgument("nosuch.yaml")?.problems.map(\.description), missing)
        XCTAssertThrowsError(try ScenarioArgument("nosuch.yaml")?.load()) { XCTAssertEqual("\($0)", missing[0]) }
        XCTAssertEqual(ScenarioArgument("nosuch.csv")?.problems.map(\.description),
                       ["nosuch.csv:1:1: error: cannot read file: no such file"])
    }

    /// `problems` gives every problem of a YAML file, `load` the first.
    func testEveryProblemOfAYAMLFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-argument-\(UUID().uuidString).yaml").path
        try "title: T\nsummary: S\nmodel: perceptron\nseed: x\ndata: {points: [[0, 0, 2]]}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let problems = try XCTUnwrap(ScenarioArgument(path)).problems.map(\.description)
        XCTAssertEqual(problems, [path + ":4:7: error: seed must be an integer of at least 0, found a string \"x\"",
                                  path + ":5:24: error: class must be 0 or 1, found 2"])
        XCTAssertThrowsError(try ScenarioArgument(path)?.load()) { XCTAssertEqual("\($0)", problems.first) }
    }
}
