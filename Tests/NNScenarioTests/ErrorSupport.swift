import XCTest
@testable import NNScenario

/// The description of the error `yaml` gives when read as file "s.yaml" (fails the test if it loads).
func scenarioError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    do {
        let scenario = try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: nil)
        XCTFail("expected an error, loaded '\(scenario.title)'", file: file, line: line)
        return ""
    } catch {
        return error.description
    }
}
