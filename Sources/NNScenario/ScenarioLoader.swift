import NNCore
import Yams

/// Loads and validates scenario files. Problems are `ScenarioError`s located at `file:line:col`; the one
/// thrown is the first in document order (a missing key counts as found at the end of its mapping).
public enum ScenarioLoader {
    /// Reads and validates a file; a CSV named in it is read relative to the file's folder.
    public static func load(contentsOf path: String) throws(ScenarioError) -> Scenario {
        switch TextFile.read(path) {
        case .success(let text):
            return try parse(text, source: path, baseDirectory: TextFile.directory(of: path))
        case .failure(let problem):
            throw ScenarioError(file: path, line: 1, column: 1, message: "cannot read file: \(problem.reason)")
        }
    }

    /// A bare CSV file of `x1,x2,class` rows as a perceptron scenario with the lecture's defaults
    /// (η = 1, w = 0, sequential order), so `nnx run points.csv` works without writing YAML.
    /// A bare `x1,x2,class` CSV file as a scenario: two classes (0 and 1) open in the perceptron explorer;
    /// more (up to `csvClassLimit`) in the MLP explorer, with a softmax output unit per class. A file whose
    /// third values are numbers, some not whole, is `x1,x2,target`: regression, in the MLP explorer (a whole
    /// number out of range stays a class error).
    public static func load(csvFile path: String) throws(ScenarioError) -> Scenario {
        let text: String
        switch TextFile.read(path) {
        case .success(let contents): text = contents
        case .failure(let problem):
            throw ScenarioError(file: path, line: 1, column: 1, message: "cannot read file: \(problem.reason)")
        }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let dataset: Dataset
        do {
            dataset = try Dataset.parseCSV(text, name: name, classes: csvClassLimit)
        } catch {
            if error.message.hasPrefix("class must be"), let targets = try? Dataset.parseRegressionCSV(text, name: name),
               targets.samples.contains(where: { $0.target != $0.target?.rounded() }) {
                return regression(csvFile: path, name: name, targets)
            }
            throw ScenarioError(file: path, line: error.line, column: 1, message: error.message)
        }
        let classes = (dataset.samples.map(\.label).max() ?? 0) + 1
        guard classes > 2 else {
            return Scenario(title: "Perceptron: \(name)", summary: "Points from \(path).", seed: 1, model: .perceptron,
                            data: .csv(path: path, dataset: dataset), perceptron: PerceptronSettings(), source: path)
        }
        let mlp = bareCSVNetwork(outputs: classes, .softmax, .crossEntropy, learningRate: 0.05)
        return Scenario(title: "MLP: \(name)", summary: "Points of \(classes) classes from \(path): a 2-8-\(classes) softmax network.",
                        seed: 1, model: .mlp, data: .csv(path: path, dataset: dataset), mlp: mlp, source: path)
    }

    /// A bare CSV of targets: a 2-8-1 tanh network with a linear output, squared error.
    private static func regression(csvFile path: String, name: String, _ dataset: Dataset) -> Scenario {
        let mlp = bareCSVNetwork(outputs: 1, .linear, .squaredError, learningRate: 0.01)
        return Scenario(title: "MLP: \(name)", summary: "Targets from \(path): a 2-8-1 network with a linear output (regression).",
                        seed: 1, model: .mlp, data: .csv(path: path, dataset: dataset), mlp: mlp, source: path)
    }

    /// A bare CSV file's network: 2-8-`outputs` tanh, shuffled, 300 epochs.
    private static func bareCSVNetwork(outputs: Int, _ output: OutputActivation, _ loss: Loss, learningRate: Double) -> MLPSettings {
        var mlp = MLPSettings()
        mlp.sizes = [2, 8, outputs]
        mlp.activation = .tanh
        mlp.output = output
        mlp.loss = loss
        mlp.learningRate = learningRate
        mlp.order = .shuffled
        mlp.maxEpochs = 300
        return mlp
    }

    /// The most classes a bare CSV file may hold (labels 0 to 9).
    public static let csvClassLimit = 10

    /// Validates YAML text. `source` is the name used in messages; `baseDirectory` resolves `csv:` paths
    /// (nil: a `csv:` source is an error).
    /// `dataSearch` says where `{search: NAME}` looks for data files.
    public static func parse(_ yaml: String, source: String, baseDirectory: String?, dataSearch: DataSearch = DataSearch()) throws(ScenarioError) -> Scenario {
        let (scenario, problems) = read(yaml, source: source, baseDirectory: baseDirectory, dataSearch: dataSearch)
        if let first = problems.first { throw first }
        guard let scenario else { preconditionFailure("a scenario that failed to read reported nothing") }
        return scenario
    }

    /// Every problem in a file, in document order (empty when it is valid), for `nnx check`.
    /// A YAML syntax error stops the reading, so it comes alone.
    public static func problems(contentsOf path: String) -> [ScenarioError] {
        switch TextFile.read(path) {
        case .success(let text):
            return read(text, source: path, baseDirectory: TextFile.directory(of: path)).problems
        case .failure(let problem):
            return [ScenarioError(file: path, line: 1, column: 1, message: "cannot read file: \(problem.reason)")]
        }
    }

    private static func read(_ yaml: String, source: String, baseDirectory: String?, dataSearch: DataSearch = DataSearch()) -> (scenario: Scenario?, problems: [ScenarioError]) {
        let root: Node
        do { root = try YAMLDocument.compose(yaml, file: source) } catch { return (nil, [error]) }
        let diagnostics = Diagnostics(file: source)
        let scenario = ScenarioReader(diagnostics: diagnostics, baseDirectory: baseDirectory, dataSearch: dataSearch).scenario(root)
        return (scenario, diagnostics.all)
    }
}
