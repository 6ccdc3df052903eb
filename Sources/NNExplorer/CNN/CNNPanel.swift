import NNCore
import NNRender
import NNScenario

/// The side panel: what the network is and costs, its training figures, the probabilities for the image on screen, the
/// loss and test accuracy per epoch, and the test set's confusion matrix. When they do not all fit, parts
/// give way, the least needed first: for the confusion matrix (`c`, or a lesson's focus) the curves,
/// probabilities and description give way to it; a lesson about the curves drops the probabilities; else
/// the matrix, then the curves, then the description. The network's totals give way first (`P` shows them
/// by stage). Dropout's note (training only) gives way after the description, and the title then says what
/// size shows it (`screen`: the whole terminal). The figures (loss, accuracy, status, what dropout dropped)
/// always stay.
func drawPanel(_ p: CNNExplorer, _ outputs: [Tensor], in box: Rect, screen: Size, glyphs g: Glyphs, keyHints: Bool, focus: LessonPanel?,
               into frame: inout Frame) {
    let inner = box.inset(1)
    enum Part { case about, costs, settings, dropout, dropoutNote, figures, probabilities, curves, confusion }
    var parts: [Part: [Line]] = [:]
    let images = p.cnn.images.count == 1 ? "one image" : "\(p.cnn.images.count) images"
    let source = p.cnn.imagesName == "the inline image" ? "" : p.cnn.imagesName + ": "
    let costs = p.network.stageCosts
    let stages = p.network.layers.indices.map { l -> String in
        let shape = p.network.shapes[l + 1]
        let size = shape[1] == 1 && shape[2] == 1 ? "\(shape[0])" : "\(shape[0])×\(shape[1])×\(shape[2])"
        // Dropout acts on a dense stage's inputs, so it is listed before the stage.
        let dropout = p.dropoutRate > 0 && p.denseLayers.contains(l) ? "dropout \(formatNumber(p.dropoutRate)), " : ""
        return "\(dropout)\(stageName(p.network.layers[l])) \(size)"
    }
    // A stage's name and shape stay on one line ("dense 10" is not split).
    parts[.about] = [Line(g.fold("\(source)\(images), \(p.network.inputShape[1])×\(p.network.inputShape[2])"), Style(.dim))]
        + packed((["stages:"] + stages.indices.map { stages[$0] + ($0 + 1 < stages.count ? "," : "") }).map { Span($0, Style(.dim)) },
                 separator: " ", width: inner.width, glyphs: g)
    parts[.costs] = packed((["\(formatCount(costs.map(\.parameters).reduce(0, +))) parameters,", "\(formatCount(costs.map(\.multiplyAdds).reduce(0, +))) multiply-adds"]
                            + (keyHints ? ["(P: by stage)"] : [])).map { Span($0, Style(.dim)) }, separator: " ", width: inner.width, glyphs: g)
    if let t = p.trainer {
        let s = t.settings
        /// Figures joined by dots, a new line where the next does not fit (a narrow panel cuts none).
        func joined(_ items: [String]) -> [Line] {
            packed(items.map { Span($0) }, separator: " \(g.middleDot) ", width: inner.width, glyphs: g)
        }
        parts[.settings] = joined(["η = \(formatNumber(s.learningRate))", "α = \(formatNumber(s.momentum))", "batch \(s.batchSize)"]
                                  + (t.trainsInSinglePrecision ? ["single precision"] : []))
            + joined(["train \(t.trainingSet.count)", "test \(t.testSet.count) images"])
        if let dropout = dropoutLines(p, width: inner.width, glyphs: g) {
            (parts[.dropout], parts[.dropoutNote]) = dropout
        }
        var figures: [Line] = []
        if let last = t.history.last {
            figures += joined(["loss \(formatNumber(last.loss, digits: 3))", "train accuracy \(percent(last.accuracy))"])
            if let test = last.testAccuracy { figures.append(Line("test accuracy \(percent(test))", Style(test >= 0.98 ? .good : .plain))) }
        } else {
            // Mid-epoch (the status says which) no key hint: `n` was just pressed.
            let line = t.positionInEpoch > 0 ? "no epoch finished yet" : "no epoch yet" + (keyHints ? " (n, e or space)" : "")
            figures.append(Line(g.fold(line), Style(.dim)))
        }
        let status = switch t.status {
        case .running where p.isTraining:
            t.testing.map { "epoch \(t.epoch), testing \(formatCount($0.done))/\(formatCount($0.of)) images" }
                ?? "epoch \(t.epoch), \(formatCount(t.positionInEpoch))/\(formatCount(t.trainingSet.count)) images"
        case .running: t.positionInEpoch == 0 ? "\(t.epoch) of \(s.maxEpochs) epochs done" : "in epoch \(t.epoch) of \(s.maxEpochs)"
        case .finished(let epochs): "done: \(epochs) epochs"
        case .diverged(let epoch): "diverged at epoch \(epoch): the loss overflowed"
        }
        // A narrow panel wraps the status word by word rather than cutting it.
        let statusLine = Line(g.fold("status: " + status), Style(t.status == .running ? .plain : .good))
        figures += statusLine.width <= inner.width ? [statusLine]
            : packed(("status: " + status).split(separator: " ").map { Span(String($0), statusLine.spans[0].style) }, separator: " ",
                     width: inner.width, glyphs: g)
        if p.isTraining { figures += progressLines(p, t, width: inner.width, glyphs: g) }
        parts[.figures] = figures
        if !t.history.isEmpty {
            parts[.curves] = [Line("")] + curvesLegend(t, width: inner.width, glyphs: g) + Array(repeating: Line(""), count: curvesHeight)
        }
    }
    let confusion = p.confusion.flatMap { confusionWidth(classes: $0.count) <= inner.width ? $0 : nil }
    if let confusion { parts[.confusion] = Array(repeating: Line(""), count: confusion.count + 3) }
    // A lesson about the curves or the confusion matrix needs their room more than the probabilities'.
    let figuresFirst = focus == .curves || focus == .confusion
    let probabilities = p.network.endsInSoftmax && !figuresFirst ? outputs.last : nil
    func probabilityLines(twoColumns: Bool) -> [Line] {
        guard let probabilities else { return [] }
        return (twoColumns ? [] : [Line("")]) + probabilityBars(probabilities, p, width: inner.width, twoColumns: twoColumns, glyphs: g)
    }
    parts[.probabilities] = probabilityLines(twoColumns: false)
    // Least needed first.
    let dropOrder: [Part] = p.showConfusion || focus == .confusion ? [.costs, .curves, .probabilities, .about, .dropoutNote, .settings]
        : focus == .curves ? [.costs, .confusion, .about, .dropoutNote, .settings]
        : [.costs, .confusion, .curves, .about, .dropoutNote, .settings, .probabilities]
    let order: [Part] = [.about, .costs, .settings, .dropout, .dropoutNote, .figures, .probabilities, .curves, .confusion]
    func height() -> Int { order.reduce(0) { $0 + (parts[$1]?.count ?? 0) } }
    if height() > inner.height, probabilities != nil, let classes = probabilities?.values.count, classes > 1 {
        parts[.probabilities] = probabilityLines(twoColumns: true)
    }
    var noteAt: Int?
    for part in dropOrder where height() > inner.height {
        // The parts before it are gone: the rows still lacking are those a taller screen adds.
        if part == .dropoutNote, parts[part] != nil { noteAt = screen.height + height() - inner.height }
        parts[part] = nil
    }
    let title = p.trainer == nil ? "network" : "training"
    let titles = noteAt.map { ["\(title) \(g.middleDot) dropout note at \(screen.width)\(g.unicode ? "×" : "x")\($0)",
                               "\(title) \(g.middleDot) note at \(screen.width)\(g.unicode ? "×" : "x")\($0)"] } ?? [title]
    frame.drawBox(box, title: g.fold(titles.first { Line(g.fold($0)).width + 5 <= box.width } ?? titles.last!), glyphs: g)
    var row = inner.y
    for part in order {
        guard let lines = parts[part] else { continue }
        let area = Rect(x: inner.x, y: row, width: inner.width, height: max(0, min(lines.count, inner.maxY - row)))
        switch part {
        case .curves:
            if let t = p.trainer {
                frame.put(lines: Array(lines.dropLast(curvesHeight)), in: area, glyphs: g)
                drawCurves(t, in: Rect(x: inner.x, y: row + lines.count - curvesHeight, width: inner.width, height: curvesHeight),
                           clip: inner, glyphs: g, into: &frame)
            }
        case .confusion:
            if let confusion { drawConfusion(confusion, at: row + 1, in: inner, glyphs: g, into: &frame) }
        default:
            frame.put(lines: lines, in: area, glyphs: g)
        }
        row += lines.count
    }
}

/// `items` joined by `separator` into lines of at most `width` columns, a new line where the next item does
/// not fit (an item wider than `width` has a line of its own).
func packed(_ items: [Span], separator: String, width: Int, glyphs g: Glyphs) -> [Line] {
    var lines: [Line] = []
    for item in items.map({ Span(g.fold($0.text), $0.style) }) {
        if let last = lines.last, last.width + separator.count + item.text.count <= width {
            lines[lines.count - 1].spans += [Span(separator), item]
        } else {
            lines.append(Line([item]))
        }
    }
    return lines
}

/// Rows of the loss and test accuracy chart (its epoch axis included).
private let curvesHeight = 5

/// The chart's legend: which curve is which and on which axis, in one line when it fits.
private func curvesLegend(_ t: CNNTrainer, width: Int, glyphs g: Glyphs) -> [Line] {
    let dashes = g.unicode ? "⠤ ⠤" : ": :"
    guard t.history.allSatisfy({ $0.testAccuracy != nil }) else { return [Line("loss per epoch", Style(.label))] }
    let choices = [["loss per epoch (left) \(g.middleDot) test accuracy \(dashes) (right)"],
                   ["loss per epoch (left axis)", "test accuracy \(dashes) (right axis)"],
                   ["loss per epoch (left)", "test accuracy \(dashes) (right)"]]
    let lines = choices.first { $0.allSatisfy { g.fold($0).count <= width } } ?? choices.last!
    return lines.map { Line(g.fold($0), Style(.label)) }
}

/// The training loss on the left axis and the test accuracy, in per cent, on a right axis of its own (a loss
/// and an accuracy have different units and ranges, so they never share one).
private func drawCurves(_ t: CNNTrainer, in area: Rect, clip: Rect, glyphs g: Glyphs, into frame: inout Frame) {
    guard area.maxY <= clip.maxY else { return }
    var chart = LineChart(series: [.init(values: t.history.map(\.loss), style: Style(.trainingCurve))])
    let accuracy = t.history.compactMap(\.testAccuracy)
    if accuracy.count == t.history.count {
        chart.series.append(.init(values: accuracy.map { $0 * 100 }, style: Style(.validationCurve), dashed: true, rightAxis: true))
        chart.rightAxisUnit = "%"
    }
    chart.render(into: &frame, area: area, glyphs: g)
}

/// Columns a confusion matrix of `classes` classes takes: a row label and three columns a count.
func confusionWidth(classes: Int) -> Int { 3 + 3 * classes }

/// The test set's confusion matrix (`[true][predicted]`) under its title, from `row`.
private func drawConfusion(_ confusion: [[Int]], at row: Int, in inner: Rect, glyphs g: Glyphs, into frame: inout Frame) {
    let cellWidth = 3
    frame.put(Line(g.fold("test: rows true, cols predicted"), Style(.label)).truncated(to: inner.width, glyphs: g), column: inner.x, row: row)
    let header = (0..<confusion.count).map { String(repeating: " ", count: cellWidth - String($0).count) + String($0) }.joined()
    frame.put(Line("   " + header, Style(.dim)), column: inner.x, row: row + 1, clip: inner)
    let largest = Double(confusion.flatMap { $0 }.max() ?? 1)
    for (k, counts) in confusion.enumerated() {
        frame.put(Line(String(repeating: " ", count: 2 - String(k).count) + "\(k) ", Style(.dim)), column: inner.x, row: row + 2 + k, clip: inner)
        for (j, count) in counts.enumerated() {
            let text = count == 0 ? (g.unicode ? "·" : ".") : String(count)
            let role: ColorRole = count == 0 ? .dim : j == k ? .good : .bad
            let strong = Double(count) >= largest / 2
            frame.put(Line(String(repeating: " ", count: max(0, cellWidth - text.count)) + text, Style(role, attributes: strong ? [.bold] : [])),
                      column: inner.x + 3 + j * cellWidth, row: row + 2 + k, clip: inner)
        }
    }
}

/// The output probabilities as bars, the true class starred and the predicted one coloured, under a line
/// naming both; in two columns when one would be too tall.
private func probabilityBars(_ probabilities: Tensor, _ p: CNNExplorer, width: Int, twoColumns: Bool, glyphs g: Glyphs) -> [Line] {
    let predicted = CNNTrainer.predictedClass(probabilities)
    let classes = probabilities.values.count
    let label = p.probeImage.label
    var lines = [p.probeName.map { Line("P(class): \($0), got \(predicted)", Style(.label)) }
                 ?? Line(g.fold("P(class): true \(label), got \(predicted)"), Style(predicted == label ? .good : .bad))]
    let columnWidth = twoColumns ? width / 2 : width
    let barWidth = max(2, columnWidth - 10)
    func bar(_ k: Int) -> [Span] {
        let value = probabilities.values[k]
        let filled = value.isFinite ? Int((min(1, max(0, value)) * Double(barWidth)).rounded()) : 0
        let mark = k == p.probeImage.label ? "*" : " "
        let text = formatNumber(value, digits: 2, glyphs: g)
        let padding = String(repeating: " ", count: max(0, barWidth - filled + 5 - text.count))
        return [Span("\(mark)\(k) "), Span(String(repeating: g.unicode ? "█" : "#", count: filled), Style(k == predicted ? .classB : .classA)),
                Span(" " + text, Style(.dim)), Span(padding)]
    }
    let half = twoColumns ? (classes + 1) / 2 : classes
    for k in 0..<half {
        lines.append(Line(bar(k) + (twoColumns && k + half < classes ? bar(k + half) : [])))
    }
    return lines
}

/// While `e` or play trains: a bar of the epoch (or of its test pass) and, with the front end's clock, images a
/// second and the time the epoch's training still takes.
private func progressLines(_ p: CNNExplorer, _ t: CNNTrainer, width: Int, glyphs g: Glyphs) -> [Line] {
    let (done, total) = t.testing ?? (t.positionInEpoch, t.trainingSet.count)
    let fraction = Double(done) / Double(max(1, total))
    let label = " \(Int((fraction * 100).rounded(.down)))%"
    let barWidth = max(1, width - 5)
    let filled = Int((fraction * Double(barWidth)).rounded(.down))
    var lines = [Line([Span(String(repeating: g.unicode ? "█" : "#", count: filled), Style(.classA)),
                       Span(String(repeating: g.unicode ? "░" : "-", count: barWidth - filled), Style(.dim)), Span(label)])]
    if t.testing == nil, let rate = p.speed.imagesPerSecond, let left = p.speed.secondsFor(t.trainingSet.count - t.positionInEpoch) {
        lines += packed(["\(formatCount(Int(rate.rounded()))) images/s,", "\(formatDuration(seconds: left)) to go"].map { Span($0) },
                        separator: " ", width: width, glyphs: g)
    }
    return lines
}

private func percent(_ v: Double) -> String { formatNumber(v * 100, digits: 1) + "%" }
