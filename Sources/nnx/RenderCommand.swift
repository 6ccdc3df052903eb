import Foundation
import ArgumentParser
import NNExplorer
import NNRender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the frame after N steps (a sample visit, an MLP update or a CNN batch each) as text, or with ANSI colours.")

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    // Counts and sizes are read as text so that `--steps -3` reaches `validate` (else it reads as an option).
    @Option(name: .customLong("steps"), parsing: .unconditional,
            help: ArgumentHelp("Steps before the frame is drawn: sample visits (perceptron), updates (MLP), mini-batches (CNN), or beats (a lesson).", valueName: "steps"))
    var stepsText = "0"
    var steps: Int { Int(stepsText) ?? 0 }

    @Option(name: .long, parsing: .unconditional, help: "Frame size as WIDTHxHEIGHT.")
    var size = "100x30"

    @Flag(name: .long, help: "Colour the frame with ANSI escape sequences.")
    var ansi = false

    @OptionGroup var display: DisplayOptions

    @OptionGroup var probe: ProbeOption

    func validate() throws {
        _ = try parseCount(stepsText, flag: "--steps")
        _ = try parseSize(size)
    }

    func run() throws {
        let scenario = try probe.applied(to: loadScenario(file))
        // Plain text keeps no colour: it is drawn as on a monochrome terminal (textures and glyphs, not shades).
        var state = AppState(size: try parseSize(size), scenario: scenario, glyphs: display.ascii ? .ascii : .unicode,
                             theme: ansi ? display.chosenTheme(fallback: .standard) : .monochrome)
        guard state.fitsTerminal else {
            printError("nnx: --size \(size) is smaller than the \(state.minimumSize) this screen needs")
            throw ExitCode(2)
        }
        // A lesson steps by beats (→), an explorer by its `n` key.
        let stepKey: Key = state.lesson != nil ? .right : .character("n")
        // Steps past the end of training (or of a lesson) change nothing: stop there, however many were asked;
        // where stepping walks a cycle, whole cycles after the first are skipped.
        var steps = steps
        if let cycle = state.stepCycle, cycle > 0, steps > cycle { steps = cycle + (steps - cycle) % cycle }
        for _ in 0..<steps {
            if state.trainingFinished { break }
            update(&state, .key(stepKey))
        }
        let frame = view(state)
        // Pictures in 24-bit colour where the terminal says it has it, else the nearest of 256.
        let trueColor = ["truecolor", "24bit"].contains(ProcessInfo.processInfo.environment["COLORTERM"] ?? "")
        print(ansi ? frame.ansiText(theme: state.theme, trueColor: trueColor) : frame.plainText, terminator: "")
    }
}
