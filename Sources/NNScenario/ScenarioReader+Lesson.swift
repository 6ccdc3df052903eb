import NNCore
import Yams

/// The `lesson:` list: each item a mapping with one beat key (`say`, `step` with an optional `count`, `run`,
/// `set`, `focus`) or the word `pause`. What a beat may do depends on the model, so it is checked here, with
/// the place of each problem.
extension ScenarioReader {
    static let beatKeys = ["say", "step", "count", "run", "set", "focus", "pause"]

    /// `network`: a CNN scenario's input shape and stages, which `set: {pool: …}`, `set: {shift: …}` and
    /// `set: {dropout: …}` are checked against (nil when they could not be read).
    /// `mlpSizes`: an MLP scenario's layer sizes, which `set: {surface_weights: …}` is checked against as the
    /// beats before it leave them (`hidden_units` changes every hidden layer by the same number of units).
    func lesson(_ field: Field, chapter: Int?, model: ModelKind?, network: (inputShape: [Int], layers: [CNNLayer])? = nil,
                mlpSizes: [Int]? = nil) -> Lesson? {
        guard let items = field.list("a list of beats (say, step, run, set, focus, pause)") else { return nil }
        if items.isEmpty { field.fail("lesson must have at least one beat"); return nil }
        var beats: [LessonBeat] = []
        var valid = true
        var sizes = mlpSizes.map { LessonMLPSizes(sizes: $0) }
        for (i, node) in items.enumerated() {
            let item = field.item(node, named: "lesson[\(i)]")
            if let beat = self.beat(item, model: model, network: network, sizes: sizes) {
                beats.append(beat)
                if case .set(let setting) = beat { sizes?.apply(setting) }
            } else {
                valid = false
            }
        }
        return valid ? Lesson(chapter: chapter, beats: beats) : nil
    }

    private func beat(_ item: Field, model: ModelKind?, network: (inputShape: [Int], layers: [CNNLayer])?, sizes: LessonMLPSizes?) -> LessonBeat? {
        if case .scalar(let scalar) = item.node {
            if scalar.string == "pause" { return .pause }
            item.fail("\(item.name) must be a beat such as {say: …} or pause, found \(quotedForMessage(scalar.string))")
            return nil
        }
        guard let block = MappingReader(item, keys: Self.beatKeys) else { return nil }
        let kinds = block.presentKeys.filter { $0 != "count" }
        guard kinds.count == 1, let kind = kinds.first else {
            if kinds.isEmpty, hasUnknownKeys(item.node, known: block.presentKeys) { return nil }   // already reported
            block.reportMissing(kinds.isEmpty ? "\(item.name) needs one of say, step, run, set, focus, pause"
                                : "\(item.name) has \(kinds.joined(separator: " and ")): one beat an item")
            return nil
        }
        if kind != "step", let count = block.field("count") {
            count.failAtKey("count belongs to a step beat, not to \(kind)")
            return nil
        }
        let value = block.field(kind)!
        switch kind {
        case "say":
            return value.line().map(LessonBeat.say)
        case "pause":
            if !value.node.isNull { value.fail("pause takes no value; write it as '- pause'"); return nil }
            return .pause
        case "step":
            return step(value, count: block.field("count"), model: model)
        case "run":
            if model == .threshold {
                value.failAtKey("a threshold network is not trained, so there is nothing to run; step: sample shows the next point")
                return nil
            }
            if case .scalar(let scalar) = value.node, scalar.string == "until_converged" { return .run(.untilConverged) }
            if value.node.isInteger {
                return value.integer(in: 1...100_000).map { .run(.epochs($0)) }
            }
            value.fail("run must be until_converged or a number of epochs, found \(value.node.found)")
            return nil
        case "set":
            return setting(value, model: model, network: network, sizes: sizes)
        default:   // focus
            if value.node.isNull { return .focus(nil) }
            guard let model else { return nil }
            return value.choice(LessonPanel.panels(for: model).map(\.rawValue) + ["none"]).map { .focus(LessonPanel(rawValue: $0)) }
        }
    }

    private func step(_ value: Field, count countField: Field?, model: ModelKind?) -> LessonBeat? {
        guard let model else { return nil }
        let allowed = StepUnit.allowed(for: model)
        var count = 1
        if let countField {
            guard let n = countField.integer(in: 1...100_000) else { return nil }
            count = n
        }
        if value.node.isInteger {
            guard countField == nil else { value.fail("step is already a count: write step: \(allowed[0]) with count, or step: N"); return nil }
            return value.integer(in: 1...100_000).map { .step(allowed[0], count: $0) }
        }
        if case .scalar(let scalar) = value.node, let unit = StepUnit(rawValue: scalar.string), !allowed.contains(unit) {
            let named = switch model { case .perceptron: "a perceptron"; case .mlp: "an MLP"; case .cnn: "a CNN"; case .threshold: "a threshold network" }
            value.fail("\(named) scenario steps by \(allowed.map(\.rawValue).joined(separator: ", ")), not by \(unit.rawValue)")
            return nil
        }
        guard let unit = value.choice(allowed.map(\.rawValue)).flatMap(StepUnit.init(rawValue:)) else { return nil }
        if unit == .visit, let countField {
            countField.failAtKey("step: visit shows the next visit, one at a time: it takes no count")
            return nil
        }
        return .step(unit, count: count)
    }

    private func setting(_ value: Field, model: ModelKind?, network: (inputShape: [Int], layers: [CNNLayer])?,
                         sizes: LessonMLPSizes?) -> LessonBeat? {
        guard let model else { return nil }
        let names = LessonSetting.names(for: model)
        if names.isEmpty {
            value.failAtKey("a \(model.rawValue) network has no settings to change: its weights are set by hand in the \(model.rawValue) block")
            return nil
        }
        guard let block = MappingReader(value, keys: names) else { return nil }
        guard block.presentKeys.count == 1, let name = block.presentKeys.first, let field = block.field(name) else {
            if block.presentKeys.isEmpty {
                if hasUnknownKeys(value.node, known: block.presentKeys) { return nil }   // already reported
                block.reportMissing("set needs one of \(names.joined(separator: ", "))")
            } else {
                block.reportMissing("set changes one setting a beat; found \(block.presentKeys.joined(separator: ", "))")
            }
            return nil
        }
        let setting: LessonSetting?
        switch name {
        case "learning_rate": setting = field.positiveNumber(atMost: 1000).map(LessonSetting.learningRate)
        case "momentum": setting = field.number(from: 0, below: 1).map(LessonSetting.momentum)
        case "weight_decay": setting = field.nonNegativeNumber(atMost: 1).map(LessonSetting.weightDecay)
        case "dataset": setting = field.choice(LessonSetting.datasets(for: model)).map(LessonSetting.dataset)
        case "hidden_units": setting = field.integer(in: 1...64).map(LessonSetting.hiddenUnits)
        case "activation": setting = field.choice(Activation.self).map(LessonSetting.activation)
        case "early_stopping":
            if case .scalar(let scalar) = field.node, scalar.string == "off" { setting = .earlyStopping(nil) }
            else if field.node.isInteger { setting = field.integer(in: 1...100_000).map { .earlyStopping($0) } }
            else { field.fail("early_stopping must be a patience in epochs or off, found \(field.node.found)"); setting = nil }
        case "dropout":
            // A CNN's dropout needs a trained network with a dense stage, as its `D` key does.
            if let layers = network?.layers, let problem = Self.dropoutProblem(layers, named: "this network") {
                field.failAtKey("set: " + problem)
                setting = nil
            } else { setting = field.number(from: 0, below: 1).map(LessonSetting.dropout) }
        case "max_norm":
            if case .scalar(let scalar) = field.node, scalar.string == "off" { setting = .maxNorm(nil) }
            else { setting = field.positiveNumber(atMost: 1000).map { .maxNorm($0) } }
        case "weights": setting = initialWeights(field).map(LessonSetting.weights)
        case "ghost": setting = field.choice(["on", "off"]).map { .ghost($0 == "on") }
        case "pooling": setting = field.choice(PoolingKind.self).map(LessonSetting.pooling)
        case "pool": setting = poolingStage(field).flatMap { replacingPooling($0, field, network) }.map(LessonSetting.pool)
        case "shift": setting = shift(field, network)
        case "image": setting = field.integer(in: 0...1_000_000).map(LessonSetting.image)
        case "surface_error": setting = field.choice(SurfaceError.self).map(LessonSetting.surfaceError)
        case "surface_weights": setting = surfaceWeights(field, sizes: sizes)
        default: setting = field.choice(["shared", "per_map"]).map { .sharedScale($0 == "shared") }   // scale
        }
        return setting.map(LessonBeat.set)
    }

    /// `set: {pool: …}` only where the network has a pooling stage, is not trained (it learned with its
    /// pooling), and keeps its weights when every pooling stage becomes `pool`.
    private func replacingPooling(_ pool: CNNLayer, _ field: Field, _ network: (inputShape: [Int], layers: [CNNLayer])?) -> CNNLayer? {
        guard let network else { return pool }
        let layers = network.layers.map { if case .pooling = $0 { pool } else { $0 } }
        guard network.layers.contains(where: { if case .pooling = $0 { true } else { false } }) else {
            field.failAtKey("set: pool changes the network's pooling stages, and this network has none")
            return nil
        }
        if network.layers.last == .softmax {
            field.failAtKey("set: pool needs hand-set kernels: a trained network learned with its own pooling")
            return nil
        }
        var shape = network.inputShape, old = network.inputShape
        for (l, layer) in layers.enumerated() {
            guard case .success(let next) = layer.outputShape(shape), case .success(let oldNext) = network.layers[l].outputShape(old) else {
                field.fail("pool does not fit the \(shape[0])×\(shape[1])×\(shape[2]) maps it would pool (stage \(l + 1))")
                return nil
            }
            if layer.parameterCount(shape) != network.layers[l].parameterCount(old) {
                field.fail("pool changes the maps' shape, and stage \(l + 1)'s weights were made for the old shape")
                return nil
            }
            (shape, old) = (next, oldNext)
        }
        return pool
    }

    /// `set: {shift: [right, down]}`: two whole numbers of pixels, less than the image's width and height.
    private func shift(_ field: Field, _ network: (inputShape: [Int], layers: [CNNLayer])?) -> LessonSetting? {
        let expected = "a list of 2 integers [right, down] (pixels; negative: left, up)"
        guard let items = field.list(expected) else { return nil }
        guard items.count == 2 else {
            field.fail("shift must be \(expected), found \(items.count) item\(items.count == 1 ? "" : "s")")
            return nil
        }
        let width = network?.inputShape[2] ?? 64, height = network?.inputShape[1] ?? 64
        let right = field.item(items[0], named: "shift[0]").integer(in: (1 - width)...(width - 1))
        let down = field.item(items[1], named: "shift[1]").integer(in: (1 - height)...(height - 1))
        guard let right, let down else { return nil }
        return .shift(right: right, down: down)
    }

    /// Two different weights `[[layer, from, to], [layer, from, to]]` (from 0: the bias), each one the network
    /// has when the beat plays (`sizes`, when known).
    private func surfaceWeights(_ field: Field, sizes: LessonMLPSizes?) -> LessonSetting? {
        let expected = "two weights [[layer, from, to], [layer, from, to]] (from 0 is the bias)"
        guard let items = field.list(expected) else { return nil }
        guard items.count == 2 else { field.fail("surface_weights must be \(expected), found \(items.count) item\(items.count == 1 ? "" : "s")"); return nil }
        let weights = items.enumerated().map { n, node -> WeightIndex? in
            let item = field.item(node, named: "surface_weights[\(n)]")
            guard let parts = item.list("[layer, from, to]") else { return nil }
            guard parts.count == 3 else { item.fail("\(item.name) must be [layer, from, to], found \(parts.count) numbers"); return nil }
            guard let layer = item.item(parts[0], named: "\(item.name) layer").integer(in: sizes?.layers ?? 0...64) else { return nil }
            let from = item.item(parts[1], named: "\(item.name) from").integer(in: sizes?.from(layer) ?? 0...64)
            let to = item.item(parts[2], named: "\(item.name) to").integer(in: sizes?.to(layer) ?? 0...64)
            guard let from, let to else { return nil }
            return WeightIndex(layer: layer, from: from, to: to)
        }
        guard let a = weights[0], let b = weights[1] else { return nil }
        guard a != b else { field.fail("surface_weights must be two different weights"); return nil }
        return .surfaceWeights(a, b)
    }

    /// Whether the mapping has keys besides `known` (reported as unknown when it was read).
    private func hasUnknownKeys(_ node: Node, known: [String]) -> Bool {
        if case .mapping(let mapping) = node { return mapping.count > known.count }
        return false
    }
}

/// An MLP's layer sizes as a lesson's beats leave them, for checking the weights a beat names.
struct LessonMLPSizes {
    var sizes: [Int]
    /// False once a beat changes the data set: its classes may change the outputs.
    var outputsKnown = true

    mutating func apply(_ setting: LessonSetting) {
        switch setting {
        case .hiddenUnits(let units) where sizes.count > 2:
            // As the explorer does: every hidden layer changes by the first one's difference.
            let change = units - sizes[1]
            for l in 1..<(sizes.count - 1) { sizes[l] = min(64, max(1, sizes[l] + change)) }
        case .dataset: outputsKnown = false
        default: break
        }
    }

    /// The layers of weights (0: from the inputs).
    var layers: ClosedRange<Int> { 0...(sizes.count - 2) }
    /// A layer's units a weight comes from (0: the bias).
    func from(_ layer: Int) -> ClosedRange<Int> { 0...sizes[layer] }
    /// A layer's units a weight goes to (counted from 0).
    func to(_ layer: Int) -> ClosedRange<Int> { layer == sizes.count - 2 && !outputsKnown ? 0...63 : 0...(sizes[layer + 1] - 1) }
}
