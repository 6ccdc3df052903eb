import NNCore
import NNRender

enum MLPAction: SharedActions { case shared(SharedAction), stepPhase, stepUpdate, stepEpoch
    case toggleMomentum, toggleMomentumRuns, nextWeightDecay, nextDropout, nextMaxNorm, toggleLog, toggleDiscretize
    case fewerUnits, moreUnits, fewerLayers, moreLayers, nextActivation, nextUnit, toggleClass, toggleRestarts, adoptBest
    case fewerPoints, morePoints, lessNoise, moreNoise, lessValidation, moreValidation, toggleUnits, surface(SurfaceAction)
    case nextFeature, toggleFeature, nextBatchSize, nextMomentum, keepReference, clearReferences
    case toggleNumbers, scrollPage(down: Bool), moveWeight(rows: Int, columns: Int), stepWeight(up: Bool), typeWeight(Character), finishWeight(Key) }

let mlpKeyMap = KeyMap<MLPExplorer, MLPAction>(bindings: [
    .playPause(help: "play / pause (whole epochs)"),
    KeyBinding([.character("+"), .character("-")], "+-", label: { _ in "w ±" },
               help: "numbers view: the picked weight up (+) / down (-) by 0.1 (elsewhere + and - set the speed)",
               enabled: { $0.numbersScroll != nil }, inBar: { $0.numbersScroll != nil }) { .stepWeight(up: $0 == .character("+")) },
    KeyBinding("0123456789.".map { Key.character($0) }, "0-9.", label: { _ in "type w" },
               help: "numbers view: type a number for the picked weight (- flips its sign; Enter sets it, Esc drops it)",
               enabled: { $0.numbersScroll != nil }, inBar: { _ in false }) { key in
        if case .character(let c) = key { return .typeWeight(c) }
        return .typeWeight("0")
    },
    KeyBinding([.enter, .escape, .backspace], "Enter", label: { _ in "set w" }, help: "numbers view, typing: set the weight (Esc drops it, Bksp a digit)",
               enabled: { $0.weightInput != nil }, inBar: { $0.weightInput != nil }) { .finishWeight($0) },
    .speed(help: "more (+) / fewer (-) epochs a second while playing", inBar: { $0.numbersScroll == nil }),
    KeyBinding([.character("p")], "p", "phase", help: "one phase of the next update: forward layer by layer, δ, Δw",
               enabled: { !$0.trainer.status.isFinished && !$0.trainer.trainingSet.isEmpty }, .stepPhase),
    KeyBinding([.character("n")], "n", label: { $0.trainer.settings.batchSize == 1 ? "sample" : "batch" },
               help: "one update: one sample (per-sample SGD) or one mini-batch",
               enabled: { !$0.trainer.status.isFinished && !$0.trainer.trainingSet.isEmpty }) { _ in .stepUpdate },
    KeyBinding([.character("e")], "e", "epoch", help: "run to the end of the epoch",
               enabled: { !$0.trainer.status.isFinished && !$0.trainer.trainingSet.isEmpty }, .stepEpoch),
] + surfaceKeyBindings + [
    .reset(help: "start again from the first weights"),
    .reseed(help: "new seed: new first weights (and new points for generated data)"),
    .nextDataset(help: "next dataset (XOR, circles, moons, spirals, blobs)"),
    .learningRate(help: "lower ([) / raise (]) the learning rate η"),
    KeyBinding([.character("m")], "m", label: { $0.trainer.settings.momentum > 0 ? "α=\(formatNumber($0.trainer.settings.momentum))" : "α off" },
               help: "momentum on / off", inBar: { _ in false }, .toggleMomentum),
    KeyBinding([.character("A")], "A", label: { $0.trainer.settings.momentum > 0 ? "α=\(formatNumber($0.trainer.settings.momentum))" : "α off" },
               help: "momentum α: 0, 0.5, 0.9, 0.99, 0 again (from the next update)", .nextMomentum),
    KeyBinding([.character("B")], "B", label: { "batch \($0.batchSizeName)" },
               help: "batch size: 1, 4, 16, 32, all the training points, 1 again (from the next update)", .nextBatchSize),
    KeyBinding([.character("M")], "M", label: { $0.momentumRuns == nil ? "α vs none" : "close" },
               help: "momentum side by side: this run's first weights trained without and with momentum (again: close)",
               inBar: { _ in false }, .toggleMomentumRuns),
    KeyBinding([.character("w")], "w", label: { $0.trainer.settings.weightDecay > 0 ? "λ=\(formatNumber($0.trainer.settings.weightDecay, digits: 4))" : "λ off" },
               help: "weight decay (L2) λ: off, 0.0001, 0.001, 0.01, off again", .nextWeightDecay),
    KeyBinding([.character("D")], "D", label: { $0.trainer.settings.dropout > 0 ? "dropout \(formatNumber($0.trainer.settings.dropout))" : "dropout off" },
               help: "dropout p: off, 0.1, 0.3, 0.5, off again (hidden units dropped at random while training; training starts again)", .nextDropout),
    KeyBinding([.character("N")], "N", label: { m in m.trainer.settings.maxNorm.map { "max-norm \(formatNumber($0))" } ?? "max-norm off" },
               help: "max-norm c: off, 1, 2, 3, 4, off again (each unit's incoming weights clipped to length c; training starts again)", .nextMaxNorm),
    KeyBinding([.character("l")], "l", label: { $0.logScale ? "log" : "lin" }, help: "loss curve: log / linear scale", .toggleLog),
    KeyBinding([.character("z")], "z", label: { $0.discretize ? "classes" : "shades" },
               help: "regions: confidence shades / flat class colours", .toggleDiscretize),
    KeyBinding([.character("j"), .character("J")], "jJ", label: { _ in "units" },
               help: "fewer (j) / more (J) units in every hidden layer (new weights)") { $0 == .character("j") ? .fewerUnits : .moreUnits },
    KeyBinding([.character("k"), .character("K")], "kK", label: { _ in "layers" },
               help: "one hidden layer less (k) / more (K) (new weights)") { $0 == .character("k") ? .fewerLayers : .moreLayers },
    KeyBinding([.character("a")], "a", label: { $0.trainer.settings.activation.rawValue },
               help: "next hidden activation: sigmoid, tanh, relu, linear (new weights)", .nextActivation),
    KeyBinding([.character("u")], "u", label: { m in m.selectedUnit.map { m.unitName(layer: $0.layer, unit: $0.unit) } ?? "unit" },
               help: "show one hidden unit's own output over the plane (again: the next one, then the network)", .nextUnit),
    KeyBinding([.character("U")], "U", label: { $0.showUnits ? "regions" : "all units" },
               help: "every hidden unit's output side by side (again: back to the regions)", .toggleUnits),
    KeyBinding([.character("c")], "c", "class", help: "switch the class of points added by a click", .toggleClass),
    KeyBinding([.character("t"), .character("T")], "tT", label: { _ in "points" },
               help: "half (t) / twice (T) as many generated points", enabled: { $0.generator != nil }) { $0 == .character("t") ? .fewerPoints : .morePoints },
    KeyBinding([.character("o"), .character("O")], "oO", label: { _ in "noise" },
               help: "less (o) / more (O) noise on generated points", enabled: { $0.generator != nil }) { $0 == .character("o") ? .lessNoise : .moreNoise },
    KeyBinding([.character("v"), .character("V")], "vV", label: { _ in "validation" },
               help: "hold out less (v) / more (V) of the points for validation") { $0 == .character("v") ? .lessValidation : .moreValidation },
    KeyBinding([.character("x")], "x", label: { $0.restarts == nil ? "restarts" : "close" },
               help: "restarts: train K runs from different seeds and compare them (again: close)", .toggleRestarts),
    KeyBinding([.enter], "Enter", "keep best", help: "restarts view: continue with the best run",
               enabled: { $0.restarts != nil }, inBar: { $0.restarts != nil }, .adoptBest),
    KeyBinding([.character("f"), .character("F")], "fF", label: { m in m.featureCursor.name + (m.trainer.settings.features.contains(m.featureCursor) ? " on" : " off") },
               help: "input features: f picks one of x1, x2, x1², x2², x1·x2, sin x1, sin x2; F turns it on / off (new weights)") {
        $0 == .character("f") ? .nextFeature : .toggleFeature
    },
    KeyBinding([.character("R"), .character("X")], "RX", label: { $0.references.isEmpty ? "keep run" : "refs \($0.references.count)" },
               help: "R keeps this run as a reference: its loss curve drawn dim beside this one's, its numbers listed (up to 3, the oldest dropped; reset keeps them); X clears them") {
        $0 == .character("R") ? .keepReference : .clearReferences
    },
    KeyBinding([.character("W")], "W", label: { $0.numbersScroll == nil ? "numbers" : "close" },
               help: "the numbers: loss, accuracy and every weight at this epoch in a table (again: close)", .toggleNumbers),
    KeyBinding([.up, .down, .left, .right, .pageUp, .pageDown], "←↑↓→", label: { _ in "pick w" },
               help: "numbers view: pick a weight (↑↓ the unit it comes from, across layers; ←→ the unit it goes to); PgUp / PgDn scroll",
               enabled: { $0.numbersScroll != nil }, inBar: { $0.numbersScroll != nil }) {
        switch $0 {
        case .up: .moveWeight(rows: -1, columns: 0)
        case .down: .moveWeight(rows: 1, columns: 0)
        case .left: .moveWeight(rows: 0, columns: -1)
        case .right: .moveWeight(rows: 0, columns: 1)
        default: .scrollPage(down: $0 == .pageDown)
        }
    },
] + KeyBinding.screenKeys)

func updateMLP(_ p: inout MLPExplorer, _ msg: Msg, layout: MLPLayout) -> ScreenOutcome {
    if case .mouse(let column, let row, let button) = msg {
        if p.numbersScroll != nil {
            // The table covers the regions: a click picks a unit in the diagram instead of adding a point.
            if layout.networkBox.height > 0 { p.pickUnit(near: (column, row), in: networkDiagram(p, area: layout.networkBox.inset(1), glyphs: .unicode),
                                                         area: layout.networkBox.inset(1)) }
            return .none
        }
        let map = ScatterPlot(xRange: p.xRange, yRange: p.yRange).mapping(in: layout.plotBox.inset(1))
        guard map.area.contains(column: column, row: row) else { return .none }
        // A click adds a point of a class; a regression point needs a target, which a click cannot give.
        if p.trainer.network.isRegression {
            p.note = "regression points carry targets: clicks add none"
            return .none
        }
        if button == .right { p.toggleClass(); return .none }
        let point = map.point(column: column, row: row)
        p.toggle(pointAt: point.x, point.y, cellOf: { map.cell(x: $0.x1, y: $0.x2) }, cell: (column, row))
        return .none
    }
    guard case .key(let key) = msg, let binding = mlpKeyMap.binding(for: key, in: p) else { return .none }
    guard binding.enabled(p) else {
        p.note = switch binding.action(key) {
        case .fewerPoints, .morePoints, .lessNoise, .moreNoise: "these points are fixed (inline or CSV)"
        case .adoptBest: "press x for the restarts first"
        case .surface: "press E for the error surface first"
        case .scrollPage, .moveWeight, .stepWeight, .typeWeight: "press W for the numbers first"
        case .finishWeight(let key): key == .enter ? "press x for the restarts first" : "no number being typed"
        default: p.trainer.trainingSet.isEmpty ? "no training points" : "training finished: r to reset"
        }
        return .none
    }
    p.note = nil
    let action = binding.action(key)
    switch action {
    case .stepPhase, .shared(.help), .toggleLog, .toggleDiscretize, .nextUnit, .toggleClass, .toggleRestarts, .toggleMomentumRuns, .adoptBest,
         .toggleUnits, .surface, .nextFeature, .keepReference, .clearReferences, .toggleNumbers, .scrollPage, .moveWeight, .typeWeight, .finishWeight: break
    default: p.cancelPhases()
    }
    switch action {
    case .shared(let shared): return p.perform(shared)
    case .stepPhase: p.stepPhase()
    case .stepUpdate: p.stepUpdate()
    case .stepEpoch: p.stepEpoch()
    case .toggleMomentum: p.toggleMomentum()
    case .toggleMomentumRuns: p.toggleMomentumRuns()
    case .nextWeightDecay: p.nextWeightDecay()
    case .nextDropout: p.nextDropout()
    case .nextMaxNorm: p.nextMaxNorm()
    case .toggleLog: p.logScale.toggle()
    case .toggleDiscretize:
        p.discretize.toggle()
        p.note = p.discretize ? "regions: flat class colours" : "regions: shaded by confidence"
    case .fewerUnits: p.changeArchitecture(units: -1)
    case .moreUnits: p.changeArchitecture(units: 1)
    case .fewerLayers: p.changeArchitecture(layers: -1)
    case .moreLayers: p.changeArchitecture(layers: 1)
    case .nextActivation: p.nextActivation()
    case .nextUnit: p.selectNextUnit()
    case .toggleClass: p.toggleClass()
    case .toggleRestarts: p.toggleRestarts()
    case .adoptBest: p.adoptBestRestart()
    case .fewerPoints: p.changeCount(up: false)
    case .morePoints: p.changeCount(up: true)
    case .lessNoise: p.changeNoise(up: false)
    case .moreNoise: p.changeNoise(up: true)
    case .toggleUnits: p.toggleUnitsView()
    case .nextFeature: p.nextFeature()
    case .toggleFeature: p.toggleFeature()
    case .nextBatchSize: p.nextBatchSize()
    case .nextMomentum: p.nextMomentum()
    case .keepReference: p.keepReference()
    case .clearReferences: p.clearReferences()
    case .toggleNumbers: p.toggleNumbers()
    case .scrollPage(let down):
        let text = layout.plotBox.inset(1)
        p.scrollNumbers(by: (down ? 1 : -1) * max(1, text.height - 1), visible: text.height, width: text.width - 1)
    case .moveWeight(let rows, let columns):
        let text = layout.plotBox.inset(1)
        p.moveWeightSelection(rows: rows, columns: columns, visible: text.height, width: text.width - 1)
    case .stepWeight(let up): p.stepSelectedWeight(up: up)
    case .typeWeight(let c): p.typeWeight(c)
    case .finishWeight(let key): p.finishWeightInput(key)
    case .lessValidation: p.changeValidation(up: false)
    case .moreValidation: p.changeValidation(up: true)
    case .surface(let action): p.perform(action)
    }
    return .none
}

/// Where the MLP screen's parts go: the regions on the left; loss, network and the update's numbers on the right.
struct MLPLayout {
    static let minimum = Size(width: 70, height: 22)
    let titleRow = 0
    let hintRow: Int
    let plotBox: Rect, lossBox: Rect, networkBox: Rect, ledgerBox: Rect
    /// The boxes that gave their rows to the ledger (`ledgerRows`), and how many more rows would show them.
    private(set) var givenWay: (boxes: [String], rowsMissing: Int)?

    /// `panelsHidden`: the regions take the whole width (the right-hand boxes are empty rectangles).
    /// `ledgerRows`: the lines the ledger must show (mid-update, the phase's numbers): when its box is too
    /// short for them the loss curve, then the network give way.
    init(size: Size, panelsHidden: Bool = false, ledgerRows: Int = 0) {
        hintRow = size.height - 1
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let panelWidth = panelsHidden ? 0 : min(60, max(38, size.width * 9 / 20))
        let (left, right) = body.splitLeft(size.width - panelWidth)
        plotBox = left
        var lossHeight = max(6, right.height / 5)
        var networkHeight = max(5, right.height / 4)
        var boxes: [String] = []
        if ledgerRows > right.height - lossHeight - networkHeight - 2, !panelsHidden {
            lossHeight = 0; boxes.append("loss curve")
            if ledgerRows > right.height - networkHeight - 2 { networkHeight = 0; boxes.append("network") }
        }
        lossBox = Rect(x: right.x, y: right.y, width: right.width, height: lossHeight)
        networkBox = Rect(x: right.x, y: right.y + lossHeight, width: right.width, height: networkHeight)
        ledgerBox = Rect(x: right.x, y: right.y + lossHeight + networkHeight, width: right.width,
                         height: right.height - lossHeight - networkHeight)
        if !boxes.isEmpty {
            // The height at which the ledger fits beside both boxes.
            var height = size.height + 1
            while height < size.height + 200, Self(size: Size(width: size.width, height: height)).ledgerBox.height - 2 < ledgerRows { height += 1 }
            givenWay = (boxes, height - size.height)
        }
    }

    /// The layout for `p` as `viewMLP` draws it: mid-update the ledger's phase lines claim their rows, and
    /// all its lines when a lesson is about the ledger (`ledgerFocused`).
    init(_ p: MLPExplorer, size: Size, panelsHidden: Bool = false, glyphs: Glyphs, ledgerFocused: Bool = false) {
        self.init(size: size, panelsHidden: panelsHidden)
        let phased = p.pending != nil || p.showingUpdatePhase
        guard phased || ledgerFocused, !panelsHidden else { return }
        let ledger = MLPLedger(explorer: p, glyphs: glyphs, width: ledgerBox.width - 3, keyHints: !ledgerFocused)
        // Mid-update one more row than the phase's lines: for the progress, or the line saying how much more there is.
        let rows = phased ? ledger.mostPhaseLines + 1 : ledger.progressLines.count + ledger.updateLines.count
        self.init(size: size, panelsHidden: panelsHidden, ledgerRows: rows)
    }
}

/// `keyHints`: hints naming this screen's keys (off in a lesson, whose keys differ).
/// `ledgerFocused`: a lesson is about the update panel, which then may take the other panels' rows.
func viewMLP(_ p: MLPExplorer, size: Size, glyphs g: Glyphs, theme: Theme, panelsHidden: Bool = false, keyHints: Bool = true,
             ledgerFocused: Bool = false, into frame: inout Frame) {
    let layout = MLPLayout(p, size: size, panelsHidden: panelsHidden, glyphs: g, ledgerFocused: ledgerFocused)
    let t = p.trainer
    drawTitleLine(p.title(model: "MLP", keyHints: keyHints, glyphs: g),
                  epoch: t.epoch, step: t.steps, playing: p.playing ? "\(p.effectiveEpochsPerSecond) epochs/s" : nil,
                  width: size.width, glyphs: g, into: &frame)

    // Regions with the points on top (validation points hollow).
    let regression = t.network.isRegression
    let regionsTitle = p.selectedUnit.map { "output of hidden unit \(p.unitName(layer: $0.layer, unit: $0.unit))" }
        ?? (regression ? g.fold("predicted value ŷ") : "decision regions")
    frame.drawBox(layout.plotBox, title: "x2 \(g.middleDot) " + regionsTitle, glyphs: g)
    var plot = ScatterPlot(xRange: p.xRange, yRange: p.yRange)
    let map = plot.mapping(in: layout.plotBox.inset(1))
    if map.area.width > 0, map.area.height > 0 {
        plot.regionPixels = p.regionPixels(map)
        plot.regionsAsGlyphs = !theme.shadesWithBackground
    }
    // The trainer already splits the points: training ones filled, held-out ones hollow.
    for (held, samples) in [(false, t.trainingSet), (true, t.validationSet)] {
        for s in samples {
            if regression {
                plot.points.append(MLPExplorer.targetPoint(s, scale: p.valueScale, hollow: held, g))
                continue
            }
            plot.points.append(.init(x: s.x1, y: s.x2, glyph: classGlyph(s.label, hollow: held, g),
                                     style: Style(ColorRole.forClass(s.label), attributes: [.bold])))
        }
    }
    plot.render(into: &frame, area: layout.plotBox.inset(1), glyphs: g)
    if let scroll = p.numbersScroll {
        drawNumbers(p, scroll: scroll, in: layout.plotBox, glyphs: g, keyHints: keyHints, into: &frame)
    } else if let restarts = p.restarts {
        drawRestarts(restarts, p, in: layout.plotBox, glyphs: g, keyHints: keyHints, theme: theme, into: &frame)
    } else if let runs = p.momentumRuns {
        drawMomentumRuns(runs, p, in: layout.plotBox, glyphs: g, theme: theme, into: &frame)
    } else if let surface = p.surface {
        drawSurface(p, surface, in: layout.plotBox, glyphs: g, theme: theme, into: &frame)
    } else if p.showUnits, p.trainer.network.sizes.count > 2 {
        drawHiddenUnits(p, in: layout.plotBox, glyphs: g, theme: theme, into: &frame)
    }
    if let note = p.note {
        frame.put(Line(" \(note) ", Style(.emphasis)).truncated(to: layout.plotBox.width - 4, glyphs: g),
                  column: layout.plotBox.x + 2, row: layout.plotBox.maxY - 1)
    } else if p.restarts == nil, p.momentumRuns == nil, p.surface == nil, p.numbersScroll == nil, regression {
        if let legend = p.valueLegend(width: layout.plotBox.width - 4, glyphs: g, shades: theme.shadesWithBackground) {
            frame.put(legend, column: layout.plotBox.x + 2, row: layout.plotBox.maxY - 1)
        }
    } else if p.restarts == nil, p.momentumRuns == nil, p.surface == nil, p.numbersScroll == nil {
        // The legend, on the bottom border: each class's shape (and, without background shades, its region's
        // texture beside it), and what hollow means; "class" left out when the words do not fit.
        for words in [true, false] {
            var legend = Line([Span(" ")])
            for label in Set((t.trainingSet + t.validationSet).map(\.label)).sorted() {
                legend.spans.append(Span(String(classGlyph(label, hollow: false, g)), Style(ColorRole.forClass(label), attributes: [.bold])))
                if !theme.shadesWithBackground {
                    legend.spans.append(Span(" " + String(RegionMap.texture(class: label, glyphs: g)), Style(ColorRole.region(class: label, level: 2))))
                }
                legend.spans.append(Span(words ? " class \(label)  " : " \(label)  ", Style(.dim)))
            }
            if !t.validationSet.isEmpty { legend.spans.append(Span("hollow: held out ", Style(.dim))) }
            if legend.width <= layout.plotBox.width - 4 {
                frame.put(legend, column: layout.plotBox.x + 2, row: layout.plotBox.maxY - 1)
                break
            }
        }
    }

    if layout.lossBox.width > 0 { drawPanels(p, layout, glyphs: g, theme: theme, keyHints: keyHints, into: &frame) }

    KeyHintBar(hints: mlpKeyMap.barHints(p)).render(into: &frame, row: layout.hintRow, area: frame.bounds, glyphs: g)
}

/// Training points filled, validation points hollow; classes by shape as well as colour.
func classGlyph(_ label: Int, hollow: Bool, _ g: Glyphs) -> Character {
    let shapes: [Character] = switch (g.unicode, hollow) {
    case (true, false): ["●", "▲", "■", "◆"]
    case (true, true): ["○", "△", "□", "◇"]
    case (false, false): ["O", "X", "#", "@"]
    case (false, true): ["o", "x", "+", "a"]
    }
    return shapes[min(3, max(0, label))]
}

/// One small map of a grid view: its title, whether it is the highlighted one, and the network and unit it shows.
struct Thumbnail {
    /// Its title, or the first of several (longest first) that fits the map's border.
    var titles: [String]
    var highlighted: Bool
    var network: MLP
    var unit: (layer: Int, unit: Int)?
}

/// A grid of small region maps over the regions box (restarts, hidden units), with the points on each.
private func drawThumbnails(_ items: [Thumbnail], title: String, _ p: MLPExplorer, in box: Rect, glyphs g: Glyphs,
                            theme: Theme, into frame: inout Frame) {
    frame.fill(box)
    frame.drawBox(box, title: title, glyphs: g)
    let inner = box.inset(1)
    let columns = max(1, Int(Double(items.count).squareRoot().rounded(.up)))
    let rows = max(1, (items.count + columns - 1) / columns)
    let width = inner.width / columns, height = inner.height / rows
    for (i, item) in items.enumerated() {
        let cell = Rect(x: inner.x + (i % columns) * width, y: inner.y + (i / columns) * height, width: width, height: height)
        let title = item.titles.first { $0.count <= cell.width - 5 } ?? item.titles.last ?? ""   // between "┌ " and " ─┐"
        frame.drawBox(cell, title: title, glyphs: g, style: Style(item.highlighted ? .good : .border),
                      titleStyle: Style(item.highlighted ? .good : .panelTitle))
        let area = cell.inset(1)
        guard area.width > 1, area.height > 1 else { continue }
        let map = PlotMapping(area: area, xRange: p.xRange, yRange: p.yRange)
        RegionMap(pixels: MLPExplorer.regionPixels(of: item.network, map, unit: item.unit, discretize: p.discretize,
                                                          valueScale: p.valueScale),
                  asGlyphs: !theme.shadesWithBackground).render(into: &frame, area: area, glyphs: g)
        for s in p.dataset.samples {
            guard let c = map.cell(x: s.x1, y: s.x2) else { continue }
            // On the halo, like the main plot's points: visible on a region of their own colour.
            if p.trainer.network.isRegression {
                let point = MLPExplorer.targetPoint(s, scale: p.valueScale, hollow: false, g)
                frame[c.column, c.row] = Cell(point.glyph, style: Style(point.style.foreground, background: .pointHalo,
                                                                        attributes: point.style.attributes))
                continue
            }
            frame[c.column, c.row] = Cell(classGlyph(s.label, hollow: false, g),
                                          style: Style(ColorRole.forClass(s.label), background: .pointHalo, attributes: [.bold]))
        }
    }
}

/// The restarts view: one map per run with its seed and final loss; the best starred.
private func drawRestarts(_ restarts: (runs: [MLPTrainer], best: Int), _ p: MLPExplorer, in box: Rect, glyphs g: Glyphs, keyHints: Bool,
                          theme: Theme, into frame: inout Frame) {
    // Three significant digits, so that runs whose E all round to 0.001 still show which is lowest; shorter
    // titles for narrow maps (at 80 columns a map is 13 wide).
    let items = restarts.runs.enumerated().map { i, run in
        let star = i == restarts.best ? (g.unicode ? "★" : "*") : "", e = formatSignificant(MLPRestarts.finalLoss(run), glyphs: g)
        return Thumbnail(titles: ["\(star)s\(run.seed) E=\(e)", "\(star)s\(run.seed) \(e)", "\(star)\(e)"], highlighted: i == restarts.best,
                         network: run.network, unit: nil)
    }
    drawThumbnails(items, title: "restarts: seed s, final E; " + (g.unicode ? "★" : "*") + " best" + (keyHints ? " (Enter keeps it)" : ""),
                   p, in: box, glyphs: g, theme: theme, into: &frame)
}

/// The momentum view: the same first weights without and with momentum (α = 0 and α), each run's final E.
private func drawMomentumRuns(_ runs: [MLPTrainer], _ p: MLPExplorer, in box: Rect, glyphs g: Glyphs, theme: Theme,
                              into frame: inout Frame) {
    let lowest = runs.indices.min { MLPRestarts.finalLoss(runs[$0]) < MLPRestarts.finalLoss(runs[$1]) }
    let items = runs.enumerated().map { i, run in
        return Thumbnail(titles: [g.fold("α=\(formatNumber(run.settings.momentum)) E=\(formatTick(MLPRestarts.finalLoss(run), glyphs: g))")],
                         highlighted: i == lowest,
                         network: run.network, unit: nil)
    }
    let epochs = runs.first.map { "\($0.epoch) epochs each" } ?? ""
    drawThumbnails(items, title: "momentum: same first weights, \(epochs)", p, in: box, glyphs: g, theme: theme, into: &frame)
}

/// The hidden units view: what each hidden unit computes over the plane (at most 16).
private func drawHiddenUnits(_ p: MLPExplorer, in box: Rect, glyphs g: Glyphs, theme: Theme, into frame: inout Frame) {
    let net = p.trainer.network
    let units = (1..<(net.sizes.count - 1)).flatMap { l in (0..<net.sizes[l]).map { (layer: l, unit: $0) } }.prefix(16)
    let items = units.map { Thumbnail(titles: [p.unitName(layer: $0.layer, unit: $0.unit)], highlighted: false, network: net, unit: $0) }
    drawThumbnails(Array(items), title: "hidden units: each one's output over the plane" + (units.count == 16 ? " (first 16)" : ""),
                   p, in: box, glyphs: g, theme: theme, into: &frame)
}

/// The right-hand boxes: the loss curves, the network, the update's numbers.
private func drawPanels(_ p: MLPExplorer, _ layout: MLPLayout, glyphs g: Glyphs, theme: Theme, keyHints: Bool, into frame: inout Frame) {
    let t = p.trainer
    // The loss curves and the network, unless the update's numbers need their rows.
    if layout.lossBox.height > 0 { drawLossCurves(p, layout.lossBox, glyphs: g, into: &frame) }
    if layout.networkBox.height > 0 {
        let diagramArea = layout.networkBox.inset(1)
        var diagram = networkDiagram(p, area: diagramArea, glyphs: g)
        frame.drawBox(layout.networkBox, title: "network " + t.network.sizes.map(String.init).joined(separator: "-")
                      + " \(g.middleDot) \(t.settings.activation.rawValue)"
                      + (diagram.showsBiases(in: layout.networkBox.inset(1)) ? " \(g.middleDot) biases shown" : ""), glyphs: g)
        diagram.selected = p.selectedUnit
        diagram.dropped = p.droppedUnits
        diagram.activeLayer = p.currentPhase.flatMap { phase in
            switch phase {
            case .forward(let layer), .hiddenDeltas(let layer): layer
            case .outputDeltas: t.network.sizes.count - 1
            case .update: nil
            }
        }
        diagram.render(into: &frame, area: diagramArea, glyphs: g)
        for (i, feature) in t.network.features.enumerated() {
            guard let area = diagram.inputPictureArea(unit: i, in: diagramArea) else { continue }
            RegionMap(pixels: p.inputPicture(feature, width: area.width, pixelRows: 2 * area.height), asGlyphs: !theme.shadesWithBackground)
                .render(into: &frame, area: area, glyphs: g)
        }
        // The weights' colours, on the bottom border: blue and orange mean signs here, classes on the plot.
        let mark = g.unicode ? "━━" : "--"
        let signs = Line([Span(" "), Span(mark, Style(.positiveWeight, attributes: [.bold])), Span(" w > 0  ", Style(.dim)),
                          Span(mark, Style(.negativeWeight, attributes: [.bold])), Span(" w < 0 ", Style(.dim))])
        let legend = [Line(signs.spans + droppedLegend(diagram.dropped, glyphs: g)), signs].first { $0.width <= layout.networkBox.width - 4 }
        if let legend {
            frame.put(g.fold(legend), column: layout.networkBox.x + 2, row: layout.networkBox.maxY - 1)
        }
    }
    // The update's numbers and the progress; what gave way for them, and how many rows bring it back.
    var title = "update"
    if let gone = layout.givenWay {
        let names = gone.boxes.joined(separator: ", "), dot = g.middleDot
        let rows = gone.rowsMissing == 1 ? "1 row" : "\(gone.rowsMissing) rows"
        title = ["update \(dot) \(names) hidden: \(rows) more show it", "update \(dot) \(names) hidden (+\(rows))",
                 "update \(dot) \(gone.boxes.count == 1 ? "curve" : "curve, net") hidden (+\(rows))", "update \(dot) +\(rows) show all"]
            .first { $0.count <= layout.ledgerBox.width - 4 } ?? "update"
    }
    frame.drawBox(layout.ledgerBox, title: title, glyphs: g)
    let inner = layout.ledgerBox.inset(1)
    let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    let ledger = MLPLedger(explorer: p, glyphs: g, width: text.width, keyHints: keyHints)
    // Mid-update (phase by phase) the phase's numbers come first: on a small screen they are what must show.
    let phased = p.pending != nil || p.showingUpdatePhase
    let references = p.referenceLines(glyphs: g, width: text.width)
    let lines = phased ? ledger.updateLines + ledger.progressLines + references : ledger.progressLines + references + ledger.updateLines
    frame.put(lines: fitting(lines, rows: text.height, glyphs: g), in: text, glyphs: g)
}

/// The network diagram as the MLP screen draws it in `area` (before the unit and dropout marks).
func networkDiagram(_ p: MLPExplorer, area: Rect, glyphs g: Glyphs) -> NetworkDiagram {
    var diagram = NetworkDiagram(sizes: p.trainer.network.sizes, weights: p.trainer.network.weights)
    diagram.inputLabels = p.trainer.network.features.map { g.fold($0.name) }
    if diagram.fitsInputPictures(width: MLPExplorer.inputPictureWidth, in: area) { diagram.inputPictureWidth = MLPExplorer.inputPictureWidth }
    return diagram
}

/// `lines`, or as many as fit in `rows` with the last row saying how many more there are (never a silent cut).
func fitting(_ lines: [Line], rows: Int, glyphs g: Glyphs) -> [Line] {
    guard lines.count > rows, rows > 0 else { return lines }
    let more = lines.count - rows + 1
    return Array(lines.prefix(rows - 1)) + [Line(g.fold("… \(more) more line\(more == 1 ? "" : "s") (taller window)"), Style(.dim))]
}

/// The loss curves per epoch (per point, beside the validation curve, when some points are held out).
private func drawLossCurves(_ p: MLPExplorer, _ box: Rect, glyphs g: Glyphs, into frame: inout Frame) {
    let t = p.trainer
    let lossName = t.settings.loss == .squaredError ? "E" : "loss"
    // With references every curve is per point, so that runs on different numbers of points compare.
    let perPointCurves = !t.validationSet.isEmpty || !p.references.isEmpty
    if t.validationSet.isEmpty {
        let references = p.references.isEmpty ? "" : " \(g.middleDot) dim: R1" + (p.references.count > 1 ? "–R\(p.references.count)" : "")
        frame.drawBox(box, title: "\(lossName)\(perPointCurves ? "/point" : "") per epoch" + references, glyphs: g)
    } else {
        frame.drawBox(box, title: "", glyphs: g)
        let solid = g.unicode ? "⠤⠤" : "--", dashed = g.unicode ? "⠤ ⠤" : ": :"
        // The legend whole (which curve is dashed matters more than the words): shorter words when narrow.
        let legend = [("\(lossName)/point", "training"), ("\(lossName)/pt", "train"), ("", "train")].map { name, training in
            Line([Span(name.isEmpty ? " " : " \(name): ", Style(.panelTitle)), Span("\(training) \(solid)", Style(.trainingCurve, attributes: [.bold])),
                  Span(" \(g.middleDot) ", Style(.panelTitle)), Span("validation \(dashed)", Style(.validationCurve, attributes: [.underline])),
                  Span(" ")])
        }
        let fitting = legend.first { $0.width <= box.width - 3 } ?? legend[2]
        frame.put(fitting.truncated(to: box.width - 3, glyphs: g), column: box.x + 1, row: box.y)
    }
    let perPoint = { (count: Int) -> Double in perPointCurves ? Double(max(1, count)) : 1 }
    // The references first, dim and dashed, so that this run's curve is drawn over them.
    var chart = LineChart(series: p.references.map { r in
        .init(values: r.history.map { $0.loss / perPoint(r.trainingCount) }, style: Style(.dim), dashed: true)
    })
    chart.series.append(.init(values: t.history.map { $0.loss / perPoint(t.trainingSet.count) }, style: Style(.trainingCurve)))
    if !t.validationSet.isEmpty {
        chart.series.append(.init(values: t.history.compactMap { $0.validationLoss.map { $0 / perPoint(t.validationSet.count) } },
                                  style: Style(.validationCurve), dashed: true))
    }
    chart.logScale = p.logScale
    if case .earlyStopped(let bestEpoch, _) = t.status { chart.marker = bestEpoch }
    chart.render(into: &frame, area: box.inset(1), glyphs: g)
    // Under a schedule, the η of the next update and its rule, on the bottom border (shorter when narrow).
    let schedule = t.settings.learningRateSchedule
    if schedule != .constant {
        let eta = formatNumber(t.learningRate, digits: 4, glyphs: g)
        let texts = [" η \(eta) = \(schedule.formula { formatNumber($0, digits: 4, glyphs: g) }) ", " η \(eta) "].map(g.fold)
        if let text = texts.first(where: { $0.count <= box.width - 4 }) {
            frame.put(text, column: box.x + 2, row: box.maxY - 1, style: Style(.panelTitle))
        }
    }
}
