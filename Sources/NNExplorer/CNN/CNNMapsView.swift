import NNCore
import NNRender

/// A band of the CNN's maps box: the input with the kernels, or the maps of one stage (a convolution, a
/// non-linearity or a pooling; the layer's index).
public enum MapsBlock: Sendable, Hashable {
    case input
    case stage(Int)
}

extension CNNExplorer {
    /// The maps box's bands, top to bottom.
    public var mapsBlocks: [MapsBlock] {
        [.input] + network.layers.indices.filter {
            switch network.layers[$0] { case .convolution, .activation, .pooling: true; default: false }
        }.map(MapsBlock.stage)
    }
}

/// The input, the kernels of a convolution, then one row of maps a stage, as big as the box allows. When even
/// the smallest drawing of every band does not fit, the bands from the explorer's `mapsFrom` are shown (then
/// those after it, then those before it, as room allows), and the box's title says which are left out and
/// the terminal size that shows them all (`screen`: the whole terminal, of which this box is part).
func drawStages(_ p: CNNExplorer, _ outputs: [Tensor], in box: Rect, screen: Size, glyphs g: Glyphs, shades: Bool,
                into frame: inout Frame) {
    let inner = box.inset(1)
    let blocks = p.mapsBlocks
    func draw(_ block: MapsBlock, row: Int, zoom: Int?, into target: inout Frame) -> Int {
        let area = Rect(x: inner.x, y: row, width: inner.width, height: max(0, target.height - row))
        switch block {
        case .input: return drawInputBlock(p, outputs, in: area, zoom: zoom, glyphs: g, shades: shades, into: &target)
        case .stage(let l): return drawStageBlock(p, l, outputs, in: area, zoom: zoom, glyphs: g, shades: shades, into: &target)
        }
    }
    // A band's height is measured by drawing it into a frame with no rows (every cell falls outside).
    func heights(zoom: Int?) -> [Int] {
        blocks.map { block in
            var scratch = Frame(width: frame.width, height: 0)
            return draw(block, row: 0, zoom: zoom, into: &scratch)
        }
    }
    // The largest zoom at which every band fits with a blank row between bands (bigger maps on bigger
    // terminals; no row wider than the box).
    for zoom in [4, 3, 2, 1] {
        let h = heights(zoom: zoom)
        guard h.reduce(0, +) + h.count - 1 <= inner.height else { continue }
        frame.drawBox(box, title: "feature maps \(g.middleDot) \(p.probeTitle)", glyphs: g)
        var row = inner.y
        for block in blocks { row += draw(block, row: row, zoom: zoom, into: &frame) + 1 }
        return
    }
    // Compact: no zoom and no blank rows (each band's label row parts it from the one above); the bands from
    // `mapsFrom`, then the following ones, then the ones before it, while they fit.
    let h = heights(zoom: nil)
    var first = min(max(0, p.mapsFrom), blocks.count - 1), last = first
    var used = h[first]
    while last + 1 < blocks.count, used + h[last + 1] <= inner.height { last += 1; used += h[last] }
    while first > 0, used + h[first - 1] <= inner.height { first -= 1; used += h[first] }
    let needed = h.reduce(0, +)
    let allAt = "\(screen.width)\(g.unicode ? "×" : "x")\(screen.height + needed - inner.height)"
    let above = blocks[..<first].map { blockName(p, $0) }, below = blocks[(last + 1)...].map { blockName(p, $0) }
    /// Left-out bands in few words: `input`, `2 relu`, `stages 2–6`.
    func span(_ part: ArraySlice<MapsBlock>) -> [String] {
        let stages = part.compactMap { if case .stage(let l) = $0 { l + 1 } else { nil } }
        let words = stages.count > 1 ? ["stages \(stages.first!)\(g.unicode ? "–" : "-")\(stages.last!)"] : part.filter { $0 != .input }.map { blockName(p, $0) }
        return (part.contains(.input) ? ["input"] : []) + words
    }
    let image = p.probeTitle
    if above.isEmpty && below.isEmpty {
        frame.drawBox(box, title: "feature maps \(g.middleDot) \(image)", glyphs: g)
    } else {
        let up = g.unicode ? "↑" : "^", down = g.unicode ? "↓" : "v"
        let hidden = (above.map { "\($0) \(up)" } + below.map { "\($0) \(down)" }).joined(separator: ", ")
        let short = (span(blocks[..<first]).map { "\($0) \(up)" } + span(blocks[(last + 1)...]).map { "\($0) \(down)" }).joined(separator: ", ")
        // The longest title that fits: what is left out and the size that shows it matter more than the image number.
        let titles = ["\(image) \(g.middleDot) not shown: \(hidden) (\(allAt) shows all)", "not shown: \(hidden) (\(allAt) shows all)",
                      "hidden: \(hidden) (\(allAt))", "hidden: \(short) (\(allAt))"]
        let title = titles.first { Line(g.fold($0)).width + 5 <= box.width } ?? titles.last!
        frame.drawBox(box, title: g.fold(title), glyphs: g)
    }
    guard h[first] <= inner.height else {
        frame.put(Line(g.fold("too small for these maps: \(allAt) shows them"), Style(.dim)).truncated(to: inner.width, glyphs: g),
                  column: inner.x, row: inner.y)
        return
    }
    var row = inner.y
    for block in blocks[first...last] { row += draw(block, row: row, zoom: nil, into: &frame) }
}

/// A band as the box's title names it when it is left out (and the shift view beside its change): `input`,
/// `2 relu`, `3 max pool`.
func blockName(_ p: CNNExplorer, _ block: MapsBlock) -> String {
    switch block {
    case .input: "input"
    case .stage(let l):
        switch p.network.layers[l] {
        case .pooling(.subsample, _, _, _): "\(l + 1) subsample"
        case .pooling(let kind, _, _, _): "\(l + 1) \(kind.rawValue) pool"
        default: "\(l + 1) \(stageName(p.network.layers[l]))"
        }
    }
}

/// The input and the kernels of the convolution `K` picks, side by side (the kernels' numbers below a wide
/// input); `zoom` nil draws them as small as they go. Returns the rows used.
private func drawInputBlock(_ p: CNNExplorer, _ outputs: [Tensor], in area: Rect, zoom chosen: Int?, glyphs g: Glyphs, shades: Bool,
                            into frame: inout Frame) -> Int {
    let row = area.y
    let input = outputs[0]
    var column = area.x
    // What the image is, a class by its name where the data names them ("input (class 5: blue square)"); with
    // one channel of a colour input on its own, the channel first and the class by number, to fit the picture's
    // width ("input: red channel (class 5)").
    let label = p.probeImage.label
    let what = p.probeName ?? (p.trainer == nil ? nil : "class \(label)")
    let name = p.cnn.classNames.flatMap { $0.indices.contains(label) && p.probeName == nil && p.trainer != nil ? ": \($0[label])" : nil } ?? ""
    let caption = if p.colourInput, let c = p.shownChannel {
        "input: \(CNNExplorer.channelNames[c]) channel" + (what.map { " (\($0))" } ?? "")
    } else {
        "input" + (what.map { " (\($0)\(name))" } ?? "")
    }
    frame.put(Line(caption, Style(.label)).truncated(to: area.width, glyphs: g), column: column, row: row)
    var tallest = 0
    let zoom = grownZoom(input, chosen, width: area.width, limit: 4), values = p.showValues && input.width * 4 + 16 <= area.width
    // A colour input as one picture, unless `g` picked a channel (or the numbers are on screen).
    let picture = p.colourInput && p.shownChannel == nil && !values ? colourPicture(input, zoom: zoom) : nil
    let inputMap = heatmap(input, channel: p.colourInput ? p.shownChannel ?? 0 : 0, scale: MatrixHeatmap.fittingScale(input.values),
                           zoom: zoom, values: values)
    let inputSize = picture?.size ?? inputMap.size(valueWidth: 4)
    if column + inputSize.width <= area.maxX {
        if let picture {
            picture.render(into: &frame, at: (column, row + 1), shades: shades, glyphs: g)
        } else {
            inputMap.render(into: &frame, at: (column, row + 1), shades: shades, glyphs: g, valueWidth: 4)
        }
        tallest = inputSize.height
    } else {
        frame.put(Line("(too big to draw here)", Style(.dim)), column: column, row: row + 1, clip: area)
        tallest = 1
    }
    column += max(inputSize.width, caption.count) + 3
    if let l = p.shownKernelLayer, case .convolution(let kernels, let size, _, _, let mode) = p.network.layers[l] {
        // The kernels' numbers go below a wide input rather than squeezed beside it.
        var top = row
        if p.showValues, column + 2 * (size * 6 + 2) > area.maxX {
            column = area.x
            top = row + 1 + tallest + 1
        }
        let weights = p.network.weights[l], inputs = p.network.shapes[l][0]
        let which = p.convolutionLayers.count > 1 ? " of stage \(l + 1)" : ""
        // The first convolution over a colour input: a kernel a picture, or (`g`) one channel's slices.
        let colourKernels = p.colourInput && inputs == 3 && l == p.convolutionLayers.first
        let channel = colourKernels ? p.shownChannel : nil, asPictures = colourKernels && channel == nil && !p.showValues
        let count = colourKernels || inputs == 1 ? "" : ", \(kernels)×\(inputs): one per output and input map"
        let what = asPictures ? "colour kernels" : channel.map { "\(CNNExplorer.channelNames[$0]): kernels" } ?? "kernels"
        let label = "\(what) \(size)×\(size)\(which) (\(mode.rawValue)\(p.network.frozen[l] ? ", hand-set" : "")\(count))"
        frame.put(Line(g.fold(label), Style(.label)).truncated(to: max(0, area.maxX - column), glyphs: g), column: column, row: top)
        let limit = max(weights.map(abs).max() ?? 1, 1e-12)
        var x = column
        let shown = asPictures ? Array(0..<kernels) : channel.map { c in (0..<kernels).map { $0 * inputs + c } } ?? Array(0..<(kernels * inputs))
        let zoom = size <= 5 && chosen != nil ? 2 : 1
        for (n, o) in shown.enumerated() {
            let values = Array(weights[(o * size * size)..<((o + 1) * size * size)])
            var map = MatrixHeatmap(rows: size, columns: size, values: values, scale: .diverging(limit: limit))
            map.digits = 2
            if p.showValues { map.showValues = true } else { map = map.zoomed(zoom) }
            let picture = asPictures ? kernelPicture(weights, kernel: o, size: size, limit: limit).zoomed(zoom) : nil
            let mapSize = picture?.size ?? map.size(valueWidth: 6)
            // Room for the map, and for the "+N" of those after it.
            let reserve = n + 1 < shown.count ? 4 : 0
            guard x + mapSize.width + reserve <= area.maxX else {
                frame.put("+\(shown.count - n)", column: x, row: top + 1, style: Style(.dim), clip: area)
                break
            }
            if let picture {
                picture.render(into: &frame, at: (x, top + 1), shades: shades, glyphs: g)
            } else {
                map.render(into: &frame, at: (x, top + 1), shades: shades, glyphs: g, valueWidth: 6)
            }
            tallest = max(tallest, top - row + mapSize.height)
            x += mapSize.width + (p.showValues ? 2 : 1)
        }
        if asPictures, let last = shown.last {
            // What a colour kernel's colours mean, under them.
            let height = kernelPicture(weights, kernel: last, size: size, limit: limit).zoomed(zoom).size.height
            let legends = shades ? ["a channel's weight is its brightness; mid-grey 0", "weight as brightness, mid-grey 0", "grey: 0"]
                : ["glyph: the colour's lightness; + is 0", "lightness; + is 0", "+ is 0"]
            let room = max(0, area.maxX - column)
            let legend = legends.first { Line(g.fold($0)).width <= room } ?? legends.last!
            frame.put(Line(g.fold(legend), Style(.dim)).truncated(to: room, glyphs: g), column: column, row: top + 1 + height)
            tallest = max(tallest, top - row + height + 1)
        }
    }
    return 1 + tallest
}

/// One stage's maps under a label with their shape and range; each map's own range under it when each has its
/// own scale. A pooling's maps are shaded on the scale of the maps they pool, so a pooled peak shows as
/// strong as it is beside the peaks it came from (mean pooling's weaker peaks look weaker). Returns the rows used.
private func drawStageBlock(_ p: CNNExplorer, _ l: Int, _ outputs: [Tensor], in area: Rect, zoom chosen: Int?, glyphs g: Glyphs,
                            shades: Bool, into frame: inout Frame) -> Int {
    let layer = p.network.layers[l]
    let maps = outputs[l + 1]
    let factor = grownZoom(maps, chosen, width: area.width, limit: 3)
    func channel(_ t: Tensor, _ c: Int) -> [Double] { Array(t.values[(c * t.height * t.width)..<((c + 1) * t.height * t.width)]) }
    func span(_ values: [Double], digits: Int, separator: String) -> String {
        let finite = values.filter(\.isFinite)
        return "\(formatNumber(finite.min() ?? 0, digits: digits, glyphs: g))\(separator)\(formatNumber(finite.max() ?? 0, digits: digits, glyphs: g))"
    }
    // The maps whose scale shades these: a pooling's source (the stage before it), else the maps themselves.
    var source = maps, sourceName: String?
    if case .pooling = layer, l > 0, outputs[l].channels == maps.channels {
        source = outputs[l]
        sourceName = stageName(p.network.layers[l - 1])
    }
    let range = span(maps.values, digits: 2, separator: " … ")
    // Which scale the shades are on, at more and less length (the source's range is on its own label too).
    let scales: [String]
    switch (p.sharedScale, sourceName) {
    case (true, nil): scales = ["range \(range)", range]
    case (true, let name?): scales = ["range \(range) on \(name)'s scale \(span(source.values, digits: 2, separator: " … "))",
                                      "range \(range) on \(name)'s scale", "\(range) on \(name)'s scale"]
    case (false, nil): scales = ["each map on its own scale (all: \(range))", "own scales (all: \(range))"]
    case (false, let name?): scales = ["each on its \(name) map's scale (all: \(range))", "\(name) maps' scales (all: \(range))"]
    }
    // The longest label that fits: the name and the scale matter more than the shape and the spacing.
    let name = "\(l + 1) \(stageName(layer))", shape = "\(maps.channels) × \(maps.height)×\(maps.width)"
    let labels = scales.flatMap { ["\(name): \(shape)   \($0)", "\(name): \(shape) \(g.middleDot) \($0)"] }
        + scales.map { "\(name) \(g.middleDot) \($0)" }
    let label = labels.first { Line(g.fold($0)).width <= area.width } ?? labels.last!
    frame.put(Line(g.fold(label), Style(.label)).truncated(to: area.width, glyphs: g), column: area.x, row: area.y)
    let sharedScale = MatrixHeatmap.fittingScale(source.values)
    var x = area.x, height = 0
    for c in 0..<maps.channels {
        let scale = p.sharedScale ? sharedScale : MatrixHeatmap.fittingScale(channel(source, c))
        let map = heatmap(maps, channel: c, scale: scale, zoom: factor, values: false)
        let mapSize = map.size()
        // On its own scale each map says what its shades span, under it; the next map starts after the
        // longer of the two, so that the numbers never run into each other.
        let own = p.sharedScale ? nil : Line(g.fold(span(channel(maps, c), digits: 1, separator: "…")), Style(.dim))
        let width = max(mapSize.width, own?.width ?? 0)
        let reserve = c + 1 < maps.channels ? 4 : 0
        guard x + width + reserve <= area.maxX else {
            frame.put("+\(maps.channels - c)", column: x, row: area.y + 1, style: Style(.dim), clip: area)
            break
        }
        map.render(into: &frame, at: (x, area.y + 1), shades: shades, glyphs: g)
        if let own { frame.put(own, column: x, row: area.y + 1 + mapSize.height) }
        height = max(height, mapSize.height + (own == nil ? 0 : 1))
        x += width + 1
    }
    return 1 + height
}

/// The zoom of a band's maps: `chosen` or more for small maps (about 8 columns wide at least), as long as
/// all its maps fit the width; 1 when compact (`chosen` nil).
private func grownZoom(_ t: Tensor, _ chosen: Int?, width: Int, limit: Int) -> Int {
    guard let chosen else { return 1 }
    let byWidth = max(1, (width - (t.channels - 1)) / max(1, t.channels * t.width))
    return max(1, min(max(chosen, zoom(for: t, limit: limit)), byWidth))
}

/// A stage as the screen names it: `conv`, the activation's name, `max pool 2×2`, `max pool 3×3 centred`,
/// `subsample 2×2`, `dense`, …; a stride other than the usual (the window's size, or 1 when centred) is named.
func stageName(_ layer: CNNLayer) -> String {
    switch layer {
    case .activation(let f): return f.rawValue
    case .pooling(let kind, let size, let stride, let padding):
        let name = kind == .subsample ? "subsample" : "\(kind.rawValue) pool"
        let centred = padding == .same ? " centred" : ""
        let usual = padding == .same ? 1 : size
        return "\(name) \(size)×\(size)\(centred)" + (stride == usual ? "" : " stride \(stride)")
    default: return layer.kind
    }
}

/// Channel `c` of `maps` as a heatmap, each value repeated `zoom` times across and down.
func heatmap(_ maps: Tensor, channel c: Int, scale: MatrixHeatmap.Scale, zoom: Int, values: Bool) -> MatrixHeatmap {
    let start = c * maps.height * maps.width
    var map = MatrixHeatmap(rows: maps.height, columns: maps.width, values: Array(maps.values[start..<(start + maps.height * maps.width)]), scale: scale)
    if values { map.showValues = true; return map }
    return map.zoomed(zoom)
}

/// How many times to repeat a small map's values so that it is at least about 8 columns wide.
func zoom(for maps: Tensor, limit: Int) -> Int { max(1, min(limit, 8 / max(1, maps.width))) }
