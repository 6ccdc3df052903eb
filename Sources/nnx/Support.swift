import ArgumentParser
import Foundation
import NNRender
import NNScenario

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Loads FILE: a path, the name of a built-in scenario (`perceptron-and` or `perceptron-and.yaml`), or a CSV of points.
/// Errors are printed as `file:line:col: error: …` and become exit status 2.
func loadScenario(_ argument: String) throws -> Scenario {
    let exists = FileManager.default.fileExists(atPath: argument)
    if !exists, builtinName(argument) == nil, !argument.contains("/"), !argument.contains(".") {
        printError(unknownNameMessage(argument))
        throw ExitCode(2)
    }
    do {
        if !exists, let builtin = builtinName(argument) { return try BuiltinScenarios.load(named: builtin) }
        if argument.lowercased().hasSuffix(".csv") { return try ScenarioLoader.load(csvFile: argument) }
        return try ScenarioLoader.load(contentsOf: argument)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

/// A bare word that is no file and no built-in: most likely a mistyped command or scenario name.
func unknownNameMessage(_ argument: String) -> String {
    var message = "nnx: '\(argument)' is neither a file nor a built-in scenario (see `nnx lessons`)"
    let commands = NNX.configuration.subcommands.map { $0._commandName }
    let names = BuiltinScenarios.files.map { String($0.name.dropLast(".yaml".count)) }
    if let command = KeySuggestion.closest(to: argument, in: commands) {
        message += "; did you mean the command '\(command)'?"
    } else if let name = KeySuggestion.closest(to: argument, in: names) {
        message += "; did you mean '\(name)'?"
    }
    return message
}

func builtinName(_ argument: String) -> String? {
    let name = argument.hasSuffix(".yaml") ? argument : argument + ".yaml"
    return BuiltinScenarios.files.contains { $0.name == name } ? name : nil
}

/// Display options shared by the commands that draw.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "No colour (also when NO_COLOR is set).")
    var mono = false

    @Option(name: .long, help: "Colour theme: standard (the colour-blind-safe default, for dark terminals; also 'default'), high-contrast (projectors), light (light terminals), 8-color or monochrome.")
    var theme: String?

    /// The theme named by --theme ("default" is standard).
    private var themeKind: Theme.Kind? { theme.flatMap { $0 == "default" ? .standard : Theme.Kind(rawValue: $0) } }

    @Flag(name: .long, help: "Plain ASCII characters instead of Unicode blocks and braille.")
    var ascii = false

    func validate() throws {
        if let theme, themeKind == nil {
            throw ValidationError("unknown theme '\(theme)'; choose one of "
                + Theme.Kind.allCases.map(\.rawValue).joined(separator: ", ") + " (default: standard)")
        }
    }

    /// The theme asked for; monochrome when --mono or NO_COLOR says so; else `fallback`.
    func chosenTheme(fallback: Theme) -> Theme {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        if mono || noColor { return .monochrome }
        if let kind = themeKind { return Theme(kind) }
        return fallback
    }
}
