/// A fully connected network drawn as nodes in columns (one per layer) joined by braille lines, each coloured
/// by the sign of its weight and heavier for larger |w| (faint below a quarter of the largest |w|, a double
/// bold line from half of it); each unit's bias is written beside it when there is
/// room; a layer with more units than rows draws the first ones and "+N" for the rest. Units a dropout pass
/// dropped are drawn crossed out (`⊗`, `x` in ASCII) without their lines; the layer an update is at, reversed. Each input is named on its left
/// (and, with `inputPictureWidth`, leaves room for a small picture between name and node). Takes plain numbers: `weights[l]`
/// is the flat `(sizes[l] + 1) × sizes[l + 1]` matrix, row 0 = bias.
public struct NetworkDiagram: Sendable {
    public var sizes: [Int]
    public var weights: [[Double]]
    public var inputLabels: [String] = ["x1", "x2"]
    /// Columns left free between each input's name and its node for a picture of the input (0: none; see
    /// `inputPictureArea`).
    public var inputPictureWidth = 0
    /// A unit to draw highlighted: (layer, unit).
    public var selected: (layer: Int, unit: Int)?
    /// The layer an update is working on (step by step): its units drawn in reverse video.
    public var activeLayer: Int?
    /// Units dropped by dropout, by layer: drawn crossed out, without the lines into and out of them.
    public var dropped: [Int: Set<Int>] = [:]

    public init(sizes: [Int], weights: [[Double]]) { self.sizes = sizes; self.weights = weights }

    static let labelWidth = 3

    /// The columns left of the input nodes: the longest name, a blank, and the pictures' room.
    private var inputMargin: Int {
        max(Self.labelWidth, (inputLabels.map(\.count).max() ?? 0) + 1 + (inputPictureWidth > 0 ? inputPictureWidth + 1 : 0))
    }

    /// Whether each input can have a picture `width` columns wide and 2 rows high beside its name in `area`.
    public func fitsInputPictures(width: Int, in area: Rect) -> Bool {
        var wider = self
        wider.inputPictureWidth = width
        return area.height >= 2 * sizes[0] && area.width - wider.inputMargin >= 24
    }

    /// Where input `i`'s picture goes (2 rows, `inputPictureWidth` columns, ending a blank before its node);
    /// nil without pictures.
    public func inputPictureArea(unit i: Int, in area: Rect) -> Rect? {
        guard inputPictureWidth > 0, i < drawnUnits(layer: 0, in: area) else { return nil }
        let p = position(layer: 0, unit: i, in: area)
        return Rect(x: p.column - 1 - inputPictureWidth, y: max(area.y, min(area.maxY - 2, p.row)), width: inputPictureWidth, height: 2)
    }

    /// How many of layer `l`'s units are drawn: all when each has a row, else one row fewer than there are,
    /// the last row saying how many more there are (`+44`).
    public func drawnUnits(layer l: Int, in area: Rect) -> Int {
        sizes[l] <= area.height ? sizes[l] : max(1, area.height - 1)
    }

    /// Where unit `i` of layer `l` sits (cell column and row); `i == drawnUnits` is the "+N" row.
    public func position(layer l: Int, unit i: Int, in area: Rect) -> (column: Int, row: Int) {
        let inner = Rect(x: area.x + inputMargin, y: area.y, width: area.width - inputMargin - Self.labelWidth - 3, height: area.height)
        let column = inner.x + (sizes.count == 1 ? 0 : l * max(0, inner.width - 1) / (sizes.count - 1))
        let drawn = drawnUnits(layer: l, in: area)
        let slots = drawn < sizes[l] ? drawn + 1 : drawn
        let row = inner.y + Int((Double(i) + 0.5) * Double(inner.height) / Double(slots))
        return (column, min(inner.maxY - 1, row))
    }

    public func render(into frame: inout Frame, area: Rect, glyphs: Glyphs) {
        guard area.width >= 12, area.height >= 2 else { return }
        // NaN weights (a diverged network) left out: else one could make every line, ∞ ones too, faint.
        let largest = weights.flatMap { $0 }.map(abs).filter { !$0.isNaN }.max() ?? 1
        // Six layers of lines, per sign: faint, plain, heavy (drawn twice, one dot apart); heavier ones on top.
        var canvases = Array(repeating: BrailleCanvas(columns: area.width, rows: area.height), count: 6)
        for l in 0..<(sizes.count - 1) {
            for i in 0..<drawnUnits(layer: l, in: area) {
                for j in 0..<drawnUnits(layer: l + 1, in: area) where !isDropped(l, i) && !isDropped(l + 1, j) {
                    let w = weights[l][(i + 1) * sizes[l + 1] + j]
                    let a = position(layer: l, unit: i, in: area), b = position(layer: l + 1, unit: j, in: area)
                    let weight = abs(w) >= largest / 2 ? 2 : abs(w) >= largest / 4 ? 1 : 0
                    let bucket = (w >= 0 ? 0 : 1) + 2 * weight
                    let x0 = Double((a.column - area.x) * 2 + 2), y0 = Double((a.row - area.y) * 4 + 2)
                    let x1 = Double((b.column - area.x) * 2), y1 = Double((b.row - area.y) * 4 + 2)
                    canvases[bucket].segment(x0, y0, x1, y1)
                    if weight == 2 { canvases[bucket].segment(x0, y0 + 1, x1, y1 + 1) }
                }
            }
        }
        let styles = [Style(.positiveWeight, attributes: [.dim]), Style(.negativeWeight, attributes: [.dim]),
                      Style(.positiveWeight), Style(.negativeWeight),
                      Style(.positiveWeight, attributes: [.bold]), Style(.negativeWeight, attributes: [.bold])]
        for (canvas, style) in zip(canvases, styles) { canvas.draw(into: &frame, x: area.x, y: area.y, style: style, glyphs: glyphs) }

        let roomForBias = showsBiases(in: area)
        for l in sizes.indices {
            let drawn = drawnUnits(layer: l, in: area)
            if drawn < sizes[l] {
                let p = position(layer: l, unit: drawn, in: area)
                let more = "+\(sizes[l] - drawn)"
                frame.put(more, column: max(area.x, min(p.column - more.count / 2, area.maxX - more.count)), row: p.row, style: Style(.label))
            }
            for i in 0..<drawn {
                let p = position(layer: l, unit: i, in: area)
                let isSelected = selected.map { $0.layer == l && $0.unit == i } ?? false
                if isDropped(l, i) {
                    frame.put(String(glyphs.dropped), column: p.column, row: p.row, style: Style(isSelected ? .visited : .dim))
                } else {
                    frame.put(glyphs.unicode ? "●" : "o", column: p.column, row: p.row,
                              style: Style(isSelected ? .visited : .emphasis, attributes: activeLayer == l ? [.bold, .reverse] : [.bold]))
                }
                if l == 0 {
                    let label = i < inputLabels.count ? inputLabels[i] : "x\(i + 1)"
                    let gap = inputPictureWidth > 0 ? inputPictureWidth + 2 : 1
                    frame.put(label, column: p.column - label.count - gap, row: p.row, style: Style(.label))
                } else if roomForBias {
                    let bias = weights[l - 1][i]
                    // A blank cell either side, so the bias does not read as a weight on the line it sits on.
                    let text = Line(formatNumber(bias, digits: 1, glyphs: glyphs), Style(bias >= 0 ? .positiveWeight : .negativeWeight))
                        .truncated(to: 5, glyphs: glyphs)
                    let room = area.maxX - (p.column + 1)
                    if room > 0 {
                        frame.put(Line([Span(" ")] + text.spans + [Span(" ")]).truncated(to: room, glyphs: glyphs), column: p.column + 1, row: p.row)
                    }
                }
            }
        }
    }

    private func isDropped(_ l: Int, _ i: Int) -> Bool { dropped[l]?.contains(i) ?? false }

    /// Whether `render` writes each unit's bias beside it in `area` (two rows a unit are needed).
    public func showsBiases(in area: Rect) -> Bool { sizes.dropFirst().allSatisfy { $0 * 2 <= area.height } }
}
