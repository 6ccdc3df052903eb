import NNCore
import NNRender

/// The MLP panel's text: where training stands, then the last update in the lecture's notation — each unit's
/// input sum, output and δ, and the output layer's Δw with its momentum part.
struct MLPLedger {
    let explorer: MLPExplorer
    let glyphs: Glyphs
    let width: Int
    /// Hints naming the screen's keys (not in a lesson, whose keys differ).
    var keyHints = true

    /// Three decimals; a value too small for them (|v| < 0.0005, not 0) in e-notation, so a small change or
    /// δ does not read as none.
    private func n(_ v: Double) -> String {
        v != 0 && abs(v) < 0.0005 ? formatTick(v, glyphs: glyphs) : formatNumber(v, digits: 3, glyphs: glyphs)
    }
    /// Rates keep their small digits (λ = 0.0005 must not read 0.001).
    private func rate(_ v: Double) -> String { formatNumber(v, digits: 6, glyphs: glyphs) }
    /// A signed change: `+0.04`, `−0.07`, and `0` when it rounds to nothing.
    private func change(_ v: Double) -> String {
        let text = n(v)
        return text == "0" || text.hasPrefix(glyphs.minus) ? text : "+" + text
    }
    private var dot: String { " \(glyphs.middleDot) " }

    var progressLines: [Line] {
        let t = explorer.trainer
        var lines: [Line] = []
        if let restarts = explorer.restarts {
            // The picture shows other runs than the numbers here: say which is which.
            let best = restarts.runs[restarts.best]
            let right = best.history.last.map { " \(glyphs.middleDot) \(percent($0.accuracy)) right" } ?? ""
            let text = "restarts (left): best s\(best.seed), E = \(formatTick(MLPRestarts.finalLoss(best), glyphs: glyphs))\(right); below: the run before them"
            lines += wrap(glyphs.fold(text), width: width).map { Line($0, Style(.good)) }
        }
        var first = "η = \(rate(t.learningRate))"
        if t.settings.momentum > 0 { first += dot + "α = \(rate(t.settings.momentum))" }
        if t.settings.weightDecay > 0 { first += dot + "λ = \(rate(t.settings.weightDecay))" }
        first += dot + "batch \(t.settings.batchSize)"
        lines.append(Line(glyphs.fold(first), Style(.dim)))
        if let last = t.currentSummary {
            let name = t.settings.loss == .squaredError ? "E" : "loss"
            let which = last.epoch == t.history.last?.epoch ? "" : " (epoch \(last.epoch))"
            var text = "\(name)\(which) = \(n(last.loss))" + dot + "accuracy \(percent(last.accuracy))"
            if let vl = last.validationLoss, let va = last.validationAccuracy {
                // Sums over different numbers of points: the curves show them per point, so say both.
                let perPoint = { (sum: Double, count: Int) in "\(n(sum)) (\(n(sum / Double(max(1, count)))) a point)" }
                text = "\(name)\(which) = \(perPoint(last.loss, t.trainingSet.count))" + dot + "accuracy \(percent(last.accuracy))"
                lines += wrap(glyphs.fold(text), width: width).map { Line($0) }
                text = "validation: \(name) = \(perPoint(vl, t.validationSet.count))" + dot + percent(va)
            }
            lines += wrap(glyphs.fold(text), width: width).map { Line($0) }
        } else {
            let keys = keyHints ? ": n one update, e one epoch, space plays" : ""
            lines.append(Line(glyphs.fold("no epoch yet" + keys), Style(.dim)))
        }
        let (status, role): (String, ColorRole) = switch t.status {
        case .running: ("running", .plain)
        case .finished(let epochs):
            (t.history.last?.accuracy == 1 ? "done: \(epochs) epochs, every training point right" : "done: \(epochs) epochs (the cap)",
             t.history.last?.accuracy == 1 ? .good : .warning)
        case .earlyStopped(let best, let at): ("early stop at epoch \(at): weights of epoch \(best) restored", .good)
        case .diverged(let epoch): ("diverged at epoch \(epoch): the loss overflowed; lower η ([) and reset (r)", .bad)
        }
        lines += wrap(glyphs.fold("status: " + status), width: width).map { Line($0, Style(role)) }
        // About the weights on screen (after early stopping those of the best epoch, which may miss some).
        if let perfect = t.firstPerfectEpoch, t.currentSummary?.accuracy == 1 {
            lines += wrap(glyphs.fold("every training point right (first at epoch \(perfect))"), width: width).map { Line($0, Style(.good)) }
        }
        return lines
    }

    private func percent(_ v: Double) -> String { formatNumber(v * 100, digits: 1, glyphs: glyphs) + "%" }

    var updateLines: [Line] {
        if let pending = explorer.pending {
            return lines(for: pending.update, upTo: explorer.phases[pending.shown], phaseNumber: pending.shown + 1)
        }
        guard let u = explorer.trainer.lastUpdate else { return [] }
        // Right after `p` applied an update, its last phase (the weight changes) is on screen.
        return lines(for: u, upTo: explorer.showingUpdatePhase ? .update : nil,
                     phaseNumber: explorer.showingUpdatePhase ? explorer.phases.count : nil)
    }

    private var outputDeltaFormula: String {
        switch (explorer.trainer.settings.loss, explorer.trainer.settings.output) {
        case (.squaredError, .sigmoid): "δ^o_k = ŷ_k(1 − ŷ_k)(y_k − ŷ_k)"
        case (.squaredError, .softmax): "δ^o_k = ŷ_k((y_k − ŷ_k) − Σ_m (y_m − ŷ_m) ŷ_m)"
        case (.crossEntropy, _): "δ^o_k = y_k − ŷ_k"
        }
    }

    /// The phase's name and its formula, in the lecture's notation.
    private func describe(_ phase: MLPExplorer.Phase, top: Int) -> (String, String) {
        switch phase {
        case .forward(let l):
            (l == top ? "forward to the output" : "forward to hidden layer \(l)",
             l == top && explorer.trainer.settings.output == .softmax ? "net_k = Σ_j w_jk z_j, ŷ = softmax(net)"
                 : "net_j = Σ_i w_ij z_i (i = 0: bias), z_j = f(net_j)")
        case .outputDeltas: ("output deltas", outputDeltaFormula)
        case .hiddenDeltas(let l): ("deltas of hidden layer \(l) (old weights)", "δ^h_j = f'(net_j) Σ_k w_jk δ_k")
        case .update:
            ("weight changes", "Δw_ij = η δ_j z_i" + (explorer.trainer.settings.momentum > 0 ? " + α Δw_ij(t−1)" : "")
                + (explorer.trainer.settings.weightDecay > 0 ? " − η λ w_ij" : ""))
        }
    }

    /// The update's numbers; with `phase`, only what that phase and the ones before it have computed.
    private func lines(for u: MLPUpdate, upTo phase: MLPExplorer.Phase?, phaseNumber: Int?) -> [Line] {
        let net = explorer.trainer.network
        let pass = u.pass
        let top = net.sizes.count - 1
        var lines: [Line] = []
        if let phase, let number = phaseNumber {
            let (name, formula) = describe(phase, top: top)
            lines.append(Line(glyphs.fold("phase \(number) of \(explorer.phases.count): \(name)"), Style(.emphasis)))
            lines.append(Line(glyphs.fold(formula), Style(.dim)))
        }
        let sample = explorer.trainer.trainingSet[u.samples[u.samples.count - 1]]
        let batchNote = u.samples.count > 1 ? " (last of \(u.samples.count))" : ""
        // The numbers below are the last update's, computed before it changed the weights.
        let which = phase == nil ? "last update: " : ""
        lines.append(Line(glyphs.fold("\(which)x = (\(n(sample.x1)), \(n(sample.x2)))   y = \(vector(u.target))\(batchNote)")))
        // Which layers' numbers to show: in step-by-step mode the layer of the phase (and the outputs); else all.
        let shownLayers: [Int]
        var deltasFrom = 1
        switch phase {
        case .forward(let l): (shownLayers, deltasFrom) = ([l], top + 1)
        case .outputDeltas: (shownLayers, deltasFrom) = ([top], top)
        case .hiddenDeltas(let l): (shownLayers, deltasFrom) = ([l, l + 1], l)
        case .update, nil: shownLayers = Array(1...top)
        }
        // With a hidden unit selected (u), only that unit and the outputs: big nets have too many lines.
        let focus = explorer.selectedUnit
        for l in shownLayers {
            for j in 0..<net.sizes[l] where focus == nil || l == top || (focus!.layer == l && focus!.unit == j) {
                let name = l == top ? (net.sizes[l] == 1 ? "o" : "o\(j + 1)") : explorer.unitName(layer: l, unit: j)
                let out = l == top ? "ŷ" : "z"
                var text = "\(name): net \(n(pass.preActivation(layer: l, unit: j)))  \(out) \(n(pass.activation(layer: l, unit: j)))"
                if l >= deltasFrom { text += "  δ \(n(pass.delta(layer: l, unit: j)))" }
                lines.append(Line(glyphs.fold(text), Style(l == top ? .emphasis : .plain)))
            }
        }
        // The hidden δ use the weights above the layer (old weights): show them for small nets.
        if case .hiddenDeltas(let l) = phase, net.sizes[l] * net.sizes[l + 1] <= 8 {
            var parts: [String] = []
            for j in 0..<net.sizes[l] {
                for k in 0..<net.sizes[l + 1] {
                    let to = l + 1 == top ? (net.sizes[top] == 1 ? "o" : "o\(k + 1)") : explorer.unitName(layer: l + 1, unit: k)
                    parts.append("\(explorer.unitName(layer: l, unit: j))→\(to) \(n(u.weightsBefore[l][(j + 1) * net.sizes[l + 1] + k]))")
                }
            }
            lines.append(Line(glyphs.fold("w: " + parts.joined(separator: "  ")), Style(.dim)))
        }
        if phase == .update {
            lines += allChangeLines(u)
            return fitted(lines)
        }
        if phase == nil {
            if explorer.trainer.settings.loss == .squaredError, net.sizes[top] == 1 {
                lines.append(Line(glyphs.fold("δ^o = ŷ(1−ŷ)(y−ŷ)  ·  δ^h_j = z_j(1−z_j) Σ_k w_jk δ_k"), Style(.dim)))
            }
            lines += weightChangeLines(u, top: top)
            if let focus { lines += incomingChangeLines(u, layer: focus.layer, unit: focus.unit) }
        }
        return fitted(lines)
    }

    /// Lines too wide for the panel, broken between their "  "-separated terms (a name and its value stay
    /// together), else between words.
    private func fitted(_ lines: [Line]) -> [Line] {
        lines.flatMap { line -> [Line] in
            guard line.width > width else { return [line] }
            let style = line.spans.first?.style ?? .plain
            let terms = line.text.components(separatedBy: "  ").filter { !$0.isEmpty }
            guard terms.count > 1, terms.allSatisfy({ $0.count + 2 <= width }) else {
                return wrap(line.text, width: width).map { Line($0, style) }
            }
            return packChunks(terms.enumerated().map { [Span(($0.offset == 0 ? "" : "  ") + $0.element, style)] }, width: width,
                              indent: "  ", glyphs: glyphs)
        }
    }

    /// Every weight change of the update, unit by unit (the outputs first; for big nets only they and the
    /// selected unit).
    private func allChangeLines(_ u: MLPUpdate) -> [Line] {
        let sizes = explorer.trainer.network.sizes, top = sizes.count - 1
        var lines: [Line] = []
        for l in stride(from: top, through: 1, by: -1) {
            for j in 0..<sizes[l] {
                let small = sizes.dropFirst().reduce(0, +) <= 8
                let selected = explorer.selectedUnit.map { $0.layer == l && $0.unit == j } ?? false
                guard l == top || small || selected else { continue }
                lines += incomingChangeLines(u, layer: l, unit: j)
            }
        }
        return lines
    }

    /// The changes of the weights into one unit (hidden or output): from the bias and from each unit below.
    private func incomingChangeLines(_ u: MLPUpdate, layer l: Int, unit j: Int) -> [Line] {
        let sizes = explorer.trainer.network.sizes, top = sizes.count - 1
        let changes = u.weightChanges[l - 1], fanOut = sizes[l]
        let name = l == top ? (sizes[top] == 1 ? "o" : "o\(j + 1)") : explorer.unitName(layer: l, unit: j)
        let parts = (0...sizes[l - 1]).map { i -> String in
            let from = i == 0 ? "b" : (l == 1 ? "x\(i)" : explorer.unitName(layer: l - 1, unit: i - 1))
            return "\(from) \(change(changes[i * fanOut + j]))"
        }
        return [Line(glyphs.fold("Δw into \(name): " + parts.joined(separator: "  ")))]
    }

    /// The output layer's weight changes: Δw = η δ z + α Δw(t−1), with the momentum part when there is one.
    private func weightChangeLines(_ u: MLPUpdate, top: Int) -> [Line] {
        let net = explorer.trainer.network
        let changes = u.weightChanges[top - 1], momentum = u.momentumTerms[top - 1]
        let units = net.sizes[top - 1], outputs = net.sizes[top]
        var parts: [String] = []
        for i in 0...units {
            let from = i == 0 ? "b" : (top > 1 ? "h\(i)" : "x\(i)")
            let change = changes[i * outputs]
            parts.append("\(from) \(change >= 0 ? "+" : "")\(n(change))")
        }
        var lines = [Line(glyphs.fold("Δw^o (to \(outputs == 1 ? "o" : "o1")): " + parts.joined(separator: "  ")))]
        if explorer.trainer.settings.momentum > 0 {
            lines.append(Line(glyphs.fold("  of which momentum α·Δw(t−1):  " + (0...units).map { n(momentum[$0 * outputs]) }.joined(separator: ",  ")), Style(.dim)))
        }
        return lines
    }

    private func vector(_ v: [Double]) -> String { v.count == 1 ? n(v[0]) : formatVector(v, digits: 0, glyphs: glyphs) }
}
