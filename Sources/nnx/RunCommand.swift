import ArgumentParser
import Foundation
import NNExplorer
import NNRender
import NNTerminal

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the explorer: the home screen, or FILE's scenario.",
        discussion: "Needs a terminal. For a frame on stdout (files, pipes, CI) use `nnx render FILE`.")

    @Argument(help: "A scenario file, or a built-in scenario's name. Without it: the home screen.")
    var file: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var probe: ProbeOption

    func run() throws {
        let scenario = try file.map(loadScenario).map(probe.applied)
        do {
            try TerminalSession.checkAvailable(environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("nnx: \(error); to print a frame instead use: nnx render \(file ?? "FILE")")
            throw ExitCode(2)
        }
        let placeholder = Size(width: 80, height: 24)   // replaced by the real size before the first frame
        let state = scenario.map { AppState(size: placeholder, scenario: $0) } ?? AppState(size: placeholder)
        let stoppedBy: Int32?
        do {
            stoppedBy = try TerminalSession.run(ExplorerApp(state: state, display: display)).signal
        } catch {
            printError("nnx: \(error)")
            throw ExitCode(2)
        }
        // Ctrl-C and SIGTERM end cleanly, with the status a shell expects (130, 143).
        if let stoppedBy { throw ExitCode(128 + stoppedBy) }
    }
}

/// The app as the terminal loop drives it: events become messages, frames come from `view`.
struct ExplorerApp: TerminalApp {
    var state: AppState
    let display: DisplayOptions

    mutating func start(_ capabilities: TerminalCapabilities) {
        state.glyphs = capabilities.unicode && !display.ascii ? .unicode : .ascii
        let fitting: Theme = capabilities.colors >= 256 ? .standard : capabilities.colors >= 8 ? .eightColor : .monochrome
        state.theme = display.chosenTheme(fallback: fitting)
        // `C` cycles only through what this terminal can show (and stays monochrome when asked to).
        state.availableThemes = state.theme.kind == .monochrome && fitting.kind != .monochrome ? [.monochrome]
            : capabilities.colors >= 256 ? Theme.Kind.allCases
            : capabilities.colors >= 8 ? [.eightColor, .monochrome] : [.monochrome]
    }

    mutating func handle(_ event: InputEvent) -> Bool {
        update(&state, Msg(event))
        return !state.shouldQuit
    }

    mutating func tick() { update(&state, .tick) }

    var tickInterval: Int? { state.tickInterval }
    var hasWork: Bool { state.hasPendingWork }
    mutating func work() { update(&state, .work) }
    mutating func clock(milliseconds: Int) { update(&state, .clock(milliseconds: milliseconds)) }
    var theme: Theme { state.theme }

    func frame(size: Size) -> Frame {
        var sized = state
        sized.size = size
        return view(sized)
    }
}
