import ArgumentParser
import NNScenario

/// `nnx`: the explorer (default), and headless commands over the same core.
struct NNX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnx",
        abstract: "A terminal neural-network explorer for teaching: the perceptron, the multi-layer perceptron and convolutional networks, step by step, with lessons.",
        discussion: """
            With no command, opens the home screen listing the built-in scenarios. FILE arguments are \
            scenario files (YAML) or the name of a built-in scenario (see `nnx lessons`). Files nnx reads \
            (scenarios, CSV, pictures) are regular files of at most 100 MB; image data sets at most \
            200,000,000 pixel bytes.
            """,
        version: "0.1.0",
        subcommands: [Run.self, Render.self, Trace.self, Train.self, Check.self, Lessons.self, Record.self],
        defaultSubcommand: Run.self
    )
}

@main
enum Main {
    static func main() {
        // `nnx rnder x` would otherwise read as `nnx run rnder x` and fail on the second word.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count > 1, let first = arguments.first, !first.hasPrefix("-"),
           first != "help", !NNX.configuration.subcommands.contains(where: { $0._commandName == first }),
           ScenarioArgument(first) == nil {
            printError(unknownNameMessage(first))
            NNX.exit(withError: ExitCode(2))
        }
        do {
            var command = try NNX.parseAsRoot()
            try command.run()
        } catch {
            // Usage errors exit with status 2 like every other bad input (ArgumentParser's default is 64).
            if NNX.exitCode(for: error) == .validationFailure {
                printError(NNX.fullMessage(for: error))
                NNX.exit(withError: ExitCode(2))
            }
            NNX.exit(withError: error)
        }
    }
}
