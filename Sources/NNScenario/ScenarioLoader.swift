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

    /// Validates YAML text. `source` is the name used in messages; `baseDirectory` resolves `csv:` paths
    /// (nil: a `csv:` source is an error).
    public static func parse(_ yaml: String, source: String, baseDirectory: String?) throws(ScenarioError) -> Scenario {
        let root = try YAMLDocument.compose(yaml, file: source)
        let diagnostics = Diagnostics(file: source)
        let scenario = ScenarioReader(diagnostics: diagnostics, baseDirectory: baseDirectory).scenario(root)
        if let error = diagnostics.first { throw error }
        guard let scenario else { preconditionFailure("a scenario that failed to read reported nothing") }
        return scenario
    }
}
