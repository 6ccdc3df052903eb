import NNCore
import NNRender

/// The step-by-step view: the input with the window on it, the kernel's numbers, the cell in the
/// convolution's map, the non-linearity's map and the pooled map with their windows, then every number.
func drawWindow(_ p: CNNExplorer, _ w: SlidingWindow, _ outputs: [Tensor], in box: Rect, glyphs g: Glyphs, shades: Bool,
                        into frame: inout Frame) {
    let position = w.position
    frame.drawBox(box, title: "step by step \(g.middleDot) kernel \(position.map + 1), output cell (\(position.row), \(position.column))", glyphs: g)
    let inner = box.inset(1)
    let input = outputs[w.layer]
    let rows = max(0, w.top)..<min(input.height, w.top + w.size), columns = max(0, w.left)..<min(input.width, w.left + w.size)
    let conv = outputs[w.layer + 1]
    let cell = (position.row..<(position.row + 1), position.column..<(position.column + 1))
    let activationMaps = w.activation != nil ? outputs[w.layer + 2] : nil
    let pooled = w.pooling != nil ? outputs[w.layer + (w.activation != nil ? 3 : 2)] : nil
    // The numbers.
    var lines: [Line] = []
    let n = { (v: Double) in formatNumber(v, digits: 2, glyphs: g) }
    let factor = { (v: Double) in v < 0 ? "(\(n(v)))" : n(v) }
    let formula = w.mode == .correlation ? "a_ij = Σ_kl w_kl z_(i+k, j+l) + b   (correlation)" : "a_ij = Σ_kl w_kl z_(i−k, j−l) + b   (convolution: kernel flipped)"
    lines.append(Line(g.fold(formula), Style(.emphasis)))
    let products = w.terms.map { t in "\(factor(t.weight))·\(factor(t.input))" }
    let sum = w.terms.reduce(0) { $0 + $1.weight * $1.input }
    lines += wrap(g.fold("Σ w·z = " + products.joined(separator: " + ") + " = \(n(sum))"), width: inner.width).map { Line($0) }
    let skipped = w.size * w.size * input.channels - w.terms.count
    if skipped > 0 { lines.append(Line(g.fold("(\(skipped) of the window's positions fall in the zero padding)"), Style(.dim))) }
    // The cell's value, its non-linearity, its pooling window and the other mode's value side by side where the
    // box is wide enough; then what the flip does to the kernel; then parameter sharing.
    var results = [Span("a = \(n(sum)) + b (\(n(w.bias))) = \(n(w.sum))", Style(.emphasis))]
    if let activation = w.activation { results.append(Span("\(activation.name)(\(n(w.sum))) = \(n(activation.value))", Style(.emphasis))) }
    if let pooling = w.pooling {
        let values = pooling.cells.map { n($0.value) }.joined(separator: ", ")
        results.append(Span(pooling.kind == .subsample ? "subsampling keeps it: \(n(pooling.result))"
                            : "\(pooling.kind.rawValue) of the pooling window [\(values)] = \(n(pooling.result))", Style(.emphasis)))
    } else if case .pooling(.subsample, _, let step, _) = p.network.layers[min(p.network.layers.count - 1, w.layer + (w.activation == nil ? 1 : 2))] {
        results.append(Span("subsampling drops it (it keeps every \(step)th row and column)", Style(.dim)))
    }
    results.append(Span(w.mode == .convolution ? "correlation: a = \(n(w.otherModeSum))" : "convolution (flipped): a = \(n(w.otherModeSum))"))
    lines += packed(results, separator: "   ", width: inner.width, glyphs: g)
    if w.mode == .convolution, input.channels == 1, w.size <= 5 {
        let written = Array(p.network.weights[w.layer][(position.map * w.size * w.size)..<((position.map + 1) * w.size * w.size)])
        let rows = { (values: [Double]) in
            "(" + stride(from: 0, to: values.count, by: w.size).map { values[$0..<($0 + w.size)].map(n).joined(separator: " ") }.joined(separator: " / ") + ")"
        }
        lines.append(Line(g.fold("kernel \(rows(written)) flipped: \(rows(written.reversed()))")))
    }
    // Parameter sharing, and where the same kernel's largest value is: `offscreen` says where its dashed box
    // lies when the input's rows or columns shown leave it out (a small terminal).
    func sharing(offscreen: String?) -> [Line] {
        var spans = [Span("the same \(input.channels * w.size * w.size) weights and bias at all \(formatCount(w.uses)) cells", Style(.dim))]
        if let other = w.elsewhere {
            let place = offscreen.map { ", \($0)" } ?? ""
            spans.append(Span("dashed: the largest, a = \(n(other.sum)) at (\(other.row), \(other.column))\(place)", Style(.dim)))
        }
        return packed(spans, separator: "   ", width: inner.width, glyphs: g)
    }
    // Narrow boxes wrap the numbers rather than cut them.
    func fitted(_ lines: [Line]) -> [Line] {
        lines.flatMap { line in
            line.width <= inner.width ? [line] : wrap(line.text, width: inner.width).map { Line($0, line.spans.first?.style ?? Style(.plain)) }
        }
    }
    // The maps above the numbers; when both do not fit (a small terminal) the numbers come first, and the
    // maps follow where there is room.
    let zoom = { (t: Tensor) in t.width <= 6 ? 4 : 2 }
    let mapsHeight = input.height * zoom(input) / 2 + 2
    func numbersFirst(_ lines: [Line]) -> Bool { mapsHeight + 1 + lines.count > inner.height }
    func captionRow(_ lines: [Line]) -> Int { numbersFirst(lines) ? inner.y + lines.count + 1 : inner.y }
    /// The rows and columns of `tensor` shown from column `x`, maps from row `top`: all that fit, around the
    /// focus region and `also` where both fit, else around the focus region, as near their middle as the map
    /// allows; nil when the focus region does not fit, or the columns would be cut and it is not the first map.
    func shownPart(_ tensor: Tensor, x: Int, top: Int, focus: MapRegion, also: MapRegion?) -> MapRegion? {
        let factor = zoom(tensor)
        let fittingRows = min(tensor.height, (inner.maxY - top - 2) / (factor / 2))
        let fittingColumns = min(tensor.width, (inner.maxX - x - 2) / factor)
        guard fittingRows >= focus.rows.count, fittingColumns >= focus.columns.count, fittingColumns == tensor.width || x == inner.x else {
            return nil
        }
        func crop(_ region: Range<Int>, _ other: Range<Int>?, _ count: Int, _ length: Int) -> Range<Int> {
            let both = other.map { min(region.lowerBound, $0.lowerBound)..<max(region.upperBound, $0.upperBound) }
            let region = both.flatMap { $0.count <= count ? $0 : nil } ?? region
            let start = min(max(0, region.lowerBound - (count - region.count) / 2), length - count)
            return start..<(start + count)
        }
        return (crop(focus.rows, also?.rows, fittingRows, tensor.height), crop(focus.columns, also?.columns, fittingColumns, tensor.width))
    }
    // The same kernel elsewhere: its window on the input (the part inside the image) and its cell.
    let other = w.elsewhere.map { e -> (input: MapRegion, cell: MapRegion) in
        let top = e.row * w.stride - w.pad, left = e.column * w.stride - w.pad
        return ((max(0, top)..<min(input.height, top + w.size), max(0, left)..<min(input.width, left + w.size)),
                (e.row..<(e.row + 1), e.column..<(e.column + 1)))
    }
    var numbers = fitted(lines + sharing(offscreen: nil))
    // When the input's rows or columns shown leave the dashed box out, the numbers say where it is (their line
    // more leaves fewer rows, which hold it no better), and every map is cropped around the window alone.
    var dashedShown = true
    if let other, let shown = shownPart(input, x: inner.x, top: captionRow(numbers) + 1, focus: (rows, columns), also: other.input),
       let offscreen = offscreenPlace(of: other.input, shown: shown) {
        dashedShown = false
        numbers = fitted(lines + sharing(offscreen: offscreen))
    }
    if numbersFirst(numbers) { frame.put(lines: numbers, in: inner, glyphs: g) }
    var x = inner.x
    let captionRow = captionRow(numbers)
    let top = captionRow + 1
    var tallest = 0
    var full = false   // a map did not fit: the ones after it are left out too, so the order stays input → output
    /// A map zoomed by an even factor (whole cells a value), captioned, with boxes around regions (and a dashed
    /// one around `dashed`, where it is shown whole). When the whole map is taller than the room left (a small
    /// terminal), the rows around its first region (and the dashed one, where both fit) are shown and the
    /// caption says which; so is the input's width, which must be shown.
    func place(_ caption: String, _ tensor: Tensor, channel: Int, colour: Bool = false, scale: MatrixHeatmap.Scale, boxes: [MapRegion],
               dashed: MapRegion? = nil) {
        let factor = zoom(tensor)
        guard !full, let focus = boxes.first,
              let (shownRows, shownColumns) = shownPart(tensor, x: x, top: top, focus: focus, also: dashedShown ? dashed : nil) else {
            full = true
            return
        }
        let plane = tensor.height * tensor.width
        func shown(_ channel: Int) -> [Double] {
            shownRows.flatMap { r in shownColumns.map { c in tensor.values[channel * plane + r * tensor.width + c] } }
        }
        let map = MatrixHeatmap(rows: shownRows.count, columns: shownColumns.count, values: shown(channel), scale: scale).zoomed(factor)
        let picture = colour ? ColourPicture(rows: shownRows.count, columns: shownColumns.count, planes: (0..<3).flatMap(shown)).zoomed(factor) : nil
        let size = map.size()
        let dash = g.unicode ? "–" : "-"
        var label = caption
        if shownRows.count < tensor.height { label += " rows \(shownRows.lowerBound)\(dash)\(shownRows.upperBound - 1)" }
        if shownColumns.count < tensor.width { label += " cols \(shownColumns.lowerBound)\(dash)\(shownColumns.upperBound - 1)" }
        frame.put(Line(g.fold(label), Style(.label)).truncated(to: size.width + 2, glyphs: g), column: x, row: captionRow)
        if let picture {
            picture.render(into: &frame, at: (x + 1, top + 1), shades: shades, glyphs: g)
        } else {
            map.render(into: &frame, at: (x + 1, top + 1), shades: shades, glyphs: g)
        }
        if let dashed, shownRows.contains(dashed.rows.lowerBound), shownRows.contains(dashed.rows.upperBound - 1),
           shownColumns.contains(dashed.columns.lowerBound), shownColumns.contains(dashed.columns.upperBound - 1) {
            drawDashedBox(Rect(x: x + (dashed.columns.lowerBound - shownColumns.lowerBound) * factor,
                               y: top + (dashed.rows.lowerBound - shownRows.lowerBound) * factor / 2,
                               width: dashed.columns.count * factor + 2, height: dashed.rows.count * factor / 2 + 2), glyphs: g, into: &frame)
        }
        for region in boxes {
            let rows = max(region.rows.lowerBound, shownRows.lowerBound)..<min(region.rows.upperBound, shownRows.upperBound)
            let columns = max(region.columns.lowerBound, shownColumns.lowerBound)..<min(region.columns.upperBound, shownColumns.upperBound)
            guard !rows.isEmpty, !columns.isEmpty else { continue }
            frame.drawBox(Rect(x: x + (columns.lowerBound - shownColumns.lowerBound) * factor, y: top + (rows.lowerBound - shownRows.lowerBound) * factor / 2,
                               width: columns.count * factor + 2, height: rows.count * factor / 2 + 2),
                          glyphs: g, style: Style(.visited))
        }
        tallest = max(tallest, size.height + 2)
        x += size.width + 3
    }
    // When the four maps do not fit side by side, the non-linearity's map gives way (its value is written).
    let widths = [input, conv, activationMaps, pooled].compactMap { $0 }.map { zoom($0) * $0.width + 3 }
    let showActivationMap = widths.reduce(0, +) <= inner.width
    // A colour image's three maps as one picture, or the channel `g` picked.
    let colourInput = w.layer == 0 && p.colourInput
    let inputChannel = colourInput ? p.shownChannel ?? 0 : 0
    place(colourInput && p.shownChannel != nil ? "input \(CNNExplorer.channelNames[inputChannel])" : "input", input, channel: inputChannel,
          colour: colourInput && p.shownChannel == nil, scale: MatrixHeatmap.fittingScale(input.values), boxes: [(rows, columns)],
          dashed: other?.input)
    place("conv", conv, channel: position.map, scale: MatrixHeatmap.fittingScale(conv.values), boxes: [cell], dashed: other?.cell)
    if let activation = w.activation, let maps = activationMaps, showActivationMap {
        place(activation.name, maps, channel: position.map, scale: MatrixHeatmap.fittingScale(maps.values), boxes: [cell])
    }
    if let pooling = w.pooling, let maps = pooled {
        // On the scale of the maps it pools, as on the maps screen.
        let source = activationMaps ?? conv
        place("\(pooling.kind.rawValue) pool", maps, channel: position.map, scale: MatrixHeatmap.fittingScale(source.values),
              boxes: [(pooling.row..<(pooling.row + 1), pooling.column..<(pooling.column + 1))])
    }
    if !numbersFirst(numbers) {
        frame.put(lines: numbers, in: Rect(x: inner.x, y: top + tallest, width: inner.width, height: max(0, inner.maxY - top - tallest)), glyphs: g)
    }
}

/// A map's rows and columns (a window on it, or the part of it on screen).
typealias MapRegion = (rows: Range<Int>, columns: Range<Int>)

/// Where `region` lies when the part `shown` does not hold all of it: "off-screen below", "partly off-screen
/// right", "off-screen above left"; nil when it is all shown.
private func offscreenPlace(of region: MapRegion, shown: MapRegion) -> String? {
    let vertical = region.rows.upperBound > shown.rows.upperBound ? "below" : region.rows.lowerBound < shown.rows.lowerBound ? "above" : nil
    let horizontal = region.columns.upperBound > shown.columns.upperBound ? "right"
        : region.columns.lowerBound < shown.columns.lowerBound ? "left" : nil
    let sides = [vertical, horizontal].compactMap { $0 }
    guard !sides.isEmpty else { return nil }
    let partly = region.rows.overlaps(shown.rows) && region.columns.overlaps(shown.columns)
    return (partly ? "partly off-screen " : "off-screen ") + sides.joined(separator: " ")
}

/// A box of dashes around `area` (the same kernel at another cell), apart from the solid one of the window.
private func drawDashedBox(_ area: Rect, glyphs g: Glyphs, into frame: inout Frame) {
    let style = Style(.ghost)
    let horizontal = g.unicode ? "┄" : ".", vertical = g.unicode ? "┆" : ":"
    for column in area.x..<area.maxX {
        frame.put(horizontal, column: column, row: area.y, style: style)
        frame.put(horizontal, column: column, row: area.maxY - 1, style: style)
    }
    for row in (area.y + 1)..<(area.maxY - 1) {
        frame.put(vertical, column: area.x, row: row, style: style)
        frame.put(vertical, column: area.maxX - 1, row: row, style: style)
    }
}

