import NNRender

/// What the terminal can do, told to the app before the first frame so it can pick glyphs and a theme.
public struct TerminalCapabilities: Sendable, Hashable {
    /// How many palette colours the terminal has (ncurses `COLORS`): 0 without colour, 8 for `TERM=xterm`,
    /// 256 for `xterm-256color`/`tmux-256color`. Palette indices at or above it are mapped to the nearest basic colour.
    public var colors: Int
    /// Whether the locale's codeset is UTF-8, so box drawing, braille and blocks can be shown.
    public var unicode: Bool

    public init(colors: Int, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }
}

/// The app as the terminal loop sees it.
public protocol TerminalApp {
    mutating func start(_ capabilities: TerminalCapabilities)
    /// Handles one event; returns false to quit.
    mutating func handle(_ event: InputEvent) -> Bool
    /// One animation tick while playing.
    mutating func tick()
    /// Milliseconds until the next tick, or nil while paused (then the loop must not spin: near-zero idle CPU).
    var tickInterval: Int? { get }
    /// Whether a key started longer work, done a slice at a time by `work` between keys and frames.
    var hasWork: Bool { get }
    mutating func work()
    /// The loop's clock in milliseconds from its start, after work and ticks (for a training speed).
    mutating func clock(milliseconds: Int)
    var theme: Theme { get }
    func frame(size: Size) -> Frame
}

extension TerminalApp {
    public var hasWork: Bool { false }
    public mutating func work() {}
    public mutating func clock(milliseconds: Int) {}
}

/// Why the interactive view cannot start. Each description is one line, fit for `error: …` on stderr.
public enum TerminalUnavailable: Error, CustomStringConvertible, Sendable, Equatable {
    /// Standard input or output is not a terminal (`stream` names which).
    case notATerminal(stream: String)
    /// `TERM` is unset or empty.
    case termNotSet
    /// `TERM=dumb`, or a terminal without cursor addressing (`cup`).
    case noCursorAddressing(term: String)
    /// ncurses does not know `TERM`.
    case unknownTerminal(term: String)
    /// Anything else that failed while setting up the terminal.
    case initializationFailed(String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "\(stream) is not a terminal; the interactive view needs one"
        case .termNotSet:
            "TERM is not set; the interactive view needs to know the terminal type"
        case .noCursorAddressing(let term):
            "terminal type '\(term)' cannot move the cursor; the interactive view needs a full-screen terminal"
        case .unknownTerminal(let term):
            "unknown terminal type '\(term)' (no terminfo entry); try TERM=xterm-256color"
        case .initializationFailed(let reason):
            "could not set up the terminal: \(reason)"
        }
    }
}
