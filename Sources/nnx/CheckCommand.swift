import ArgumentParser
import Foundation
import NNScenario

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate scenario files; exit status 2 if any is wrong.")

    @Argument(help: "Scenario files (or built-in names).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one scenario file") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let problems: [ScenarioError]
            let exists = FileManager.default.fileExists(atPath: file)
            if !exists, builtinName(file) == nil, !file.contains("/"), !file.contains(".") {
                failed = true
                printError(unknownNameMessage(file))
                continue
            }
            if exists || builtinName(file) == nil {
                problems = file.lowercased().hasSuffix(".csv")
                    ? Result { () throws(ScenarioError) in try ScenarioLoader.load(csvFile: file) }.problems
                    : ScenarioLoader.problems(contentsOf: file)
            } else {
                problems = Result { () throws(ScenarioError) in try BuiltinScenarios.load(named: builtinName(file)!) }.problems
            }
            if problems.isEmpty {
                print("\(file): ok")
            } else {
                failed = true
                problems.forEach { printError($0.description) }
            }
        }
        if failed { throw ExitCode(2) }
    }
}

extension Result where Failure == ScenarioError {
    var problems: [ScenarioError] {
        if case .failure(let error) = self { return [error] }
        return []
    }
}
