/// Maps data coordinates to the cells of a plot area and back. Rows grow downwards, `y` upwards.
public struct PlotMapping: Sendable, Hashable {
    public var area: Rect
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>

    public init(area: Rect, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        self.area = area; self.xRange = xRange; self.yRange = yRange
    }

    /// Cells per unit: x spans the area's columns, y its rows.
    var xScale: Double { Double(area.width) / (xRange.upperBound - xRange.lowerBound) }
    var yScale: Double { Double(area.height) / (yRange.upperBound - yRange.lowerBound) }

    /// The cell holding the point, or nil when it falls outside the area.
    public func cell(x: Double, y: Double) -> (column: Int, row: Int)? {
        let fx = (x - xRange.lowerBound) * xScale
        let fy = (yRange.upperBound - y) * yScale
        guard fx.isFinite, fy.isFinite, fx >= 0, fy >= 0, fx <= Double(area.width), fy <= Double(area.height) else { return nil }
        return (area.x + min(area.width - 1, Int(fx)), area.y + min(area.height - 1, Int(fy)))
    }

    /// The data point at the centre of a cell.
    public func point(column: Int, row: Int) -> (x: Double, y: Double) {
        point(subColumn: Double(column - area.x) + 0.5, subRow: Double(row - area.y) + 0.5)
    }

    /// The data point at a fractional position inside the area (in cells from its top-left corner).
    public func point(subColumn: Double, subRow: Double) -> (x: Double, y: Double) {
        (xRange.lowerBound + subColumn / xScale, yRange.upperBound - subRow / yScale)
    }

    /// The range from `low` to `high` widened by `padding` of its width on each side, so that points do not
    /// sit on the border; a single value gets ±1 around it, and a non-finite input the range −1…1.
    public static func paddedRange(_ low: Double, _ high: Double, padding: Double = 0.2) -> ClosedRange<Double> {
        guard low.isFinite, high.isFinite else { return -1...1 }
        var lo = low, hi = high
        if !(hi > lo) { lo -= max(1, abs(lo) * 1e-6); hi += max(1, abs(hi) * 1e-6) }
        let pad = (hi - lo) * padding
        guard (lo - pad).isFinite, (hi + pad).isFinite else { return lo...hi }
        return (lo - pad)...(hi + pad)
    }
}

/// Round tick positions (steps of 1, 2 or 5 × 10ᵏ) inside a range, about `target` of them; none when the
/// range is empty, not finite, or too narrow for its magnitude to hold distinct ticks.
public func niceTicks(_ range: ClosedRange<Double>, target: Int) -> [Double] {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite, target > 0 else { return [] }
    let rough = span / Double(target)
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
    let first = (range.lowerBound / step).rounded(.up), last = ((range.upperBound + step * 1e-9) / step).rounded(.down)
    // Beyond 2^53 consecutive multiples are no longer distinct doubles: no ticks rather than an endless loop.
    guard first.isFinite, last.isFinite, abs(first) < 0x1p52, abs(last) < 0x1p52, last - first < 1_000 else { return [] }
    return (Int(first)...max(Int(first), Int(last))).compactMap { k in
        let t = Double(k) * step
        return t <= range.upperBound + step * 1e-9 ? (abs(t) < step * 1e-9 ? 0 : t) : nil
    }
}
