import NNCore
import NNRender

/// The side panel's text: the numbers of the current update in the lecture's notation, and the progress.
/// Formulas are built from chunks that break onto the next line where the panel is too narrow, so no
/// number is ever cut off.
struct PerceptronPanel {
    let explorer: PerceptronExplorer
    let glyphs: Glyphs
    /// Columns available for text.
    let width: Int
    /// Hints naming the screen's keys (not in a lesson, whose keys differ).
    var keyHints = true
    /// The mark shading the plot's positive side where a theme has no background shades (the legend names it).
    var shadeMark: Character? = nil

    private func n(_ value: Double) -> String { formatNumber(value, digits: 3, glyphs: glyphs) }
    private func vec(_ values: [Double]) -> String { formatVector(values, digits: 3, glyphs: glyphs) }
    private func signed(_ value: Double) -> String { value > 0 ? "+" + n(value) : n(value) }
    /// v as `n` shows it, except that a v rounding leaves a hair from 0 (η = 0.1 on AND: −5.6e−17) keeps its
    /// sign visible, or the panel would say sign(0) = −1.
    private func activation(_ v: Double) -> String { v != 0 && n(v) == "0" ? formatTick(v, glyphs: glyphs) : n(v) }
    /// Whether `value` is shown exactly (3 decimals hold it); else results computed from it get `≈`.
    private func shownExactly(_ value: Double) -> Bool { (value * 1000).rounded() == value * 1000 }
    private func equals(_ values: [Double]) -> String { values.allSatisfy(shownExactly) ? " = " : " ≈ " }
    private var minus: String { glyphs.minus }
    private var dot: String { " \(glyphs.middleDot) " }

    var updateTitle: String {
        if let u = explorer.pendingVisit { return "next visit (sample \(u.position) of \(explorer.trainer.sampleCount))" }
        guard let u = explorer.trainer.lastUpdate else { return "update" }
        return "update (sample \(u.position) of \(explorer.trainer.sampleCount))"
    }

    func pack(_ chunks: [[Span]], indent: String = "    ") -> [Line] {
        packChunks(chunks, width: width, indent: indent, glyphs: glyphs)
    }

    /// The chunks of `w0 + w1·x1 + w2·x2` with the numbers: `−1`, ` + 2·0.5`, ` + 1·1` (signs folded in).
    func weightedSumChunks(_ w: [Double], _ x1: Double, _ x2: Double) -> [String] {
        func factor(_ x: Double) -> String { x < 0 ? "(" + n(x) + ")" : n(x) }
        var chunks = [n(w[0])]
        for (weight, x) in [(w[1], x1), (w[2], x2)] {
            chunks.append((weight < 0 ? " \(minus) " : " + ") + n(abs(weight)) + glyphs.multiply + factor(x))
        }
        return chunks
    }

    /// The update section: the last visit's numbers (or the next one's, while a lesson shows it first).
    var updateGroups: [PanelGroup] {
        let trainer = explorer.trainer
        if let next = explorer.pendingVisit { return visitGroups(next, applied: false) }
        guard let u = trainer.lastUpdate else {
            let hint = trainer.sampleCount == 0
                ? "no points: click the plot, or press a for the cursor, to add some"
                : "press n to visit the first sample, e for a whole epoch, space to play"
            return [PanelGroup([Line("w = " + vec(trainer.weights), Style(.emphasis))], rank: 0),
                    PanelGroup(keyHints ? wrap(glyphs.fold(hint), width: width).map { Line($0, Style(.dim)) } : [], rank: 2)]
        }
        return visitGroups(u, applied: true)
    }

    /// A visit's numbers: x and y, v, ŷ and e, then (once `applied`) Δw and the new w; before that, the rule
    /// without its numbers and w as it stands, so a class can work out the step before it is shown. The
    /// distance gives way when the panel is short.
    private func visitGroups(_ u: PerceptronUpdate, applied: Bool) -> [PanelGroup] {
        let em = Style(.emphasis)
        let errorStyle = Style(u.error == 0 ? .good : .bad, attributes: [.bold])
        let sum = weightedSumChunks(u.weightsBefore, u.x1, u.x2)
        let m = glyphs.multiply
        var groups = [PanelGroup(pack([[Span("x = " + vec([u.x1, u.x2]))],
                                       [Span("   y = " + signed(u.y), Style(u.y > 0 ? .classB : .classA))]]), rank: 0)]
        var lines = pack([[Span("v = w\(m)x")], [Span(" = w0 + w1\(m)x1 + w2\(m)x2")]])
        lines += pack([[Span("  = " + sum[0])]] + sum.dropFirst().map { [Span($0)] }
                         + [[Span(equals(u.weightsBefore + [u.x1, u.x2])), Span(activation(u.v), em)]])
        lines += pack([[Span("ŷ = sign(\(activation(u.v))) = "), Span(signed(u.yhat), em)],
                       [Span("   e = y \(minus) ŷ = "), Span(n(u.error), errorStyle)]], indent: "")
        if u.error == 0 {
            lines += pack([[Span("Δw = 0", em)], [Span("  (ŷ = y: no change)", Style(.dim))]])
        } else if !applied {
            lines += pack([[Span("Δw = η\(m)e\(m)x")], [Span(" = ?", em)], [Span("  (the next step)", Style(.dim))]])
            lines += pack([[Span("w = " + vec(u.weightsBefore))], [Span("  (not changed yet)", Style(.dim))]])
        } else {
            let eText = u.error < 0 ? "(" + n(u.error) + ")" : n(u.error)
            lines += pack([[Span("Δw = η\(m)e\(m)x")],
                           [Span(" = \(n(u.learningRate))\(m)\(eText)\(m)" + vec([1, u.x1, u.x2]))]])
            lines += pack([[Span("   " + equals([u.learningRate, u.x1, u.x2]).dropFirst()), Span(vec(u.delta), em)]])
        }
        if applied || u.error == 0 {
            lines += pack([[Span("w: " + vec(u.weightsBefore))], [Span(" \(glyphs.arrow) "), Span(vec(u.weightsAfter), em)]])
        }
        groups.append(PanelGroup(lines, rank: 0))
        if applied && u.error != 0 { groups.append(PanelGroup(vAfterLines(u), rank: 2)) }
        if let d = u.distance {
            groups.append(PanelGroup(pack([[Span("distance |v|/‖(w1,w2)‖")], [Span(" = " + n(d))]]), rank: 4))
        } else {
            groups.append(PanelGroup(pack([[Span("distance: none (w1 = w2 = 0)", Style(.dim))]]), rank: 4))
        }
        return groups
    }

    /// What the update did to this sample's v, by the lecture's rule (x with x0 = 1) and directly from the
    /// new w: v moved towards y's side by η·e·‖x‖².
    private func vAfterLines(_ u: PerceptronUpdate) -> [Line] {
        let m = glyphs.multiply
        func paren(_ text: String, _ value: Double) -> String { value < 0 ? "(" + text + ")" : text }
        let length = "(1 + \(paren(n(u.x1), u.x1))² + \(paren(n(u.x2), u.x2))²)"
        return pack([[Span("v′ = v + η\(m)e\(m)‖x‖²")],
                     [Span(" = \(paren(activation(u.v), u.v)) + \(n(u.learningRate))\(m)\(paren(n(u.error), u.error))\(m)\(length)")],
                     [Span(equals([u.v, u.learningRate, u.x1, u.x2])), Span(activation(u.vAfterByRule), Style(.emphasis))],
                     [Span("  (w′\(m)x = \(activation(u.vAfter)))", Style(.dim))]])
    }

    /// The progress section, and below it the editing hints: the status stays longest, then the counters,
    /// then R and γ, then the data's name, the last epoch and the legend.
    var progressGroups: [PanelGroup] {
        let t = explorer.trainer
        var groups = [PanelGroup(pack([[Span("epoch \(t.epoch)")], [Span(dot + "step \(t.steps)")], [Span(dot + "η = \(n(t.learningRate))")]], indent: ""), rank: 1)]
        groups.append(PanelGroup(pack([[Span("mistakes this epoch \(t.mistakesThisEpoch)")], [Span(dot + "updates \(t.totalUpdates)")]], indent: ""),
                                 rank: 1))
        groups.append(PanelGroup(statusLines, rank: 0))
        groups.append(PanelGroup(marginLines, rank: 2))
        if let best = explorer.margin?.weights {
            groups.append(PanelGroup(pack([[Span("best line:", Style(.dim))], [Span(" w = " + vec(best), Style(.dim))]]), rank: 5))
        }
        if let last = t.mistakesLastEpoch {
            groups.append(PanelGroup(pack([[Span("last full epoch: \(last) mistake" + (last == 1 ? "" : "s"), Style(.dim))]]), rank: 5))
        }
        let points = t.sampleCount == 1 ? "1 point" : "\(t.sampleCount) points"
        groups.append(PanelGroup(pack([[Span("data: \(explorer.dataset.name),", Style(.dim))], [Span(" \(points)", Style(.dim))]], indent: ""), rank: 4))
        var legend = [[Span(String(glyphs.classA) + " class 0: y = \(minus)1   ", Style(.classA))],
                      [Span(String(glyphs.classB) + " class 1: y = +1", Style(.classB))]]
        if let shadeMark { legend.append([Span("   "), Span(String(shadeMark), Style(.positiveSide)), Span(" side: ŷ = +1 (v ≥ 0)", Style(.dim))]) }
        groups.append(PanelGroup(pack(legend, indent: ""), rank: 3))
        return groups + editingGroups
    }

    /// R and γ as the lecture defines them, on x = (1, x1, x2) with a unit w that includes w0, and the bound
    /// they give: this run's updates against it when the run is the theorem's (from w = 0, data and η
    /// unchanged), else what it bounds.
    var marginLines: [Line] {
        guard let m = explorer.margin else { return [] }
        let times = glyphs.multiply
        var lines = pack([[Span("R = max ‖(1, x1, x2)‖")], [Span(" = " + n(m.radius))]])
        guard let gamma = m.margin, let bound = m.updateBound else {
            return lines + pack([[Span("γ: none,")], [Span(" no line separates them")]])
        }
        lines += pack([[Span("γ = max min y\(times)w\(times)x")], [Span(" = " + small(gamma))], [Span(" (‖w‖ = 1)", Style(.dim))]])
        let t = explorer.trainer
        let updates = t.boundApplies ? "updates \(t.totalUpdates) ≤ (R/γ)²" : "from w = 0: updates ≤ (R/γ)²"
        return lines + pack([[Span(updates)], [Span(equals([m.radius, gamma]) + boundText(bound), Style(.emphasis))]])
    }

    /// A number `n` would show as 0 (a margin of 1e−5) in e-notation instead.
    private func small(_ value: Double) -> String { value != 0 && n(value) == "0" ? formatTick(value, glyphs: glyphs) : n(value) }

    /// (R/γ)² to a tenth, or in e-notation when huge.
    private func boundText(_ bound: Double) -> String {
        bound >= 1e6 ? formatTick(bound, glyphs: glyphs) : formatNumber(bound, digits: 1, glyphs: glyphs)
    }

    /// The status sentence, wrapped, in the colour of its outcome. It names the state the header shows:
    /// paused or running while training can go on, else how it ended.
    var statusLines: [Line] {
        let trainer = explorer.trainer
        let (text, role): (String, ColorRole) = switch trainer.status {
        case .running:
            ("status: " + (explorer.playing ? "running" : "paused")
                + (trainer.mistakesLastEpoch == 0 ? " (the points changed since the error-free epoch)" : " (no error-free epoch yet)"), .plain)
        case .converged(let epoch): ("status: converged: epoch \(epoch) had no mistakes", .good)
        case .cycling(let epoch, let sameAs):
            ("status: cycling: w after epoch \(epoch) equals w after "
                + (sameAs == 0 ? "the start" : "epoch \(sameAs)")
                + ", so the updates repeat and will never converge", .bad)
        case .notConverged(let epochs): ("status: stopped at max epochs (\(epochs)): no epoch was error-free", .warning)
        }
        return wrap(glyphs.fold(text), width: width).map { Line($0, Style(role)) }
    }

    var editingGroups: [PanelGroup] {
        guard keyHints else { return [] }
        let glyph = explorer.classToAdd == 1 ? glyphs.classB : glyphs.classA
        let role: ColorRole = explorer.classToAdd == 1 ? .classB : .classA
        var groups = [PanelGroup(pack([[Span("adding class \(explorer.classToAdd) "), Span(String(glyph), Style(role))],
                                       [Span("  (c switches)", Style(.dim))]], indent: ""), rank: 7)]
        if explorer.cursor != nil {
            groups.append(PanelGroup(wrap(glyphs.fold("cursor: arrows move, Enter adds or removes, Esc leaves"), width: width)
                .map { Line($0, Style(.dim)) }, rank: 1))
        }
        return groups
    }
}

/// Lines of a panel that stay or give way together when it is short; a lower `rank` stays longer.
struct PanelGroup {
    var lines: [Line]
    var rank: Int
    init(_ lines: [Line], rank: Int) { self.lines = lines; self.rank = rank }

    /// What of `first` and `second` (two sections, one divider row between them) fits `rows`: the groups of the
    /// highest rank go first, the later of equal ones first. Rank 0 never goes (the area cuts what still
    /// does not fit).
    static func fit(_ first: [PanelGroup], _ second: [PanelGroup], rows: Int) -> (first: [Line], second: [Line]) {
        var kept = (first, second)
        func height() -> Int {
            let lower = kept.1.reduce(0) { $0 + $1.lines.count }
            return kept.0.reduce(0) { $0 + $1.lines.count } + (lower > 0 ? lower + 1 : 0)
        }
        while height() > rows {
            let candidates = (kept.0.enumerated().map { (0, $0.offset, $0.element) } + kept.1.enumerated().map { (1, $0.offset, $0.element) })
                .filter { $0.2.rank > 0 && !$0.2.lines.isEmpty }
            guard let drop = candidates.max(by: { ($0.2.rank, $0.0, $0.1) < ($1.2.rank, $1.0, $1.1) }) else { break }
            if drop.0 == 0 { kept.0.remove(at: drop.1) } else { kept.1.remove(at: drop.1) }
        }
        return (kept.0.flatMap(\.lines), kept.1.flatMap(\.lines))
    }
}

/// Packs chunks (each a list of spans that stays together) onto lines of at most `width` columns;
/// continuation lines start with `indent`. Texts are folded for `glyphs`.
func packChunks(_ chunks: [[Span]], width: Int, indent: String = "    ", glyphs: Glyphs) -> [Line] {
    var lines: [Line] = []
    var current: [Span] = []
    var used = 0
    for chunk in chunks {
        var folded = chunk.map { Span(glyphs.fold($0.text), $0.style) }
        var chunkWidth = folded.reduce(0) { $0 + $1.text.count }
        if used > 0, used + chunkWidth > width {
            lines.append(Line(current))
            current = [Span(indent)]
            used = indent.count
            // A chunk that starts a line loses its leading blanks (the indent stands for them).
            let separator = glyphs.fold(glyphs.middleDot)
            while let first = folded.first, first.text.hasPrefix(" ") || first.text.hasPrefix(separator) {
                folded[0].text.removeFirst(first.text.hasPrefix(" ") ? 1 : separator.count)
                chunkWidth -= first.text.hasPrefix(" ") ? 1 : separator.count
            }
        }
        current += folded
        used += chunkWidth
    }
    if !current.isEmpty { lines.append(Line(current)) }
    return lines
}
