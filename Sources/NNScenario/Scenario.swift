import NNCore

/// Which explorer a scenario opens.
public enum ModelKind: String, Sendable, CaseIterable {
    case perceptron
    case mlp
    case cnn
    /// Threshold units with hand-set weights (the lecture's XOR network): looked at, not trained.
    case threshold
}

/// Where a scenario's points come from.
public enum DataSource: Sendable, Hashable {
    /// Inline `[x1, x2, class]` rows.
    case points([Sample])
    /// A built-in generator, drawn with the scenario's seed.
    case generator(DatasetGenerator)
    /// A CSV file (path as written in the scenario), read when the scenario was loaded.
    case csv(path: String, dataset: Dataset)
    /// Images for a CNN (their network and settings are in `Scenario.cnn`): no points.
    case images

    /// How many points the data has.
    public var pointCount: Int {
        switch self {
        case .points(let samples): samples.count
        case .generator(let generator): generator.count
        case .csv(_, let dataset): dataset.samples.count
        case .images: 0
        }
    }
}

/// A loaded, validated scenario file.
public struct Scenario: Sendable {
    public var title: String
    public var summary: String
    public var seed: UInt64
    public var model: ModelKind
    public var data: DataSource
    public var perceptron: PerceptronSettings
    /// The `mlp:` block (defaults when the model is not an MLP).
    public var mlp: MLPSettings
    /// The images, the `cnn:` block's stages and settings (nil unless the model is a CNN).
    public var cnn: CNNScenario?
    /// The `threshold:` block's network (nil unless the model is a threshold network).
    public var threshold: ThresholdNetwork?
    /// The `lesson:` script, if the scenario has one.
    public var lesson: Lesson?
    /// The file it came from (a path, or a built-in's file name such as `perceptron-and.yaml`), for messages.
    public var source: String

    public init(title: String, summary: String, seed: UInt64, model: ModelKind, data: DataSource,
                perceptron: PerceptronSettings = PerceptronSettings(), mlp: MLPSettings = MLPSettings(), source: String) {
        self.title = title; self.summary = summary; self.seed = seed; self.model = model
        self.data = data; self.perceptron = perceptron; self.mlp = mlp; self.source = source
    }

    /// The scenario's dataset, drawn with `seed` (the scenario's own unless reseeded).
    public func dataset(seed: UInt64? = nil) -> Dataset {
        switch data {
        case .points(let samples): Dataset(name: "scenario data", samples: samples)
        case .generator(let generator): generator.generate(seed: seed ?? self.seed)
        case .csv(let path, let dataset): Dataset(name: path, samples: dataset.samples)
        case .images: Dataset(name: "images", samples: [])
        }
    }
}

/// A problem in a scenario file, located for `file:line:col: error: …` messages.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
