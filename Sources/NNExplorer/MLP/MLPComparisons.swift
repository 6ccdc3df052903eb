import NNCore

/// The views that compare whole runs, trained to the end while the screen waits: restarts from other seeds
/// (`x`), and this run's first weights without and with momentum (`M`).
extension MLPExplorer {
    /// Multiply-adds the restarts view may spend while the screen waits for it.
    static let restartBudget = 1_000_000_000

    /// Trains the scenario's number of restarts (at least 4) to the end from consecutive seeds, for the view
    /// that compares them; a second press closes it.
    mutating func toggleRestarts() {
        if restarts != nil { restarts = nil; return }
        momentumRuns = nil
        var settings = trainer.settings
        settings.restarts = max(4, scenario.mlp.restarts)
        // The runs are trained while the screen waits: cap their epochs to the budget.
        let affordable = max(1, Self.restartBudget / max(1, epochCost * settings.restarts))
        if affordable < settings.maxEpochs {
            settings.maxEpochs = affordable
            note = "restarts capped at \(affordable) epochs each"
        }
        restarts = MLPRestarts.run(samples: dataset.samples, settings: settings, seed: seed)
        playback.stop()
    }

    /// The momentum of the momentum view's second run: the one set, else the lecture's usual 0.9.
    var comparedMomentum: Double { trainer.settings.momentum > 0 ? trainer.settings.momentum : 0.9 }

    /// Trains this run's first weights (its seed) to the end without momentum and with `comparedMomentum`,
    /// for the view that shows them side by side; a second press closes it.
    mutating func toggleMomentumRuns() {
        if momentumRuns != nil { momentumRuns = nil; return }
        restarts = nil
        var settings = trainer.settings
        let affordable = max(1, Self.restartBudget / max(1, epochCost * 2))
        if affordable < settings.maxEpochs {
            settings.maxEpochs = affordable
            note = "runs capped at \(affordable) epochs each"
        }
        momentumRuns = [0, comparedMomentum].map { alpha in
            var runSettings = settings
            runSettings.momentum = alpha
            var run = MLPTrainer(samples: dataset.samples, settings: runSettings, seed: trainer.seed)
            run.run()
            return run
        }
        playback.stop()
    }

    /// Continues with the best of the restarts.
    mutating func adoptBestRestart() {
        guard let r = restarts else { return }
        trainer = r.runs[r.best]
        data.seed = trainer.seed
        restarts = nil
        note = "continuing with the best run (seed \(seed))"
    }
}
