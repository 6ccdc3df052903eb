import ArgumentParser
import Foundation
import NNCore
import NNRender
import NNScenario

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
