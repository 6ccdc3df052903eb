import ArgumentParser
import Foundation
import NNCore
import NNExplorer
import NNRender
import NNScenario

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the frame after N steps (one sample visit each) as text, or with ANSI colours.")

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    @Option(name: .long, help: "Sample visits before the frame is drawn.")
    var steps = 0

    @Option(name: .long, help: "Frame size as WIDTHxHEIGHT.")
    var size = "100x30"

    @Flag(name: .long, help: "Colour the frame with ANSI escape sequences.")
    var ansi = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard steps >= 0 else { throw ValidationError("--steps must be 0 or more, found \(steps)") }
        guard let s = Size(parsing: size), s.width <= 1000, s.height <= 1000 else {
            throw ValidationError("--size must look like 100x30 (at most 1000x1000), found '\(size)'")
        }
    }

    func run() throws {
        let scenario = try loadScenario(file)
        var state = AppState(size: Size(parsing: size)!, scenario: scenario, glyphs: display.ascii ? .ascii : .unicode,
                             theme: display.chosenTheme(fallback: .standard))
        guard state.fitsTerminal else {
            printError("nnx: --size \(size) is smaller than the \(state.minimumSize) this screen needs")
            throw ExitCode(2)
        }
        for _ in 0..<steps { update(&state, .key(.character("n"))) }
        let frame = view(state)
        print(ansi ? frame.ansiText(theme: state.theme) : frame.plainText, terminator: "")
    }
}

struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print JSON Lines, one record per sample visit, until convergence or N epochs.",
        discussion: """
            Perceptron records: {"model":"perceptron","epoch":E,"step":S,"index":I,"x":[x1,x2],"y":±1,"v":v,\
            "yhat":±1,"error":e,"w_before":[w0,w1,w2],"w_after":[w0,w1,w2]}
            """)

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    @Option(name: .long, help: "Stop after this many epochs, instead of the scenario's max_epochs.")
    var epochs: Int?

    func validate() throws {
        if let epochs, epochs < 0 { throw ValidationError("--epochs must be 0 or more, found \(epochs)") }
    }

    func run() throws {
        let scenario = try loadScenario(file)
        let dataset = scenario.dataset()
        var settings = scenario.perceptron
        if let epochs { settings.maxEpochs = max(1, epochs) }   // --epochs replaces the scenario's cap
        var trainer = PerceptronTrainer(samples: dataset.samples, settings: settings, seed: scenario.seed)
        let limit = epochs ?? settings.maxEpochs
        var out = ""
        while trainer.epoch < limit || trainer.positionInEpoch != 0, let event = trainer.step() {
            out += event.traceRecord + "\n"
            if out.utf8.count > 1 << 16 { print(out, terminator: ""); out = "" }
        }
        print(out, terminator: "")
    }
}

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train headlessly to the end and print a summary.")

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    @Option(name: .long, help: "Use this seed instead of the scenario's.")
    var seed: UInt64?

    @Flag(name: .long, help: "Print the summary as one JSON object.")
    var json = false

    func run() throws {
        let scenario = try loadScenario(file)
        let seed = self.seed ?? scenario.seed
        let dataset = scenario.dataset(seed: seed)
        var trainer = PerceptronTrainer(samples: dataset.samples, settings: scenario.perceptron, seed: seed)
        let start = DispatchTime.now().uptimeNanoseconds
        trainer.run()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let correct = dataset.samples.filter { Perceptron.sign(Perceptron.activation(trainer.weights, $0.x1, $0.x2)) == $0.signedTarget }.count
        let accuracy = dataset.isEmpty ? 0 : Double(correct) / Double(dataset.count)
        let status: String = switch trainer.status {
        case .running: "running"
        case .converged: "converged"
        case .cycling: "cycling"
        case .notConverged: "not_converged"
        }
        if json {
            var o = JSONObject()
            o.add("model", "perceptron")
            o.add("seed", seed)
            o.add("status", status)
            o.add("epochs", trainer.epoch)
            o.add("steps", trainer.steps)
            o.add("updates", trainer.totalUpdates)
            o.add("weights", trainer.weights)
            o.add("accuracy", accuracy)
            o.add("seconds", seconds)
            print(o.text)
        } else {
            print("""
                \(scenario.title) (seed \(seed))
                status:   \(status) after \(plural(trainer.epoch, "epoch")) (\(plural(trainer.steps, "sample visit")), \(plural(trainer.totalUpdates, "update")))
                weights:  \(formatVector(trainer.weights, digits: 6, glyphs: .ascii))
                accuracy: \(correct)/\(dataset.count) = \(formatNumber(accuracy * 100, digits: 2, glyphs: .ascii)) %
                time:     \(formatNumber(seconds * 1000, digits: 3, glyphs: .ascii)) ms
                """)
        }
    }
}

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

struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in scenarios.")

    func run() throws {
        for file in BuiltinScenarios.inLectureOrder() {
            let name = String(file.name.dropLast(".yaml".count))
            switch Result(catching: { () throws(ScenarioError) in try BuiltinScenarios.load(named: file.name) }) {
            case .success(let s): print(name.padding(toLength: 28, withPad: " ", startingAt: 0) + s.title + "\n" + String(repeating: " ", count: 28) + s.summary)
            case .failure(let e): print(name + ": " + e.description)
            }
        }
    }
}

/// `1 epoch`, `2 epochs`.
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
