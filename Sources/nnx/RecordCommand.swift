import ArgumentParser
import Foundation
import NNCore
import NNExplorer
import NNScenario

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a lesson headlessly and write an asciicast v2 recording (play it with `asciinema play FILE`).",
        discussion: "Each beat (one key press in the lesson) is one frame. A frame with narration stays 2 s plus 0.3 s a word, at most 8 s (any other 1.5 s), and a pause adds 4 s. The same lesson gives the same file.")

    @Argument(help: "A scenario file with a lesson, or a built-in lesson's name.")
    var file: String

    @Option(name: .long, help: "Where to write the recording (- for standard output): a new file, or with --force an existing one.")
    var out: String

    @Flag(name: .long, help: "Replace the file --out names if it exists (a regular file you may write; never a device, FIFO, folder or link).")
    var force = false

    // Lessons are written for 120x40 (their words name what that frame shows).
    @Option(name: .long, parsing: .unconditional, help: "Terminal size as WIDTHxHEIGHT (lessons are written for 120x40).")
    var size = "120x40"

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        _ = try parseSize(size)
        guard !out.isEmpty else { throw ValidationError("--out needs a file name (or - for standard output)") }
    }

    func run() throws {
        let scenario = try loadScenario(file)
        guard scenario.lesson != nil else {
            printError("nnx: \(scenario.source) has no lesson: record plays a lesson's beats (see `nnx lessons`)")
            throw ExitCode(2)
        }
        let state = AppState(size: try parseSize(size), scenario: scenario)
        guard state.fitsTerminal else {
            printError("nnx: --size \(size) is smaller than the \(state.minimumSize) this lesson needs")
            throw ExitCode(2)
        }
        let cast = LessonRecording.asciicast(scenario, size: state.size, glyphs: display.ascii ? .ascii : .unicode,
                                             theme: display.chosenTheme(fallback: .standard))
        if out == "-" {
            print(cast, terminator: "")
            return
        }
        do {
            try FileWriter.write(Array(cast.utf8), to: out, force: force)
        } catch {
            printError("nnx: \(error)")
            throw ExitCode(2)
        }
        let beats = scenario.lesson?.presses.count ?? 0
        print("nnx: wrote \(out): \(plural(beats, "beat")) of \(scenario.title)")
    }
}
