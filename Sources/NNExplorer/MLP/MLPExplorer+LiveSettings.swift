import NNCore
import NNRender

/// Batch size and momentum as settings that change while training goes on (TensorFlow Playground's
/// selectors): each key steps to the next value, which the next update uses.
extension MLPExplorer {
    /// The batch sizes `B` steps through: 1, 4, 16, 32 (those smaller than the training set), then the whole set.
    var batchSizeSteps: [Int] {
        let count = max(1, trainer.trainingSet.count)
        return [1, 4, 16, 32].filter { $0 < count } + [count]
    }

    /// The α `A` steps through.
    static let momentumSteps = [0, 0.5, 0.9, 0.99]

    /// "full (N)" for a batch of every training point, else the number.
    var batchSizeName: String {
        let size = trainer.settings.batchSize
        return size >= trainer.trainingSet.count && size > 1 ? "full (\(trainer.trainingSet.count))" : "\(size)"
    }

    /// The next batch size (after the whole set, 1 again), from the next update on.
    mutating func nextBatchSize() {
        let current = trainer.settings.batchSize
        let next = batchSizeSteps.first { $0 > current } ?? 1
        trainer.setBatchSize(next)
        note = "batch \(batchSizeName) from the next update" + (next == 1 ? ": per-sample SGD" : ": Δw from the mean δ z of \(next) points")
    }

    /// The next momentum α (0, 0.5, 0.9, 0.99, 0 again), from the next update on.
    mutating func nextMomentum() {
        let next = Self.momentumSteps.first { $0 > trainer.settings.momentum } ?? 0
        trainer.setMomentum(next)
        note = next > 0 ? "momentum α = \(formatNumber(next)) from the next update" : "momentum off from the next update"
    }
}
