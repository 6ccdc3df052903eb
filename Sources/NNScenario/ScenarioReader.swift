import NNCore
import Yams

/// Reads a composed scenario document block by block. Every problem goes to `diagnostics`; the result is
/// nil when there was any.
struct ScenarioReader {
    let diagnostics: Diagnostics
    /// Folder that `csv:` paths are relative to; nil when the scenario is not a file on disk.
    let baseDirectory: String?
    /// Where `{search: NAME}` looks for a data set's files.
    var dataSearch = DataSearch()

    static let topLevelKeys = ["title", "summary", "seed", "model", "data", "perceptron", "mlp", "cnn", "threshold", "chapter", "lesson"]

    func scenario(_ root: Node) -> Scenario? {
        guard case .mapping = root else {
            diagnostics.report("a scenario must be a mapping of keys (title, summary, model, data, …), "
                               + "found \(root.found)", at: root.mark)
            return nil
        }
        let top = MappingReader(node: root, name: nil, keys: Self.topLevelKeys, diagnostics: diagnostics)
        let title = top.field("title", required: true)?.line()
        let summary = top.field("summary", required: true)?.line()
        let seed = top.field("seed")?.integer(in: 0...Int.max) ?? 1
        let model = top.field("model", required: true)?.choice(ModelKind.self)
        let perceptronField = top.field("perceptron"), mlpField = top.field("mlp"), cnnField = top.field("cnn")
        let thresholdField = top.field("threshold")
        checkBlocks(model: model, blocks: [perceptronField, mlpField, cnnField, thresholdField])
        let chapter = top.field("chapter")?.integer(in: 1...99)
        // A CNN's lesson is read with its network (its settings are checked against the stages).
        // An MLP's lesson is read with its layer sizes (the weights a surface beat names are checked against them).
        let mlpBlock = model == .cnn ? nil : mlpField.map(mlpSettings)
        let mlpSizes = model == .mlp ? (mlpBlock?.settings ?? MLPSettings()).sizes : nil
        let lesson = model == .cnn ? nil : top.field("lesson").flatMap { self.lesson($0, chapter: chapter, model: model, mlpSizes: mlpSizes) }
        if let chapterField = top.field("chapter"), top.field("lesson") == nil {
            chapterField.failAtKey("chapter numbers a lesson: this scenario has no lesson")
        }
        if model == .cnn {
            return cnnScenario(top, title: title, summary: summary, seed: seed, chapter: chapter, cnnField: cnnField)
        }
        let perceptron = perceptronField.map(perceptronSettings) ?? PerceptronSettings()
        let mlp = mlpBlock.map(\.settings) ?? MLPSettings()
        if model == .threshold, thresholdField == nil {
            top.reportMissing("missing required key 'threshold' for model threshold (hidden: [[w0, w1, w2], …], output: [v0, v1, …])")
        }
        let network = thresholdField.flatMap(thresholdNetwork)
        // The labels the data may hold depend on the model (and on an MLP's output layer).
        let classes: ClassLimit = switch (model, mlpBlock) {
        case (.perceptron, _), (.cnn, _), (.threshold, _): .perceptron
        case (.mlp, nil): .mlp(outputs: MLPSettings().sizes[MLPSettings().sizes.count - 1])
        case (.mlp, let block?) where block.regression == nil: .unknown
        case (.mlp, let block?) where block.regression == true: .regression
        case (.mlp, let block?): block.outputs.map(ClassLimit.mlp(outputs:)) ?? .unknown
        case (nil, _): .unknown
        }
        let data = top.field("data", required: true).flatMap { self.data($0, classes: classes) }
        if model == .mlp, let data, let settings = mlpBlock?.settings {
            checkAgainstData(settings, validationField: mlpBlock?.validationField, batchField: mlpBlock?.batchField, pointCount: data.pointCount)
        }
        guard diagnostics.isEmpty, let title, let summary, let model, let data, let perceptron, let mlp else { return nil }
        var scenario = Scenario(title: title, summary: summary, seed: UInt64(seed), model: model, data: data,
                                perceptron: perceptron, mlp: mlp, source: diagnostics.file)
        scenario.threshold = network
        scenario.lesson = lesson
        return scenario
    }

    /// Each settings block belongs to its model: a `perceptron:` block in an MLP scenario (or the other way
    /// round) would be silently ignored, so it is an error at the block's key.
    private func checkBlocks(model: ModelKind?, blocks: [Field?]) {
        guard let model else { return }
        for misplaced in blocks.compactMap({ $0 }) where misplaced.name != model.rawValue {
            misplaced.failAtKey("the \(misplaced.name) block belongs to model \(misplaced.name), "
                                + "but this scenario's model is \(model.rawValue)")
        }
    }

    /// `model: cnn`: images in `data`, stages and settings in `cnn`.
    private func cnnScenario(_ top: MappingReader, title: String?, summary: String?, seed: Int, chapter: Int?, cnnField: Field?) -> Scenario? {
        let images = top.field("data", required: true).flatMap { cnnImages($0, seed: UInt64(seed)) }
        if cnnField == nil { top.reportMissing("missing required key 'cnn' for model cnn (its layers: conv, activation, pool, …)") }
        var block: (layers: [CNNLayer], fixed: [Int: CNNScenario.FixedParameters], training: CNNSettings)?
        if let images, let cnnField {
            let classes = (images.images.map(\.label).max() ?? 0) + 1
            let picture = [".pgm", ".ppm"].contains(where: images.name.lowercased().hasSuffix)
            let labelled = images.name != "the inline image" && !picture
            block = cnnBlock(cnnField, inputShape: images.images[0].image.shape, classes: classes, labelled: labelled,
                             imagesName: images.name, ownTestCount: images.ownTestCount)
        }
        let network = images.flatMap { images in block.map { (images.images[0].image.shape, $0.layers) } }
        let lesson = top.field("lesson").flatMap { self.lesson($0, chapter: chapter, model: .cnn, network: network) }
        guard diagnostics.isEmpty, let title, let summary, let images, let block else { return nil }
        var scenario = Scenario(title: title, summary: summary, seed: UInt64(seed), model: .cnn, data: .images, source: diagnostics.file)
        scenario.lesson = lesson
        scenario.cnn = CNNScenario(imagesName: images.name, images: images.images, probe: images.probe, layers: block.layers,
                                   fixed: block.fixed, training: block.training)
        scenario.cnn?.classNames = images.classNames
        scenario.cnn?.probePicture = images.probePicture
        return scenario
    }

    /// The `perceptron:` block; absent keys keep `PerceptronSettings()`'s defaults.
    private func perceptronSettings(_ field: Field) -> PerceptronSettings? {
        let keys = ["learning_rate", "initial_weights", "order", "max_epochs"]
        guard let block = MappingReader(field, keys: keys) else { return nil }
        var settings = PerceptronSettings()
        var valid = true
        func read<T>(_ key: String, _ value: (Field) -> T?, into path: WritableKeyPath<PerceptronSettings, T>) {
            guard let field = block.field(key) else { return }
            if let value = value(field) { settings[keyPath: path] = value } else { valid = false }
        }
        read("learning_rate", { $0.positiveNumber(atMost: 1000) }, into: \.learningRate)
        read("initial_weights", initialWeights, into: \.initialWeights)
        read("order", { $0.choice(SampleOrder.self) }, into: \.order)
        read("max_epochs", { $0.integer(in: 1...100_000) }, into: \.maxEpochs)
        return valid ? settings : nil
    }

    /// Exactly three numbers: w0 (bias), w1, w2.
    func initialWeights(_ field: Field) -> [Double]? {
        let expected = "a list of 3 numbers [w0, w1, w2]"
        guard let items = field.list(expected) else { return nil }
        guard items.count == 3 else {
            field.fail("\(field.name) must be \(expected), found \(items.count) item\(items.count == 1 ? "" : "s")")
            return nil
        }
        let weights = items.enumerated().map { field.item($1, named: "w\($0)").number(within: 1e6) }
        return weights.contains(nil) ? nil : weights.compactMap { $0 }
    }
}
