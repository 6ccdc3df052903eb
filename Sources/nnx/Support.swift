import ArgumentParser
import Foundation
import NNRender
import NNCore
import NNScenario

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Loads FILE: a path, the name of a built-in scenario (`perceptron-and` or `perceptron-and.yaml`), or a CSV of points.
/// Errors are printed as `file:line:col: error: …` and become exit status 2.
func loadScenario(_ argument: String) throws -> Scenario {
    guard let named = ScenarioArgument(argument) else {
        printError(unknownNameMessage(argument))
        throw ExitCode(2)
    }
    do {
        return try named.load()
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

/// A count given with `flag` (`--steps 20`): a whole number of 0 or more, or an error that says so.
func parseCount(_ text: String, flag: String) throws -> Int {
    if let n = Int(text) {
        guard n >= 0 else { throw ValidationError("\(flag) must be 0 or more, found \(n)") }
        return n
    }
    let digits = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    throw ValidationError(digits ? "\(flag) is too large: at most \(Int.max), found \(text)"
                                 : "\(flag) must be a whole number of 0 or more, found '\(text)'")
}

/// A size given with `--size`: WIDTHxHEIGHT, each from 1 to 1000, or an error that says which part is wrong.
func parseSize(_ text: String) throws -> Size {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
        throw ValidationError("--size must look like 120x40 (WIDTHxHEIGHT in characters), found '\(text)'")
    }
    let numbers = parts.map { Int($0) ?? .max }   // only digits: nil means too many of them
    guard numbers.allSatisfy({ $0 >= 1 }) else {
        throw ValidationError("--size needs a width and a height of at least 1, found '\(text)'")
    }
    guard numbers.allSatisfy({ $0 <= 1000 }), let size = Size(parsing: text) else {
        throw ValidationError("--size can be at most 1000x1000, found '\(text)'")
    }
    return size
}

/// `--probe FILE`: a picture of one's own as a CNN scenario's probe.
struct ProbeOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A CNN scenario: look at this PGM or PPM picture (fitted to the network's input) instead of the scenario's probe.",
                                            valueName: "file"))
    var probe: String?

    /// The scenario with the picture as its probe; errors are printed and become exit status 2.
    func applied(to scenario: Scenario) throws -> Scenario {
        guard let probe else { return scenario }
        guard var cnn = scenario.cnn else {
            printError("nnx: --probe \(probe): only a CNN scenario has a probe image; \(scenario.source) is a \(scenario.model.rawValue) scenario")
            throw ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: probe) else {
            printError("nnx: --probe \(probe): cannot read the file")
            throw ExitCode(2)
        }
        do throws(ImageFileError) {
            cnn.setProbe(picture: try ImageFiles.parsePicture([UInt8](data)))
        } catch {
            printError("\(probe):\(error.line):1: error: \(error.message)")
            throw ExitCode(2)
        }
        var result = scenario
        result.cnn = cnn
        return result
    }
}
