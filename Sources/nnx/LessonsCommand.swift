import ArgumentParser
import NNCore
import NNScenario

struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in lessons (by chapter), then the scenarios to explore freely.")

    func run() throws {
        let loaded = BuiltinScenarios.inLectureOrder().map { file in
            (name: String(file.name.dropLast(".yaml".count)), header: BuiltinScenarios.header(file.text),
             scenario: Result { () throws(ScenarioError) in try BuiltinScenarios.load(named: file.name) })
        }
        func isLesson(_ r: Result<Scenario, ScenarioError>) -> Bool { (try? r.get())?.lesson != nil }
        for (heading, group) in [("Lessons (nnx NAME plays one; nnx record NAME --out NAME.cast records it)", loaded.filter { isLesson($0.scenario) }),
                                 ("Scenarios to explore (nnx NAME)", loaded.filter { !isLesson($0.scenario) })] where !group.isEmpty {
            print(heading)
            func entry(_ name: String, _ title: String, _ summary: String) {
                print("  " + name.padding(toLength: 28, withPad: " ", startingAt: 0) + title + "\n" + String(repeating: " ", count: 30) + summary)
            }
            for (name, header, result) in group {
                switch (result, header) {
                case (.success(let s), _):
                    entry(name, s.title + (s.lesson.map { " (\(plural($0.presses.count, "beat")))" } ?? ""), s.summary)
                // Its data files are not on this machine: listed all the same, with what it needs.
                case (.failure, let header?):
                    entry(name, header.title + " (data not found: nnx check \(name) says where nnx looked)", header.summary)
                case (.failure(let e), nil): print("  " + name + ": " + e.description)
                }
            }
            print()
        }
    }
}
