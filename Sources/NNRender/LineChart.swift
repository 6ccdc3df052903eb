/// Curves against a step count (losses against epochs) in braille dots, with the y range labelled, an
/// optional log scale and an optional vertical marker (e.g. the epoch early stopping went back to).
/// A series of another quantity (an accuracy beside a loss) goes on the right axis, with its own range and
/// labels, so it never reads on the left one's scale.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var values: [Double]
        public var style: Style
        /// Drawn dashed (and with ":" in ASCII), to tell it from a solid curve without colour.
        public var dashed: Bool
        /// Scaled to the right axis (its own range, labelled on the right; never log-scaled).
        public var rightAxis: Bool
        public init(values: [Double], style: Style, dashed: Bool = false, rightAxis: Bool = false) {
            self.values = values; self.style = style; self.dashed = dashed; self.rightAxis = rightAxis
        }
    }
    public var series: [Series]
    public var logScale = false
    /// 1-based position of the marker (an epoch), if any.
    public var marker: Int?
    /// Written after each right-axis label (`%`).
    public var rightAxisUnit = ""
    public init(series: [Series]) { self.series = series }

    static let labelWidth = 7

    public func render(into frame: inout Frame, area: Rect, glyphs: Glyphs) {
        let right = series.contains(where: \.rightAxis)
        let rightWidth = right ? Self.labelWidth : 0
        guard area.width > Self.labelWidth + rightWidth + 4, area.height >= 3 else { return }
        let plot = Rect(x: area.x + Self.labelWidth, y: area.y, width: area.width - Self.labelWidth - rightWidth, height: area.height - 1)
        let count = series.map(\.values.count).max() ?? 0
        func scaled(_ v: Double, _ s: Series) -> Double? {
            guard v.isFinite else { return nil }
            if logScale, !s.rightAxis { return v > 0 ? log10(v) : nil }
            return v
        }
        /// The drawn range of one axis's series; a flat one widened by 1 each way, so it is drawn across the middle.
        func range(_ onRight: Bool) -> (low: Double, high: Double, flat: Bool)? {
            let all = series.filter { $0.rightAxis == onRight }.flatMap { s in s.values.compactMap { scaled($0, s) } }
            guard let lowest = all.min(), let highest = all.max() else { return nil }
            return lowest == highest ? (lowest - 1, highest + 1, true) : (lowest, highest, false)
        }
        // Values that overflowed (a diverged run) are not drawn; the chart says from where they start.
        let firstOverflow = series.compactMap { $0.values.firstIndex { !$0.isFinite } }.min()
        let overflowNote = firstOverflow.map { i -> String in
            let value = series.compactMap { s in s.values.indices.contains(i) && !s.values[i].isFinite ? s.values[i] : nil }.first ?? .nan
            return "overflow: \(formatNumber(value, glyphs: glyphs)) from \(i + 1)"
        }
        let leftRange = range(false), rightRange = range(true)
        guard count > 0, leftRange != nil || rightRange != nil else {
            let text = count == 0 ? "no epochs yet" : overflowNote ?? "nothing to draw on a log scale"
            frame.put(Line(text, Style(count == 0 ? .dim : .warning)), column: plot.x + 1, row: plot.y + plot.height / 2, clip: area)
            return
        }
        let dotWidth = Double(plot.width * 2 - 1), dotHeight = Double(plot.height * 4 - 1)
        func u(_ index: Int) -> Double { count == 1 ? 0 : Double(index) / Double(count - 1) * dotWidth }
        func v(_ value: Double, _ onRight: Bool) -> Double {
            guard let (low, high, _) = onRight ? rightRange : leftRange else { return 0 }
            // A flat run too large for ±1 to widen (1e300) still has no span: across the middle.
            guard high > low else { return dotHeight / 2 }
            return (high - value) / (high - low) * dotHeight
        }

        if let marker, marker >= 1, marker <= count {
            let column = plot.x + Int(u(marker - 1) / 2)
            for row in plot.y..<plot.maxY { frame.put(glyphs.unicode ? "┊" : ":", column: column, row: row, style: Style(.marker)) }
        }
        for s in series {
            var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
            var previous: (Double, Double)?
            for (i, value) in s.values.enumerated() {
                guard let y = scaled(value, s) else { previous = nil; continue }
                let point = (u(i), v(y, s.rightAxis))
                let from = previous ?? point
                canvas.segment(from.0, from.1, point.0, point.1, dashed: s.dashed)
                previous = point
            }
            canvas.draw(into: &frame, x: plot.x, y: plot.y, style: s.style, glyphs: glyphs)
        }
        let axis = Style(.axis)
        for row in plot.y..<plot.maxY { frame.put(String(glyphs.vertical), column: plot.x - 1, row: row, style: axis) }
        let labelWidth = Self.labelWidth - 1
        if let (low, high, flat) = leftRange {
            if flat {
                let row = plot.y + Int(v(low + 1, false) / 4)
                frame.put(Line(rangeLabel(low + 1, digits: 6, width: labelWidth, glyphs: glyphs), Style(.label)), column: area.x, row: row)
            } else {
                let (top, bottom) = rangeLabels(high: high, low: low, width: labelWidth, glyphs: glyphs)
                frame.put(Line(top, Style(.label)), column: area.x, row: plot.y)
                frame.put(Line(bottom, Style(.label)), column: area.x, row: plot.maxY - 1)
            }
        }
        if right {
            for row in plot.y..<plot.maxY { frame.put(String(glyphs.vertical), column: plot.maxX, row: row, style: axis) }
        }
        if let (low, high, flat) = rightRange {
            // In the right series' style, so each axis is tied to its curve without reading the legend.
            let style = series.first(where: \.rightAxis)?.style ?? Style(.label)
            let marks = flat ? [(low + 1, plot.y + Int(v(low + 1, true) / 4))] : [(high, plot.y), (low, plot.maxY - 1)]
            for (value, row) in marks {
                let text = formatNumber(value, digits: abs(value) < 10 ? 3 : 1, glyphs: glyphs) + rightAxisUnit
                frame.put(Line(text, style).truncated(to: labelWidth, glyphs: glyphs), column: plot.maxX + 1, row: row)
            }
        }
        if let overflowNote {
            let note = Line(" " + overflowNote, Style(.warning)).truncated(to: plot.width, glyphs: glyphs)
            frame.put(note, column: plot.maxX - note.width, row: plot.y)
        }
        frame.put("1", column: plot.x, row: plot.maxY, style: Style(.label))
        // One epoch: one label (not "1 … 1" at both ends).
        if count > 1 {
            let last = "\(count)"
            frame.put(last, column: plot.maxX - last.count, row: plot.maxY, style: Style(.label))
        }
        if logScale { frame.put("log", column: area.x, row: plot.maxY, style: Style(.dim)) }
    }
}

extension LineChart {
    /// The value a position on the axis stands for (the axis runs over log10 values on a log scale).
    func shown(_ value: Double) -> Double { logScale ? pow(10, value) : value }

    /// `value` in at most `width` characters with up to `digits` decimals (e-notation when large or tiny).
    func rangeLabel(_ value: Double, digits: Int, width: Int, glyphs: Glyphs) -> String {
        let v = shown(value), magnitude = abs(v)
        for d in stride(from: digits, through: 0, by: -1) {
            let text = magnitude >= 1e5 || (magnitude < 1e-3 && v != 0)
                ? formatScientific(v, digits: d, glyphs: glyphs) : formatNumber(v, digits: d, glyphs: glyphs)
            if text.count <= width { return text }
        }
        return formatScientific(v, digits: 0, glyphs: glyphs)
    }

    /// The top and bottom labels: the fewest decimals that tell them apart (3 below 10, else 1, more when
    /// needed); when even the widest labels read the same, the top one is the difference (`+2e−5`).
    func rangeLabels(high: Double, low: Double, width: Int, glyphs: Glyphs) -> (top: String, bottom: String) {
        func base(_ value: Double) -> Int { abs(shown(value)) < 10 ? 3 : 1 }
        for extra in 0...6 {
            let top = rangeLabel(high, digits: base(high) + extra, width: width, glyphs: glyphs)
            let bottom = rangeLabel(low, digits: base(low) + extra, width: width, glyphs: glyphs)
            if top != bottom { return (top, bottom) }
        }
        let difference = shown(high) - shown(low)
        return ("+" + rangeLabel(difference, digits: 3, width: width - 1, glyphs: glyphs),
                rangeLabel(low, digits: 3, width: width, glyphs: glyphs))
    }
}

/// `1.2e5`, `−3e−7`: `digits` decimals on the mantissa.
func formatScientific(_ value: Double, digits: Int, glyphs: Glyphs) -> String {
    guard value != 0, value.isFinite else { return formatNumber(value, glyphs: glyphs) }
    var exponent = Int(log10(abs(value)).rounded(.down))
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    var mantissa = (value / pow(10, Double(exponent)) * scale).rounded() / scale
    if abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
    return formatNumber(mantissa, digits: digits, glyphs: glyphs) + "e" + formatNumber(Double(exponent), glyphs: glyphs)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
