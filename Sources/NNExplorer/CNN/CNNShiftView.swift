import NNCore
import NNRender

/// The shift view (`t`): how far the input is moved, how much each stage's output changed with it (one number
/// a stage, and the prediction), then each band's map of one kernel (`o` picks which) for the original and
/// the shifted input side by side, on one scale a pair. The numbers come first and always stay; pairs that do
/// not fit give way (the input and the last band last) and the title names them and the size that shows them.
func drawShift(_ p: CNNExplorer, _ comparison: ShiftComparison, in box: Rect, screen: Size, glyphs g: Glyphs, shades: Bool,
               into frame: inout Frame) {
    let inner = box.inset(1)
    let n = { (v: Double?) in v.map { formatNumber($0, digits: 2, glyphs: g) } ?? "–" }
    let shift = comparison.shift
    func moved(_ count: Int, _ positive: String, _ negative: String) -> String { "\(abs(count)) \(count < 0 ? negative : positive)" }
    /// `text` wrapped to the box, in `role`.
    func wrapped(_ text: String, _ role: ColorRole = .plain) -> [Line] { wrap(g.fold(text), width: inner.width).map { Line($0, Style(role)) } }
    var lines = wrapped(shift == InputShift(right: 0, down: 0) ? "the input not moved yet: the arrows move it a pixel"
                        : "the input moved \(moved(shift.right, "right", "left")), \(moved(shift.down, "down", "up")); zeros moved in", .emphasis)
    lines += wrapped("change = ‖shifted − original‖ / ‖original‖ over a stage's maps:", .label)
    // Every stage but flatten (it only reorders the values of the stage before it).
    let stages = [(name: "input", change: comparison.changes[0])] + p.network.layers.indices.compactMap { l in
        p.network.layers[l] == .flatten ? nil : (name: blockName(p, .stage(l)), change: comparison.changes[l + 1])
    }
    lines += packed(stages.map { Span("\($0.name) \(n($0.change))") }, separator: "   ", width: inner.width, glyphs: g)
    if let (before, after) = comparison.predictions {
        let probability = { (outputs: [Tensor], k: Int) in formatNumber(outputs[outputs.count - 1].values[k], digits: 2, glyphs: g) }
        lines += wrapped("prediction \(before) (p \(probability(comparison.original, before))) → \(after) "
                         + "(p \(probability(comparison.shifted, after))): \(before == after ? "the same" : "changed")", before == after ? .good : .bad)
    }
    frame.put(lines: lines, in: inner, glyphs: g)
    let top = inner.y + lines.count + 1
    let room = Rect(x: inner.x, y: top, width: inner.width, height: max(0, inner.maxY - top))
    // The bands: the input, then every stage with maps.
    let bands = p.mapsBlocks.map { block -> (name: String, index: Int) in
        switch block {
        case .input: ("input", 0)
        case .stage(let l): (blockName(p, .stage(l)), l + 1)
        }
    }
    // A colour input as pictures, or the channel `g` picked; the stages' maps the kernel `o` picked.
    let pairs = bands.map { band in
        let colour = band.index == 0 && p.colourInput
        return ShiftPair(name: colour ? p.shownChannel.map { "input \(CNNExplorer.channelNames[$0])" } ?? "input" : band.name,
                         original: comparison.original[band.index], shifted: comparison.shifted[band.index],
                         map: colour ? p.shownChannel ?? 0 : p.shiftMap, picture: colour && p.shownChannel == nil)
    }
    // The biggest drawing of every pair that fits; else, at the smallest, the input, the last band and as many
    // of the others as fit.
    var shown = Array(pairs.indices), zoom = 1
    if let best = [4, 3, 2, 1].first(where: { flowHeight(pairs, zoom: $0, width: room.width) <= room.height }) {
        zoom = best
    } else {
        let kept = Set([0, pairs.count - 1])
        shown = pairs.indices.filter { kept.contains($0) }
        for k in pairs.indices where !kept.contains(k) {
            let trial = (shown + [k]).sorted()
            if flowHeight(trial.map { pairs[$0] }, zoom: 1, width: room.width) <= room.height { shown = trial }
        }
        if flowHeight(shown.map { pairs[$0] }, zoom: 1, width: room.width) > room.height { shown = [] }
    }
    let map = p.shiftMap % max(1, comparison.original[1].channels) + 1
    let title = "shift \(g.middleDot) map \(map): original left, shifted right"
    let left = pairs.indices.filter { !shown.contains($0) }.map { pairs[$0].name }
    if left.isEmpty {
        frame.drawBox(box, title: g.fold(title), glyphs: g)
    } else {
        // The size that shows every pair: wider when one pair alone is wider than the room (32×32 maps).
        let width = max(room.width, pairs.map { $0.size(zoom: 1).width }.max() ?? 0)
        let needed = flowHeight(pairs, zoom: 1, width: width)
        let allAt = "\(screen.width + width - room.width)\(g.unicode ? "×" : "x")\(screen.height + needed - room.height)"
        let titles = ["\(title) \(g.middleDot) not shown: \(left.joined(separator: ", ")) (\(allAt) shows all)",
                      "shift \(g.middleDot) map \(map) \(g.middleDot) not shown: \(left.joined(separator: ", ")) (\(allAt))",
                      "shift \(g.middleDot) not shown: \(left.joined(separator: ", ")) (\(allAt))"]
        frame.drawBox(box, title: g.fold(titles.first { Line(g.fold($0)).width + 5 <= box.width } ?? titles[2]), glyphs: g)
    }
    var x = room.x, y = room.y, rowHeight = 0
    for pair in shown.map({ pairs[$0] }) {
        let size = pair.size(zoom: zoom)
        if x > room.x, x + size.width > room.maxX { x = room.x; y += rowHeight; rowHeight = 0 }
        pair.render(into: &frame, at: (x, y), zoom: zoom, shades: shades, glyphs: g)
        x += size.width + 3
        rowHeight = max(rowHeight, size.height)
    }
}

/// One band's map for the original and the shifted input, under the band's name, on one scale.
private struct ShiftPair {
    let name: String
    let original: Tensor, shifted: Tensor
    /// The kernel whose map is drawn (the input's only map, or a colour input's channel, for the input).
    let channel: Int
    /// A colour input's three maps drawn as one picture.
    let picture: Bool

    init(name: String, original: Tensor, shifted: Tensor, map: Int, picture: Bool) {
        self.name = name; self.original = original; self.shifted = shifted
        channel = map % original.channels
        self.picture = picture
    }

    /// Small maps grow to about 8 columns, up to `zoom`.
    func factor(_ zoom: Int) -> Int { max(1, min(zoom, 16 / max(1, original.width))) }

    func size(zoom: Int) -> Size {
        let f = factor(zoom)
        return Size(width: max(name.count, 2 * original.width * f + 1), height: 1 + (original.height * f + 1) / 2)
    }

    func render(into frame: inout Frame, at origin: (x: Int, y: Int), zoom: Int, shades: Bool, glyphs g: Glyphs) {
        frame.put(Line(g.fold(name), Style(.label)), column: origin.x, row: origin.y)
        let scale = MatrixHeatmap.fittingScale(original.values + shifted.values)
        let f = factor(zoom)
        for (k, maps) in [original, shifted].enumerated() {
            let at = (origin.x + k * (original.width * f + 1), origin.y + 1)
            if picture {
                colourPicture(maps, zoom: f).render(into: &frame, at: at, shades: shades, glyphs: g)
            } else {
                heatmap(maps, channel: channel, scale: scale, zoom: f, values: false).render(into: &frame, at: at, shades: shades, glyphs: g)
            }
        }
    }
}

/// Rows the pairs take laid out left to right, a new row where the next does not fit `width`.
private func flowHeight(_ pairs: [ShiftPair], zoom: Int, width: Int) -> Int {
    var x = 0, total = 0, rowHeight = 0
    for pair in pairs {
        let size = pair.size(zoom: zoom)
        if size.width > width { return .max }
        if x > 0, x + size.width > width { total += rowHeight; x = 0; rowHeight = 0 }
        x += size.width + 3
        rowHeight = max(rowHeight, size.height)
    }
    return total + rowHeight
}
