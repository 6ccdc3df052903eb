/// The lecture's fix for bad starting points: train K times from different seeds and keep the best run.
public enum MLPRestarts {
    /// Runs `settings.restarts` trainings to the end, with seeds `seed`, `seed + 1`, …; explicit initial weights
    /// are used by the first run only (the others draw theirs). Returns every run and the index of the one
    /// with the lowest final loss (validation loss when a split is held out). `afterEpoch` (the run's index
    /// and its trainer) is called after each epoch; without it whole runs train at once, to the same weights.
    public static func run(samples: [Sample], settings: MLPSettings, seed: UInt64,
                           afterEpoch: ((Int, MLPTrainer) -> Void)? = nil) -> (runs: [MLPTrainer], best: Int) {
        let count = max(1, settings.restarts)
        var runs: [MLPTrainer] = []
        for k in 0..<count {
            var runSettings = settings
            if k > 0 { runSettings.initialWeights = nil }
            var trainer = MLPTrainer(samples: samples, settings: runSettings, seed: seed &+ UInt64(k))
            if let afterEpoch {
                while !trainer.status.isFinished {
                    let epoch = trainer.epoch
                    trainer.run(maxEpochs: 1)
                    guard trainer.epoch > epoch else { break }
                    afterEpoch(k, trainer)
                }
            } else {
                trainer.run()
            }
            runs.append(trainer)
        }
        let best = runs.indices.min { finalLoss(runs[$0]) < finalLoss(runs[$1]) } ?? 0
        return (runs, best)
    }

    /// The loss a run is judged by: its validation loss if it has one, else its training loss (∞ if diverged).
    public static func finalLoss(_ run: MLPTrainer) -> Double {
        let loss = run.evaluate(run.validationSet.isEmpty ? run.trainingSet : run.validationSet).loss
        return loss.isFinite ? loss : .infinity
    }
}
