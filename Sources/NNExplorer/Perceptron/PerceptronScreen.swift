import NNCore
import NNRender

enum PerceptronAction: SharedActions {
    case shared(SharedAction)
    case stepSample, stepEpoch, toggleGhost, toggleClass, toggleCursor, moveCursor(Key), placeAtCursor, leaveCursor
}

let perceptronKeyMap = KeyMap<PerceptronExplorer, PerceptronAction>(bindings: [
    .playPause(help: "play / pause"),
    .speed(help: "faster (+) / slower (-) play"),
    KeyBinding([.character("n")], "n", "sample", help: "visit one sample (one step of the rule)",
               enabled: { !$0.trainer.status.isFinished && $0.trainer.sampleCount > 0 }, .stepSample),
    KeyBinding([.character("e")], "e", "epoch", help: "run to the end of the epoch",
               enabled: { !$0.trainer.status.isFinished && $0.trainer.sampleCount > 0 }, .stepEpoch),
    .reset(help: "reset the weights to their initial values"),
    .reseed(help: "new seed: new random points, new shuffle order"),
    .nextDataset(help: "next dataset (AND, OR, XOR, blobs …)"),
    .learningRate(help: "lower [ / raise ] the learning rate η (from w = 0: only scales w)"),
    KeyBinding([.character("g")], "g", "ghost", help: "show / hide the previous line (ghost)", .toggleGhost),
    KeyBinding([.character("c")], "c", "class", help: "switch the class of added points", .toggleClass),
    KeyBinding([.character("a")], "a", label: { $0.cursor == nil ? "add" : "done" },
               help: "cursor mode: arrows move, Enter adds or removes a point", .toggleCursor),
    KeyBinding([.up, .down, .left, .right], "←↑↓→", label: { _ in "move" }, help: "move the cursor (cursor mode)",
               enabled: { $0.cursor != nil }, inBar: { $0.cursor != nil }) { .moveCursor($0) },
    KeyBinding([.enter], "Enter", "add/remove", help: "add a point at the cursor, or remove the one there",
               enabled: { $0.cursor != nil }, inBar: { $0.cursor != nil }, .placeAtCursor),
    KeyBinding([.escape], "Esc", "leave", help: "leave cursor mode", enabled: { $0.cursor != nil }, inBar: { $0.cursor != nil }, .leaveCursor),
] + KeyBinding.screenKeys)

func updatePerceptron(_ p: inout PerceptronExplorer, _ msg: Msg, layout: PerceptronLayout) -> ScreenOutcome {
    let map = layout.mapping(p)
    switch msg {
    case .mouse(let column, let row, .left):
        guard map.area.contains(column: column, row: row) else { return .none }
        let point = map.point(column: column, row: row)
        p.toggle(pointAt: point.x, point.y, cellOf: { map.cell(x: $0.x1, y: $0.x2) }, cell: (column, row))
        return .none
    case .mouse(_, _, .right):
        p.toggleClass()
        return .none
    case .key(let key):
        guard let binding = perceptronKeyMap.binding(for: key) else { return .none }
        guard binding.enabled(p) else {
            p.note = unavailableNote(binding.action(key), p)
            return .none
        }
        return perform(binding.action(key), on: &p, map: map)
    default:
        return .none
    }
}

/// Why a key that is in the map does nothing now.
private func unavailableNote(_ action: PerceptronAction, _ p: PerceptronExplorer) -> String {
    switch action {
    case .moveCursor, .placeAtCursor, .leaveCursor: return "press a for cursor mode first"
    default: break
    }
    if p.trainer.sampleCount == 0 { return "no points: click the plot to add some" }
    return "training finished: r to reset"
}

private func perform(_ action: PerceptronAction, on p: inout PerceptronExplorer, map: PlotMapping) -> ScreenOutcome {
    p.note = nil
    switch action {
    case .shared(let shared): return p.perform(shared)
    case .stepSample: p.stepSample()
    case .stepEpoch: p.stepEpoch()
    case .toggleGhost:
        p.showGhost.toggle()
        p.note = ghostNote(p)
    case .toggleClass: p.toggleClass()
    case .toggleCursor: p.cursor = p.cursor == nil ? (map.area.width / 2, map.area.height / 2) : nil
    case .leaveCursor: p.cursor = nil
    case .moveCursor(let key):
        guard var c = p.cursor else { break }
        switch key {
        case .left: c.column -= 1
        case .right: c.column += 1
        case .up: c.row -= 1
        case .down: c.row += 1
        default: break
        }
        p.cursor = (min(max(0, c.column), map.area.width - 1), min(max(0, c.row), map.area.height - 1))
    case .placeAtCursor:
        p.clampCursor(width: map.area.width, height: map.area.height)
        guard let c = p.cursor else { break }
        let cell = (map.area.x + c.column, map.area.y + c.row)
        let point = map.point(column: cell.0, row: cell.1)
        p.toggle(pointAt: point.x, point.y, cellOf: { map.cell(x: $0.x1, y: $0.x2) }, cell: cell)
    }
    return .none
}

/// `keyHints`: hints naming this screen's keys (off in a lesson, whose keys differ).
func viewPerceptron(_ p: PerceptronExplorer, size: Size, glyphs g: Glyphs, theme: Theme, panelsHidden: Bool = false, keyHints: Bool = true,
                    into frame: inout Frame) {
    let layout = PerceptronLayout(size: size, panelsHidden: panelsHidden)
    let trainer = p.trainer

    // Title line: what is shown on the left, where training stands on the right (it wins when space is short).
    drawTitleLine(p.title(model: "Perceptron", keyHints: keyHints, glyphs: g),
                  epoch: trainer.epoch, step: trainer.steps, playing: p.playing ? "\(p.stepsPerSecond)/s" : nil,
                  width: size.width, glyphs: g, into: &frame)

    // The plot: shaded positive side, ghost, current line, points, visited sample, cursor.
    frame.drawBox(layout.plotBox, title: "x2", glyphs: g)
    var plot = layout.plot(p)
    let w = trainer.weights
    if w[1] != 0 || w[2] != 0 {
        if theme.shadesWithBackground {
            plot.shadedSide = .init(w0: w[0], w1: w[1], w2: w[2], style: Style(.plain, background: .positiveSide))
        } else {
            plot.shadedSide = .init(w0: w[0], w1: w[1], w2: w[2], style: Style(.positiveSide))
            plot.shadeMark = g.unicode ? "·" : "."
        }
        if p.showGhost, let ghost = p.ghostWeights, ghost != w {
            plot.lines.append(.init(w0: ghost[0], w1: ghost[1], w2: ghost[2], style: Style(.ghost), asciiMark: "."))
        }
        plot.lines.append(.init(w0: w[0], w1: w[1], w2: w[2], style: Style(.hyperplane)))
    }
    let visited = p.pendingVisit?.index ?? trainer.lastUpdate?.index
    for (i, s) in p.dataset.samples.enumerated() where i != visited {
        plot.points.append(.init(x: s.x1, y: s.x2, glyph: s.label == 1 ? g.classB : g.classA,
                                 style: Style(s.label == 1 ? .classB : .classA)))
    }
    if let i = visited, i < p.dataset.samples.count {
        let s = p.dataset.samples[i]
        plot.points.append(.init(x: s.x1, y: s.x2, glyph: g.visited,
                                 style: Style(s.label == 1 ? .classB : .classA, background: .visited, attributes: [.bold])))
    }
    let map = plot.mapping(in: layout.plotBox.inset(1))
    if let c = p.cursor { plot.cursor = map.point(column: map.area.x + c.column, row: map.area.y + c.row) }
    plot.render(into: &frame, area: layout.plotBox.inset(1), glyphs: g)
    // The persistent remark on the bottom border, the last action's note on the top one.
    if let remark = lineRemark(w, p) {
        frame.put(Line(" \(remark) ", Style(.warning)).truncated(to: layout.plotBox.width - 4, glyphs: g),
                  column: layout.plotBox.x + 2, row: layout.plotBox.maxY - 1)
    }
    if let note = p.note {
        frame.put(Line(" \(note) ", Style(.emphasis)).truncated(to: layout.plotBox.width - 8, glyphs: g),
                  column: layout.plotBox.x + 6, row: layout.plotBox.y)
    }

    if layout.panelBox.width > 0 {
        drawPanel(p, in: layout.panelBox, glyphs: g, keyHints: keyHints, shadeMark: plot.shadedSide == nil ? nil : plot.shadeMark, into: &frame)
    }

    KeyHintBar(hints: perceptronKeyMap.barHints(p)).render(into: &frame, row: layout.hintRow, area: frame.bounds, glyphs: g)
}

/// What `g` did, since the ghost may not be on screen to show it.
private func ghostNote(_ p: PerceptronExplorer) -> String {
    guard p.showGhost else { return "ghost off: previous line hidden" }
    guard let ghost = p.ghostWeights, ghost != p.trainer.weights else {
        return "ghost on: shows after an update"
    }
    return "ghost on: previous line, faint"
}

/// Says so when the line `w·x = 0` does not cross the plot (a student would think it vanished), or when
/// there is no line at all.
private func lineRemark(_ w: [Double], _ p: PerceptronExplorer) -> String? {
    if w[1] == 0 && w[2] == 0 { return "no line yet: w1 = w2 = 0" }
    let corners = [(p.xRange.lowerBound, p.yRange.lowerBound), (p.xRange.lowerBound, p.yRange.upperBound),
                   (p.xRange.upperBound, p.yRange.lowerBound), (p.xRange.upperBound, p.yRange.upperBound)]
    let signs = Set(corners.map { Perceptron.sign(Perceptron.activation(w, $0.0, $0.1)) })
    guard signs.count == 1, let side = signs.first else { return nil }
    return "line off the plot: all on \(side > 0 ? "+" : "−") side"
}

/// The side panel: the update's numbers, then progress and status.
private func drawPanel(_ p: PerceptronExplorer, in box: Rect, glyphs g: Glyphs, keyHints: Bool, shadeMark: Character?, into frame: inout Frame) {
    let inner = box.inset(1)
    let textArea = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    let panel = PerceptronPanel(explorer: p, glyphs: g, width: textArea.width, keyHints: keyHints, shadeMark: shadeMark)
    frame.drawBox(box, title: panel.updateTitle, glyphs: g)
    // Where the panel is short, the lines that matter least give way (PanelGroup ranks), not the bottom ones.
    let (updateLines, progressLines) = PanelGroup.fit(panel.updateGroups, panel.progressGroups, rows: inner.height)
    frame.put(lines: updateLines, in: textArea, glyphs: g)
    let dividerRow = inner.y + updateLines.count
    if dividerRow < inner.maxY - 1 {
        frame.drawDivider(box, row: dividerRow, title: "progress", glyphs: g)
        let area = Rect(x: textArea.x, y: dividerRow + 1, width: textArea.width, height: inner.maxY - dividerRow - 1)
        frame.put(lines: progressLines, in: area, glyphs: g)
    }
}
