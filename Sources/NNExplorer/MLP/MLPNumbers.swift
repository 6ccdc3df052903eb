import NNCore
import NNRender

/// The numbers view (`W`, TensorFlow Playground's #47 and #126): the loss, the accuracy and every weight at
/// the current epoch as a table, layer by layer, over the regions; PgUp/PgDn scroll it. The arrows pick a
/// weight and `+`/`-` change it (Playground's weight editing): the regions and E follow at once.
extension MLPExplorer {
    /// Opens the numbers view at its top, or closes it.
    mutating func toggleNumbers() {
        numbersScroll = numbersScroll == nil ? 0 : nil
        weightInput = nil
    }

    /// Scrolls the numbers view by `rows` (within its lines, `visible` of which show at once).
    mutating func scrollNumbers(by rows: Int, visible: Int, width: Int) {
        guard let scroll = numbersScroll else { return }
        let most = max(0, numberLines(width: width, glyphs: .unicode).count - visible)
        numbersScroll = min(most, max(0, scroll + rows))
    }

    /// The step `+` and `-` change the selected weight by in the numbers view.
    static let weightStep = 0.1

    /// `selectedWeight` within the network as it is now (a smaller network keeps the pick in range).
    var weightPick: (layer: Int, row: Int, column: Int) {
        let sizes = trainer.network.sizes
        let l = min(selectedWeight.layer, sizes.count - 2)
        return (l, min(selectedWeight.row, sizes[l]), min(selectedWeight.column, sizes[l + 1] - 1))
    }

    /// The selected weight's name: `w(x1 → h2)`, `w(bias → o)`.
    var selectedWeightName: String {
        let (l, i, j) = weightPick
        return "w(\(i == 0 ? "bias" : unitLabel(l, i - 1)) → \(unitLabel(l + 1, j)))"
    }

    var selectedWeightValue: Double {
        let (l, i, j) = weightPick
        return trainer.network.weights[l][i * trainer.network.sizes[l + 1] + j]
    }

    /// Unit `unit` of layer `layer` by name: an input's feature, a hidden unit, the output.
    func unitLabel(_ layer: Int, _ unit: Int) -> String {
        let sizes = trainer.network.sizes, top = sizes.count - 1
        if layer == 0 { return inputName(unit) }
        if layer == top { return sizes[top] == 1 ? "o" : "o\(unit + 1)" }
        return unitName(layer: layer, unit: unit)
    }

    /// Picks the weight below (`rows` 1) or above (−1) the selected one, across layers, or the next column
    /// (`columns` ±1), and scrolls the view to keep it in sight.
    mutating func moveWeightSelection(rows: Int = 0, columns: Int = 0, visible: Int, width: Int) {
        let sizes = trainer.network.sizes
        var (l, i, j) = weightPick
        j = min(sizes[l + 1] - 1, max(0, j + columns))
        i += rows
        if i > sizes[l] {
            if l + 2 < sizes.count { l += 1; i = 0 } else { i = sizes[l] }
        } else if i < 0 {
            if l > 0 { l -= 1; i = sizes[l] } else { i = 0 }
        }
        selectedWeight = (l, i, min(j, sizes[l + 1] - 1))
        let line = numberTable(width: width, glyphs: .unicode).selected
        let scroll = numbersScroll ?? 0
        numbersScroll = line < scroll ? line : line >= scroll + visible ? line - visible + 1 : scroll
        note = "\(selectedWeightName) = \(formatNumber(selectedWeightValue, digits: 4))"
    }

    /// A click on the diagram in the numbers view: the unit drawn nearest (within 3 cells) picks its bias
    /// (↓ then walks its incoming weights), or for an input its weight into the first unit.
    mutating func pickUnit(near cell: (column: Int, row: Int), in diagram: NetworkDiagram, area: Rect) {
        let sizes = trainer.network.sizes
        let units = sizes.indices.flatMap { l in (0..<diagram.drawnUnits(layer: l, in: area)).map { (layer: l, unit: $0) } }
        let distance = { (u: (layer: Int, unit: Int)) -> Int in
            let p = diagram.position(layer: u.layer, unit: u.unit, in: area)
            return abs(p.column - cell.column) + 2 * abs(p.row - cell.row)
        }
        guard let nearest = units.min(by: { distance($0) < distance($1) }), distance(nearest) <= 3 else { return }
        selectedWeight = nearest.layer == 0 ? (0, nearest.unit + 1, 0) : (nearest.layer - 1, 0, nearest.unit)
        note = "\(selectedWeightName) = \(formatNumber(selectedWeightValue, digits: 4))" + (nearest.layer > 0 ? " (↓ its incoming weights)" : "")
    }

    /// Sets the selected weight; the regions, the loss and the panel show the network with it at once.
    mutating func setSelectedWeight(_ value: Double) {
        cancelPhases()   // an update computed ahead from the old weight would no longer be the next one
        let (l, i, j) = weightPick
        let before = selectedWeightValue
        trainer.setWeight(layer: l, index: i * trainer.network.sizes[l + 1] + j, to: value)
        let e = trainer.evaluate(trainer.trainingSet).loss
        note = "\(selectedWeightName): \(formatNumber(before, digits: 4)) → \(formatNumber(value, digits: 4)); E now \(formatNumber(e, digits: 4))"
    }

    /// `+` / `-` in the numbers view: the selected weight up or down by `weightStep` (to 4 decimals, so steps
    /// land on round numbers). While a number is being typed, `-` flips its sign instead.
    mutating func stepSelectedWeight(up: Bool) {
        if let typed = weightInput {
            if !up { weightInput = typed.hasPrefix("-") ? String(typed.dropFirst()) : "-" + typed }
            return
        }
        setSelectedWeight(((selectedWeightValue + (up ? Self.weightStep : -Self.weightStep)) * 10_000).rounded() / 10_000)
    }

    /// The table's lines at `width` columns: the figures, then for every layer its weights, a row per unit
    /// they come from (the bias first) and a column per unit they go to (columns that do not fit go on to
    /// further blocks below).
    /// A digit or `.` typed in the numbers view: starts the input line or extends it.
    mutating func typeWeight(_ character: Character) {
        weightInput = (weightInput ?? "") + String(character)
    }

    /// Enter sets the typed number as the selected weight (a note says what could not be read); Esc drops
    /// it; Backspace takes its last character back.
    mutating func finishWeightInput(_ key: Key) {
        guard let typed = weightInput else { return }
        switch key {
        case .enter:
            weightInput = nil
            guard let value = Double(typed), value.isFinite else { note = "\"\(typed)\" is not a number: the weight stays"; return }
            setSelectedWeight(value)
        case .backspace: weightInput = typed.count > 1 ? String(typed.dropLast()) : nil
        default: weightInput = nil; note = "typing dropped: \(selectedWeightName) stays \(formatNumber(selectedWeightValue, digits: 4))"
        }
    }

    func numberLines(width: Int, glyphs g: Glyphs) -> [Line] { numberTable(width: width, glyphs: g).lines }

    /// `numberLines`, and the line of the selected weight.
    func numberTable(width: Int, glyphs g: Glyphs) -> (lines: [Line], selected: Int) {
        let t = trainer, net = t.network, sizes = net.sizes
        let n = { (v: Double) in formatNumber(v, digits: 4, glyphs: g) }
        var lines: [Line] = [], selected = 0
        let picked = weightInput.map { "\(selectedWeightName) := \($0)_ (Enter sets it, Esc drops it, - flips the sign)" }
            ?? "\(selectedWeightName) = \(n(selectedWeightValue)); E now \(n(t.evaluate(t.trainingSet).loss))"
            + " (←↑↓→ pick, + − by \(formatNumber(Self.weightStep)), or type a number)"
        lines += wrap(g.fold(picked), width: width).map { Line($0, Style(.emphasis)) }
        if let h = t.history.last {
            // A regression has no classes: E a point is its figure, not an accuracy.
            let regression = net.isRegression
            var figures = "epoch \(h.epoch): E = \(n(h.loss)), \(n(h.loss / Double(max(1, t.trainingSet.count)))) a point"
                + (regression ? "" : "; accuracy \(formatNumber(h.accuracy * 100))%")
            if let v = h.validationLoss {
                figures += "; validation E = \(n(v)), \(n(v / Double(max(1, t.validationSet.count)))) a point"
                    + (regression ? "" : h.validationAccuracy.map { ", accuracy \(formatNumber($0 * 100))%" } ?? "")
            }
            lines += wrap(g.fold(figures), width: width).map { Line($0) }
        } else {
            lines.append(Line("epoch 0: the first weights (no loss yet)"))
        }
        let top = sizes.count - 1
        let name = { (layer: Int, unit: Int) in g.fold(self.unitLabel(layer, unit)) }
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
                    var line = Line(rowName.rightPadded(to: nameWidth))
                    for j in columns {
                        let value = n(net.weights[l][i * sizes[l + 1] + j]).leftPadded(to: cell)
                        guard weightPick == (l, i, j) else { line.spans.append(Span(value)); continue }
                        selected = lines.count
                        let digits = value.drop { $0 == " " }
                        line.spans += [Span(String(repeating: " ", count: value.count - digits.count)),
                                       Span(String(digits), Style(.emphasis, attributes: [.reverse]))]
                    }
                    lines.append(line)
                }
            }
        }
        lines += outputLines(glyphs: g)
        return (lines, selected)
    }

    /// The points the outputs table lists at most.
    static let listedPoints = 20

    /// What the network says on each training point (the first `listedPoints`): ŷ, or the class
    /// probabilities of a softmax, and the class it picks.
    private func outputLines(glyphs g: Glyphs) -> [Line] {
        let t = trainer, net = t.network, n = { (v: Double) in formatNumber(v, digits: 4, glyphs: g) }
        guard !t.trainingSet.isEmpty else { return [] }
        var lines = [Line(""), Line(g.fold("outputs on the training points" + (t.trainingSet.count > Self.listedPoints ? " (first \(Self.listedPoints))" : "")),
                                    Style(.panelTitle))]
        for s in t.trainingSet.prefix(Self.listedPoints) {
            let out = net.predict(net.inputs(of: s))
            if net.isRegression, let target = s.target {
                lines.append(Line(g.fold("x = (\(formatNumber(s.x1, glyphs: g)), \(formatNumber(s.x2, glyphs: g)))  y = \(n(target)): ŷ = \(n(out[0]))")))
                continue
            }
            let picked = out.count == 1 ? (out[0] >= 0.5 ? 1 : 0) : out.indices.max { out[$0] < out[$1] } ?? 0
            let said = out.count == 1 ? "ŷ = \(n(out[0]))" : "p = (" + out.map(n).joined(separator: ", ") + ")"
            let text = "x = (\(formatNumber(s.x1, glyphs: g)), \(formatNumber(s.x2, glyphs: g)))  class \(s.label): \(said) → class \(picked)"
            lines.append(Line(g.fold(text), Style(picked == s.label ? .plain : .warning)))
        }
        if t.trainingSet.count > Self.listedPoints { lines.append(Line("… \(t.trainingSet.count - Self.listedPoints) more points", Style(.dim))) }
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
        let marker = " more " + (above ? "↑" : "") + (below ? "↓" : "") + (keyHints ? ": PgUp PgDn " : " ")
        frame.put(g.fold(marker), column: box.x + 2, row: box.maxY - 1, style: Style(.panelTitle))
    }
}
