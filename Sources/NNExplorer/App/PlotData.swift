import NNCore
import NNRender

/// What both explorers do with their points: plot ranges, snapping clicks, adding and removing points, and
/// stepping through a list of settings.
enum PlotData {
    /// Padded ranges around a dataset (−1.5…1.5 when it is empty); fixed per dataset, so the picture does
    /// not jump when points are added.
    static func ranges(for dataset: Dataset) -> (ClosedRange<Double>, ClosedRange<Double>) {
        guard let b = dataset.bounds else { return (-1.5...1.5, -1.5...1.5) }
        return (PlotMapping.paddedRange(b.x1.lowerBound, b.x1.upperBound, padding: 0.25),
                PlotMapping.paddedRange(b.x2.lowerBound, b.x2.upperBound, padding: 0.25))
    }

    /// Rounds a clicked coordinate to a step of about a hundredth of the range (so the panel shows short numbers).
    static func snap(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        let span = range.upperBound - range.lowerBound
        guard span.isFinite, span > 0, value.isFinite else { return value }
        var step = 1.0
        while step > span / 100 { step /= 10 }
        while step * 10 <= span / 100 { step *= 10 }
        return (value / step).rounded() * step
    }

    /// Removes the last point drawn in `cell`, or adds one of class `label` at (x, y) snapped to the ranges;
    /// marks the dataset edited. Returns the note that says what happened.
    static func togglePoint(in dataset: inout Dataset, x: Double, y: Double, label: Int,
                            ranges: (ClosedRange<Double>, ClosedRange<Double>),
                            cellOf: (Sample) -> (column: Int, row: Int)?, cell: (column: Int, row: Int)) -> String {
        let note: String
        if let hit = dataset.samples.indices.last(where: { cellOf(dataset.samples[$0]).map { $0 == cell } ?? false }) {
            let removed = dataset.samples.remove(at: hit)
            note = "removed (\(formatNumber(removed.x1, digits: 2)), \(formatNumber(removed.x2, digits: 2)))"
        } else {
            let point = Sample(snap(x, ranges.0), snap(y, ranges.1), label: label)
            dataset.samples.append(point)
            note = "added class \(label) at (\(formatNumber(point.x1, digits: 2)), \(formatNumber(point.x2, digits: 2)))"
        }
        if !dataset.name.hasSuffix("(edited)") { dataset.name += " (edited)" }
        return note
    }

    /// The next value of `steps` above (or below) `current`, nil at the end.
    static func step(_ steps: [Double], from current: Double, up: Bool) -> Double? {
        let tolerance = max(abs(current) * 1e-9, 1e-12)
        return up ? steps.first { $0 > current + tolerance } : steps.last { $0 < current - tolerance }
    }
}
