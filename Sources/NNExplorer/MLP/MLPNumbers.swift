import NNCore
import NNRender

/// The numbers view (`W`, TensorFlow Playground's #47 and #126): the loss, the accuracy and every weight at
/// the current epoch as a table, layer by layer, over the regions; ↑/↓/PgUp/PgDn scroll it.
extension MLPExplorer {
    /// Opens the numbers view at its top, or closes it.
    mutating func toggleNumbers() {
        numbersScroll = numbersScroll == nil ? 0 : nil
    }

    /// Scrolls the numbers view by `rows` (within its lines, `visible` of which show at once).
    mutating func scrollNumbers(by rows: Int, visible: Int, width: Int) {
        guard let scroll = numbersScroll else { return }
        let most = max(0, numberLines(width: width, glyphs: .unicode).count - visible)
        numbersScroll = min(most, max(0, scroll + rows))
    }

    /// The table's lines at `width` columns: the figures, then for every layer its weights, a row per unit
    /// they come from (the bias first) and a column per unit they go to (columns that do not fit go on to
    /// further blocks below).
    func numberLines(width: Int, glyphs g: Glyphs) -> [Line] {
        let t = trainer, net = t.network, sizes = net.sizes
        let n = { (v: Double) in formatNumber(v, digits: 4, glyphs: g) }
        var lines: [Line] = []
        if let h = t.history.last {
            var figures = "epoch \(h.epoch): E = \(n(h.loss)), \(n(h.loss / Double(max(1, t.trainingSet.count)))) a point; accuracy \(formatNumber(h.accuracy * 100))%"
            if let v = h.validationLoss, let a = h.validationAccuracy {
                figures += "; validation E = \(n(v)), \(n(v / Double(max(1, t.validationSet.count)))) a point, accuracy \(formatNumber(a * 100))%"
            }
            lines += wrap(g.fold(figures), width: width).map { Line($0, Style(.emphasis)) }
        } else {
            lines.append(Line("epoch 0: the first weights (no loss yet)", Style(.emphasis)))
        }
        let top = sizes.count - 1
        func name(_ layer: Int, _ unit: Int) -> String {
            if layer == 0 { return g.fold(inputName(unit)) }
            if layer == top { return sizes[top] == 1 ? "o" : "o\(unit + 1)" }
            return unitName(layer: layer, unit: unit)
        }
        let cell = 10
        for l in 0..<top {
            let rowNames = ["bias"] + (0..<sizes[l]).map { name(l, $0) }
            let nameWidth = max(5, rowNames.map(\.count).max() ?? 5) + 1
            let perBlock = max(1, (width - nameWidth) / cell)
            lines.append(Line(""))
            lines.append(Line(g.fold("weights into \(l + 1 == top ? "the output" : "hidden layer \(l + 1)") (\(sizes[l] + 1)×\(sizes[l + 1]))"), Style(.panelTitle)))
            for first in stride(from: 0, to: sizes[l + 1], by: perBlock) {
                let columns = first..<min(sizes[l + 1], first + perBlock)
                let header = "to".rightPadded(to: nameWidth) + columns.map { name(l + 1, $0).leftPadded(to: cell) }.joined()
                lines.append(Line(header, Style(.dim)))
                for (i, rowName) in rowNames.enumerated() {
                    let values = columns.map { n(net.weights[l][i * sizes[l + 1] + $0]).leftPadded(to: cell) }.joined()
                    lines.append(Line(rowName.rightPadded(to: nameWidth) + values))
                }
            }
        }
        return lines
    }
}

extension String {
    /// Right-aligned in `width` columns (never cut).
    func leftPadded(to width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
    /// Left-aligned in `width` columns (never cut).
    func rightPadded(to width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}

/// The numbers view over the regions box, scrolled; the border says what more there is.
func drawNumbers(_ p: MLPExplorer, scroll: Int, in box: Rect, glyphs g: Glyphs, keyHints: Bool, into frame: inout Frame) {
    frame.fill(box)
    frame.drawBox(box, title: "numbers at epoch \(p.trainer.epoch)" + (keyHints ? " \(g.middleDot) W closes" : ""), glyphs: g)
    let inner = box.inset(1)
    let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    let lines = p.numberLines(width: text.width, glyphs: g)
    let first = min(scroll, max(0, lines.count - text.height))
    frame.put(lines: Array(lines.dropFirst(first).prefix(text.height)), in: text, glyphs: g)
    let above = first > 0, below = first + text.height < lines.count
    if above || below {
        let marker = " more " + (above ? "↑" : "") + (below ? "↓" : "") + (keyHints ? ": ↑↓ PgUp PgDn " : " ")
        frame.put(g.fold(marker), column: box.x + 2, row: box.maxY - 1, style: Style(.panelTitle))
    }
}
