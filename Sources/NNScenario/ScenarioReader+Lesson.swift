import NNCore
import Yams

/// The `lesson:` list: each item a mapping with one beat key (`say`, `step` with an optional `count`, `run`,
/// `set`, `focus`) or the word `pause`. What a beat may do depends on the model, so it is checked here, with
/// the place of each problem.
extension ScenarioReader {
    static let beatKeys = ["say", "step", "count", "run", "set", "focus", "pause"]

    func lesson(_ field: Field, chapter: Int?, model: ModelKind?) -> Lesson? {
        guard let items = field.list("a list of beats (say, step, run, set, focus, pause)") else { return nil }
        if items.isEmpty { field.fail("lesson must have at least one beat"); return nil }
        var beats: [LessonBeat] = []
        var valid = true
        for (i, node) in items.enumerated() {
            let item = field.item(node, named: "lesson[\(i)]")
            if let beat = self.beat(item, model: model) { beats.append(beat) } else { valid = false }
        }
        return valid ? Lesson(chapter: chapter, beats: beats) : nil
    }

    private func beat(_ item: Field, model: ModelKind?) -> LessonBeat? {
        if case .scalar(let scalar) = item.node {
            if scalar.string == "pause" { return .pause }
            item.fail("\(item.name) must be a beat such as {say: …} or pause, found '\(scalar.string)'")
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
            if value.node.tag.rawValue != Tag.Name.null.rawValue { value.fail("pause takes no value; write it as '- pause'"); return nil }
            return .pause
        case "step":
            return step(value, count: block.field("count"), model: model)
        case "run":
            if case .scalar(let scalar) = value.node, scalar.string == "until_converged" { return .run(.untilConverged) }
            if value.node.tag.rawValue == Tag.Name.int.rawValue {
                return value.integer(in: 1...100_000).map { .run(.epochs($0)) }
            }
            value.fail("run must be until_converged or a number of epochs, found \(value.node.found)")
            return nil
        case "set":
            return setting(value, model: model)
        default:   // focus
            if value.node.tag.rawValue == Tag.Name.null.rawValue { return .focus(nil) }
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
        if value.node.tag.rawValue == Tag.Name.int.rawValue {
            guard countField == nil else { value.fail("step is already a count: write step: \(allowed[0]) with count, or step: N"); return nil }
            return value.integer(in: 1...100_000).map { .step(allowed[0], count: $0) }
        }
        if case .scalar(let scalar) = value.node, let unit = StepUnit(rawValue: scalar.string), !allowed.contains(unit) {
            let named = switch model { case .perceptron: "a perceptron"; case .mlp: "an MLP"; case .cnn: "a CNN" }
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

    private func setting(_ value: Field, model: ModelKind?) -> LessonBeat? {
        guard let model else { return nil }
        let names = LessonSetting.names(for: model)
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
            else if field.node.tag.rawValue == Tag.Name.int.rawValue { setting = field.integer(in: 1...100_000).map { .earlyStopping($0) } }
            else { field.fail("early_stopping must be a patience in epochs or off, found \(field.node.found)"); setting = nil }
        case "dropout": setting = field.number(from: 0, below: 1).map(LessonSetting.dropout)
        case "max_norm":
            if case .scalar(let scalar) = field.node, scalar.string == "off" { setting = .maxNorm(nil) }
            else { setting = field.positiveNumber(atMost: 1000).map { .maxNorm($0) } }
        case "weights": setting = initialWeights(field).map(LessonSetting.weights)
        case "ghost": setting = field.choice(["on", "off"]).map { .ghost($0 == "on") }
        case "pooling": setting = field.choice(PoolingKind.self).map(LessonSetting.pooling)
        case "image": setting = field.integer(in: 0...1_000_000).map(LessonSetting.image)
        default: setting = field.choice(["shared", "per_map"]).map { .sharedScale($0 == "shared") }   // scale
        }
        return setting.map(LessonBeat.set)
    }

    /// Whether the mapping has keys besides `known` (reported as unknown when it was read).
    private func hasUnknownKeys(_ node: Node, known: [String]) -> Bool {
        if case .mapping(let mapping) = node { return mapping.count > known.count }
        return false
    }
}
