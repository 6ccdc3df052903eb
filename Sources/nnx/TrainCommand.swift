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

    @Flag(name: .long, help: "JSON Lines: an MLP or a CNN's record of each epoch (as nnx trace writes it; with restarts, its \"run\"), then the summary as one JSON object.")
    var json = false

    func run() throws {
        let scenario = try loadScenario(file)
        let seed = self.seed ?? scenario.seed
        let summary = switch scenario.model {
        case .perceptron: trainPerceptron(scenario, seed: seed)
        case .mlp: trainMLP(scenario, seed: seed)
        case .cnn: try trainCNN(scenario, seed: seed)
        case .threshold:
            printError("nnx: \(scenario.source): nothing to train: a threshold network's weights are set by hand "
                       + "(nnx trace prints its output on every point)")
            throw ExitCode(2)
        }
        print(json ? summary.json.text : summary.text)
    }

    private func trainPerceptron(_ scenario: Scenario, seed: UInt64) -> TrainingSummary {
        var trainer = PerceptronTrainer(samples: scenario.dataset(seed: seed).samples, settings: scenario.perceptron, seed: seed)
        let seconds = timed { trainer.run() }
        return TrainingSummary(perceptron: trainer, title: scenario.title, seconds: seconds, number: asciiNumber)
    }

    private func trainMLP(_ scenario: Scenario, seed: UInt64) -> TrainingSummary {
        let samples = scenario.dataset(seed: seed).samples
        let settings = scenario.mlp, runs = max(1, settings.restarts)
        var progress = TrainingProgress(unit: "epochs")
        var result: (runs: [MLPTrainer], best: Int) = ([], 0)
        // Epoch by epoch only when someone watches (the same weights; whole runs at once are faster).
        let watched = json || progress.enabled
        let seconds = timed {
            result = MLPRestarts.run(samples: samples, settings: settings, seed: seed, afterEpoch: !watched ? nil : { run, trainer in
                if json, let summary = trainer.history.last {
                    for record in trainer.traceRecords(summary) { print(runs > 1 ? "{\"run\":\(run)," + record.dropFirst() : record) }
                }
                progress.update(epoch: trainer.epoch, epochs: settings.maxEpochs, done: run * settings.maxEpochs + trainer.epoch,
                                total: runs * settings.maxEpochs)
            })
        }
        progress.finish()
        return TrainingSummary(mlpRuns: result.runs, best: result.best, title: scenario.title, seconds: seconds, number: asciiNumber)
    }

    private func trainCNN(_ scenario: Scenario, seed: UInt64) throws -> TrainingSummary {
        guard let cnn = scenario.cnn, cnn.trains else {
            printError("nnx: \(scenario.source): the network does not end in softmax, so nothing is trained (nnx trace shows its maps)")
            throw ExitCode(2)
        }
        var trainer = CNNTrainer(images: cnn.images, network: cnn.network(seed: seed), settings: cnn.training, seed: seed)
        var progress = TrainingProgress(unit: "images")
        let epochs = trainer.settings.maxEpochs, perEpoch = trainer.trainingSet.count
        let seconds = timed {
            while trainer.step() != nil {
                // `epoch` counts the epoch under way (from 1), or the one just finished at a boundary.
                let finished = trainer.positionInEpoch == 0 ? trainer.epoch : trainer.epoch - 1
                progress.update(epoch: trainer.epoch, epochs: epochs, done: finished * perEpoch + trainer.positionInEpoch, total: epochs * perEpoch)
                if json, trainer.positionInEpoch == 0, let summary = trainer.history.last { print(summary.traceRecord) }
            }
        }
        progress.finish()
        return TrainingSummary(cnn: trainer, title: scenario.title, seconds: seconds, number: asciiNumber)
    }

    /// The summary's numbers as the lecture writes them, in plain ASCII (`-`, not `−`).
    private func asciiNumber(_ value: Double, digits: Int) -> String { formatNumber(value, digits: digits, glyphs: .ascii) }
}

/// Seconds `body` took (wall clock; only `nnx train` reports time).
func timed(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
