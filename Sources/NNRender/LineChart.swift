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
        func range(_ onRight: Bool) -> (low: Double, high: Double)? {
            let all = series.filter { $0.rightAxis == onRight }.flatMap { s in s.values.compactMap { scaled($0, s) } }
            guard let low = all.min(), let high = all.max() else { return nil }
            return (low, high)
        }
        let leftRange = range(false), rightRange = range(true)
        guard count > 0, leftRange != nil || rightRange != nil else {
            frame.put(Line("no epochs yet", Style(.dim)), column: plot.x + 1, row: plot.y + plot.height / 2, clip: area)
            return
        }
        let dotWidth = Double(plot.width * 2 - 1), dotHeight = Double(plot.height * 4 - 1)
        func u(_ index: Int) -> Double { count == 1 ? 0 : Double(index) / Double(count - 1) * dotWidth }
        func v(_ value: Double, _ onRight: Bool) -> Double {
            guard let (low, high) = onRight ? rightRange : leftRange else { return 0 }
            return (high - value) / (high > low ? high - low : 1) * dotHeight
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
        func label(_ value: Double) -> String {
            let shown = logScale ? pow(10, value) : value
            return formatNumber(shown, digits: shown < 10 ? 3 : 1, glyphs: glyphs)
        }
        let axis = Style(.axis)
        for row in plot.y..<plot.maxY { frame.put(String(glyphs.vertical), column: plot.x - 1, row: row, style: axis) }
        if let (low, high) = leftRange {
            frame.put(Line(label(high), Style(.label)).truncated(to: Self.labelWidth - 1, glyphs: glyphs), column: area.x, row: plot.y)
            frame.put(Line(label(low), Style(.label)).truncated(to: Self.labelWidth - 1, glyphs: glyphs), column: area.x, row: plot.maxY - 1)
        }
        if right {
            for row in plot.y..<plot.maxY { frame.put(String(glyphs.vertical), column: plot.maxX, row: row, style: axis) }
        }
        if let (low, high) = rightRange {
            // In the right series' style, so each axis is tied to its curve without reading the legend.
            let style = series.first(where: \.rightAxis)?.style ?? Style(.label)
            for (value, row) in high > low ? [(high, plot.y), (low, plot.maxY - 1)] : [(high, plot.y)] {
                let text = formatNumber(value, digits: abs(value) < 10 ? 3 : 1, glyphs: glyphs) + rightAxisUnit
                frame.put(Line(text, style).truncated(to: Self.labelWidth - 1, glyphs: glyphs), column: plot.maxX + 1, row: row)
            }
        }
        frame.put("1", column: plot.x, row: plot.maxY, style: Style(.label))
        let last = "\(count)"
        frame.put(last, column: plot.maxX - last.count, row: plot.maxY, style: Style(.label))
        if logScale { frame.put("log", column: area.x, row: plot.maxY, style: Style(.dim)) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
