import NNCore
import NNRender

/// The network panel's text: each unit's formula with the weights set by hand, worked out on the selected
/// point, then what the units compute as logic, and the table of every point. Lines that matter less give
/// way on a short panel (`PanelGroup` ranks).
struct ThresholdPanel {
    let explorer: ThresholdExplorer
    let glyphs: Glyphs
    /// Columns available for text.
    let width: Int

    private var network: ThresholdNetwork { explorer.network }
    private func n(_ value: Double) -> String { formatNumber(value, digits: 3, glyphs: glyphs) }
    /// +1 or −1.
    private func signed(_ value: Double) -> String { value > 0 ? "+" + n(value) : n(value) }
    /// A net as `n` shows it, except that one rounding leaves a hair from 0 keeps its sign visible.
    private func net(_ v: Double) -> String { v != 0 && n(v) == "0" ? formatTick(v, glyphs: glyphs) : n(v) }
    private func shownExactly(_ value: Double) -> Bool { (value * 1000).rounded() == value * 1000 }
    private var minus: String { glyphs.minus }
    private var hiddenNames: [String] { network.hidden.indices.map { "h\($0 + 1)" } }

    var title: String {
        guard let s = explorer.selection else { return "network" }
        return "network (point \(s.index + 1) of \(explorer.dataset.samples.count))"
    }

    /// `c1·a1 + c2·a2 + … + b` as a formula writes it: a weight of 1 left out, −1 a minus sign, zero terms
    /// dropped, the bias last (`x1 + x2 − 0.5`). `operands` are names, or numbers (negative ones in brackets).
    func linearSum(bias: Double, weights: [Double], operands: [String]) -> String {
        var text = ""
        for (c, operand) in zip(weights, operands) where c != 0 {
            let factor = abs(c) == 1 ? operand : n(abs(c)) + glyphs.multiply + operand
            text += text.isEmpty ? (c < 0 ? minus : "") + factor : (c < 0 ? " \(minus) " : " + ") + factor
        }
        if text.isEmpty { return n(bias) }
        return bias == 0 ? text : text + (bias < 0 ? " \(minus) " : " + ") + n(abs(bias))
    }

    private func operand(_ value: Double) -> String { value < 0 ? "(" + n(value) + ")" : n(value) }

    /// A unit's two lines: its formula, then the formula worked out, as long a form as the width holds
    /// (with the sum's value, without it, or the value alone).
    private func unitLines(name: String, bias: Double, weights: [Double], inputs: [String], values: [Double],
                           netValue: Double, output: Double, outputStyle: Style) -> [Line] {
        let indent = String(repeating: " ", count: glyphs.fold(name).count + 1)
        let formula = Line("\(name) = sign(\(linearSum(bias: bias, weights: weights, operands: inputs)))")
        let worked = "sign(" + linearSum(bias: bias, weights: weights, operands: values.map(operand)) + ")"
        let exact = (weights + [bias] + values).allSatisfy(shownExactly)
        let value = "sign(\(net(netValue)))"
        let forms = ["\(indent)= \(worked) \(exact ? "=" : "≈") \(value) = ", "\(indent)= \(worked) = ", "\(indent)= \(value) = "]
        let result = Span(signed(output), outputStyle)
        let lead = forms.first { glyphs.fold($0).count + result.text.count <= width } ?? forms[2]
        return [formula] + packChunks([[Span(lead), result]], width: width, glyphs: glyphs)
    }

    /// The selected point's forward pass, unit by unit: never gives way.
    var passGroup: PanelGroup {
        guard let s = explorer.selection else {
            return PanelGroup([Line("no points: the scenario's data is empty", Style(.dim))], rank: 0)
        }
        let x = [s.sample.x1, s.sample.x2], y = s.sample.signedTarget
        var lines = [Line([Span("x = " + formatVector(x, digits: 3, glyphs: glyphs)),
                           Span("   y = " + signed(y), Style(y > 0 ? .classB : .classA))])]
        for (j, w) in network.hidden.enumerated() {
            lines += unitLines(name: hiddenNames[j], bias: w[0], weights: Array(w.dropFirst()), inputs: ["x1", "x2"], values: x,
                               netValue: s.pass.hiddenNet[j], output: s.pass.hidden[j], outputStyle: Style(.emphasis))
        }
        let right = s.pass.yhat == y
        lines += unitLines(name: "ŷ", bias: network.output[0], weights: Array(network.output.dropFirst()), inputs: hiddenNames,
                           values: s.pass.hidden, netValue: s.pass.outputNet, output: s.pass.yhat,
                           outputStyle: Style(right ? .good : .bad, attributes: [.bold]))
        return PanelGroup(lines, rank: 0)
    }

    /// Right or wrong here, and on how many points.
    var verdictGroup: PanelGroup {
        guard let s = explorer.selection else { return PanelGroup([], rank: 1) }
        let right = s.pass.yhat == s.sample.signedTarget
        let count = explorer.dataset.samples.count
        return PanelGroup(packChunks([[Span(right ? "ŷ = y: right" : "ŷ ≠ y: wrong", Style(right ? .good : .bad))],
                                      [Span(" \(glyphs.middleDot) \(explorer.rightCount) of \(count) point\(count == 1 ? "" : "s") right")]],
                                     width: width, indent: "", glyphs: glyphs), rank: 1)
    }

    /// What each unit computes on 0/1 inputs, and so the network: the reason the combination is XOR. It
    /// says "on 0/1 inputs" where that costs no extra line.
    var logicGroup: PanelGroup {
        var chunks: [[Span]] = network.hidden.indices.map { j in
            [Span("\(hiddenNames[j]) = \(network.hiddenFunction(j).name("x1", "x2")), ")]
        }
        let whole = network.function.name("x1", "x2")
        if let output = network.outputFunction {
            chunks.append([Span("ŷ = \(output.name("h1", "h2"))")])
            chunks.append([Span(" = "), Span(whole, Style(.emphasis))])
        } else {
            chunks.append([Span("ŷ = "), Span(whole, Style(.emphasis))])
        }
        let plain = packChunks(chunks, width: width, indent: "", glyphs: glyphs)
        let said = packChunks([[Span("on 0/1 inputs: ", Style(.dim))]] + chunks, width: width, indent: "", glyphs: glyphs)
        return PanelGroup(said.count > plain.count ? plain : said, rank: 1)
    }

    /// Every point's hidden values and output, the selected one marked as on the plot; up to 8 points.
    var tableGroup: PanelGroup {
        let samples = explorer.dataset.samples
        guard samples.count <= 8, let selected = explorer.selected else { return PanelGroup([], rank: 2) }
        let bar = " \(glyphs.vertical) "
        let header = [["x1", "x2"], hiddenNames, ["ŷ", "y"]]
        let rows = samples.map { s -> [[String]] in
            let pass = network.forward(s.x1, s.x2)
            return [[n(s.x1), n(s.x2)], pass.hidden.map(signed), [signed(pass.yhat), signed(s.signedTarget)]]
        }
        // Each column as wide as its widest entry, numbers right-aligned.
        let widths = header.indices.map { g in header[g].indices.map { c in ([header] + rows).map { $0[g][c].count }.max() ?? 0 } }
        func text(_ cells: [[String]]) -> String {
            cells.indices.map { g in
                cells[g].indices.map { c in String(repeating: " ", count: widths[g][c] - cells[g][c].count) + cells[g][c] }
                    .joined(separator: "  ")
            }.joined(separator: bar)
        }
        let lines = [Line("  " + text(header), Style(.dim))] + rows.enumerated().map { i, cells in
            i == selected ? Line("\(glyphs.visited) " + text(cells), Style(.emphasis)) : Line("  " + text(cells))
        }
        guard lines.allSatisfy({ glyphs.fold($0).width <= width }) else { return PanelGroup([], rank: 2) }
        return PanelGroup(lines, rank: 2)
    }

    /// Why space and e do nothing here.
    var noTrainingGroup: PanelGroup {
        var text = "no training: the weights are set by hand (the scenario's threshold block); n steps through the points"
        if network.hidden.count != 2 { text = "the hidden plane is drawn for 2 hidden units; " + text }
        return PanelGroup(wrap(glyphs.fold(text), width: width).map { Line($0, Style(.dim)) }, rank: 3)
    }

    var groups: [PanelGroup] { [passGroup, verdictGroup, logicGroup, tableGroup, noTrainingGroup] }

    /// The groups that fit `rows`, kept by rank (rank 0 always) and shown in order: a group too tall to fit
    /// leaves its rows to a shorter one of a higher rank.
    func lines(fitting rows: Int) -> [Line] {
        let all = groups
        var kept = Set<Int>(), used = 0
        for (i, group) in all.enumerated().sorted(by: { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) })
        where group.rank == 0 || used + group.lines.count <= rows {
            kept.insert(i)
            used += group.lines.count
        }
        return all.indices.filter(kept.contains).flatMap { all[$0].lines }
    }

    /// The lines of every group.
    var lineCount: Int { groups.reduce(0) { $0 + $1.lines.count } }
}
