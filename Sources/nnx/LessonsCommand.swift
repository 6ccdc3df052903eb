import ArgumentParser
import NNCore
import NNScenario

struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in lessons (by chapter), then the scenarios to explore freely.")

    func run() throws {
        // Listed by their headers; only the lessons are loaded (for their beat counts): a scenario's data may
        // be large (MNIST, CIFAR-10) or not on this machine.
        let files = BuiltinScenarios.inLectureOrder().map { (name: String($0.name.dropLast(".yaml".count)), header: BuiltinScenarios.header($0.text)) }
        for (heading, lessons) in [("Lessons (nnx NAME plays one; nnx record NAME --out NAME.cast records it)", true),
                                   ("Scenarios to explore (nnx NAME)", false)] {
            let group = files.filter { ($0.header?.isLesson ?? false) == lessons }
            guard !group.isEmpty else { continue }
            print(heading)
            func entry(_ name: String, _ title: String, _ summary: String) {
                print("  " + name.padding(toLength: 28, withPad: " ", startingAt: 0) + title + "\n" + String(repeating: " ", count: 30) + summary)
            }
            for (name, header) in group {
                guard let header else {
                    // Not even a title: what loading it says is wrong.
                    do throws(ScenarioError) { _ = try BuiltinScenarios.load(named: name) } catch { print("  " + name + ": " + error.description) }
                    continue
                }
                guard lessons else { entry(name, header.title, header.summary); continue }
                do throws(ScenarioError) {
                    let lesson = try BuiltinScenarios.load(named: name).lesson
                    entry(name, header.title + (lesson.map { " (\(plural($0.presses.count, "beat")))" } ?? ""), header.summary)
                } catch {
                    entry(name, header.title + " (cannot open: nnx check \(name) says why)", header.summary)
                }
            }
            print()
        }
    }
}
