import Foundation

/// A scenario as a command names it: a file (CSV by its extension, else YAML), or the name of a built-in
/// (`perceptron-and` or `perceptron-and.yaml`) when no file of that name exists.
public enum ScenarioArgument: Sendable, Hashable {
    case yamlFile(path: String)
    case csvFile(path: String)
    /// A built-in by its file name, `perceptron-and.yaml`.
    case builtin(fileName: String)

    /// What `argument` names; nil for a bare word (no `/` or `.`) that is neither a file nor a built-in,
    /// most likely a mistyped command or scenario name. A path that does not exist is still a file, so that
    /// loading it says why it cannot be read.
    public init?(_ argument: String) {
        let exists = FileManager.default.fileExists(atPath: argument)
        let fileName = argument.hasSuffix(".yaml") ? argument : argument + ".yaml"
        if !exists, BuiltinScenarios.names.contains(fileName) {
            self = .builtin(fileName: fileName)
        } else if !exists, !argument.contains("/"), !argument.contains(".") {
            return nil
        } else if argument.lowercased().hasSuffix(".csv") {
            self = .csvFile(path: argument)
        } else {
            self = .yamlFile(path: argument)
        }
    }

    /// The scenario, or the first problem in document order.
    public func load() throws(ScenarioError) -> Scenario {
        switch self {
        case .yamlFile(let path): try ScenarioLoader.load(contentsOf: path)
        case .csvFile(let path): try ScenarioLoader.load(csvFile: path)
        case .builtin(let fileName): try BuiltinScenarios.load(named: fileName)
        }
    }

    /// Every problem, for `nnx check` (empty when the scenario is valid): all of a YAML file's; the first of
    /// a CSV file or a built-in.
    public var problems: [ScenarioError] {
        if case .yamlFile(let path) = self { return ScenarioLoader.problems(contentsOf: path) }
        do {
            _ = try load()
            return []
        } catch {
            return [error]
        }
    }
}
