import NNCore
import NNRender

extension MLPExplorer {
    /// The hidden units dropped by the update the ledger shows (the pending one mid-update, else the last),
    /// by layer, for the network diagram.
    var droppedUnits: [Int: Set<Int>] {
        guard let mask = (pending?.update ?? trainer.lastUpdate)?.mask else { return [:] }
        var dropped: [Int: Set<Int>] = [:]
        for (index, scales) in mask.scales.enumerated() {
            let units = Set(scales.indices.filter { scales[$0] == 0 })
            if !units.isEmpty { dropped[index + 1] = units }
        }
        return dropped
    }
}

/// The diagram legend's words for the crossed-out units, with how many the update dropped (most are not
/// drawn in a big layer); none without dropout.
func droppedLegend(_ dropped: [Int: Set<Int>], glyphs g: Glyphs) -> [Span] {
    let count = dropped.values.reduce(0) { $0 + $1.count }
    guard count > 0 else { return [] }
    return [Span(" "), Span(String(g.dropped), Style(.dim)), Span(" \(count) dropped ", Style(.dim))]
}

extension MLPExplorer {
    /// Dropout with rate p (0: off); training starts again from the same first weights, so that runs with
    /// and without it compare.
    mutating func setDropout(_ p: Double) {
        var settings = trainer.settings
        settings.dropout = p
        restart(with: settings)
        note = p > 0 ? "dropout p = \(formatNumber(p)); training starts again" : "dropout off; training starts again"
    }

    /// Max-norm with length c (nil: off); training starts again from the same first weights.
    mutating func setMaxNorm(_ c: Double?) {
        var settings = trainer.settings
        settings.maxNorm = c
        restart(with: settings)
        note = c.map { "max-norm c = \(formatNumber($0)); training starts again" } ?? "max-norm off; training starts again"
    }

    /// The max-norm lengths c the `N` key steps through.
    static let maxNormSteps = [1.0, 2, 3, 4]

    /// The next dropout rate: off, 0.1, 0.3, 0.5, off again. A network without a hidden layer has no unit
    /// to drop: the note says so (and dropout left on by `k` goes off).
    mutating func nextDropout() {
        guard trainer.network.sizes.count > 2 else {
            if trainer.settings.dropout > 0 { setDropout(0); return }
            note = "dropout drops hidden units; network " + trainer.network.sizes.map(String.init).joined(separator: "-")
                + " has none: K adds a hidden layer"
            return
        }
        setDropout(nextDropoutRate(after: trainer.settings.dropout))
    }

    /// The next max-norm length: off, 1, 2, 3, 4, off again.
    mutating func nextMaxNorm() {
        setMaxNorm(Self.maxNormSteps.first { $0 > trainer.settings.maxNorm ?? 0 })
    }
}
