import ArgumentParser
import NNCore
import NNScenario

struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in lessons (by chapter), then the scenarios to explore freely.")

    func run() throws {
        let loaded = BuiltinScenarios.inLectureOrder().map { file in
            (name: String(file.name.dropLast(".yaml".count)),
             scenario: Result { () throws(ScenarioError) in try BuiltinScenarios.load(named: file.name) })
        }
        func isLesson(_ r: Result<Scenario, ScenarioError>) -> Bool { (try? r.get())?.lesson != nil }
        for (heading, group) in [("Lessons (nnx NAME plays one; nnx record NAME --out NAME.cast records it)", loaded.filter { isLesson($0.scenario) }),
                                 ("Scenarios to explore (nnx NAME)", loaded.filter { !isLesson($0.scenario) })] where !group.isEmpty {
            print(heading)
            for (name, result) in group {
                switch result {
                case .success(let s):
                    let beats = s.lesson.map { " (\(plural($0.presses.count, "beat")))" } ?? ""
                    print("  " + name.padding(toLength: 28, withPad: " ", startingAt: 0) + s.title + beats + "\n"
                          + String(repeating: " ", count: 30) + s.summary)
                case .failure(let e): print("  " + name + ": " + e.description)
                }
            }
            print()
        }
    }
}
