/// A matrix of numbers (an image, a kernel, a feature map) as a heatmap: one column a value, two rows a cell
/// (`▀` half blocks, upper value in front, lower behind) in a grey ramp or a diverging scale; or, for themes
/// without background shades, one glyph a cell from a ramp of increasingly dense characters (the upper of
/// each pair of rows). With `showValues`, the numbers themselves, one row a line.
public struct MatrixHeatmap: Sendable {
    public enum Scale: Sendable, Hashable {
        /// Grey from `low` (darkest) to `high` (lightest).
        case grey(low: Double, high: Double)
        /// Orange below zero, blue above, saturating at ±`limit`.
        case diverging(limit: Double)
    }

    public var rows: Int, columns: Int
    public var values: [Double]
    public var scale: Scale
    public var showValues = false
    /// Digits after the point in values mode.
    public var digits = 1

    public init(rows: Int, columns: Int, values: [Double], scale: Scale) {
        precondition(values.count == rows * columns, "values do not fit the matrix")
        self.rows = rows; self.columns = columns; self.values = values; self.scale = scale
    }

    /// A grey or diverging scale that spans `values` (diverging when any value is negative).
    public static func fittingScale(_ values: [Double]) -> Scale {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        if low < 0 { return .diverging(limit: max(abs(low), abs(high), 1e-12)) }
        return .grey(low: low, high: high > low ? high : low + 1)
    }

    /// Cells the map takes: its width, and half its rows (rounded up); with values, `valueWidth` a number.
    public func size(valueWidth: Int = 5) -> Size {
        showValues ? Size(width: columns * valueWidth, height: rows) : Size(width: columns, height: (rows + 1) / 2)
    }

    public func render(into frame: inout Frame, at origin: (column: Int, row: Int), shades: Bool, glyphs: Glyphs, valueWidth: Int = 5) {
        if showValues {
            for r in 0..<rows {
                for c in 0..<columns {
                    let v = values[r * columns + c]
                    let text = formatNumber(v, digits: digits, glyphs: glyphs)
                    let padded = String(repeating: " ", count: max(0, valueWidth - text.count)) + text
                    frame.put(Line(padded, Style(v < 0 ? .negativeWeight : v > 0 ? .positiveWeight : .dim)).truncated(to: valueWidth, glyphs: glyphs),
                              column: origin.column + c * valueWidth, row: origin.row + r)
                }
            }
            return
        }
        for cellRow in 0..<((rows + 1) / 2) {
            for c in 0..<columns {
                let upper = values[(2 * cellRow) * columns + c]
                let lower = 2 * cellRow + 1 < rows ? values[(2 * cellRow + 1) * columns + c] : nil
                let cell: Cell
                if shades {
                    let top = role(upper)
                    if glyphs.unicode {
                        cell = Cell("▀", style: Style(top, background: lower.map(role)))
                    } else {
                        cell = Cell(" ", style: Style(.plain, background: top))
                    }
                } else {
                    cell = Cell(ramp(upper, glyphs: glyphs), style: Style(role(upper)))
                }
                frame[origin.column + c, origin.row + cellRow] = cell
            }
        }
    }

    /// Each value repeated `factor` times across and down (small maps stay visible).
    public func zoomed(_ factor: Int) -> MatrixHeatmap {
        guard factor > 1 else { return self }
        var values: [Double] = []
        values.reserveCapacity(rows * columns * factor * factor)
        for r in 0..<(rows * factor) {
            for c in 0..<(columns * factor) { values.append(self.values[(r / factor) * columns + c / factor]) }
        }
        var copy = MatrixHeatmap(rows: rows * factor, columns: columns * factor, values: values, scale: scale)
        copy.showValues = showValues
        copy.digits = digits
        return copy
    }

    /// The level of `value` on the scale, 0…1 for grey and −1…1 for diverging.
    /// NaN (a NaN value, or a scale without width) is level 0; ±∞ saturates like any value past the ends.
    public func level(_ value: Double) -> Double {
        switch scale {
        case .grey(let low, let high):
            let t = (value - low) / (high - low)
            return t.isNaN ? 0 : min(1, max(0, t))
        case .diverging(let limit):
            let t = value / limit
            return t.isNaN ? 0 : min(1, max(-1, t))
        }
    }

    func role(_ value: Double) -> ColorRole {
        let t = level(value)
        switch scale {
        case .grey: return .grey(Int((t * 5).rounded()))
        case .diverging: return .heat(Int((t * 3).rounded()))
        }
    }

    /// A glyph whose density grows with the value; on a diverging scale the magnitude, from a second family
    /// of glyphs below zero, so that the sign shows without colour.
    func ramp(_ value: Double, glyphs: Glyphs) -> Character {
        let t = level(value)
        let ramp = t < 0 ? Self.negativeRamp : (scaleIsDiverging ? Self.positiveRamp : Self.greyRamp)
        return ramp[min(ramp.count - 1, Int((abs(t) * Double(ramp.count - 1)).rounded()))]
    }

    static let greyRamp = Array(" .:;+*#%@")
    static let positiveRamp = Array(" .:+*#@")
    static let negativeRamp = Array(" ,-~=xX")

    var scaleIsDiverging: Bool { if case .diverging = scale { true } else { false } }

    /// What the shades or glyphs mean, for a legend.
    public static func legend(shades: Bool, glyphs: Glyphs) -> String {
        shades ? "grey: low to high; orange below 0, blue above"
            : "low to high: \(String(greyRamp.dropFirst())); below 0: \(String(negativeRamp.dropFirst())), above: \(String(positiveRamp.dropFirst()))"
    }
}
