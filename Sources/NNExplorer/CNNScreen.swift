import NNCore
import NNRender

enum CNNAction { case togglePlay, stepBatch, stepEpoch, reset, reseed, previousImage, nextImage, nextMistake
    case toggleScale, toggleValues, togglePooling, toggleWindow, windowUp, windowDown, nextKernel, toggleConfusion, nextKernelLayer, help, back, hidePanels, nextTheme }

let cnnKeyMap = KeyMap<CNNExplorer, CNNAction>(bindings: [
    KeyBinding([.character(" ")], "space", label: { $0.playing ? "pause" : "play" }, help: "play / pause training",
               enabled: { $0.trainer.map { !$0.status.isFinished } ?? false }, inBar: { $0.trainer != nil }) { _ in .togglePlay },
    KeyBinding([.character("k")], "k", label: { $0.window == nil ? "window" : "close window" },
               help: "step by step: the first convolution's window over the input, cell by cell (again: close)", .toggleWindow),
    KeyBinding([.character("n")], "n", label: { $0.window == nil ? "batch" : "next cell" },
               help: "train one mini-batch (with the window open: move it to the next cell)",
               enabled: { $0.window != nil || ($0.trainer.map { !$0.status.isFinished } ?? false) },
               inBar: { $0.window != nil || $0.trainer != nil }, .stepBatch),
    KeyBinding([.up, .down], "↑↓", label: { _ in "move" }, help: "window: one row up / down",
               enabled: { $0.window != nil }, inBar: { $0.window != nil }) { $0 == .up ? .windowUp : .windowDown },
    KeyBinding([.character("o")], "o", "next kernel", help: "window: the same cell of the next kernel's map",
               enabled: { $0.window != nil }, inBar: { $0.window != nil }, .nextKernel),
    KeyBinding([.character("e")], "e", "epoch", help: "train to the end of the epoch",
               enabled: { $0.trainer.map { !$0.status.isFinished } ?? false }, inBar: { $0.trainer != nil }, .stepEpoch),
    KeyBinding([.left, .right], "←→", label: { $0.window == nil ? "image" : "move" },
               help: "previous / next image, the test set while training (window: one column left / right)",
               enabled: { $0.window != nil || $0.images.count > 1 }, inBar: { $0.window != nil || $0.images.count > 1 }) {
        $0 == .left ? .previousImage : .nextImage },
    KeyBinding([.character("w")], "w", "wrong", help: "the next image the network gets wrong",
               enabled: { $0.images.count > 1 && $0.network.endsInSoftmax }, inBar: { $0.images.count > 1 && $0.network.endsInSoftmax },
               .nextMistake),
    KeyBinding([.character("m")], "m", label: { $0.sharedScale ? "per map" : "per stage" },
               help: "colour scale: each map its own / one for all the maps of a stage", .toggleScale),
    KeyBinding([.character("v")], "v", label: { $0.showValues ? "shades" : "values" },
               help: "the input and the kernels as numbers / as shades", .toggleValues),
    KeyBinding([.character("p")], "p", label: { $0.poolingKind == .mean ? "max pool" : "mean pool" },
               help: "pooling: switch max / mean, on the same maps (hand-set kernels)",
               enabled: { $0.trainer == nil && $0.poolingKind != nil }, inBar: { $0.trainer == nil && $0.poolingKind != nil },
               essential: true, .togglePooling),
    KeyBinding([.character("c")], "c", label: { $0.showConfusion ? "curves" : "confusion" },
               help: "the test set's confusion matrix (the panel widens for it) / the loss curves, when both do not fit",
               enabled: { $0.trainer != nil }, inBar: { $0.trainer != nil }, .toggleConfusion),
    KeyBinding([.character("K")], "K", "kernels", help: "show the next convolution's kernels (one per output map and input map)",
               enabled: { $0.convolutionLayers.count > 1 }, inBar: { _ in false }, .nextKernelLayer),
    KeyBinding([.character("r")], "r", "reset", help: "start again from the first weights", .reset),
    KeyBinding([.character("s")], "s", "seed", help: "new seed: new first weights and a new test split (trained networks)",
               enabled: { $0.trainer != nil }, inBar: { $0.trainer != nil }, .reseed),
    KeyBinding([.character("h")], "h", "panels", help: "hide / show the side panels (a bigger picture, less clutter)", .hidePanels),
    KeyBinding([.character("C")], "C", "colours", help: "the next colour theme: standard, high-contrast, light, 8-color, monochrome",
               inBar: { _ in false }, .nextTheme),
    KeyBinding([.character("?")], "?", "help", help: "show this help", essential: true, .help),
    KeyBinding([.character("q")], "q", "back", help: "back to the list (quit when opened with nnx run)", essential: true, .back),
])

func updateCNN(_ p: inout CNNExplorer, _ msg: Msg) -> ScreenOutcome {
    guard case .key(let key) = msg, let binding = cnnKeyMap.binding(for: key) else { return .none }
    guard binding.enabled(p) else {
        p.note = switch binding.action(key) {
        case .togglePooling: p.poolingKind == nil ? "this network has no pooling stage"
            : "a trained network learned with its pooling: change it in the scenario"
        case .nextMistake: p.network.endsInSoftmax ? "one image only: nothing to browse" : "this network does not classify (no softmax)"
        case .previousImage, .nextImage: "one image only: nothing to browse"
        case .reseed: "hand-set kernels: no random weights to draw"
        case .windowUp, .windowDown, .nextKernel: "press k for the sliding window first"
        case .nextKernelLayer: "one convolution only: its kernels are on screen"
        case .toggleConfusion: "nothing is trained here, so there is no confusion matrix"
        default: p.trainer == nil ? "hand-set kernels: nothing to train" : "training finished: r to reset"
        }
        return .none
    }
    p.note = nil
    let action = binding.action(key)
    if p.window != nil {
        // The window takes the moving keys.
        switch action {
        case .stepBatch: p.advanceWindow(); return .none
        case .previousImage: p.moveWindow(rows: 0, columns: -1); return .none
        case .nextImage: p.moveWindow(rows: 0, columns: 1); return .none
        default: break
        }
    }
    switch action {
    case .toggleWindow: p.toggleWindow()
    case .windowUp: p.moveWindow(rows: -1, columns: 0)
    case .windowDown: p.moveWindow(rows: 1, columns: 0)
    case .nextKernel: p.nextWindowMap()
    case .togglePlay: p.togglePlay()
    case .stepBatch: p.stepBatch()
    case .stepEpoch: p.stepEpoch()
    case .reset: p.reset()
    case .reseed: p.reseed()
    case .previousImage: p.moveProbe(by: -1)
    case .nextImage: p.moveProbe(by: 1)
    case .nextMistake: p.nextMistake()
    case .toggleScale: p.toggleSharedScale()
    case .toggleValues: p.toggleValues()
    case .togglePooling: p.togglePooling()
    case .toggleConfusion: p.toggleConfusion()
    case .nextKernelLayer: p.nextKernelLayer()
    case .help: return .help
    case .hidePanels: return .togglePanels
    case .nextTheme: return .nextTheme
    case .back: return .back
    }
    return .none
}

struct CNNLayout {
    static let minimum = Size(width: 70, height: 22)
    let hintRow: Int
    let mapsBox: Rect, panelBox: Rect

    /// `panelsHidden`: the maps take the whole width (the panel is an empty rectangle); `panelAtLeast`: the
    /// panel's width when what it shows needs more than its share.
    init(size: Size, panelsHidden: Bool = false, panelAtLeast: Int = 0) {
        hintRow = size.height - 1
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        // From 100 columns on, wide enough for a 10-class confusion matrix (33 columns inside).
        let share = min(44, max(size.width >= 100 ? 35 : 30, size.width / 3))
        let panelWidth = panelsHidden ? 0 : min(size.width / 2, max(share, panelAtLeast))
        (mapsBox, panelBox) = body.splitLeft(size.width - panelWidth)
    }

    /// The layout `p` is drawn in: with its confusion matrix shown, the panel takes the matrix's width even
    /// where that is more than its share (80 columns), and the maps give way.
    init(_ p: CNNExplorer, size: Size, panelsHidden: Bool = false) {
        let matrix = p.showConfusion ? p.confusion.map { confusionWidth(classes: $0.count) + 2 } ?? 0 : 0
        self.init(size: size, panelsHidden: panelsHidden, panelAtLeast: matrix)
    }
}

/// `keyHints`: hints naming this screen's keys (off in a lesson, whose keys differ); `focus`: the panel a
/// lesson is about (`curves` or `confusion` get the side panel's room before the probabilities).
func viewCNN(_ p: CNNExplorer, size: Size, glyphs g: Glyphs, theme: Theme, panelsHidden: Bool = false, keyHints: Bool = true,
             focus: String? = nil, into frame: inout Frame) {
    let layout = CNNLayout(p, size: size, panelsHidden: panelsHidden)
    drawTitleLine(p.scenario.title, epoch: p.trainer?.epoch ?? 0, step: p.trainer?.steps ?? 0,
                  playing: p.playing ? "\(CNNExplorer.batchesPerTick * 10) batches/s" : nil, width: size.width, glyphs: g, into: &frame)
    let outputs = p.probeOutputs
    if let window = p.slidingWindow {
        drawWindow(p, window, outputs, in: layout.mapsBox, glyphs: g, shades: theme.shadesWithBackground, into: &frame)
    } else {
        drawStages(p, outputs, in: layout.mapsBox, glyphs: g, shades: theme.shadesWithBackground, into: &frame)
    }
    if layout.panelBox.width > 0 {
        drawPanel(p, outputs, in: layout.panelBox, glyphs: g, keyHints: keyHints, focus: focus, into: &frame)
    }
    if let note = p.note {
        frame.put(Line(" \(note) ", Style(.emphasis)).truncated(to: layout.mapsBox.width - 4, glyphs: g),
                  column: layout.mapsBox.x + 2, row: layout.mapsBox.maxY - 1)
    } else {
        let legend = Line(" " + g.fold(MatrixHeatmap.legend(shades: theme.shadesWithBackground, glyphs: g)) + " ", Style(.dim))
            .truncated(to: layout.mapsBox.width - 4, glyphs: g)
        frame.put(legend, column: layout.mapsBox.x + 2, row: layout.mapsBox.maxY - 1)
    }
    KeyHintBar(hints: cnnKeyMap.barHints(p)).render(into: &frame, row: layout.hintRow, area: frame.bounds, glyphs: g)
}

/// The input, the first convolution's kernels, then one row of maps a stage (convolution, non-linearity,
/// pooling), as far as the box allows.
private func drawStages(_ p: CNNExplorer, _ outputs: [Tensor], in box: Rect, glyphs g: Glyphs, shades: Bool, into frame: inout Frame) {
    frame.drawBox(box, title: "feature maps \(g.middleDot) image \(p.probe + 1) of \(p.images.count)", glyphs: g)
    let inner = box.inset(1)
    // The largest zoom at which every stage fits (bigger maps on bigger terminals, no row wider than the
    // box); compact (no zoom, no blank rows) when even the smallest does not.
    let stages = p.network.layers.indices.filter {
        switch p.network.layers[$0] { case .convolution, .activation, .pooling: true; default: false }
    }
    func cells(_ t: Tensor, _ factor: Int) -> Int { (t.height * factor + 1) / 2 }
    func grown(_ t: Tensor, _ factor: Int, input: Bool) -> Int {
        let byWidth = max(1, (inner.width - (t.channels - 1)) / max(1, t.channels * t.width))
        return max(1, min(max(factor, zoom(for: t, limit: input ? 4 : 3)), byWidth))
    }
    func height(_ factor: Int) -> Int {
        2 + cells(outputs[0], grown(outputs[0], factor, input: true))
            + stages.reduce(0) { $0 + 2 + cells(outputs[$1 + 1], grown(outputs[$1 + 1], factor, input: false)) }
    }
    let chosen = [4, 3, 2, 1].first { height($0) <= inner.height }
    let compact = chosen == nil
    let gap = compact ? 1 : 2
    func stageZoom(_ t: Tensor, limit: Int) -> Int { chosen.map { grown(t, $0, input: limit == 4) } ?? 1 }
    var row = inner.y
    // The input and the first kernels side by side.
    let input = outputs[0]
    var column = inner.x
    let caption = p.trainer == nil ? "input" : "input (class \(p.probeImage.label))"
    frame.put(Line(caption, Style(.label)).truncated(to: inner.width, glyphs: g), column: column, row: row)
    var tallest = 0
    let inputMap = heatmap(input, channel: 0, scale: MatrixHeatmap.fittingScale(input.values), zoom: stageZoom(input, limit: 4),
                           values: p.showValues && input.width * 4 + 16 <= inner.width)
    let inputSize = inputMap.size(valueWidth: 4)
    if row + 1 + inputSize.height <= inner.maxY, column + inputSize.width <= inner.maxX {
        inputMap.render(into: &frame, at: (column, row + 1), shades: shades, glyphs: g, valueWidth: 4)
        tallest = inputSize.height
    } else {
        frame.put(Line("(too big to draw here)", Style(.dim)), column: column, row: row + 1, clip: inner)
        tallest = 1
    }
    column += max(inputSize.width, caption.count) + 3
    if let l = p.shownKernelLayer, case .convolution(let kernels, let size, _, _, let mode) = p.network.layers[l] {
        // The kernels' numbers go below a wide input rather than squeezed beside it.
        var top = row
        if p.showValues, column + 2 * (size * 6 + 2) > inner.maxX {
            column = inner.x
            top = row + 1 + tallest + 1
        }
        let weights = p.network.weights[l], inputs = p.network.shapes[l][0]
        let which = p.convolutionLayers.count > 1 ? " of stage \(l + 1)" : ""
        let count = inputs > 1 ? ", \(kernels)×\(inputs): one per output and input map" : ""
        let label = "kernels \(size)×\(size)\(which) (\(mode.rawValue)\(p.network.frozen[l] ? ", hand-set" : "")\(count))"
        guard top + 1 < inner.maxY else { return }
        frame.put(Line(g.fold(label), Style(.label)).truncated(to: max(0, inner.maxX - column), glyphs: g), column: column, row: top)
        let limit = weights.map(abs).max() ?? 1
        var x = column
        let slices = kernels * inputs
        for o in 0..<slices {
            let values = Array(weights[(o * size * size)..<((o + 1) * size * size)])
            var map = MatrixHeatmap(rows: size, columns: size, values: values, scale: .diverging(limit: max(limit, 1e-12)))
            map.digits = 2
            if p.showValues { map.showValues = true } else { map = map.zoomed(size <= 5 && !compact ? 2 : 1) }
            let mapSize = map.size(valueWidth: 6)
            // Room for the map, and for the "+N" of those after it.
            let reserve = o + 1 < slices ? 4 : 0
            guard x + mapSize.width + reserve <= inner.maxX, top + 1 + mapSize.height <= inner.maxY else {
                frame.put("+\(slices - o)", column: x, row: top + 1, style: Style(.dim), clip: inner)
                break
            }
            map.render(into: &frame, at: (x, top + 1), shades: shades, glyphs: g, valueWidth: 6)
            tallest = max(tallest, top - row + mapSize.height)
            x += mapSize.width + (p.showValues ? 2 : 1)
        }
    }
    row += tallest + gap
    // One row a stage.
    for (l, layer) in p.network.layers.enumerated() {
        switch layer {
        case .convolution, .activation, .pooling: break
        default: continue
        }
        let maps = outputs[l + 1]
        let factor = stageZoom(maps, limit: 3)
        // A stage needs its label and its maps; what does not fit is counted, not cut.
        guard row + 1 + (maps.height * factor + 1) / 2 <= inner.maxY else {
            let left = p.network.layers[l...].filter { if case .convolution = $0 { true } else if case .activation = $0 { true } else if case .pooling = $0 { true } else { false } }.count
            if row < inner.maxY {
                frame.put(Line("\(left) more stage\(left == 1 ? "" : "s") below: enlarge the window", Style(.dim)).truncated(to: inner.width, glyphs: g),
                          column: inner.x, row: row)
            }
            break
        }
        let finite = maps.values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        let name = stageName(layer)
        let range = "\(formatNumber(low, digits: 2, glyphs: g)) … \(formatNumber(high, digits: 2, glyphs: g))"
        let label = "\(l + 1) \(name): \(maps.channels) × \(maps.height)×\(maps.width)   "
            + (p.sharedScale ? "range \(range)" : "each map on its own scale (all: \(range))")
        frame.put(Line(g.fold(label), Style(.label)).truncated(to: inner.width, glyphs: g), column: inner.x, row: row)
        let sharedScale = MatrixHeatmap.fittingScale(maps.values)
        var x = inner.x, height = 0
        for c in 0..<maps.channels {
            let scale = p.sharedScale ? sharedScale : MatrixHeatmap.fittingScale(Array(maps.values[(c * maps.height * maps.width)..<((c + 1) * maps.height * maps.width)]))
            let map = heatmap(maps, channel: c, scale: scale, zoom: factor, values: false)
            let mapSize = map.size()
            let reserve = c + 1 < maps.channels ? 4 : 0
            guard x + mapSize.width + reserve <= inner.maxX else {
                frame.put("+\(maps.channels - c)", column: x, row: row + 1, style: Style(.dim), clip: inner)
                break
            }
            map.render(into: &frame, at: (x, row + 1), shades: shades, glyphs: g)
            var mapHeight = mapSize.height
            // On its own scale, each map says what its shades span (when the numbers fit under it).
            if !p.sharedScale, row + 1 + mapHeight < inner.maxY {
                let own = Array(maps.values[(c * maps.height * maps.width)..<((c + 1) * maps.height * maps.width)]).filter(\.isFinite)
                let span = "\(formatNumber(own.min() ?? 0, digits: 1, glyphs: g))…\(formatNumber(own.max() ?? 0, digits: 1, glyphs: g))"
                if Line(g.fold(span)).width <= mapSize.width + 1 {
                    frame.put(Line(g.fold(span), Style(.dim)), column: x, row: row + 1 + mapHeight)
                    mapHeight += 1
                }
            }
            height = max(height, mapHeight)
            x += mapSize.width + 1
        }
        row += height + gap
    }
}

/// The step-by-step view: the input with the window on it, the kernel's numbers, the cell in the
/// convolution's map, the non-linearity's map and the pooled map with their windows, then every number.
private func drawWindow(_ p: CNNExplorer, _ w: SlidingWindow, _ outputs: [Tensor], in box: Rect, glyphs g: Glyphs, shades: Bool,
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
    // The cell's value, its non-linearity, its pooling window: side by side where the box is wide enough.
    var results = ["a = \(n(sum)) + b (\(n(w.bias))) = \(n(w.sum))"]
    if let activation = w.activation { results.append("\(activation.name)(\(n(w.sum))) = \(n(activation.value))") }
    if let pooling = w.pooling {
        let values = pooling.cells.map { n($0.value) }.joined(separator: ", ")
        results.append("\(pooling.kind.rawValue) of the pooling window [\(values)] = \(n(pooling.result))")
    }
    var row = ""
    for result in results.map(g.fold) {
        if !row.isEmpty, row.count + 3 + result.count <= inner.width {
            row += "   " + result
        } else {
            if !row.isEmpty { lines.append(Line(row, Style(.emphasis))) }
            row = result
        }
    }
    lines.append(Line(row, Style(.emphasis)))
    // Narrow boxes wrap the numbers rather than cut them.
    lines = lines.flatMap { line in
        line.width <= inner.width ? [line] : wrap(line.text, width: inner.width).map { Line($0, line.spans.first?.style ?? Style(.plain)) }
    }
    // The maps above the numbers; when both do not fit (a small terminal) the numbers come first, and the
    // maps follow where there is room.
    let zoom = { (t: Tensor) in t.width <= 6 ? 4 : 2 }
    let mapsHeight = input.height * zoom(input) / 2 + 2
    let numbersFirst = mapsHeight + 1 + lines.count > inner.height
    if numbersFirst { frame.put(lines: lines, in: inner, glyphs: g) }
    var x = inner.x
    let captionRow = numbersFirst ? inner.y + lines.count + 1 : inner.y
    let top = captionRow + 1
    var tallest = 0
    var full = false   // a map did not fit: the ones after it are left out too, so the order stays input → output
    /// A map zoomed by an even factor (whole cells a value), captioned, with boxes around regions.
    func place(_ caption: String, _ tensor: Tensor, channel: Int, scale: MatrixHeatmap.Scale, boxes: [(rows: Range<Int>, columns: Range<Int>)]) {
        let factor = zoom(tensor)
        let map = heatmap(tensor, channel: channel, scale: scale, zoom: factor, values: false)
        let size = map.size()
        guard !full, x + size.width + 2 <= inner.maxX, top + size.height + 1 <= inner.maxY else { full = true; return }
        frame.put(Line(g.fold(caption), Style(.label)).truncated(to: size.width + 2, glyphs: g), column: x, row: captionRow)
        map.render(into: &frame, at: (x + 1, top + 1), shades: shades, glyphs: g)
        for region in boxes where !region.rows.isEmpty && !region.columns.isEmpty {
            frame.drawBox(Rect(x: x + region.columns.lowerBound * factor, y: top + region.rows.lowerBound * factor / 2,
                               width: region.columns.count * factor + 2, height: region.rows.count * factor / 2 + 2),
                          glyphs: g, style: Style(.visited))
        }
        tallest = max(tallest, size.height + 2)
        x += size.width + 3
    }
    // When the four maps do not fit side by side, the non-linearity's map gives way (its value is written).
    let widths = [input, conv, activationMaps, pooled].compactMap { $0 }.map { zoom($0) * $0.width + 3 }
    let showActivationMap = widths.reduce(0, +) <= inner.width
    place("input", input, channel: 0, scale: MatrixHeatmap.fittingScale(input.values), boxes: [(rows, columns)])
    place("conv", conv, channel: position.map, scale: MatrixHeatmap.fittingScale(conv.values), boxes: [cell])
    if let activation = w.activation, let maps = activationMaps, showActivationMap {
        place(activation.name, maps, channel: position.map, scale: MatrixHeatmap.fittingScale(maps.values), boxes: [cell])
    }
    if let pooling = w.pooling, let maps = pooled {
        place("\(pooling.kind.rawValue) pool", maps, channel: position.map, scale: MatrixHeatmap.fittingScale(maps.values),
              boxes: [(pooling.row..<(pooling.row + 1), pooling.column..<(pooling.column + 1))])
    }
    if !numbersFirst {
        frame.put(lines: lines, in: Rect(x: inner.x, y: top + tallest, width: inner.width, height: max(0, inner.maxY - top - tallest)), glyphs: g)
    }
}

/// A stage as the screen names it: `conv`, the activation's name, `max pool 2×2`, `dense`, ….
func stageName(_ layer: CNNLayer) -> String {
    switch layer {
    case .activation(let f): f.rawValue
    case .pooling(let kind, let size, _): "\(kind.rawValue) pool \(size)×\(size)"
    default: layer.kind
    }
}

/// Channel `c` of `maps` as a heatmap, each value repeated `zoom` times across and down.
private func heatmap(_ maps: Tensor, channel c: Int, scale: MatrixHeatmap.Scale, zoom: Int, values: Bool) -> MatrixHeatmap {
    let start = c * maps.height * maps.width
    var map = MatrixHeatmap(rows: maps.height, columns: maps.width, values: Array(maps.values[start..<(start + maps.height * maps.width)]), scale: scale)
    if values { map.showValues = true; return map }
    return map.zoomed(zoom)
}

/// How many times to repeat a small map's values so that it is at least about 8 columns wide.
func zoom(for maps: Tensor, limit: Int) -> Int { max(1, min(limit, 8 / max(1, maps.width))) }
