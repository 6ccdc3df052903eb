import ArgumentParser
import Foundation
import NNCore
import NNExplorer
import NNRender
import NNScenario

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the frame after N steps (a sample visit, an MLP update or a CNN batch each) as text, or with ANSI colours.")

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    // Counts and sizes are read as text so that `--steps -3` reaches `validate` (else it reads as an option).
    @Option(name: .customLong("steps"), parsing: .unconditional,
            help: ArgumentHelp("Steps before the frame is drawn: sample visits (perceptron), updates (MLP), mini-batches (CNN), or beats (a lesson).", valueName: "steps"))
    var stepsText = "0"
    var steps: Int { Int(stepsText) ?? 0 }

    @Option(name: .long, parsing: .unconditional, help: "Frame size as WIDTHxHEIGHT.")
    var size = "100x30"

    @Flag(name: .long, help: "Colour the frame with ANSI escape sequences.")
    var ansi = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        _ = try parseCount(stepsText, flag: "--steps")
        _ = try parseSize(size)
    }

    func run() throws {
        let scenario = try loadScenario(file)
        // Plain text keeps no colour: it is drawn as on a monochrome terminal (textures and glyphs, not shades).
        var state = AppState(size: try parseSize(size), scenario: scenario, glyphs: display.ascii ? .ascii : .unicode,
                             theme: ansi ? display.chosenTheme(fallback: .standard) : .monochrome)
        guard state.fitsTerminal else {
            printError("nnx: --size \(size) is smaller than the \(state.minimumSize) this screen needs")
            throw ExitCode(2)
        }
        // A lesson steps by beats (→), an explorer by its `n` key.
        let stepKey: Key = state.lesson != nil ? .right : .character("n")
        for _ in 0..<steps where !state.trainingFinished { update(&state, .key(stepKey)) }
        let frame = view(state)
        print(ansi ? frame.ansiText(theme: state.theme) : frame.plainText, terminator: "")
    }
}

struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print JSON Lines: per sample visit (perceptron), per epoch (MLP), per stage and per epoch (CNN).",
        discussion: """
            A perceptron writes one record per sample visit, until an error-free epoch or N epochs (weights \
            that cycle do not stop it; nnx train and the screen say they cycle); an MLP one per epoch \
            (layers[l][i][j], row 0 = bias), and --per-sample adds one per update with its deltas and weight \
            changes; a CNN first one per stage \
            output for the probe image (L counts the cnn: layers list from 0), then, when the network ends in \
            softmax, one per epoch (--epochs 0 gives the stage records only). The records:

            {"model":"perceptron","epoch":E,"step":S,"index":I,"x":[x1,x2],"y":±1,"v":v,"yhat":±1,"error":e,\
            "w_before":[w0,w1,w2],"w_after":[w0,w1,w2]}
            {"model":"mlp","epoch":E,"loss":…,"accuracy":…,"val_loss":…,"val_accuracy":…,"layers":[[[…]]]}
            After early stopping, a last MLP record gives the weights the network keeps, those of the best epoch B:
            {"model":"mlp","epoch":B,"restored":true,"stopped_at":E,"loss":…,…,"layers":[[[…]]]}
            {"model":"cnn","layer":L,"kind":"conv","shape":[C,H,W],"values":[[[…]]]}
            {"model":"cnn","epoch":E,"loss":…,"accuracy":…,"test_accuracy":…}
            """)

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    @Option(name: .customLong("epochs"), parsing: .unconditional,
            help: ArgumentHelp("Stop after this many epochs, instead of the scenario's max_epochs (CNN: 0 for the stage records only).", valueName: "epochs"))
    var epochsText: String?
    var epochs: Int? { epochsText.flatMap { Int($0) } }

    @Flag(name: .long, help: "MLP: also one record per update (sample or mini-batch).")
    var perSample = false

    func validate() throws {
        if let epochsText { _ = try parseCount(epochsText, flag: "--epochs") }
    }

    func run() throws {
        let scenario = try loadScenario(file)
        var output = BufferedOutput()
        switch scenario.model {
        case .perceptron: tracePerceptron(scenario, &output)
        case .mlp: traceMLP(scenario, &output)
        case .cnn: traceCNN(scenario, &output)
        }
        output.flush()
    }

    private func tracePerceptron(_ scenario: Scenario, _ output: inout BufferedOutput) {
        var settings = scenario.perceptron
        if let epochs { settings.maxEpochs = max(1, epochs) }   // --epochs replaces the scenario's cap
        settings.stopsAtCycle = false   // the contract: until an error-free epoch or N epochs
        var trainer = PerceptronTrainer(samples: scenario.dataset().samples, settings: settings, seed: scenario.seed)
        let limit = epochs ?? settings.maxEpochs
        while trainer.epoch < limit || trainer.positionInEpoch != 0, let event = trainer.step() {
            output.write(event.traceRecord)
        }
    }

    private func traceMLP(_ scenario: Scenario, _ output: inout BufferedOutput) {
        var settings = scenario.mlp
        if let epochs { settings.maxEpochs = max(1, epochs) }
        var trainer = MLPTrainer(samples: scenario.dataset().samples, settings: settings, seed: scenario.seed)
        let limit = epochs ?? settings.maxEpochs
        if perSample { output.write(trainer.initialTraceRecord) }
        while trainer.epoch < limit || trainer.positionInEpoch != 0, !trainer.status.isFinished {
            if perSample {
                guard let update = trainer.step() else { break }
                output.write(update.traceRecord(sizes: trainer.network.sizes))
                if trainer.positionInEpoch == 0, let summary = trainer.history.last {
                    for record in trainer.traceRecords(summary) { output.write(record) }
                }
            } else {
                guard let summary = trainer.runEpoch() else { break }
                for record in trainer.traceRecords(summary) { output.write(record) }
            }
        }
    }
}

extension Trace {
    /// A CNN: one record per stage output for the probe image (with the first weights), then, when the network
    /// trains, one record per epoch.
    fileprivate func traceCNN(_ scenario: Scenario, _ output: inout BufferedOutput) {
        guard let cnn = scenario.cnn else { return }
        let network = cnn.network(seed: scenario.seed)
        let probe = cnn.images[cnn.probe].image
        for (l, tensor) in network.forward(probe).dropFirst().enumerated() {
            output.write(tensor.traceRecord(layer: l, kind: network.layers[l].kind))
        }
        guard cnn.trains else { return }
        var settings = cnn.training
        if let epochs { settings.maxEpochs = max(1, epochs) }
        guard (epochs ?? settings.maxEpochs) > 0 else { return }
        var trainer = CNNTrainer(images: cnn.images, network: network, settings: settings, seed: scenario.seed)
        while let summary = trainer.runEpoch() { output.write(summary.traceRecord) }
    }
}

/// Lines to stdout in 64 KiB writes (traces run to millions of lines).
struct BufferedOutput {
    private var buffer = ""
    mutating func write(_ line: String) {
        buffer += line + "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }
    mutating func flush() {
        print(buffer, terminator: "")
        buffer = ""
    }
}

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train headlessly to the end and print a summary.")

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    @Option(name: .customLong("seed"), parsing: .unconditional,
            help: ArgumentHelp("Use this seed instead of the scenario's (a whole number from 0 to \(UInt64.max)).", valueName: "seed"))
    var seedText: String?
    var seed: UInt64? { seedText.flatMap { UInt64($0) } }

    func validate() throws {
        guard let seedText, UInt64(seedText) == nil else { return }
        throw ValidationError("--seed must be a whole number from 0 to \(UInt64.max), found '\(seedText)'")
    }

    @Flag(name: .long, help: "Print the summary as one JSON object.")
    var json = false

    func run() throws {
        let scenario = try loadScenario(file)
        let seed = self.seed ?? scenario.seed
        let summary: JSONObject, text: String
        switch scenario.model {
        case .perceptron: (summary, text) = trainPerceptron(scenario, seed: seed)
        case .mlp: (summary, text) = trainMLP(scenario, seed: seed)
        case .cnn: (summary, text) = try trainCNN(scenario, seed: seed)
        }
        print(json ? summary.text : text)
    }

    private func trainPerceptron(_ scenario: Scenario, seed: UInt64) -> (JSONObject, String) {
        let dataset = scenario.dataset(seed: seed)
        var trainer = PerceptronTrainer(samples: dataset.samples, settings: scenario.perceptron, seed: seed)
        let seconds = timed { trainer.run() }
        let correct = dataset.samples.filter { Perceptron.sign(Perceptron.activation(trainer.weights, $0.x1, $0.x2)) == $0.signedTarget }.count
        let accuracy = dataset.isEmpty ? 0 : Double(correct) / Double(dataset.count)
        let status: String = switch trainer.status {
        case .running: "running"
        case .converged: "converged"
        case .cycling: "cycling"
        case .notConverged: "not_converged"
        }
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
        let text = """
            \(scenario.title) (seed \(seed))
            status:   \(status.replacingOccurrences(of: "_", with: " ")) after \(plural(trainer.epoch, "epoch")) (\(plural(trainer.steps, "sample visit")), \(plural(trainer.totalUpdates, "update")))
            weights:  \(formatVector(trainer.weights, digits: 6, glyphs: .ascii))
            accuracy: \(correct)/\(dataset.count) = \(formatNumber(accuracy * 100, digits: 2, glyphs: .ascii)) %
            time:     \(formatNumber(seconds * 1000, digits: 3, glyphs: .ascii)) ms
            """
        return (o, text)
    }

    private func trainCNN(_ scenario: Scenario, seed: UInt64) throws -> (JSONObject, String) {
        guard let cnn = scenario.cnn, cnn.trains else {
            printError("nnx: \(scenario.source): the network does not end in softmax, so nothing is trained (nnx trace shows its maps)")
            throw ExitCode(2)
        }
        var trainer = CNNTrainer(images: cnn.images, network: cnn.network(seed: seed), settings: cnn.training, seed: seed)
        let seconds = timed { trainer.run() }
        let last = trainer.history.last
        let status: String = switch trainer.status {
        case .running: "running"
        case .finished: "finished"
        case .diverged: "diverged"
        }
        var o = JSONObject()
        o.add("model", "cnn")
        o.add("seed", seed)
        o.add("status", status)
        o.add("epochs", trainer.epoch)
        o.add("loss", last?.loss)
        o.add("accuracy", last?.accuracy)
        o.add("test_accuracy", last?.testAccuracy)
        o.add("seconds", seconds)
        let percent = { (v: Double?) in v.map { formatNumber($0 * 100, digits: 2, glyphs: .ascii) + " %" } ?? "-" }
        let text = """
            \(scenario.title) (seed \(seed))
            status:        \(status) after \(plural(trainer.epoch, "epoch")) (\(trainer.steps) batch\(trainer.steps == 1 ? "" : "es") of \(cnn.training.batchSize))
            loss:          \(last.map { formatNumber($0.loss, digits: 6, glyphs: .ascii) } ?? "-") (mean cross-entropy over the epoch's training images)
            accuracy:      \(percent(last?.accuracy)) of \(trainer.trainingSet.count) training images
            test accuracy: \(percent(last?.testAccuracy)) of \(trainer.testSet.count) test images
            time:          \(formatNumber(seconds * 1000, digits: 3, glyphs: .ascii)) ms
            """
        return (o, text)
    }

    private func trainMLP(_ scenario: Scenario, seed: UInt64) -> (JSONObject, String) {
        let dataset = scenario.dataset(seed: seed)
        var result: (runs: [MLPTrainer], best: Int) = ([], 0)
        let seconds = timed { result = MLPRestarts.run(samples: dataset.samples, settings: scenario.mlp, seed: seed) }
        let trainer = result.runs[result.best]
        let status: String = switch trainer.status {
        case .running: "running"
        case .finished: "finished"
        case .earlyStopped: "early_stopped"
        case .diverged: "diverged"
        }
        let training = trainer.evaluate(trainer.trainingSet)
        let validation = trainer.validationSet.isEmpty ? nil : trainer.evaluate(trainer.validationSet)
        var o = JSONObject()
        o.add("model", "mlp")
        o.add("seed", trainer.seed)
        o.add("status", status)
        o.add("epochs", trainer.epoch)
        o.add("loss", training.loss)
        o.add("accuracy", training.accuracy)
        o.add("val_loss", validation?.loss)
        o.add("val_accuracy", validation?.accuracy)
        o.add("solved", training.accuracy == 1)
        o.add("restarts", result.runs.count)
        let runs = result.runs.map { run -> String in
            var r = JSONObject()
            r.add("seed", run.seed)
            r.add("loss", MLPRestarts.finalLoss(run))
            r.add("accuracy", run.evaluate(run.trainingSet).accuracy)
            return r.text
        }
        o.add("runs", json: "[" + runs.joined(separator: ",") + "]")
        o.add("seconds", seconds)
        var text = """
            \(scenario.title) (seed \(trainer.seed)\(result.runs.count > 1 ? ", best of \(result.runs.count) runs" : ""))
            status:   \(status.replacingOccurrences(of: "_", with: " ")) after \(plural(trainer.epoch, "epoch"))
            loss:     \(formatNumber(training.loss, digits: 6, glyphs: .ascii)) (\(scenario.mlp.loss.rawValue), summed over \(plural(trainer.trainingSet.count, "training point")))
            accuracy: \(formatNumber(training.accuracy * 100, digits: 2, glyphs: .ascii)) % of the training points\(training.accuracy == 1 ? " (all of them)" : "")
            """
        if let validation {
            text += "\nvalidation: loss \(formatNumber(validation.loss, digits: 6, glyphs: .ascii)), accuracy \(formatNumber(validation.accuracy * 100, digits: 2, glyphs: .ascii)) % of \(plural(trainer.validationSet.count, "point"))"
        }
        if result.runs.count > 1 {
            for (i, run) in result.runs.enumerated() {
                let accuracy = run.evaluate(run.trainingSet).accuracy
                text += "\n  run \(i + 1) (seed \(run.seed)): loss \(formatNumber(MLPRestarts.finalLoss(run), digits: 6, glyphs: .ascii)), accuracy \(formatNumber(accuracy * 100, digits: 2, glyphs: .ascii)) %" + (i == result.best ? "  <- kept" : "")
            }
        }
        if let perfect = trainer.firstPerfectEpoch { text += "\nfirst epoch with every training point right: \(perfect)" }
        text += "\ntime:     \(formatNumber(seconds * 1000, digits: 3, glyphs: .ascii)) ms"
        return (o, text)
    }
}

/// Seconds `body` took (wall clock; only `nnx train` reports time).
func timed(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
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

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a lesson headlessly and write an asciicast v2 recording (play it with `asciinema play FILE`).",
        discussion: "Each beat (one key press in the lesson) is one frame. A frame with narration stays 2 s plus 0.3 s a word, at most 8 s (any other 1.5 s), and a pause adds 4 s. The same lesson gives the same file.")

    @Argument(help: "A scenario file with a lesson, or a built-in lesson's name.")
    var file: String

    @Option(name: .long, help: "Where to write the recording (- for standard output).")
    var out: String

    // Lessons are written for 120x40 (their words name what that frame shows).
    @Option(name: .long, parsing: .unconditional, help: "Terminal size as WIDTHxHEIGHT (lessons are written for 120x40).")
    var size = "120x40"

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        _ = try parseSize(size)
        guard !out.isEmpty else { throw ValidationError("--out needs a file name (or - for standard output)") }
    }

    func run() throws {
        let scenario = try loadScenario(file)
        guard scenario.lesson != nil else {
            printError("nnx: \(scenario.source) has no lesson: record plays a lesson's beats (see `nnx lessons`)")
            throw ExitCode(2)
        }
        let state = AppState(size: try parseSize(size), scenario: scenario)
        guard state.fitsTerminal else {
            printError("nnx: --size \(size) is smaller than the \(state.minimumSize) this lesson needs")
            throw ExitCode(2)
        }
        let cast = LessonRecording.asciicast(scenario, size: state.size, glyphs: display.ascii ? .ascii : .unicode,
                                             theme: display.chosenTheme(fallback: .standard))
        if out == "-" {
            print(cast, terminator: "")
            return
        }
        do {
            try cast.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            printError("nnx: cannot write \(out): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let beats = scenario.lesson?.presses.count ?? 0
        print("nnx: wrote \(out): \(plural(beats, "beat")) of \(scenario.title)")
    }
}

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

/// `1 epoch`, `2 epochs`.
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
