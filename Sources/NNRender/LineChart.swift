/// Curves against a step count (losses against epochs) in braille dots, with the y range labelled, an
/// optional log scale and an optional vertical marker (e.g. the epoch early stopping went back to).
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var values: [Double]
        public var style: Style
        /// Drawn dashed (and with ":" in ASCII), to tell it from a solid curve without colour.
        public var dashed: Bool
        public init(values: [Double], style: Style, dashed: Bool = false) { self.values = values; self.style = style; self.dashed = dashed }
    }
    public var series: [Series]
    public var logScale = false
    /// 1-based position of the marker (an epoch), if any.
    public var marker: Int?
    public init(series: [Series]) { self.series = series }

    static let labelWidth = 7

    public func render(into frame: inout Frame, area: Rect, glyphs: Glyphs) {
        guard area.width > Self.labelWidth + 4, area.height >= 3 else { return }
        let plot = Rect(x: area.x + Self.labelWidth, y: area.y, width: area.width - Self.labelWidth, height: area.height - 1)
        let count = series.map(\.values.count).max() ?? 0
        func scaled(_ v: Double) -> Double? {
            guard v.isFinite else { return nil }
            if logScale { return v > 0 ? log10(v) : nil }
            return v
        }
        let all = series.flatMap { $0.values.compactMap(scaled) }
        guard count > 0, let low = all.min(), let high = all.max() else {
            frame.put(Line("no epochs yet", Style(.dim)), column: plot.x + 1, row: plot.y + plot.height / 2, clip: area)
            return
        }
        let span = high > low ? high - low : 1
        let dotWidth = Double(plot.width * 2 - 1), dotHeight = Double(plot.height * 4 - 1)
        func u(_ index: Int) -> Double { count == 1 ? 0 : Double(index) / Double(count - 1) * dotWidth }
        func v(_ value: Double) -> Double { (high - value) / span * dotHeight }

        if let marker, marker >= 1, marker <= count {
            let column = plot.x + Int(u(marker - 1) / 2)
            for row in plot.y..<plot.maxY { frame.put(glyphs.unicode ? "┊" : ":", column: column, row: row, style: Style(.marker)) }
        }
        for s in series {
            var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
            var previous: (Double, Double)?
            for (i, value) in s.values.enumerated() {
                guard let y = scaled(value) else { previous = nil; continue }
                let point = (u(i), v(y))
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
        frame.put(Line(label(high), Style(.label)).truncated(to: Self.labelWidth - 1, glyphs: glyphs), column: area.x, row: plot.y)
        frame.put(Line(label(low), Style(.label)).truncated(to: Self.labelWidth - 1, glyphs: glyphs), column: area.x, row: plot.maxY - 1)
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
