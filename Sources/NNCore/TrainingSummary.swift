/// What `nnx train` reports once training has ended: one JSON object (`--json`), or lines for a person.
/// The JSON's field order and the status names are a contract, like the trace records'.
public struct TrainingSummary {
    public let json: JSONObject
    public let text: String
}

/// Writes `value` with at most `digits` decimals. NNCore draws no text, so the caller brings the lecture's
/// number format (`nnx train` passes NNRender's `formatNumber` with ASCII glyphs).
public typealias NumberFormat = (_ value: Double, _ digits: Int) -> String

extension TrainingSummary {
    /// A perceptron's status, counts, final weights and accuracy on its samples.
    public init(perceptron trainer: PerceptronTrainer, title: String, seconds: Double, number: NumberFormat) {
        let weights = trainer.weights, samples = trainer.samples
        let correct = samples.filter { Perceptron.sign(Perceptron.activation(weights, $0.x1, $0.x2)) == $0.signedTarget }.count
        let accuracy = samples.isEmpty ? 0 : Double(correct) / Double(samples.count)
        var o = JSONObject()
        o.add("model", "perceptron")
        o.add("seed", trainer.seed)
        o.add("status", trainer.status.name)
        o.add("epochs", trainer.epoch)
        o.add("steps", trainer.steps)
        o.add("updates", trainer.totalUpdates)
        o.add("weights", weights)
        o.add("accuracy", accuracy)
        o.add("seconds", seconds)
        json = o
        text = """
            \(title) (seed \(trainer.seed))
            status:   \(spaced(trainer.status.name)) after \(plural(trainer.epoch, "epoch")) (\(plural(trainer.steps, "sample visit")), \(plural(trainer.totalUpdates, "update")))
            weights:  (\(weights.map { number($0, 6) }.joined(separator: ", ")))
            accuracy: \(correct)/\(samples.count) = \(number(accuracy * 100, 2)) %
            time:     \(number(seconds * 1000, 3)) ms
            """
    }

    /// An MLP trained `runs.count` times from different seeds (`MLPRestarts`): the kept run `runs[best]`, its
    /// training and validation figures, and each run's final loss and accuracy (null, and no accuracy line,
    /// under regression).
    public init(mlpRuns runs: [MLPTrainer], best: Int, title: String, seconds: Double, number: NumberFormat) {
        let trainer = runs[best]
        let training = trainer.evaluate(trainer.trainingSet)
        let validation = trainer.validationSet.isEmpty ? nil : trainer.evaluate(trainer.validationSet)
        let runFigures = runs.map { (seed: $0.seed, loss: MLPRestarts.finalLoss($0), accuracy: $0.evaluate($0.trainingSet).accuracy) }
        let classified = !trainer.network.isRegression
        var o = JSONObject()
        o.add("model", "mlp")
        o.add("seed", trainer.seed)
        o.add("status", trainer.status.name)
        o.add("epochs", trainer.epoch)
        o.add("loss", training.loss)
        o.add("accuracy", classified ? training.accuracy : nil)
        o.add("val_loss", validation?.loss)
        o.add("val_accuracy", classified ? validation?.accuracy : nil)
        o.add("solved", training.accuracy == 1)
        o.add("restarts", runs.count)
        let runObjects = runFigures.map { run -> String in
            var r = JSONObject()
            r.add("seed", run.seed)
            r.add("loss", run.loss)
            r.add("accuracy", classified ? run.accuracy : nil)
            return r.text
        }
        o.add("runs", json: "[" + runObjects.joined(separator: ",") + "]")
        o.add("seconds", seconds)
        if case .stopped(let measure, _) = trainer.status { o.add("stopped_when", measure.rawValue) }
        json = o
        var text = """
            \(title) (seed \(trainer.seed)\(runs.count > 1 ? ", best of \(runs.count) runs" : ""))
            status:   \(spaced(trainer.status.name)) after \(plural(trainer.epoch, "epoch"))\(trainer.stopReason(number, unicode: false).map { " (\($0))" } ?? "")
            loss:     \(number(training.loss, 6)) (\(trainer.settings.loss.rawValue), summed over \(plural(trainer.trainingSet.count, "training point")))
            """
        if classified {
            text += "\naccuracy: \(number(training.accuracy * 100, 2)) % of the training points\(training.accuracy == 1 ? " (all of them)" : "")"
        }
        if let validation {
            let held = plural(trainer.validationSet.count, "point")
            text += "\nvalidation: loss \(number(validation.loss, 6))"
                + (classified ? ", accuracy \(number(validation.accuracy * 100, 2)) % of \(held)" : " (\(held))")
        }
        if runs.count > 1 {
            for (i, run) in runFigures.enumerated() {
                text += "\n  run \(i + 1) (seed \(run.seed)): loss \(number(run.loss, 6))"
                    + (classified ? ", accuracy \(number(run.accuracy * 100, 2)) %" : "") + (i == best ? "  <- kept" : "")
            }
        }
        if let perfect = trainer.firstPerfectEpoch { text += "\nfirst epoch with every training point right: \(perfect)" }
        text += "\ntime:     \(number(seconds * 1000, 3)) ms"
        self.text = text
    }

    /// A CNN's status and its last epoch's loss, training accuracy and test accuracy ("-" before any epoch).
    public init(cnn trainer: CNNTrainer, title: String, seconds: Double, number: NumberFormat) {
        let last = trainer.history.last
        var o = JSONObject()
        o.add("model", "cnn")
        o.add("seed", trainer.seed)
        o.add("status", trainer.status.name)
        o.add("epochs", trainer.epoch)
        o.add("loss", last?.loss)
        o.add("accuracy", last?.accuracy)
        o.add("test_accuracy", last?.testAccuracy)
        o.add("seconds", seconds)
        o.add("precision", trainer.trainsInSinglePrecision ? CNNPrecision.single.rawValue : CNNPrecision.double.rawValue)
        json = o
        func percent(_ value: Double?) -> String { value.map { number($0 * 100, 2) + " %" } ?? "-" }
        let single = trainer.trainsInSinglePrecision ? "\nprecision:     single (the batches in Float, the weights kept in Double)" : ""
        text = """
            \(title) (seed \(trainer.seed))
            status:        \(trainer.status.name) after \(plural(trainer.epoch, "epoch")) (\(trainer.steps) batch\(trainer.steps == 1 ? "" : "es") of \(trainer.settings.batchSize))
            loss:          \(last.map { number($0.loss, 6) } ?? "-") (mean cross-entropy over the epoch's training images)
            accuracy:      \(percent(last?.accuracy)) of \(trainer.trainingSet.count) training images
            test accuracy: \(percent(last?.testAccuracy)) of \(trainer.testSet.count) test images\(single)
            time:          \(number(seconds * 1000, 3)) ms
            """
    }
}

/// `1 epoch`, `2 epochs`.
public func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

/// A status name as the text summary writes it: `not_converged` → `not converged`.
private func spaced(_ name: String) -> String { name.replacing("_", with: " ") }

// The names of where training stands: `"status"` in `nnx train --json`, and (with spaces) in its text.

extension PerceptronStatus {
    public var name: String {
        switch self {
        case .running: "running"
        case .converged: "converged"
        case .cycling: "cycling"
        case .notConverged: "not_converged"
        }
    }
}

extension MLPStatus {
    public var name: String {
        switch self {
        case .running: "running"
        case .finished: "finished"
        case .earlyStopped: "early_stopped"
        case .diverged: "diverged"
        case .stopped: "stopped"
        }
    }
}

extension CNNStatus {
    public var name: String {
        switch self {
        case .running: "running"
        case .finished: "finished"
        case .diverged: "diverged"
        }
    }
}
