import NNCore
import NNRender

/// The parameter counts (`P`): each stage's parameters and multiply-adds for one image beside what a fully
/// connected layer between the same shapes would need, the network's totals, then one convolution's counts
/// worked out (the one `K` picks): the lecture's "sparse interactions" and "parameter sharing" as numbers.
/// A table too wide for the box stacks each stage on lines of its own; lines that do not fit are named in
/// the title with the size that shows them (`screen`: the whole terminal).
func drawParameters(_ p: CNNExplorer, in box: Rect, screen: Size, glyphs g: Glyphs, into frame: inout Frame) {
    let inner = box.inset(1)
    let network = p.network
    let costs = network.stageCosts
    let table = parameterTable(network, costs, dropout: p.dropoutRate, width: inner.width, glyphs: g)
    let worked = p.shownKernelLayer.map { workedCounts(network, layer: $0, costs[$0], width: inner.width, glyphs: g) } ?? []
    let dropped = p.lastDropped.isEmpty || p.dropoutRate == 0 ? [] : [Line("")] + droppedStrips(p, width: inner.width, glyphs: g)
    let lines = table + [Line("")] + worked + dropped
    let title = "parameters and multiply-adds an image"
    if lines.count <= inner.height {
        frame.drawBox(box, title: title, glyphs: g)
    } else {
        let more = "\(lines.count - inner.height) more lines at \(screen.width)\(g.unicode ? "×" : "x")\(screen.height + lines.count - inner.height)"
        let titles = ["\(title) \(g.middleDot) \(more)", "parameters \(g.middleDot) \(more)"]
        frame.drawBox(box, title: g.fold(titles.first { Line(g.fold($0)).width + 5 <= box.width } ?? titles[1]), glyphs: g)
    }
    frame.put(lines: lines, in: inner, glyphs: g)
}

/// One row a stage and the totals: as columns when they fit `width`, else each stage on lines of its own. With
/// `dropout` (p > 0), a row of its own before each dense stage: no parameters, and no work outside training.
private func parameterTable(_ network: ConvNet, _ costs: [StageCost], dropout: Double, width: Int, glyphs g: Glyphs) -> [Line] {
    let names = network.layers.indices.map { l -> String in
        if case .convolution(_, let size, _, _, _) = network.layers[l] { return "\(l + 1) conv \(size)×\(size)" }
        return "\(l + 1) \(stageName(network.layers[l]))"
    }
    // A stage's input is `shapes[l]`, its output `shapes[l + 1]`.
    let shapes = network.shapes.map { $0[1] == 1 && $0[2] == 1 ? "\($0[0])" : "\($0[0])×\($0[1])×\($0[2])" }
    let instead = costs.map { $0.fullyConnected.map { ($0.weights + $0.biases, $0.multiplyAdds) } }
    // A network with its convolutions fully connected: the other stages as they are.
    let totals = (costs.map(\.parameters).reduce(0, +), costs.map(\.multiplyAdds).reduce(0, +),
                  zip(costs, instead).map { $1?.0 ?? $0.parameters }.reduce(0, +), zip(costs, instead).map { $1?.1 ?? $0.multiplyAdds }.reduce(0, +))
    var rows: [[String]] = [], dropoutRows: Set<Int> = []
    for l in costs.indices {
        if dropout > 0, case .dense = network.layers[l] {
            dropoutRows.insert(rows.count)
            rows.append(["dropout \(formatNumber(dropout)) (training only)", shapes[l], "0", "0", "", ""])
        }
        rows.append([names[l], shapes[l + 1], formatCount(costs[l].parameters), formatCount(costs[l].multiplyAdds),
                     instead[l].map { formatCount($0.0) } ?? "", instead[l].map { formatCount($0.1) } ?? ""])
    }
    let hasConvolution = instead.contains { $0 != nil }
    rows.append(["total", "", formatCount(totals.0), formatCount(totals.1)] + (hasConvolution ? [formatCount(totals.2), formatCount(totals.3)] : ["", ""]))
    let header = ["stage", "output", "params", "mult-adds", "params", "mult-adds"]
    let columns = (0..<6).map { c in ([header[c]] + rows.map { $0[c] }).map { g.fold($0).count }.max() ?? 0 }
    let gap = 2
    if columns.reduce(0, +) + 5 * gap <= width {
        func line(_ cells: [String], style: Style = Style(.plain)) -> Line {
            let text = cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: columns[c] - g.fold(cell).count)
                return c < 2 ? cell + pad : pad + cell   // names left, numbers right
            }.joined(separator: String(repeating: " ", count: gap))
            return Line(text, style)
        }
        let groups = String(repeating: " ", count: columns[0] + columns[1] + 2 * gap)
            + "this network".padding(toLength: columns[2] + columns[3] + 2 * gap, withPad: " ", startingAt: 0)
            + (hasConvolution ? "fully connected" : "")
        return [Line(groups, Style(.label)), line(header, style: Style(.label))] + rows.dropLast().map { line($0) }
            + [line(rows[rows.count - 1], style: Style(.emphasis))]
    }
    // Stacked: a stage's name and shape, then its counts.
    return rows.indices.flatMap { r -> [Line] in
        let row = rows[r], style = Style(r == rows.count - 1 ? .emphasis : .plain)
        if dropoutRows.contains(r) {
            return [Line([Span("dropout \(formatNumber(dropout)) \(g.arrow) \(row[1])", Style(.label)), Span(": 0 params (training only)")])]
        }
        let name = r == rows.count - 1 ? "total" : "\(row[0]) \(g.arrow) \(row[1])"
        // A stage without weights or multiply-adds takes one line.
        if row[2] == "0", row[3] == "0" { return [Line([Span(name, Style(.label)), Span(": 0 params, 0 mult-adds", style)])] }
        var lines = [Line(name, Style(.label))]
        lines.append(Line("  \(row[2]) params \(g.middleDot) \(row[3]) mult-adds", style))
        if !row[4].isEmpty { lines.append(Line("  fully connected: \(row[4]) \(g.middleDot) \(row[5])", style)) }
        return lines
    }.map(g.fold)
}

/// Which of each dense stage's inputs the last trained image's dropout mask dropped (crossed out) and kept
/// (dots), in the order the stage reads them: map by map after a flatten, a space between maps.
private func droppedStrips(_ p: CNNExplorer, width: Int, glyphs g: Glyphs) -> [Line] {
    p.lastDropped.flatMap { stage -> [Line] in
        let l = stage.layer, mask = p.trainer?.lastMasks[l] ?? []
        // After a flatten the inputs are the maps before it, one after the other.
        let maps = l > 0 && p.network.layers[l - 1] == .flatten ? p.network.shapes[l - 1] : p.network.shapes[l]
        let group = maps[1] * maps[2] > 1 ? maps[1] * maps[2] : max(1, mask.count)
        let kept = g.unicode ? "·" : "."
        let title = "last image trained, \(l + 1) dense's inputs by map: \(g.dropped) dropped (\(stage.dropped) of \(stage.inputs)), \(kept) kept"
        var lines = wrap(g.fold(title), width: width).map { Line($0, Style(.label)) }
        let perLine = max(1, (width + 1) / (group + 1))
        for start in stride(from: 0, to: mask.count, by: group * perLine) {
            var spans: [Span] = []
            for n in start..<min(mask.count, start + group * perLine) {
                if n > start, n % group == 0 { spans.append(Span(" ")) }
                spans.append(mask[n] == 0 ? Span(String(g.dropped), Style(.emphasis)) : Span(kept, Style(.dim)))
            }
            lines.append(Line(spans))
        }
        return lines
    }
}

/// Convolution `l`'s counts with the numbers they come from, wrapped to `width`.
private func workedCounts(_ network: ConvNet, layer l: Int, _ cost: StageCost, width: Int, glyphs g: Glyphs) -> [Line] {
    guard case .convolution(let kernels, let size, _, let padding, _) = network.layers[l], let full = cost.fullyConnected else { return [] }
    let input = network.shapes[l], output = network.shapes[l + 1]
    let inputs = input[0] * input[1] * input[2], outputs = output[0] * output[1] * output[2]
    let cells = output[1] * output[2]
    let maps = input[0] == 1 ? "1 input map" : "\(input[0]) input maps"
    let padded = padding == .same ? " (zero padding counted)" : ""
    let ratio = { (a: Int, b: Int) in formatCount(Int((Double(a) / Double(b)).rounded())) }
    let sentences = [
        ("stage \(l + 1): \(kernels) kernels × \(maps) × \(size)×\(size) + \(kernels) biases = \(formatCount(cost.parameters)) parameters, "
         + "the same at all \(output[1])×\(output[2]) = \(formatCount(cells)) cells of a map (parameter sharing)", Style(.plain)),
        ("\(kernels) maps × \(formatCount(cells)) cells × \(input[0] * size * size) = \(formatCount(cost.multiplyAdds)) multiply-adds\(padded)", Style(.plain)),
        ("fully connected, every one of the \(formatCount(inputs)) inputs to every one of the \(formatCount(outputs)) outputs: "
         + "\(formatCount(inputs)) × \(formatCount(outputs)) + \(formatCount(outputs)) = \(formatCount(full.weights + full.biases)) parameters and "
         + "\(formatCount(full.multiplyAdds)) multiply-adds, \(ratio(full.weights + full.biases, cost.parameters))× and "
         + "\(ratio(full.multiplyAdds, cost.multiplyAdds))× as many (sparse interactions)", Style(.dim)),
    ]
    return sentences.flatMap { text, style in wrap(g.fold(text), width: width).map { Line($0, style) } }
}
