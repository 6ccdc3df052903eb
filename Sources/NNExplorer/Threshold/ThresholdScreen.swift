import NNCore
import NNRender

enum ThresholdAction: SharedActions {
    case shared(SharedAction), next, previous
    /// `e`: an epoch on the other screens; here there is nothing to train.
    case epoch
}

/// A key the other explorers train with: shown in the help (and space in the bar, where play would be),
/// never enabled, so that pressing it says why.
private func untrained(_ keys: [Key], _ label: String, _ name: String, help: String, inBar: Bool = false,
                       _ action: @escaping @Sendable (Key) -> ThresholdAction) -> KeyBinding<ThresholdExplorer, ThresholdAction> {
    KeyBinding(keys, label, label: { _ in name }, help: help, enabled: { _ in false }, inBar: { _ in inBar }, action: action)
}

let thresholdKeyMap = KeyMap<ThresholdExplorer, ThresholdAction>(bindings: [
    untrained([.character(" ")], "space", "no training", help: "play: nothing to train, the weights are set by hand",
              inBar: true) { _ in .shared(.togglePlay) },
    KeyBinding([.character("n")], "n", "next point", help: "the next point, its h1, h2 and ŷ worked out",
               enabled: { $0.selected != nil }, .next),
    KeyBinding([.left, .right], "←→", label: { _ in "point" }, help: "the previous / next point",
               enabled: { $0.selected != nil }) { $0 == .left ? .previous : .next },
    untrained([.character("e")], "e", "epoch", help: "an epoch: nothing to train here") { _ in .epoch },
    untrained([.character("+"), .character("="), .character("-")], "+-", "speed", help: "speed: nothing plays here") { _ in .shared(.faster) },
    untrained([.character("d")], "d", "data", help: "other data: the network is wired for its scenario's points") { _ in .shared(.nextDataset) },
    untrained([.character("["), .character("]")], "[]", "η", help: "learning rate: none, nothing is trained") { _ in .shared(.lowerRate) },
    .reset(help: "back to the first point"),
    .reseed(help: "new seed: new points (generated data only)", enabled: { $0.generated }),
] + KeyBinding.screenKeys)

func updateThreshold(_ t: inout ThresholdExplorer, _ msg: Msg, layout: ThresholdLayout) -> ScreenOutcome {
    switch msg {
    case .mouse(let column, let row, .left):
        let map = layout.mapping(t)
        guard map.area.contains(column: column, row: row) else { return .none }
        let hit = t.dataset.samples.indices.last { i in
            map.cell(x: t.dataset.samples[i].x1, y: t.dataset.samples[i].x2).map { $0 == (column, row) } ?? false
        }
        if let hit { t.select(hit); t.note = nil } else { t.note = "click a point to work it out" }
        return .none
    case .key(let key):
        guard let binding = thresholdKeyMap.binding(for: key) else { return .none }
        let action = binding.action(key)
        guard binding.enabled(t) else {
            t.note = unavailableNote(action)
            return .none
        }
        t.note = nil
        switch action {
        case .shared(let shared): return t.perform(shared)
        case .next: t.select(by: 1)
        case .previous: t.select(by: -1)
        case .epoch: break
        }
        return .none
    default:
        return .none
    }
}

/// Why a key does nothing here, short enough for the plot's border at 80 columns.
private func unavailableNote(_ action: ThresholdAction) -> String {
    switch action {
    case .next, .previous: "no points to step through"
    case .shared(.nextDataset): "wired for this scenario's points"
    case .shared(.lowerRate), .shared(.raiseRate): "no η: the weights are hand-set"
    case .shared(.reseed): "the scenario's points: no seed"
    default: "no training: weights set by hand"
    }
}

func viewThreshold(_ t: ThresholdExplorer, _ context: ViewContext, into frame: inout Frame) {
    let g = context.glyphs
    let layout = ThresholdLayout(t, size: context.size, panelsHidden: context.panelsHidden)
    drawTitle(t, width: context.size.width, glyphs: g, into: &frame)
    drawInputPlane(t, layout: layout, glyphs: g, theme: context.theme, into: &frame)
    if layout.networkBox.width > 0 { drawNetworkPanel(t, layout: layout, context: context, into: &frame) }
    if let box = layout.hiddenBox { drawHiddenPlane(t, in: box, glyphs: g, theme: context.theme, into: &frame) }
    KeyHintBar(hints: thresholdKeyMap.barHints(t)).render(into: &frame, row: layout.hintRow, area: frame.bounds, glyphs: g)
}

/// The title on the left; on the right which point is worked out, and that nothing trains.
private func drawTitle(_ t: ThresholdExplorer, width: Int, glyphs g: Glyphs, into frame: inout Frame) {
    let at = t.selection.map { "point \($0.index + 1) of \(t.dataset.samples.count) \(g.middleDot) " } ?? ""
    let right = g.fold(Line([Span("   " + at), Span("no training ", Style(.paused))]))
    frame.put(Line(" nnx \(g.middleDot) " + t.scenario.title, Style(.title)).truncated(to: max(0, width - right.width), glyphs: g),
              column: 0, row: 0)
    frame.put(right, column: max(0, width - right.width), row: 0)
}

/// How the side where a unit (or the network) gives +1 is shaded: a background, or where the theme has no
/// background shades, a dot in every other cell.
private func shading(_ plot: inout ScatterPlot, theme: Theme, glyphs g: Glyphs) -> Style {
    guard theme.shadesWithBackground else {
        plot.shadeMark = g.unicode ? "·" : "."
        return Style(.positiveSide)
    }
    return Style(.plain, background: .positiveSide)
}

/// The points, each hidden unit's line `w·x = 0` labelled h1, h2, …, and the region where the network
/// outputs +1 shaded.
private func drawInputPlane(_ t: ThresholdExplorer, layout: ThresholdLayout, glyphs g: Glyphs, theme: Theme, into frame: inout Frame) {
    frame.drawBox(layout.plotBox, title: "x2", glyphs: g)
    var plot = layout.plot(t)
    let network = t.network
    plot.shadedRegion = .init(style: shading(&plot, theme: theme, glyphs: g)) { network.forward($0, $1).yhat > 0 }
    let lines = network.hidden.filter { $0[1] != 0 || $0[2] != 0 }
    plot.lines = lines.map { .init(w0: $0[0], w1: $0[1], w2: $0[2], style: Style(.hyperplane)) }
    plot.points = points(t.dataset.samples.map { ($0.x1, $0.x2, $0.label) }, selected: t.selected, glyphs: g)
    let area = layout.plotBox.inset(1)
    plot.render(into: &frame, area: area, glyphs: g)
    let map = plot.mapping(in: area)
    for (j, w) in network.hidden.enumerated() where w[1] != 0 || w[2] != 0 {
        label(line: { Perceptron.activation(w, $0, $1) }, "h\(j + 1)", map: map, shadeMark: plot.shadeMark, into: &frame)
    }
    frame.put(Line(" shaded: ŷ = +1 ", Style(.label)).truncated(to: layout.plotBox.width - 4, glyphs: g),
              column: layout.plotBox.x + 2, row: layout.plotBox.maxY - 1)
    if let note = t.note {
        frame.put(Line(" \(note) ", Style(.emphasis)).truncated(to: layout.plotBox.width - 8, glyphs: g),
                  column: layout.plotBox.x + 6, row: layout.plotBox.y)
    }
}

/// Points by class (● y = −1, ▲ y = +1), the selected one as ◆ drawn last.
private func points(_ xy: [(Double, Double, Int)], selected: Int?, glyphs g: Glyphs) -> [ScatterPlot.Point] {
    var shown = xy.enumerated().filter { $0.offset != selected }.map { _, p in
        ScatterPlot.Point(x: p.0, y: p.1, glyph: p.2 == 1 ? g.classB : g.classA, style: Style(p.2 == 1 ? .classB : .classA))
    }
    if let i = selected, xy.indices.contains(i) {
        let p = xy[i]
        shown.append(.init(x: p.0, y: p.1, glyph: g.visited,
                           style: Style(p.2 == 1 ? .classB : .classA, background: .visited, attributes: [.bold])))
    }
    return shown
}

/// Writes `name` beside the line where `net` changes sign: in the first row (from the top) where it
/// crosses, in the first free cells right of the crossing (else left of it) past the line's own dots, so
/// that each line says which unit drew it.
private func label(line net: (Double, Double) -> Double, _ name: String, map: PlotMapping, shadeMark: Character?, into frame: inout Frame) {
    let area = map.area
    func fits(_ start: Int, _ row: Int) -> Bool {
        start >= area.x && start + name.count <= area.maxX
            && (start..<(start + name.count)).allSatisfy { [" ", shadeMark].contains(frame[$0, row].character) }
    }
    let reach = 12
    for row in area.y..<area.maxY {
        for column in area.x..<(area.maxX - 1) {
            let a = map.point(column: column, row: row), b = map.point(column: column + 1, row: row)
            guard Perceptron.sign(net(a.x, a.y)) != Perceptron.sign(net(b.x, b.y)) else { continue }
            let starts = Array((column + 2)...(column + reach)) + (1...reach).map { column - name.count - $0 + 1 }
            guard let start = starts.first(where: { fits($0, row) }) else { break }
            for (k, ch) in name.enumerated() {
                let background = frame[start + k, row].style.background
                frame[start + k, row] = Cell(ch, style: Style(.label, background: background, attributes: [.bold]))
            }
            return
        }
    }
}

/// The network panel: the fitted groups, and when some gave way, the size that shows them all.
private func drawNetworkPanel(_ t: ThresholdExplorer, layout: ThresholdLayout, context: ViewContext, into frame: inout Frame) {
    let g = context.glyphs
    let box = layout.networkBox
    let inner = box.inset(1)
    let textArea = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    let panel = ThresholdPanel(explorer: t, glyphs: g, width: textArea.width)
    frame.drawBox(box, title: panel.title, glyphs: g)
    let lines = panel.lines(fitting: textArea.height)
    frame.put(lines: lines, in: textArea, glyphs: g)
    if lines.count < panel.lineCount {
        let all = sizeShowingAll(t, lines: panel.lineCount, context: context)
        frame.put(Line(" all of it from \(all) ", Style(.dim)).truncated(to: box.width - 4, glyphs: g), column: box.x + 2, row: box.maxY - 1)
    }
}

/// The smallest terminal of this width whose network panel holds `lines` lines (in a lesson, the whole
/// terminal's size: the narration keeps its rows).
func sizeShowingAll(_ t: ThresholdExplorer, lines: Int, context: ViewContext) -> Size {
    let terminal = context.screen ?? context.size
    var height = context.size.height
    while ThresholdLayout(t, size: Size(width: context.size.width, height: height), panelsHidden: context.panelsHidden)
        .networkBox.height - 2 < lines { height += 1 }
    return Size(width: terminal.width, height: terminal.height + height - context.size.height)
}

/// The hidden units' plane: where the hidden layer puts every point, and the output unit's line
/// `v0 + v1·h1 + v2·h2 = 0` with its +1 side shaded. XOR's two positive points land on one spot, and one
/// line separates the classes there.
private func drawHiddenPlane(_ t: ThresholdExplorer, in box: Rect, glyphs g: Glyphs, theme: Theme, into frame: inout Frame) {
    frame.drawBox(box, title: "h2 (hidden plane)", glyphs: g)
    var plot = ThresholdLayout.hiddenPlot()
    let v = t.network.output
    if v[1] != 0 || v[2] != 0 {
        plot.shadedSide = .init(w0: v[0], w1: v[1], w2: v[2], style: shading(&plot, theme: theme, glyphs: g))
        plot.lines = [.init(w0: v[0], w1: v[1], w2: v[2], style: Style(.hyperplane))]
    }
    let hidden = t.dataset.samples.map { s in (t.network.forward(s.x1, s.x2).hidden, s.label) }
    plot.points = points(hidden.map { ($0.0[0], $0.0[1], $0.1) }, selected: t.selected, glyphs: g)
    let area = box.inset(1)
    plot.render(into: &frame, area: area, glyphs: g)
    // The axis's own ticks are too sparse on a short plot: h2 = −1 and +1 are the values that matter.
    let map = plot.mapping(in: area)
    for h in [-1.0, 1.0] {
        guard let row = map.cell(x: -1.5, y: h)?.row else { continue }
        let tick = formatTick(h, glyphs: g)
        frame.put(String(g.teeRight), column: map.area.x - 1, row: row, style: Style(.axis))
        frame.put(tick, column: map.area.x - 1 - tick.count, row: row, style: Style(.label))
    }
    if v[1] != 0 || v[2] != 0 {
        let line = ThresholdPanel(explorer: t, glyphs: g, width: box.width).linearSum(bias: v[0], weights: [v[1], v[2]], operands: ["h1", "h2"])
        frame.put(Line(" ŷ's line: \(line) = 0 ", Style(.label)).truncated(to: box.width - 4, glyphs: g), column: box.x + 2, row: box.maxY - 1)
        label(line: { v[0] + v[1] * $0 + v[2] * $1 }, g.fold("ŷ"), map: map, shadeMark: plot.shadeMark, into: &frame)
    }
}
