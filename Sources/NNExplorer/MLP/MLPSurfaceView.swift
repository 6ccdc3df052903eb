#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNCore
import NNRender
import NNScenario

/// The numbers the surface view shows, in double precision: the error there, its slope and the steps.
struct SurfaceFigures {
    /// E over every training point, or E_t of the next update (E when training is over: there is none).
    let error: SurfaceError
    /// The error as a function of the two weights.
    let surface: ErrorSurface
    let now: (a: Double, b: Double)
    /// E (or E_t) at the weights now.
    let value: Double
    /// ∂E/∂w_a and ∂E/∂w_b.
    let slope: (a: Double, b: Double)
    /// The step's rate: η, or η/B for the next mini-batch of B (the trainer averages a batch's changes).
    let rate: Double
    /// α Δw(t−1) of the next update, for the two weights (nil without momentum).
    let momentum: (a: Double, b: Double)?
    /// The next update's samples (indices into the training set), for E_t.
    let samples: [Int]

    init(_ p: MLPExplorer, _ view: SurfaceView) {
        let t = p.trainer, net = t.network
        var ahead = t
        let next = ahead.step()
        error = next == nil ? .all : view.error
        samples = next?.samples ?? []
        surface = ErrorSurface(network: net, samples: error == .all ? t.trainingSet : samples.map { t.trainingSet[$0] },
                               loss: t.settings.loss)
        let a = view.a.flat(in: net), b = view.b.flat(in: net)
        now = (net.parameters[a], net.parameters[b])
        value = surface.error
        let gradient = surface.gradient()
        slope = (gradient[a], gradient[b])
        rate = t.learningRate / Double(error == .all ? 1 : samples.count)
        func term(_ w: WeightIndex, _ u: MLPUpdate) -> Double { u.momentumTerms[w.layer][w.from * net.sizes[w.layer + 1] + w.to] }
        momentum = t.settings.momentum > 0 ? next.map { (term(view.a, $0), term(view.b, $0)) } : nil
    }

    /// The gradient step `−η ∂E/∂w` (`−(η/B) ∂E/∂w` for a mini-batch's E).
    var step: (a: Double, b: Double) { (-rate * slope.a, -rate * slope.b) }
    /// The step with momentum: `−η ∂E/∂w + α Δw(t−1)`.
    var momentumStep: (a: Double, b: Double)? { momentum.map { (step.a + $0.a, step.b + $0.b) } }
    /// The steps drawn: the plain one, and the one with momentum.
    var arrows: [(a: Double, b: Double)] { [step] + (momentumStep.map { [$0] } ?? []) }
}

/// The weights the surface covers: centred on the weights now, with the same scale across and up (so that
/// a gradient step is at right angles to the contour bands), fitted to the path and the steps, then
/// `zoom` steps of 1, 2, 5 × 10ᵏ wider or narrower. One value a half-block pixel.
struct SurfaceWindow {
    let columns: Int, rows: Int
    /// Weight units a pixel.
    let pixel: Double
    let center: (a: Double, b: Double)

    /// `reach`: how far from the centre the fitted window must show, across and up.
    init(center: (a: Double, b: Double), columns: Int, rows: Int, reach: (a: Double, b: Double), zoom: Int) {
        self.center = center; self.columns = max(1, columns); self.rows = max(1, rows)
        let shorter = Double(min(self.columns, self.rows)) / 2
        let needed = 1.1 * max(reach.a / (Double(self.columns) / 2), reach.b / (Double(self.rows) / 2)) * shorter
        var half = niceAtLeast(needed.isFinite && needed > 0 ? needed : 1)
        for _ in 0..<abs(zoom) { half = niceAtLeast(zoom > 0 ? half * 1.5 : half / 2.5) }
        pixel = half / shorter
    }

    /// Half the window along its shorter side (a 1, 2 or 5 × 10ᵏ).
    var halfWidth: Double { pixel * Double(min(columns, rows)) / 2 }
    var aRange: ClosedRange<Double> { (center.a - pixel * Double(columns) / 2)...(center.a + pixel * Double(columns) / 2) }
    var bRange: ClosedRange<Double> { (center.b - pixel * Double(rows) / 2)...(center.b + pixel * Double(rows) / 2) }
    /// w_a at a pixel column's centre and w_b at a pixel row's (rows from the top), as offsets from now.
    func offsetA(_ column: Int) -> Double { pixel * (Double(column) + 0.5 - Double(columns) / 2) }
    func offsetB(_ row: Int) -> Double { pixel * (Double(rows) / 2 - Double(row) - 0.5) }
    /// A point's position in braille dots (2 across and 2 down a pixel).
    func dots(_ a: Double, _ b: Double) -> (u: Double, v: Double) {
        (2 * (a - aRange.lowerBound) / pixel, 2 * (bRange.upperBound - b) / pixel)
    }
}

/// The smallest 1, 2 or 5 × 10ᵏ at least `x`.
func niceAtLeast(_ x: Double) -> Double {
    var power = pow(10, (log10(x)).rounded(.down))
    while true {
        for m in [1.0, 2, 5] where m * power >= x * (1 - 1e-12) { return m * power }
        power *= 10
    }
}

extension MLPExplorer {
    /// Work (multiply-adds, an activation counted as 8) a surface may cost when drawn after a key; while
    /// playing, a quarter. Past it the grid takes one value for a block of pixels, and says so.
    static let surfaceBudget = 1_200_000_000
}

/// Where the surface view's parts go in the regions box: the picture with its axes, the captions under it;
/// the window of weights the picture shows and the path in it.
struct SurfaceLayout {
    let figures: SurfaceFigures
    /// The picture with its axes, and the cells of the picture alone (a pixel column a cell column, two
    /// pixel rows a cell row).
    let plotArea: Rect, cells: Rect
    let window: SurfaceWindow
    /// The caption lines that fit under the picture.
    let captionRows: Int
    /// (w_a, w_b) after each recorded update or epoch, from the first weights.
    let path: [(a: Double, b: Double)]
    /// One value of the surface for a square of `block` × `block` pixels (1 unless the work is too much).
    let block: Int
    /// The rows the picture keeps before captions give way.
    static let pictureRows = 8

    init(_ p: MLPExplorer, _ view: SurfaceView, box: Rect, glyphs: Glyphs, shades: Bool) {
        let f = SurfaceFigures(p, view)
        figures = f
        let inner = box.inset(1)
        let lines = surfaceCaptions(p, view, f, window: nil, block: 1, width: box.width - 3, glyphs: glyphs, shades: shades).count
        captionRows = max(min(3, lines), min(lines, inner.height - Self.pictureRows))
        plotArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - captionRows))
        cells = ScatterPlot(xRange: 0...1, yRange: 0...1).mapping(in: plotArea).area
        let a = view.a.flat(in: p.trainer.network), b = view.b.flat(in: p.trainer.network)
        path = (0..<p.weightPath.count).map { (p.weightPath.value($0, of: a), p.weightPath.value($0, of: b)) }
        // The fitted window shows the whole path, and each step four times over.
        let reach = (path + f.arrows.map { (f.now.a + 4 * $0.a, f.now.b + 4 * $0.b) }).reduce((a: 0.0, b: 0.0)) {
            (max($0.a, abs($1.a - f.now.a)), max($0.b, abs($1.b - f.now.b)))
        }
        window = SurfaceWindow(center: f.now, columns: cells.width, rows: 2 * cells.height, reach: reach, zoom: view.zoom)
        let budget = p.playing ? MLPExplorer.surfaceBudget / 4 : MLPExplorer.surfaceBudget
        var block = 1
        while block < 16, f.surface.cost(view.a, view.b, columns: (window.columns + block - 1) / block,
                                         rows: (window.rows + block - 1) / block) > budget { block += 1 }
        self.block = block
    }

    /// The cell of a point (w_a, w_b), if it is in the window.
    func cell(_ a: Double, _ b: Double) -> (column: Int, row: Int)? {
        PlotMapping(area: cells, xRange: window.aRange, yRange: window.bRange).cell(x: a, y: b)
    }

    /// E at the pixels' centres (a block's first pixel stands for the block).
    func values(_ view: SurfaceView) -> [Double] {
        let columns = (window.columns + block - 1) / block, rows = (window.rows + block - 1) / block
        let grid = figures.surface.grid(view.a, view.b, offsetsA: (0..<columns).map { window.offsetA($0 * block) },
                                        offsetsB: (0..<rows).map { window.offsetB($0 * block) })
        return (0..<(window.columns * window.rows)).map { n in grid[(n / window.columns / block) * columns + (n % window.columns) / block] }
    }

    /// The bands over the pixels' `values` and E at ◆: between pixel centres it may be lower than any of them,
    /// and the caption's range must hold it.
    func bands(_ values: [Double]) -> SurfaceBands { SurfaceBands(values + [figures.value]) }
}

/// The error-surface view over the regions box: E(w_a, w_b) as contour bands, the path the two weights took,
/// the step `−η ∂E/∂w` from where they are (and with momentum), and the numbers below.
func drawSurface(_ p: MLPExplorer, _ view: SurfaceView, in box: Rect, glyphs g: Glyphs, theme: Theme, into frame: inout Frame) {
    frame.fill(box)
    let layout = SurfaceLayout(p, view, box: box, glyphs: g, shades: theme.shadesWithBackground)
    let f = layout.figures, window = layout.window, cells = layout.cells
    frame.drawBox(box, title: surfaceTitle(p, view, f, width: box.width - 5, glyphs: g), glyphs: g)
    guard cells.width > 1, cells.height > 1 else { return }
    guard f.now.a.isFinite, f.now.b.isFinite else {
        let words = "\(p.weightName(view.a)) = \(formatNumber(f.now.a, glyphs: g)), \(p.weightName(view.b)) = \(formatNumber(f.now.b, glyphs: g)): "
            + "no window around weights that are not numbers (r resets)"
        frame.put(lines: wrap(g.fold(words), width: box.width - 3).map { Line($0, Style(.bad)) }, in: box.inset(1), glyphs: g)
        return
    }
    var plot = ScatterPlot(xRange: window.aRange, yRange: window.bRange)
    plot.xLabel = g.fold(p.weightName(view.a))
    plot.render(into: &frame, area: layout.plotArea, glyphs: g)

    // The bands, one value a pixel (or a block of them).
    let values = layout.values(view)
    let bands = layout.bands(values)
    ContourBands(bands: values.map(bands.band), count: bands.count).render(into: &frame, area: cells, shades: theme.shadesWithBackground,
                                                                          glyphs: g)

    // The path (from the first weights, ○), the steps, and where the weights are now (◆).
    var trail = BrailleCanvas(columns: cells.width, rows: cells.height)
    for (from, to) in zip(layout.path, layout.path.dropFirst() + [f.now]) {
        let (u0, v0) = window.dots(from.a, from.b), (u1, v1) = window.dots(to.a, to.b)
        trail.segment(u0, v0, u1, v1)
    }
    trail.draw(into: &frame, x: cells.x, y: cells.y, style: Style(.trainingCurve, attributes: [.bold]), glyphs: g)
    func mark(_ a: Double, _ b: Double, _ glyph: Character, _ role: ColorRole) {
        guard let cell = layout.cell(a, b) else { return }
        frame[cell.column, cell.row] = Cell(glyph, style: Style(role, background: frame[cell.column, cell.row].style.background, attributes: [.bold]))
    }
    if let first = layout.path.first { mark(first.a, first.b, g.unicode ? "○" : "o", .trainingCurve) }
    // A step shorter than a pixel has no line and no head: the ◆ is all there is to see (its numbers are below).
    let drawn = f.arrows.enumerated().filter { ($0.element.a * $0.element.a + $0.element.b * $0.element.b).squareRoot() >= window.pixel }
    for (n, step) in drawn {
        var line = BrailleCanvas(columns: cells.width, rows: cells.height)
        let (u0, v0) = window.dots(f.now.a, f.now.b), (u1, v1) = window.dots(f.now.a + step.a, f.now.b + step.b)
        line.segment(u0, v0, u1, v1, dashed: n == 1)
        line.draw(into: &frame, x: cells.x, y: cells.y, style: Style(n == 0 ? .marker : .good, attributes: [.bold]), glyphs: g)
    }
    // The heads over both lines, the plain step's last.
    for (n, step) in drawn.reversed() {
        if let head = arrowHead(step.a, step.b, glyphs: g) { mark(f.now.a + step.a, f.now.b + step.b, head, n == 0 ? .marker : .good) }
    }
    mark(f.now.a, f.now.b, g.unicode ? "◆" : "@", .visited)

    // What does not fit says how many rows more show it.
    var captions = surfaceCaptions(p, view, f, window: (window, bands), block: layout.block, width: box.width - 3, glyphs: g,
                                   shades: theme.shadesWithBackground)
    if captions.count > layout.captionRows {
        let more = captions.count - layout.captionRows + 1
        captions = captions.prefix(layout.captionRows - 1) + [Line(g.fold("… \(more) more lines (\(more - 1) rows taller)"), Style(.dim))]
    }
    frame.put(lines: captions, in: Rect(x: box.x + 2, y: layout.plotArea.maxY, width: box.width - 3, height: captions.count), glyphs: g)
}

/// The box's title: the weight up (the vertical axis's name, as "x2" over the regions) and which error.
private func surfaceTitle(_ p: MLPExplorer, _ view: SurfaceView, _ f: SurfaceFigures, width: Int, glyphs g: Glyphs) -> String {
    let t = p.trainer, name = f.error == .all ? "E" : "E_t"
    let titles: [String]
    if f.error == .all {
        let loss = t.settings.loss == .squaredError ? "" : " (cross-entropy)"
        titles = ["\(name) over all \(t.trainingSet.count) training points\(loss)", "\(name) over \(t.trainingSet.count) points", name]
    } else if f.samples.count == 1 {
        let s = t.trainingSet[f.samples[0]]
        let point = "(\(formatNumber(s.x1, digits: 2, glyphs: g)), \(formatNumber(s.x2, digits: 2, glyphs: g)))"
        titles = ["\(name) of the next update's sample \(point), class \(s.label)", "\(name) of sample \(point)", name]
    } else {
        titles = ["\(name) of the next mini-batch (\(f.samples.count) points)", "\(name) of the next batch", name]
    }
    let folded = titles.map { g.fold("\(p.weightName(view.b)) \(g.middleDot) \($0)") }
    return folded.first { $0.count <= width } ?? folded[folded.count - 1]
}

/// What the surface leaves out of the update when dropout, weight decay, L1 or max-norm is on: its E and steps
/// are the network's without a mask, without the penalty and before the clip, so the real update differs
/// ("" when all are off).
func regularizationCaveat(_ settings: MLPSettings) -> String {
    var left: [String] = [], then: [String] = []
    if settings.dropout > 0 { left.append("no dropout mask"); then.append("drops units at random") }
    if settings.weightDecay > 0 { left.append("no weight decay"); then.append("adds −ηλw") }
    if settings.l1 > 0 { left.append("no L1"); then.append("adds −ηλ1·sign(w)") }
    if let c = settings.maxNorm { left.append("before max-norm's clip"); then.append("shortens any ‖w_j‖ over c = \(formatNumber(c))") }
    guard !left.isEmpty else { return "" }
    let joined = then.count == 1 ? then[0] : then.dropLast().joined(separator: ", ") + " and " + then[then.count - 1]
    return left.joined(separator: ", ") + ": the update also " + joined + ", so its step differs"
}

/// The pointing end of an arrow along (da, db) (square pixels): one of eight directions, four in ASCII.
private func arrowHead(_ da: Double, _ db: Double, glyphs g: Glyphs) -> Character? {
    guard da != 0 || db != 0, da.isFinite, db.isFinite else { return nil }
    let angle = atan2(db, da) * 180 / Double.pi   // counter-clockwise from across
    let heads: [Character] = g.unicode ? ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"] : [">", "^", "<", "v"]
    let sector = 360 / Double(heads.count)
    return heads[Int(((angle + 360 + sector / 2).truncatingRemainder(dividingBy: 360)) / sector) % heads.count]
}

/// Contour bands: E cut at round values (1, 2 or 5 × 10ᵏ apart), at most six bands over the values shown.
struct SurfaceBands {
    let cuts: [Double]
    let low: Double, high: Double
    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        (self.low, self.high) = (low, high)
        cuts = high > low ? niceTicks(low...high, target: 4).filter { $0 > low && $0 <= high } : []
    }
    var count: Int { cuts.count + 1 }
    var spacing: Double? { cuts.count > 1 ? cuts[1] - cuts[0] : nil }
    /// The band of a value: how many cuts lie at or below it (a value that is not finite: the highest).
    func band(_ value: Double) -> Int { value.isFinite ? cuts.prefix { $0 <= value }.count : cuts.count }
}

/// The lines under the surface, most important first: where the weights are and the error there, the step,
/// the step with momentum, what the bands are, and the path and why these two weights.
private func surfaceCaptions(_ p: MLPExplorer, _ view: SurfaceView, _ f: SurfaceFigures, window: (SurfaceWindow, SurfaceBands)?,
                             block: Int, width: Int, glyphs g: Glyphs, shades: Bool) -> [Line] {
    func n(_ v: Double) -> String { formatSignificant(v, glyphs: g) }
    func pair(_ v: (a: Double, b: Double)) -> String { "(\(n(v.a)), \(n(v.b)))" }
    func first(_ candidates: [String], _ role: ColorRole) -> Line {
        let fitting = candidates.map(g.fold).first { $0.count <= width } ?? g.fold(candidates[candidates.count - 1])
        return Line(fitting, Style(role)).truncated(to: width, glyphs: g)
    }
    let name = f.error == .all ? "E" : "E_t"
    let point = g.unicode ? "◆" : "@", value = formatSignificant(f.value, significant: 4, glyphs: g)
    var lines = [first(["\(point) now: \(name) = \(value) at (w_a, w_b) = \(pair(f.now))", "\(point) \(name) = \(value) at \(pair(f.now))",
                        "\(point) \(name) = \(value)"], .plain)]
    let batch = f.error == .nextUpdate && f.samples.count > 1
    let rate = batch ? "(η/\(f.samples.count))" : "η", rateValue = batch ? "(\(n(p.trainer.learningRate))/\(f.samples.count))" : n(p.trainer.learningRate)
    let gradientStep = "−\(rate) ∂\(name)/∂w"
    lines.append(first(["→ \(gradientStep) = −\(rateValue)·\(pair(f.slope)) = \(pair(f.step))", "→ \(gradientStep) = \(pair(f.step))",
                        "→ step \(pair(f.step))"], .marker))
    if let m = f.momentum, let both = f.momentumStep {
        let dashed = g.unicode ? "⇢" : ":>"
        lines.append(first(["\(dashed) \(gradientStep) + α Δw(t−1) = \(pair(f.step)) + \(pair(m)) = \(pair(both))",
                            "\(dashed) \(gradientStep) + α Δw(t−1) = \(pair(both))", "\(dashed) with momentum \(pair(both))"], .good))
    } else if p.trainer.settings.momentum > 0 {
        lines.append(first(["no next update: no momentum step"], .dim))
    }
    lines += wrap(g.fold(regularizationCaveat(p.trainer.settings)), width: width).map { Line($0, Style(.warning)) }
    if let (w, bands) = window {
        let coarse = block > 1 ? " \(g.middleDot) \(block)×\(block) pixels a value" + (p.playing ? " (playing)" : "") : ""
        let spacing = bands.spacing.map { "every \(n($0))" } ?? "one band"
        let ends = shades ? ("from \(n(bands.low)) (dark) to \(n(bands.high))", "dark low")
            : ("from 0 (\(n(bands.low))) to \(bands.count - 1) (\(n(bands.high)))", "0 low")
        lines.append(first(["bands: \(name) \(spacing) \(ends.0) \(g.middleDot) window ±\(n(w.halfWidth))\(coarse)",
                            "\(name) \(spacing), \(ends.1) \(g.middleDot) ±\(n(w.halfWidth))\(coarse)"], .dim))
    } else {
        lines.append(Line(""))
    }
    let (line, start) = g.unicode ? ("⠤", "○") : ("-", "o")
    let trail = "\(line) path from the first weights \(start)", short = "\(line) path from \(start)"
    let why = view.chosenBecause.map { [trail + " \(g.middleDot) these two: \($0)", short + " \(g.middleDot) these two: \($0)",
                                        "\(line) from \(start) \(g.middleDot) \($0)"] } ?? []
    lines.append(first(why + [trail, short], .trainingCurve))
    return lines
}
