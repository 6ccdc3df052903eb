import ArgumentParser
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
            guard let named = ScenarioArgument(file) else {
                failed = true
                printError(unknownNameMessage(file))
                continue
            }
            let problems = named.problems
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
