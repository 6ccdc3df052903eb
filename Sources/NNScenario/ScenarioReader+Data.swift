import NNCore
import Yams

/// The classes a scenario's data may hold (labels 0 to `count − 1`), and why, for messages.
struct ClassLimit {
    var count: Int
    /// Appended to a label's problem; nil for the perceptron, whose 0/1 needs no explaining.
    var reason: String?

    static let perceptron = ClassLimit(count: 2, reason: nil)
    /// The model could not be read: labels are checked only loosely, so that no second error follows the first.
    static let unknown = ClassLimit(count: 256, reason: nil, known: false)
    /// An MLP of `task: regression`: the data holds real targets, not classes.
    static let regression = ClassLimit(count: 1, reason: nil, regression: true)

    init(count: Int, reason: String?, regression: Bool = false, known: Bool = true) {
        self.count = count; self.reason = reason; self.regression = regression; self.known = known
    }

    /// The third value of each point is a target (a number), not a class.
    var regression: Bool
    /// False when the model could not be read: whether a set fits its task is then left unchecked.
    var known: Bool

    /// An MLP's output layer: one unit tells two classes apart, K units tell K classes apart.
    static func mlp(outputs: Int) -> ClassLimit {
        outputs == 1 ? ClassLimit(count: 2, reason: "one output unit tells two classes apart: layers ends in 1")
            : ClassLimit(count: outputs, reason: "layers ends in \(outputs) output units, one per class")
    }
}

/// The `data:` block: exactly one of `points`, `generator` or `csv`.
extension ScenarioReader {
    static let dataSources = ["points", "generator", "csv"]
    static let generatorKeys = ["kind", "count", "noise", "margin", "classes"]

    func data(_ field: Field, classes: ClassLimit) -> DataSource? {
        guard let block = MappingReader(field, keys: Self.dataSources) else { return nil }
        let present = block.presentKeys
        guard let source = present.first else {
            block.reportMissing("data needs one of points, generator or csv")
            return nil
        }
        if present.count > 1, let second = block.field(present[1]) {
            diagnostics.report("data must have only one of points, generator or csv; found both "
                               + "\(present[0]) and \(present[1])", at: second.keyMark)
        }
        guard let value = block.field(source) else { return nil }
        switch source {
        case "points": return points(value, classes: classes).map(DataSource.points)
        case "generator": return generator(value, classes: classes).map(DataSource.generator)
        default: return csv(value, classes: classes)
        }
    }

    /// Inline rows `[x1, x2, class]` (`[x1, x2, target]` for regression).
    private func points(_ field: Field, classes: ClassLimit) -> [Sample]? {
        let row = classes.regression ? "[x1, x2, target]" : "[x1, x2, class]"
        guard let items = field.list("a list of rows \(row)") else { return nil }
        guard !items.isEmpty else {
            field.fail("points must have at least one row \(row)")
            return nil
        }
        var samples: [Sample] = []
        for item in items {
            guard case .sequence(let values) = item, values.count == 3 else {
                let found = if case .sequence(let values) = item { "\(values.count) values" } else { item.found }
                field.item(item, named: "point").fail("each point must be a row \(row), found \(found)")
                continue
            }
            let x1 = field.item(values[0], named: "x1").number(within: Sample.coordinateLimit)
            let x2 = field.item(values[1], named: "x2").number(within: Sample.coordinateLimit)
            if classes.regression {
                let target = field.item(values[2], named: "target").number(within: Sample.coordinateLimit)
                if let x1, let x2, let target { samples.append(Sample(x1, x2, target: target)) }
                continue
            }
            var labelField = field.item(values[2], named: "class")
            labelField.note = classes.reason
            let label = labelField.integer(in: 0...(classes.count - 1))
            if let x1, let x2, let label { samples.append(Sample(x1, x2, label: label)) }
        }
        return samples.count == items.count ? samples : nil
    }

    /// `{kind, count, noise, margin, classes}`; absent values take `DatasetGenerator`'s defaults.
    private func generator(_ field: Field, classes limit: ClassLimit) -> DatasetGenerator? {
        guard let block = MappingReader(field, keys: Self.generatorKeys) else { return nil }
        let kindField = block.field("kind", required: true)
        var kind = kindField?.choice(DatasetKind.self)
        if let field = kindField, let chosen = kind, limit.known, chosen.isRegression != limit.regression {
            field.fail(chosen.isRegression
                       ? "kind \(chosen.rawValue) is a regression set (its points have targets, not classes): it needs model mlp with task: regression"
                       : "task regression needs a set with targets, kind plane or gaussians; \(chosen.rawValue) has classes")
            kind = nil
        }
        let count = block.field("count").map { $0.integer(in: 1...100_000) }
        let noise = block.field("noise").map { $0.nonNegativeNumber(atMost: 100) }
        let margin = block.field("margin").map { $0.nonNegativeNumber(atMost: 100) }
        let classes = block.field("classes").map { generatorClasses($0, kind: kind, limit: limit) }
        // A double optional is a value that was present but invalid (already reported).
        guard let kind, count != .some(nil), noise != .some(nil), margin != .some(nil), classes != .some(nil)
        else { return nil }
        var generator = DatasetGenerator(kind: kind, count: count ?? nil, noise: noise ?? nil)
        if let margin = margin ?? nil { generator.margin = margin }
        if let classes = classes ?? nil { generator.classes = classes }
        return generator
    }

    /// `classes`: 2 to 4 blobs, and no more than the model tells apart.
    private func generatorClasses(_ field: Field, kind: DatasetKind?, limit: ClassLimit) -> Int? {
        guard let classes = field.integer(in: 2...4) else { return nil }
        if let kind, kind != .blobs {
            field.failAtKey("classes is only for kind blobs; \(kind.rawValue) always has 2 classes")
            return nil
        }
        guard classes <= limit.count else {
            field.fail("classes must be at most \(limit.count), found \(classes) "
                       + "(\(limit.reason ?? "the perceptron tells two classes apart"))")
            return nil
        }
        return classes
    }

    /// A CSV file of `x1,x2,class` rows (`x1,x2,target` for regression), relative to the scenario's folder. Its
    /// bad rows are reported in the CSV file itself, ordered where the scenario names it.
    private func csv(_ field: Field, classes: ClassLimit) -> DataSource? {
        guard let path = field.line(), let (fullPath, text) = readFile(field, path: path, kind: "CSV file") else { return nil }
        do {
            let dataset = classes.regression ? try Dataset.parseRegressionCSV(text, name: path)
                : try Dataset.parseCSV(text, name: path, classes: classes.count)
            return .csv(path: path, dataset: dataset)
        } catch {
            var message = error.message
            if message.hasPrefix("class must be"), let reason = classes.reason { message += " (\(reason))" }
            diagnostics.report(ScenarioError(file: fullPath, line: error.line, column: 1, message: message),
                               sortedAt: SortPosition(field.node.mark))
            return nil
        }
    }

    /// The text of a file the scenario names, relative to the scenario's folder (nil once reported).
    func readFile(_ field: Field, path: String, kind: String) -> (fullPath: String, text: String)? {
        readFile(field, path: path, kind: kind, TextFile.read)
    }

    /// The bytes of a file the scenario names, as `readFile`.
    func readBytes(_ field: Field, path: String, kind: String) -> (fullPath: String, bytes: [UInt8])? {
        readFile(field, path: path, kind: kind) { TextFile.readBytes($0) }
    }

    private func readFile<Contents>(_ field: Field, path: String, kind: String,
                                    _ read: (String) -> Result<Contents, TextFile.Failure>) -> (String, Contents)? {
        guard let baseDirectory else {
            field.fail("cannot read \(kind) '\(path)': only a scenario file on disk can name one")
            return nil
        }
        let fullPath = TextFile.resolve(path, relativeTo: baseDirectory)
        switch read(fullPath) {
        case .success(let contents): return (fullPath, contents)
        case .failure(let problem):
            field.fail("cannot read \(kind) '\(path)': \(problem.reason)")
            return nil
        }
    }
}
