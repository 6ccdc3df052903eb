import NNCore
import NNRender

/// A run kept for comparison (`R`): its settings and seed, its loss per epoch, and where it ended. Time is
/// counted in epochs, not seconds, so that a comparison is the same on every machine.
public struct MLPReference: Sendable {
    public var settings: MLPSettings
    public var seed: UInt64
    public var history: [EpochSummary]
    public var trainingCount: Int
    public var validationCount: Int

    init(_ trainer: MLPTrainer) {
        settings = trainer.settings
        seed = trainer.seed
        history = trainer.history
        trainingCount = trainer.trainingSet.count
        validationCount = trainer.validationSet.count
    }

    public var epochs: Int { history.count }
    public var final: EpochSummary? { history.last }
}

extension MLPExplorer {
    /// How many references are kept; a new one beyond them drops the oldest.
    static let referenceLimit = 3

    /// Keeps the current run as a reference (the oldest dropped beyond `referenceLimit`).
    mutating func keepReference() {
        guard !trainer.history.isEmpty else { note = "no epoch yet: train first, then R keeps the run"; return }
        references.append(MLPReference(trainer))
        if references.count > Self.referenceLimit { references.removeFirst() }
        note = "reference R\(references.count) kept: \(trainer.history.count) epochs (reset keeps it; X clears)"
    }

    mutating func clearReferences() {
        note = references.isEmpty ? "no references to clear" : "references cleared"
        references = []
    }

    /// The settings in which `reference` differs from the current run, in short words ("η 0.1, batch 4").
    func differences(_ reference: MLPReference) -> String {
        let a = reference.settings, b = trainer.settings, n = { formatNumber($0) }
        var parts: [String] = []
        if a.sizes != b.sizes { parts.append(a.sizes.map(String.init).joined(separator: "-")) }
        if a.features != b.features { parts.append(a.features.map(\.name).joined(separator: ",")) }
        if a.activation != b.activation { parts.append(a.activation.rawValue) }
        if a.learningRate != b.learningRate || a.learningRateSchedule != b.learningRateSchedule { parts.append("η \(n(a.learningRate))") }
        if a.momentum != b.momentum { parts.append("α \(n(a.momentum))") }
        if a.batchSize != b.batchSize { parts.append("batch \(a.batchSize)") }
        if a.weightDecay != b.weightDecay { parts.append("λ \(formatNumber(a.weightDecay, digits: 4))") }
        if a.l1 != b.l1 { parts.append("L1 \(formatNumber(a.l1, digits: 4))") }
        if a.dropout != b.dropout { parts.append("dropout \(n(a.dropout))") }
        if a.maxNorm != b.maxNorm { parts.append("max-norm " + (a.maxNorm.map(n) ?? "off")) }
        if a.validationSplit != b.validationSplit { parts.append("held out \(n(a.validationSplit))") }
        if reference.seed != trainer.seed { parts.append("seed \(reference.seed)") }
        return parts.isEmpty ? "same settings" : parts.joined(separator: ", ")
    }

    /// The references' table for the update panel: one line each (settings that differ, epochs, final losses
    /// per point, accuracy), the current run's line first.
    func referenceLines(glyphs g: Glyphs, width: Int) -> [Line] {
        guard !references.isEmpty else { return [] }
        func figures(_ h: EpochSummary?, training: Int, validation: Int) -> String {
            guard let h else { return "no epoch" }
            let train = formatSignificant(h.loss / Double(max(1, training)), glyphs: g)
            let test = h.validationLoss.map { " val \(formatSignificant($0 / Double(max(1, validation)), glyphs: g))" } ?? ""
            return "E/pt \(train)\(test) acc \(formatNumber(h.accuracy * 100))%"
        }
        let t = trainer
        var lines = [Line(g.fold("now: \(t.history.count) ep \(figures(t.history.last, training: t.trainingSet.count, validation: t.validationSet.count))"),
                          Style(.plain))]
        for (i, r) in references.enumerated() {
            let text = "R\(i + 1) \(differences(r)): \(r.epochs) ep \(figures(r.final, training: r.trainingCount, validation: r.validationCount))"
            lines += wrap(g.fold(text), width: width).map { Line($0, Style(.dim)) }
        }
        return lines
    }
}
