import NNCore
import NNRender

/// The side panel's text: the numbers of the current update in the lecture's notation, and the progress.
struct PerceptronPanel {
    let explorer: PerceptronExplorer
    let glyphs: Glyphs
    /// Columns available for text; narrow panels (80-column terminals) get shorter lines.
    let width: Int
    private var narrow: Bool { width < 36 }

    private func n(_ value: Double) -> String { formatNumber(value, digits: 3, glyphs: glyphs) }
    private func vec(_ values: [Double]) -> String { formatVector(values, digits: 3, glyphs: glyphs) }
    private func signed(_ value: Double) -> String { value > 0 ? "+" + n(value) : n(value) }
    private var minus: String { glyphs.minus }

    var updateTitle: String {
        guard let u = explorer.trainer.lastUpdate else { return "update" }
        return "update (sample \(u.position) of \(explorer.trainer.sampleCount))"
    }

    /// `−1 + 2·0.5 + 1·1`: each product written with its numbers, signs folded in.
    func weightedSum(_ w: [Double], _ x1: Double, _ x2: Double) -> String {
        func factor(_ x: Double) -> String { x < 0 ? "(" + n(x) + ")" : n(x) }
        var text = n(w[0])
        for (weight, x) in [(w[1], x1), (w[2], x2)] {
            text += weight < 0 ? " \(minus) " : " + "
            text += n(abs(weight)) + "·" + factor(x)
        }
        return text
    }

    var updateLines: [Line] {
        let trainer = explorer.trainer
        guard let u = trainer.lastUpdate else {
            var lines: [Line] = [Line("w = " + vec(trainer.weights), Style(.emphasis))]
            if trainer.sampleCount == 0 {
                lines.append(Line("no points: click the plot, or press a", Style(.dim)))
                lines.append(Line("for the cursor, to add some", Style(.dim)))
            } else {
                lines.append(Line("press n to visit the first sample,", Style(.dim)))
                lines.append(Line("e for a whole epoch, space to play", Style(.dim)))
            }
            return lines
        }
        let em = Style(.emphasis)
        let errorStyle = Style(u.error == 0 ? .good : .bad, attributes: [.bold])
        var lines: [Line] = [
            Line([Span("x = " + vec([u.x1, u.x2])), Span("   y = " + signed(u.y), Style(u.y > 0 ? .classB : .classA))]),
            Line("v = w·x = w0 + w1·x1 + w2·x2"),
            Line([Span("  = " + weightedSum(u.weightsBefore, u.x1, u.x2) + " = "), Span(n(u.v), em)]),
        ]
        let yhat = [Span("ŷ = sign(\(n(u.v))) = "), Span(signed(u.yhat), em)]
        let error = [Span("e = y \(minus) ŷ = "), Span(n(u.error), errorStyle)]
        if narrow {
            lines += [Line(yhat), Line(error)]
        } else {
            lines.append(Line(yhat + [Span("   ")] + error))
        }
        if u.error == 0 {
            lines.append(Line([Span("Δw = 0", em), Span("  (ŷ = y: no change)", Style(.dim))]))
        } else {
            let eText = u.error < 0 ? "(" + n(u.error) + ")" : n(u.error)
            lines.append(Line("Δw = η·e·x = \(n(u.learningRate))·\(eText)·" + vec([1, u.x1, u.x2])))
            lines.append(Line([Span("   = "), Span(vec(u.delta), em)]))
        }
        lines.append(Line([Span("w: " + vec(u.weightsBefore) + " \(glyphs.arrow) "), Span(vec(u.weightsAfter), em)]))
        if let d = u.distance {
            lines.append(Line("distance |v|/‖(w1,w2)‖ = " + n(d)))
        } else {
            lines.append(Line("distance: none (w1 = w2 = 0)", Style(.dim)))
        }
        return lines
    }

    var progressLines: [Line] {
        let t = explorer.trainer
        let dot = " \(glyphs.middleDot) "
        var lines: [Line] = [
            Line("epoch \(t.epoch)\(dot)step \(t.steps)\(dot)η = \(n(t.learningRate))"),
            Line((narrow ? "mistakes (epoch) " : "mistakes this epoch ") + "\(t.mistakesThisEpoch)\(dot)updates \(t.totalUpdates)"),
        ]
        if let last = t.mistakesLastEpoch {
            lines.append(Line("last full epoch: \(last) mistake" + (last == 1 ? "" : "s"), Style(.dim)))
        }
        let points = t.sampleCount == 1 ? "1 point" : "\(t.sampleCount) points"
        lines.append(Line([Span("data: \(explorer.dataset.name), \(points)", Style(.dim))]))
        let a = String(glyphs.classA), b = String(glyphs.classB)
        lines.append(narrow
            ? Line([Span(a + " class 0 (\(minus)1)  ", Style(.classA)), Span(b + " class 1 (+1)", Style(.classB))])
            : Line([Span(a + " class 0: y = \(minus)1   ", Style(.classA)), Span(b + " class 1: y = +1", Style(.classB))]))
        return lines
    }

    /// The status sentence, wrapped to `width`, in the colour of its outcome.
    func statusLines(width: Int) -> [Line] {
        let (text, role): (String, ColorRole) = switch explorer.trainer.status {
        case .running: ("status: running (no error-free epoch yet)", .plain)
        case .converged(let epoch): ("status: converged: epoch \(epoch) had no mistakes", .good)
        case .cycling(let epoch, let sameAs):
            ("status: not converging: w after epoch \(epoch) equals w after "
                + (sameAs == 0 ? "the start" : "epoch \(sameAs)")
                + "; the weights are cycling and will never converge", .bad)
        case .notConverged(let epochs): ("status: not converged after \(epochs) epochs (the cap)", .warning)
        }
        return wrap(text, width: width).map { Line($0, Style(role)) }
    }

    func editingLines() -> [Line] {
        let glyph = explorer.classToAdd == 1 ? glyphs.classB : glyphs.classA
        let role: ColorRole = explorer.classToAdd == 1 ? .classB : .classA
        var lines = [Line([Span("adding class \(explorer.classToAdd) "), Span(String(glyph), Style(role)),
                           Span("  (c switches)", Style(.dim))])]
        if explorer.cursor != nil {
            lines.append(Line("arrows move, Enter adds/removes", Style(.dim)))
        }
        return lines
    }
}
