import CNCurses
import Dispatch
import Foundation
import NNRender
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the signal sources, read by the loop: the only state shared with another thread.
private final class StopRequest: Sendable {
    let signal = Atomic<Int32>(0)
}

public enum TerminalSession {
    /// While paused the loop still wakes this often, only to notice a stop request.
    static let idleWakeMilliseconds = 250
    /// How long work a key started runs before the loop takes keys and draws again (then one slice more:
    /// a batch of LeNet-5 in a release build is a few milliseconds).
    static let workMilliseconds = 30
    /// While work goes on with no key pressed, a frame at most this often: a frame of a big CNN costs a few
    /// milliseconds that training would otherwise get.
    static let workFrameMilliseconds = 100

    /// Cheap pre-check used by the CLI before anything touches the terminal (isatty(0) && isatty(1), TERM set, not dumb; do not init curses).
    public static func checkAvailable(environment: [String: String]) throws(TerminalUnavailable) {
        try check(environment: environment, stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1)
    }

    /// The decision of `checkAvailable`, with the tty answers passed in (so tests can fake them).
    static func check(environment: [String: String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool)
        throws(TerminalUnavailable) {
        guard let term = environment["TERM"], !term.isEmpty else { throw .termNotSet }
        if term == "dumb" { throw .noCursorAddressing(term: term) }
        guard stdinIsTerminal else { throw .notATerminal(stream: "standard input") }
        guard stdoutIsTerminal else { throw .notATerminal(stream: "standard output") }
    }

    /// Whether the current locale (after `setlocale(LC_ALL, "")`) encodes text as UTF-8.
    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased().replacingOccurrences(of: "-", with: "")
        return name == "utf8"
    }

    /// Runs the loop until the app quits, Ctrl-C (SIGINT) or SIGTERM; the terminal is ALWAYS restored (endwin)
    /// before returning or throwing. Returns the final app and the signal that stopped it, if one did (so the
    /// caller can exit with 128 + signal as shells expect).
    public static func run<App: TerminalApp>(_ app: App) throws(TerminalUnavailable) -> (app: App, signal: Int32?) {
        let environment = ProcessInfo.processInfo.environment
        try checkAvailable(environment: environment)
        let term = environment["TERM"] ?? ""
        setlocale(LC_ALL, "")
        let unicode = localeIsUTF8()

        // Signals: ignore them at the process level (also keeps ncurses from installing its own handlers, which
        // would exit without a clean teardown) and observe them through dispatch sources that only set a flag.
        // Ctrl-C, Ctrl-\\, SIGTERM and a hang-up end the loop cleanly; a second one while the loop is stuck
        // restores the terminal and exits at once.
        let stop = StopRequest()
        let stopSignals = [SIGINT, SIGTERM, SIGQUIT, SIGHUP]
        let previous = stopSignals.map { signal($0, SIG_IGN) }
        let sources = stopSignals.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in
                if stop.signal.exchange(number, ordering: .relaxed) != 0 {
                    endwin()
                    _exit(128 + number)
                }
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for (number, handler) in zip(stopSignals, previous) { signal(number, handler) }
        }

        guard let screen = newterm(nil, nnx_stdout(), nnx_stdin()) else { throw .unknownTerminal(term: term) }
        CrashGuard.install()
        defer {
            CrashGuard.remove()
            endwin()
            delscreen(screen)
        }
        guard nnx_has_string_capability("cup") != 0 else { throw .noCursorAddressing(term: term) }
        guard let window = nnx_stdscr() else { throw .initializationFailed("ncurses has no standard screen") }

        cbreak()
        noecho()
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(25)
        curs_set(0)
        // Presses, releases and moves while a button is held (drawing on the CNN screen). Every pointer move
        // (mode 1003) would flood an ssh link, so the terminal is asked for button-event tracking (1002), which
        // ncurses does not ask for itself.
        mousemask(nnx_button1_pressed() | nnx_button2_pressed() | nnx_button3_pressed() | nnx_buttons_released()
                  | nnx_report_mouse_position(), nil)
        mouseinterval(0)
        let dragging = has_mouse()
        if dragging { putp(buttonEventTracking(on: true)) }
        defer { if dragging { putp(buttonEventTracking(on: false)); fflush(nnx_stdout()) } }

        let output = CursesScreen(window: window, unicode: unicode)
        var app = app
        app.start(TerminalCapabilities(colors: output.colors, unicode: unicode))
        // The app learns the real size before the first frame (it maps mouse clicks with it).
        guard app.handle(.resize(output.size)) else { return (app, nil) }
        loop(&app, output: output, stop: stop)
        let stoppedBy = stop.signal.load(ordering: .relaxed)
        return (app, stoppedBy == 0 ? nil : stoppedBy)
    }

    /// xterm's button-event mouse tracking (mode 1002) on or off; resetting 1000 at `endwin` ends it too.
    static func buttonEventTracking(on: Bool) -> String { on ? "\u{1B}[?1002h" : "\u{1B}[?1002l" }

    private static func loop<App: TerminalApp>(_ app: inout App, output: CursesScreen, stop: StopRequest) {
        let clock = ContinuousClock()
        let start = clock.now
        func sinceStart() -> Int { Int(start.duration(to: clock.now) / .milliseconds(1)) }
        var heldButton: MouseButton? = nil
        var needsDraw = true
        var workToShow = false
        var lastFrame = clock.now
        var interval: Int? = nil
        var nextTick: ContinuousClock.Instant? = nil
        var quickFailures = 0

        while stop.signal.load(ordering: .relaxed) == 0 {
            if needsDraw || workToShow && (!app.hasWork || lastFrame.duration(to: clock.now) >= .milliseconds(workFrameMilliseconds)) {
                output.draw(app.frame(size: output.size), theme: app.theme)
                output.present()
                (needsDraw, workToShow, lastFrame) = (false, false, clock.now)
            }

            let wanted = app.tickInterval.map { max(1, $0) }
            if wanted != interval {
                interval = wanted
                nextTick = wanted.map { clock.now.advanced(by: .milliseconds($0)) }
            }
            var timeout = idleWakeMilliseconds
            if let nextTick { timeout = min(timeout, milliseconds(until: nextTick, clock: clock)) }
            if app.hasWork { timeout = 0 }   // take the keys already typed, then get on with the work

            // Wait for one event (or the tick), then take whatever else is already queued before drawing.
            var waitFor = timeout
            for _ in 0..<64 {
                wtimeout(output.window, Int32(waitFor))
                let started = clock.now
                var value: wint_t = 0
                let status = wget_wch(output.window, &value)
                if status == ERR {
                    // A timeout takes about `waitFor`; instant ERRs, again and again, mean input is gone
                    // (hang-up with SIGHUP ignored, EOF): stop rather than spin.
                    if waitFor >= 10 {
                        if started.duration(to: clock.now) < .milliseconds(waitFor / 2) {
                            quickFailures += 1
                            if quickFailures >= 20 { return }
                        } else {
                            quickFailures = 0
                        }
                    }
                    break
                }
                quickFailures = 0
                if let event = event(status: status, value: value, output: output, held: &heldButton) {
                    if !app.handle(event) { return }
                    needsDraw = true
                }
                if stop.signal.load(ordering: .relaxed) != 0 { return }
                waitFor = 0
            }

            // Work a key started, in slices for up to `workMilliseconds`, so that keys and Ctrl-C are
            // answered between them.
            if app.hasWork {
                let until = clock.now.advanced(by: .milliseconds(workMilliseconds))
                repeat { app.work() } while app.hasWork && clock.now < until && stop.signal.load(ordering: .relaxed) == 0
                app.clock(milliseconds: sinceStart())
                workToShow = true
            }

            if let step = interval, let due = nextTick, clock.now >= due {
                app.tick()
                app.clock(milliseconds: sinceStart())
                needsDraw = true
                var next = due.advanced(by: .milliseconds(step))
                if next <= clock.now { next = clock.now.advanced(by: .milliseconds(step)) }   // never catch up in bursts
                nextTick = next
            }
        }
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int {
        let remaining = clock.now.duration(to: deadline)
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// Turns one `wget_wch` result into an app event, asking ncurses for the size or mouse state when needed.
    private static func event(status: Int32, value: wint_t, output: CursesScreen, held: inout MouseButton?) -> InputEvent? {
        switch InputDecoding.decode(isKeyCode: status == KEY_CODE_YES, value: value) {
        case .key(let key):
            return .key(key)
        case .resize:
            return .resize(output.size)
        case .mouse:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            return InputDecoding.mouseEvent(bstate: UInt32(mouse.bstate), column: Int(mouse.x), row: Int(mouse.y), held: &held)
        case .ignored:
            return nil
        }
    }
}
