import Yams

/// The scenarios shipped in `scenarios/`, compiled into the binary (`embeddedFiles` is generated at build time
/// by the EmbedScenarios plugin) so that nnx finds them from any working directory without resource bundles.
public enum BuiltinScenarios {
    /// (file name, YAML text) of every file in scenarios/, embedded at build time, sorted by file name.
    public static let files: [(name: String, text: String)] = embeddedFiles.sorted { $0.name < $1.name }

    /// The file names, e.g. "perceptron-and.yaml".
    public static var names: [String] { files.map(\.name) }

    /// Loads a built-in by file name ("perceptron-and.yaml"; the ".yaml" may be left out). Its `source` is
    /// the file name. Built-ins cannot name CSV files.
    /// `dataSearch` says where the built-ins that name MNIST or CIFAR-10 look for their files.
    public static func load(named name: String, dataSearch: DataSearch = DataSearch()) throws(ScenarioError) -> Scenario {
        let fileName = name.hasSuffix(".yaml") ? name : name + ".yaml"
        guard let file = files.first(where: { $0.name == fileName }) else {
            throw ScenarioError(file: name, line: 1, column: 1, message:
                "no built-in scenario named '\(name)' (built-ins: \(names.joined(separator: ", ")))")
        }
        return try ScenarioLoader.parse(file.text, source: file.name, baseDirectory: nil, dataSearch: dataSearch)
    }

    /// The order the lecture takes; files not named here follow in file-name order.
    public static let lectureOrder = ["lesson-1-perceptron", "lesson-2-convergence", "lesson-2a-xor-by-hand", "lesson-3-backpropagation",
                                      "lesson-3a-gradient-descent", "lesson-4-local-minima", "lesson-5-overfitting",
                                      "lesson-6-convolution", "lesson-7-cnn-digits",
                                      "perceptron-worked-example", "perceptron-and", "perceptron-or", "perceptron-xor",
                                      "perceptron-separable", "perceptron-overlapping", "threshold-xor",
                                      "mlp-xor", "mlp-xor-momentum", "mlp-xor-stuck", "mlp-overfitting",
                                      "mlp-circles", "mlp-circle-features", "mlp-spirals", "mlp-blobs-3-classes",
                                      "mlp-regression-plane", "mlp-regression-gaussians",
                                      "cnn-edge-kernels", "cnn-edge-shapes", "cnn-pooling", "cnn-digits", "cnn-glyphs",
                                      "lenet5-digits", "lenet5-colour", "lenet5-mnist", "lenet5-cifar10"].map { $0 + ".yaml" }

    /// `files` (by default the built-ins) sorted into the lecture's order.
    public static func inLectureOrder(_ files: [(name: String, text: String)] = files) -> [(name: String, text: String)] {
        func rank(_ name: String) -> Int { lectureOrder.firstIndex(of: name) ?? lectureOrder.count }
        return files.enumerated().sorted { a, b in
            (rank(a.element.name), a.offset) < (rank(b.element.name), b.offset)
        }.map(\.element)
    }

    /// The title, summary and whether it is a lesson, read from a built-in's text without its data (for a
    /// list, and for a built-in whose data files are not on this machine); nil when the text has neither.
    public static func header(_ text: String) -> ScenarioHeader? {
        guard let node = try? Yams.compose(yaml: text, .basic), case .mapping(let mapping) = node,
              let title = mapping["title"]?.string, let summary = mapping["summary"]?.string else { return nil }
        return ScenarioHeader(title: title, summary: summary, isLesson: mapping["lesson"] != nil)
    }

    /// Every built-in, in file-name order.
    public static func loadAll() throws(ScenarioError) -> [Scenario] {
        var scenarios: [Scenario] = []
        for file in files { scenarios.append(try load(named: file.name)) }
        return scenarios
    }
}

/// What a list of scenarios shows before one is opened: read from the file's top keys alone, without its
/// data (a data set may be large, or not on this machine).
public struct ScenarioHeader: Sendable, Hashable {
    public var title: String
    public var summary: String
    public var isLesson: Bool
}
