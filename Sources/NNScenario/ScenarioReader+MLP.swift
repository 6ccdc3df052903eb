import NNCore
import Yams

/// The `mlp:` block (issue 3 fixes the names); absent keys keep `MLPSettings()`'s defaults.
extension ScenarioReader {
    static let mlpKeys = ["layers", "activation", "output", "loss", "learning_rate", "momentum", "weight_decay",
                          "batch_size", "order", "init", "init_range", "initial_weights", "max_epochs",
                          "validation_split", "early_stopping", "restarts", "dropout", "max_norm", "features", "l1",
                          "learning_rate_schedule", "stop_when", "task"]
    static let tasks = ["classification", "regression"]
    static let initializations = ["uniform", "xavier", "he"]

    /// The settings (nil when any value was wrong), the number of output units (nil when `layers` was wrong),
    /// which the data's labels are checked against, whether the task is regression (the data then holds
    /// targets; nil when `task` was wrong), and the `validation_split` and `batch_size` fields (checked against
    /// the number of points once the data is read).
    func mlpSettings(_ field: Field) -> (settings: MLPSettings?, outputs: Int?, regression: Bool?, validationField: Field?, batchField: Field?) {
        guard let block = MappingReader(field, keys: Self.mlpKeys) else { return (nil, nil, false, nil, nil) }
        var settings = MLPSettings()
        // `task: regression` makes a linear output the default (a value, not a class probability).
        let task = block.field("task").map { $0.choice(Self.tasks) } ?? "classification"
        let regression = task == "regression"
        if regression { settings.output = .linear }
        var wrong: Set<String> = []   // keys whose values were reported
        func read<T>(_ key: String, _ value: (Field) -> T?, into path: WritableKeyPath<MLPSettings, T>) {
            guard let field = block.field(key) else { return }
            if let value = value(field) { settings[keyPath: path] = value } else { wrong.insert(key) }
        }
        read("features", features, into: \.features)
        if let field = block.field("layers") {
            if let sizes = layers(field, features: wrong.contains("features") ? nil : settings.features) { settings.sizes = sizes } else { wrong.insert("layers") }
        } else {
            settings.sizes[0] = settings.features.count   // without layers: the default network on these features
        }
        let sizesKnown = !wrong.contains("layers")
        read("activation", { $0.choice(Activation.self) }, into: \.activation)
        read("output", { $0.choice(OutputActivation.self) }, into: \.output)
        read("loss", { $0.choice(Loss.self) }, into: \.loss)
        read("learning_rate", { $0.positiveNumber(atMost: 1000) }, into: \.learningRate)
        read("momentum", { $0.number(from: 0, below: 1) }, into: \.momentum)
        read("weight_decay", { $0.nonNegativeNumber(atMost: 1) }, into: \.weightDecay)
        read("l1", { $0.nonNegativeNumber(atMost: 1) }, into: \.l1)
        read("learning_rate_schedule", learningRateSchedule, into: \.learningRateSchedule)
        read("batch_size", { $0.integer(in: 1...Self.maxBatchSize) }, into: \.batchSize)
        read("order", { $0.choice(SampleOrder.self) }, into: \.order)
        read("max_epochs", { $0.integer(in: 1...1_000_000) }, into: \.maxEpochs)
        read("validation_split", { $0.number(from: 0, below: 1) }, into: \.validationSplit)
        read("restarts", { $0.integer(in: 1...100) }, into: \.restarts)
        read("dropout", { $0.number(from: 0, below: 1) }, into: \.dropout)
        read("max_norm", { field in
            // `off` as in a lesson's `set:` (the same as leaving the key out).
            if case .scalar(let scalar) = field.node, scalar.string == "off" { return .some(nil) }
            return field.positiveNumber(atMost: 1000).map(Optional.some)
        }, into: \.maxNorm)
        if let field = block.field("stop_when") {
            let split = wrong.contains("validation_split") ? 1 : settings.validationSplit   // a wrong split was reported
            if let condition = stopCondition(field, validationSplit: split) { settings.stopWhen = condition } else { wrong.insert("stop_when") }
        }
        if sizesKnown, settings.dropout > 0, settings.sizes.count == 2, let dropout = block.field("dropout") {
            dropout.fail("dropout drops hidden units, but layers \(settings.sizes) has no hidden layer")
            wrong.insert("dropout")
        }
        if let initialization = initialization(block) { settings.initialization = initialization } else { wrong.insert("init") }
        if sizesKnown, let field = block.field("initial_weights") {
            if let weights = initialWeights(field, sizes: settings.sizes) {
                settings.initialWeights = weights
            } else {
                wrong.insert("initial_weights")
            }
        }
        if let field = block.field("early_stopping") {
            if let patience = patience(field) { settings.patience = patience } else { wrong.insert("early_stopping") }
            if settings.validationSplit == 0, !wrong.contains("validation_split") {
                field.failAtKey("early_stopping needs validation_split greater than 0: "
                                + "it watches the loss on the held-out points")
                wrong.insert("early_stopping")
            }
        }
        if sizesKnown, settings.output == .softmax, settings.sizes.last == 1, let output = block.field("output") {
            output.fail("output softmax needs at least 2 output units, one per class, but layers ends in 1 "
                        + "(one sigmoid unit tells two classes apart)")
            wrong.insert("output")
        }
        if !checkTask(block, settings, regression: regression, sizesKnown: sizesKnown, wrong: wrong) { wrong.insert("task") }
        return (wrong.isEmpty && task != nil ? settings : nil, sizesKnown ? settings.sizes.last : nil, task.map { $0 == "regression" },
                block.field("validation_split"), block.field("batch_size"))
    }

    /// `task: regression` predicts one value with a linear output under squared error; a classification
    /// has no linear output. False once a problem was reported.
    private func checkTask(_ block: MappingReader, _ settings: MLPSettings, regression: Bool, sizesKnown: Bool,
                           wrong: Set<String>) -> Bool {
        var fine = true
        if !regression {
            if settings.output == .linear, let output = block.field("output") {
                output.fail("output linear is for task: regression; a classification needs output sigmoid or softmax, "
                            + "whose outputs are class probabilities")
                fine = false
            }
            return fine
        }
        if settings.output != .linear, !wrong.contains("output"), let output = block.field("output") {
            output.fail("task regression needs output linear: \(settings.output.rawValue) squashes ŷ into (0, 1), "
                        + "so it cannot reach targets outside it")
            fine = false
        }
        if settings.loss != .squaredError, !wrong.contains("loss"), let loss = block.field("loss") {
            loss.fail("task regression needs loss squared_error: \(settings.loss.rawValue) compares class probabilities")
            fine = false
        }
        if sizesKnown, let outputs = settings.sizes.last, outputs != 1, let layers = block.field("layers") {
            layers.fail("task regression predicts one value: layers must end in 1 output unit, found \(outputs)")
            fine = false
        }
        if let condition = settings.stopWhen, let stop = block.field("stop_when") {
            for measure in [StopCondition.Measure.accuracy, .validationAccuracy] where condition.thresholds[measure] != nil {
                stop.fail("stop_when \(measure.rawValue) has no meaning in task regression (a value has no class): "
                          + "use train_loss or val_loss")
                fine = false
            }
        }
        return fine
    }

    /// A validation split must leave at least 2 points to train on (the trainer holds out
    /// `round(count × split)` points, at most all but one).
    /// A batch is at most this many points (the most a data set holds); a larger one is an error, not memory
    /// for a batch that cannot fill it.
    static let maxBatchSize = 1_000_000

    /// `validation_split` must leave at least 2 points to train on, and `batch_size` no more than those.
    func checkAgainstData(_ settings: MLPSettings, validationField: Field?, batchField: Field?, pointCount count: Int) {
        let held = Int((Double(count) * settings.validationSplit).rounded())
        if let validationField, settings.validationSplit > 0, count - held < 2 {
            validationField.fail("validation_split \(formatted(settings.validationSplit)) holds out \(held) of the \(count) points, "
                                 + "leaving \(max(0, count - held)) to train on; it must leave at least 2")
        } else if let batchField, settings.batchSize > count - held {
            let points = settings.validationSplit > 0 ? "the \(plural(count - held, "training point")) (validation_split holds out \(held))"
                : "the data's \(plural(count, "point"))"
            batchField.fail("batch_size \(settings.batchSize) is more than \(points); at most \(count - held)")
        }
    }

    private func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// `init` and `init_range` (nil once reported): the range belongs to uniform draws only, as Xavier and He
    /// set their own.
    private func initialization(_ block: MappingReader) -> Initialization? {
        let rangeField = block.field("init_range")
        let name = block.field("init").map { $0.choice(Self.initializations) } ?? "uniform"
        let range = rangeField.map { $0.positiveNumber(atMost: 100) } ?? Self.defaultUniformRange
        guard let name, let range else { return nil }
        if name == "uniform" { return .uniform(range: range) }
        if let rangeField {
            rangeField.failAtKey("init_range is only for init uniform; \(name) sets its own range from the layer sizes")
            return nil
        }
        return name == "he" ? .he : .xavier
    }

    private static var defaultUniformRange: Double {
        if case .uniform(let range) = MLPSettings().initialization { range } else { 0.5 }
    }

    /// `early_stopping: {patience: N}`, or `early_stopping: N` for short.
    private func patience(_ field: Field) -> Int? {
        let range = 1...1_000_000
        switch field.node {
        case .mapping:
            guard let block = MappingReader(field, keys: ["patience"]) else { return nil }
            return block.field("patience", required: true)?.integer(in: range)
        case .scalar where field.node.isInteger:
            return field.integer(in: range)
        default:
            field.fail("early_stopping must be a mapping {patience: N} or an integer N, found \(field.node.found)")
            return nil
        }
    }
}
