/// `stop_when`: training stops after the first epoch whose figures reach any of these thresholds (besides
/// `max_epochs`): a loss at or below its threshold, an accuracy at or above it. The losses are the epoch's as
/// traced (the lecture's sums over the points), the accuracies fractions of the points.
public struct StopCondition: Sendable, Hashable {
    public enum Measure: String, Sendable, CaseIterable {
        case trainLoss = "train_loss", accuracy
        case validationLoss = "val_loss", validationAccuracy = "val_accuracy"

        /// A loss must fall to its threshold, an accuracy rise to it.
        public var isLoss: Bool { self == .trainLoss || self == .validationLoss }

        /// This measure of an epoch (nil: nothing held out).
        public func value(_ s: EpochSummary) -> Double? {
            switch self {
            case .trainLoss: s.loss
            case .accuracy: s.accuracy
            case .validationLoss: s.validationLoss
            case .validationAccuracy: s.validationAccuracy
            }
        }
    }

    public var thresholds: [Measure: Double]

    public init(_ thresholds: [Measure: Double]) { self.thresholds = thresholds }

    /// The first measure (in `Measure`'s order) the epoch reached, if any.
    public func met(by s: EpochSummary) -> Measure? {
        Measure.allCases.first { m in
            guard let threshold = thresholds[m], let value = m.value(s) else { return false }
            return m.isLoss ? value <= threshold : value >= threshold
        }
    }
}

extension MLPTrainer {
    /// Why `stop_when` stopped training, in words: `stop_when train_loss: 0.0098 ≤ 0.01` (`<=` without
    /// `unicode`; nil when it did not).
    public func stopReason(_ number: NumberFormat, unicode: Bool = true) -> String? {
        guard case .stopped(let measure, let epoch) = status, epoch >= 1, epoch <= history.count,
              let value = measure.value(history[epoch - 1]), let threshold = settings.stopWhen?.thresholds[measure] else { return nil }
        return "stop_when \(measure.rawValue): \(number(value, 6)) \(measure.isLoss ? (unicode ? "≤" : "<=") : (unicode ? "≥" : ">=")) \(number(threshold, 6))"
    }
}
