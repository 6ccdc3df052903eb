#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNCore
import NNRender

/// The MLP panel's text: where training stands, then the last update in the lecture's notation — each unit's
/// input sum, output and δ, each δ worked out under this network's own formula (`DeltaFormulas`), and the
/// output layer's Δw with its momentum part. Big layers are listed in part, and say so.
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
            let right = t.network.isRegression ? "" : best.history.last.map { " \(glyphs.middleDot) \(percent($0.accuracy)) right" } ?? ""
            let text = "restarts (left): best s\(best.seed), E = \(formatSignificant(MLPRestarts.finalLoss(best), glyphs: glyphs))\(right); below: the run before them"
            lines += wrap(glyphs.fold(text), width: width).map { Line($0, Style(.good)) }
        }
        if let runs = explorer.momentumRuns {
            let words = runs.map { run in
                (run.settings.momentum == 0 ? "no momentum" : "α = \(rate(run.settings.momentum))")
                    + ": E = \(formatTick(MLPRestarts.finalLoss(run), glyphs: glyphs))"
                    + (t.network.isRegression ? "" : run.history.last.map { ", \(percent($0.accuracy)) right" } ?? "")
            }
            let text = "side by side (left), \(runs.first?.epoch ?? 0) epochs from these first weights: " + words.joined(separator: "; ")
                + "; below: the run before them"
            lines += wrap(glyphs.fold(text), width: width).map { Line($0, Style(.good)) }
        }
        if let last = t.currentSummary {
            let name = t.settings.loss == .squaredError ? "E" : "loss"
            let which = last.epoch == t.history.last?.epoch ? "" : " (epoch \(last.epoch))"
            // Regression has no accuracy: the root-mean-square error says what E means in the targets' units.
            let figure = { (loss: Double, accuracy: Double, points: Int) -> String in
                t.network.isRegression ? "rms error √(2E/N) = \(self.n(MLPExplorer.rmsError(loss: loss, points: points)))"
                    : "accuracy \(self.percent(accuracy))"
            }
            var text = "\(name)\(which) = \(n(last.loss))" + dot + figure(last.loss, last.accuracy, t.trainingSet.count)
            if let vl = last.validationLoss, let va = last.validationAccuracy {
                // Sums over different numbers of points: the curves show them per point, so say both.
                let perPoint = { (sum: Double, count: Int) in "\(n(sum)) (\(n(sum / Double(max(1, count)))) a point)" }
                text = "\(name)\(which) = \(perPoint(last.loss, t.trainingSet.count))" + dot + figure(last.loss, last.accuracy, t.trainingSet.count)
                lines += wrap(glyphs.fold(text), width: width).map { Line($0) }
                // Where it was lowest, beside it: an upturn too small to see on the curve's scale is plain here.
                var point = "\(n(vl / Double(max(1, t.validationSet.count)))) a point"
                if let lowest = t.history.filter({ $0.validationLoss != nil }).min(by: { $0.validationLoss! < $1.validationLoss! }),
                   lowest.epoch != last.epoch {
                    point += "; lowest \(n(lowest.validationLoss! / Double(max(1, t.validationSet.count)))), epoch \(lowest.epoch)"
                }
                text = "validation: \(name) = \(n(vl)) (\(point))"
                    + (t.network.isRegression ? "" : dot + percent(va))
            }
            lines += wrap(glyphs.fold(text), width: width).map { Line($0) }
        } else {
            let keys = keyHints ? ": n one update, e one epoch, space plays" : ""
            lines.append(Line(glyphs.fold("no epoch yet" + keys), Style(.dim)))
        }
        // For a handful of points, every output now (the narration can point at "two of them only just").
        if t.trainingSet.count <= 8, t.steps > 0, t.network.outputCount == 1 {
            // Enough digits to tell an output just under 0.5 from one just over it.
            func output(_ v: Double) -> String {
                let gap = abs(v - 0.5)
                return formatNumber(v, digits: gap > 0 ? min(8, max(3, 1 - Int(log10(gap).rounded(.down)))) : 3, glyphs: glyphs)
            }
            let outputs = t.trainingSet.map { "(\(n($0.x1)),\(n($0.x2))) \(output(t.network.predict(t.network.inputs(of: $0))[0]))" }
            lines += wrap(glyphs.fold("ŷ now: " + outputs.joined(separator: dot)), width: width).map { Line($0) }
        }
        let (status, role): (String, ColorRole) = switch t.status {
        case .running:
            // What the header's "paused"/"epochs/s" means for training, in words (the header has the epoch).
            (explorer.playing ? "training"
                : t.steps == 0 ? "not started"
                : t.positionInEpoch == 0 ? "paused between epochs"
                : "paused mid-epoch, \(t.positionInEpoch) of \(t.trainingSet.count) samples done", .plain)
        case .finished(let epochs):
            (t.history.last?.accuracy == 1 ? "done: \(epochs) epochs, every training point right" : "done: \(epochs) epochs (the cap)",
             t.history.last?.accuracy == 1 ? .good : .warning)
        case .earlyStopped(let best, let at): ("early stop at epoch \(at): weights of epoch \(best) restored", .good)
        case .diverged(let epoch): ("diverged at epoch \(epoch): the loss overflowed; lower η ([) and reset (r)", .bad)
        case .stopped(_, let epoch): ("stopped at epoch \(epoch): " + (t.stopReason { v, _ in formatNumber(v, digits: 4, glyphs: glyphs) } ?? "stop_when"), .good)
        }
        lines += wrap(glyphs.fold("status: " + status), width: width).map { Line($0, Style(role)) }
        // About the weights on screen (after early stopping those of the best epoch, which may miss some).
        if let perfect = t.firstPerfectEpoch, t.currentSummary?.accuracy == 1 {
            lines += wrap(glyphs.fold("every training point right (first at epoch \(perfect))"), width: width).map { Line($0, Style(.good)) }
        }
        let weights = t.network.weights.reduce(0) { $0 + $1.count }
        let held = t.validationSet.isEmpty ? "" : " + \(t.validationSet.count) held out"
        lines += wrap(glyphs.fold("data: \(t.trainingSet.count) training points\(held)" + dot + "\(weights) weights"), width: width)
            .map { Line($0, Style(.dim)) }
        var first = "η = \(rate(t.learningRate))"
        if t.settings.learningRateSchedule != .constant {
            first += " (\(t.settings.learningRateSchedule.formula(rate)), η₀ = \(rate(t.settings.learningRate)))"
        }
        if t.settings.momentum > 0 { first += dot + "α = \(rate(t.settings.momentum))" }
        if t.settings.weightDecay > 0 { first += dot + "λ = \(rate(t.settings.weightDecay))" }
        if t.settings.l1 > 0 {
            // L1's point: weights that land on exactly 0.
            let zeros = (0..<(t.network.sizes.count - 1)).reduce(0) { count, l in
                count + t.network.weights[l].dropFirst(t.network.sizes[l + 1]).filter { $0 == 0 }.count
            }
            first += dot + "L1 λ1 = \(rate(t.settings.l1)) (\(zeros) weight\(zeros == 1 ? "" : "s") at 0)"
        }
        first += dot + "batch \(explorer.batchSizeName)"
        if t.settings.dropout > 0 { first += dot + "dropout \(rate(t.settings.dropout))" }
        if let c = t.settings.maxNorm { first += dot + "max-norm \(rate(c))" }
        if t.trainsOnReferencePath { first += " (reference path: slower)" }
        // How big the weights have grown (a plateau, decay and divergence all show here).
        first += dot + "weights up to ±\(n(t.network.weights.joined().reduce(0) { max($0, abs($1)) }))"
        lines += wrap(glyphs.fold(first), width: width).map { Line($0, Style(.dim)) }
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

    /// The most lines any phase of the update on screen shows, so that walking its phases (p) keeps one
    /// layout rather than hiding and showing panels at each press.
    var mostPhaseLines: Int {
        let update: MLPUpdate
        if let pending = explorer.pending { update = pending.update } else if explorer.showingUpdatePhase, let u = explorer.trainer.lastUpdate {
            update = u
        } else { return 0 }
        return explorer.phases.enumerated().map { lines(for: update, upTo: $0.element, phaseNumber: $0.offset + 1).count }.max() ?? 0
    }

    private var formulas: DeltaFormulas { DeltaFormulas(explorer.trainer.settings, glyphs: glyphs) }

    /// The phase's name and its formula, in the lecture's notation.
    private func describe(_ phase: MLPExplorer.Phase, top: Int) -> (String, String) {
        switch phase {
        case .forward(let l):
            (l == top ? "forward to the output" : "forward to hidden layer \(l)",
             // The lecture's letters: x for the inputs (x_0 = 1 carries the bias), z for hidden outputs; into
             // the output, j counts the units below and k the output (its ȳ_k = Σ w_jk z_j).
             (l < top ? (l == 1 ? "net_j = Σ_i w_ij x_i (x_0 = 1: bias), " : "net_j = Σ_i w_ij z_i (z_0 = 1: bias), ")
                 : (l == 1 ? "net_k = Σ_j w_jk x_j (x_0 = 1: bias), " : "net_k = Σ_j w_jk z_j (z_0 = 1: bias), "))
                 + (l < top ? formulas.activationFormula
                    : explorer.trainer.settings.output == .softmax ? "ŷ = softmax(net)"
                    : explorer.trainer.settings.output == .linear ? "ŷ = net" : "ŷ_k = σ(net_k)"))
        case .outputDeltas: ("output deltas", formulas.outputFormula)
        case .hiddenDeltas(let l): ("deltas of hidden layer \(l) (old weights)", formulas.hiddenFormula)
        case .update:
            ("weight changes", "Δw_ij = η δ_j z_i" + (explorer.trainer.settings.momentum > 0 ? " + α Δw_ij(t−1)" : "")
                + (explorer.trainer.settings.weightDecay > 0 ? " − η λ w_ij (i ≥ 1: biases not decayed)" : "")
                + (explorer.trainer.settings.l1 > 0 ? " − η λ1 sign(w_ij) (i ≥ 1; stops at 0)" : "")
                + " (z_i = x_i from an input)")
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
            // What max-norm did right under the rule: on a small screen it must not give way to the Δw.
            if phase == .update { lines += maxNormLines(u) }
        }
        let sample = explorer.trainer.trainingSet[u.samples[u.samples.count - 1]]
        let batchNote = u.samples.count > 1 ? " (last of \(u.samples.count))" : ""
        // The numbers below are the last update's, computed before it changed the weights.
        var which = phase == nil ? "last update: " : ""
        if phase == nil, case .earlyStopped(let best, _) = explorer.trainer.status {
            which = "last update (epoch \(u.epoch); the weights are epoch \(best)'s): "
        }
        lines.append(Line(glyphs.fold("\(which)x = (\(n(sample.x1)), \(n(sample.x2)))   y = \(vector(u.target))\(batchNote)")))
        // Other features than x1, x2: what the input units saw of x.
        let features = explorer.trainer.network.features
        if features != InputFeature.coordinates {
            let names = features.map { $0.name }.joined(separator: ", ")
            let values = u.pass.activations[0].map(n).joined(separator: ", ")
            lines += wrap(glyphs.fold("inputs (\(names)) = (\(values))"), width: width).map { Line($0) }
        }
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
            for j in listedUnits(layer: l) {
                let name = l == top ? outputName(j) : explorer.unitName(layer: l, unit: j)
                let out = l == top ? "ŷ" : "z"
                let dropped = (u.mask?.isDropped(layer: l, unit: j) ?? false) ? " (dropped)" : ""
                var text = "\(name)\(dropped): net \(n(pass.preActivation(layer: l, unit: j)))  \(out) \(formulas.value(pass.activation(layer: l, unit: j), nearOne: true))"
                if l >= deltasFrom { text += "  δ \(formulas.value(pass.delta(layer: l, unit: j)))" }
                lines.append(Line(glyphs.fold(text), Style(l == top ? .emphasis : .plain)))
            }
            // A big layer is listed in part: say so, and how to see any one unit.
            if focus == nil, l < top, net.sizes[l] > Self.listedLimit {
                let rest = "\(explorer.unitName(layer: l, unit: Self.listedLimit - 2))…\(explorer.unitName(layer: l, unit: net.sizes[l] - 1))"
                lines.append(Line(glyphs.fold("… \(rest) not listed" + (keyHints ? ": u shows one unit" : "")), Style(.dim)))
            }
        }
        // One δ derived by the chain rule, then each worked out with its numbers under the formula it comes
        // from (where the panel is short these give way first: the formula and each δ are above).
        switch phase {
        case .outputDeltas: lines += chainLines(u, layer: top) + outputDeltaLines(u)
        case .hiddenDeltas(let l): lines += chainLines(u, layer: l) + hiddenDeltaLines(u, layer: l)
        default: break
        }
        if phase == .update {
            lines += allChangeLines(u)
            return fitted(lines)
        }
        if phase == nil {
            lines.append(Line(glyphs.fold(formulas.outputFormula), Style(.dim)))
            lines += outputDeltaLines(u)
            if top > 1 {
                lines.append(Line(glyphs.fold(formulas.hiddenFormula), Style(.dim)))
                for l in stride(from: top - 1, through: 1, by: -1) { lines += hiddenDeltaLines(u, layer: l) }
            }
            lines += weightChangeLines(u, top: top)
            if let focus { lines += incomingChangeLines(u, layer: focus.layer, unit: focus.unit) }
            lines += maxNormLines(u)
        }
        return fitted(lines)
    }

    /// Layers of more units than this list the first few only (every output is listed).
    static let listedLimit = 6

    /// The units of layer `l` whose numbers are listed: with a unit selected (u), that one (and every output);
    /// else all of a small layer and the first `listedLimit − 2` of a big one.
    private func listedUnits(layer l: Int) -> [Int] {
        let sizes = explorer.trainer.network.sizes
        if l == sizes.count - 1 { return Array(0..<sizes[l]) }
        if let focus = explorer.selectedUnit { return focus.layer == l ? [focus.unit] : [] }
        return sizes[l] > Self.listedLimit ? Array(0..<(Self.listedLimit - 2)) : Array(0..<sizes[l])
    }

    private func outputName(_ k: Int) -> String { explorer.trainer.network.sizes.last == 1 ? "o" : "o\(k + 1)" }

    /// Each output unit's δ with the update's numbers put into its formula (the first three; for softmax
    /// with squared error the shared sum s first).
    private func outputDeltaLines(_ u: MLPUpdate) -> [Line] {
        let sizes = explorer.trainer.network.sizes, top = sizes.count - 1
        let yhat = (0..<sizes[top]).map { u.pass.activation(layer: top, unit: $0) }
        var texts: [String] = []
        if let s = formulas.softmaxSumLine(target: u.target, output: yhat) { texts.append(s) }
        for k in 0..<min(3, sizes[top]) {
            texts.append(formulas.outputSubstituted(name: "δ_\(outputName(k))", k: k, target: u.target, output: yhat,
                                                    delta: u.pass.delta(layer: top, unit: k)))
        }
        if sizes[top] > 3 { texts.append("(δ of \(outputName(3))…\(outputName(sizes[top] - 1)) alike)") }
        return texts.map { Line(glyphs.fold($0)) }
    }

    /// The chain rule's way to one δ of layer `l`: the selected unit's, else the first's.
    private func chainLines(_ u: MLPUpdate, layer l: Int) -> [Line] {
        let sizes = explorer.trainer.network.sizes, top = sizes.count - 1
        // The first unit the update kept, unless one is selected: a dropped unit's δ is plainly 0.
        let kept = (0..<sizes[l]).first { !(u.mask?.isDropped(layer: l, unit: $0) ?? false) } ?? 0
        let j = explorer.selectedUnit.flatMap { $0.layer == l ? $0.unit : nil } ?? kept
        let texts: [String]
        if l < top, (u.mask?.isDropped(layer: l, unit: j) ?? false) {
            texts = ["chain rule: " + formulas.droppedDelta(name: "δ_\(explorer.unitName(layer: l, unit: j))")]
        } else if l == top {
            let yhat = (0..<sizes[top]).map { u.pass.activation(layer: top, unit: $0) }
            texts = formulas.outputChain(name: outputName(j), k: j, target: u.target, output: yhat, delta: u.pass.delta(layer: top, unit: j))
        } else {
            let own = ownOutput(u, layer: l, unit: j)
            texts = formulas.hiddenChain(name: explorer.unitName(layer: l, unit: j), net: u.pass.preActivation(layer: l, unit: j),
                                         z: own.z, terms: feedTerms(u, layer: l, unit: j), delta: u.pass.delta(layer: l, unit: j),
                                         keep: own.keep)
        }
        return texts.enumerated().map { Line(glyphs.fold($0.element), Style($0.offset == 0 ? .plain : .dim)) }
    }

    /// The (old) weights from unit `j` of layer `l` to the units it feeds, with their δ.
    private func feedTerms(_ u: MLPUpdate, layer l: Int, unit j: Int) -> [(weight: Double, delta: Double)] {
        let sizes = explorer.trainer.network.sizes
        return (0..<sizes[l + 1]).map { k in (weight: u.weightsBefore[l][(j + 1) * sizes[l + 1] + k], delta: u.pass.delta(layer: l + 1, unit: k)) }
    }

    /// Hidden layer `l`'s δ with the update's numbers: f′ from the unit's own values, the sum over the units
    /// it feeds with their (old) weights and δ. Every unit of a layer of at most four, else the selected one.
    private func hiddenDeltaLines(_ u: MLPUpdate, layer l: Int) -> [Line] {
        let sizes = explorer.trainer.network.sizes
        let selected = explorer.selectedUnit.flatMap { $0.layer == l ? $0.unit : nil }
        let units = sizes[l] <= 4 ? Array(0..<sizes[l]) : selected.map { [$0] } ?? []
        var lines = units.map { j -> Line in
            let name = "δ_\(explorer.unitName(layer: l, unit: j))"
            if (u.mask?.isDropped(layer: l, unit: j) ?? false) { return Line(glyphs.fold(formulas.droppedDelta(name: name))) }
            let own = ownOutput(u, layer: l, unit: j)
            return Line(glyphs.fold(formulas.hiddenSubstituted(name: name, net: u.pass.preActivation(layer: l, unit: j), z: own.z,
                                                               terms: feedTerms(u, layer: l, unit: j),
                                                               delta: u.pass.delta(layer: l, unit: j), keep: own.keep)))
        }
        if units.isEmpty, keyHints { lines.append(Line(glyphs.fold("u: one unit's δ worked out"), Style(.dim))) }
        return lines
    }

    /// Lines too wide for the panel, broken between their "  "-separated terms (a name and its value stay
    /// together), else between words.
    private func fitted(_ lines: [Line]) -> [Line] {
        lines.flatMap { line -> [Line] in
            guard line.width > width else { return [line] }
            let style = line.spans.first?.style ?? .plain
            let terms = line.text.components(separatedBy: "  ").filter { !$0.isEmpty }
            guard terms.count > 1, terms.allSatisfy({ $0.count + 2 <= width }) else {
                // An indented line (a step of a derivation) keeps its indent, and its continuation one more.
                let indent = line.text.prefix { $0 == " " }.count
                guard indent > 0, indent + 10 < width else { return wrap(line.text, width: width).map { Line($0, style) } }
                let pad = String(repeating: " ", count: indent)
                return wrap(String(line.text.dropFirst(indent)), width: width - indent - 1).enumerated().map {
                    Line(pad + ($0.offset == 0 ? "" : " ") + $0.element, style)
                }
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
        // From a big layer the first few, as the output's Δw line does: fifty changes fill the panel.
        let from = sizes[l - 1], listed = from > Self.listedLimit ? Self.listedLimit - 2 : from
        var parts = (0...listed).map { i -> String in
            let source = i == 0 ? "b" : (l == 1 ? explorer.inputName(i - 1) : explorer.unitName(layer: l - 1, unit: i - 1))
            return "\(source) \(change(changes[i * fanOut + j]))"
        }
        if listed < from { parts.append("… \(from - listed) more") }
        return [Line(glyphs.fold("Δw into \(name): " + parts.joined(separator: "  ")))]
    }

    /// The output layer's weight changes: Δw = η δ z + α Δw(t−1), with the momentum part when there is one.
    private func weightChangeLines(_ u: MLPUpdate, top: Int) -> [Line] {
        let net = explorer.trainer.network
        let changes = u.weightChanges[top - 1], momentum = u.momentumTerms[top - 1]
        let units = net.sizes[top - 1], outputs = net.sizes[top]
        var parts: [String] = []
        // A big layer's first few (the panel cannot hold fifty); the rest said, not cut silently.
        let listed = units > Self.listedLimit ? Self.listedLimit - 2 : units
        for i in 0...listed {
            let from = i == 0 ? "b" : (top > 1 ? explorer.unitName(layer: top - 1, unit: i - 1) : explorer.inputName(i - 1))
            parts.append("\(from) \(change(changes[i * outputs]))")
        }
        if listed < units { parts.append("… \(units - listed) more") }
        var lines = [Line(glyphs.fold("Δw^o (to \(outputs == 1 ? "o" : "o1")): " + parts.joined(separator: "  ")))]
        if explorer.trainer.settings.momentum > 0 {
            lines.append(Line(glyphs.fold("  of which momentum α·Δw(t−1):  " + (0...units).map { n(momentum[$0 * outputs]) }.joined(separator: ",  ")), Style(.dim)))
        }
        return lines
    }

    private func vector(_ v: [Double]) -> String { v.count == 1 ? n(v[0]) : formatVector(v, digits: 0, glyphs: glyphs) }
}
