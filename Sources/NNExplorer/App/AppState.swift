import NNCore
import NNRender
import NNScenario

/// One line of the home screen: a built-in scenario, listed by its header and loaded when opened (its data
/// may be large, or not on this machine: then it says why it cannot open).
public struct HomeEntry: Sendable {
    public var fileName: String
    /// The title, summary and lesson flag the file gives, read without its data.
    var header: ScenarioHeader?
    /// Why it could not be opened, once that was tried.
    var failure: ScenarioError?
    public var title: String { header?.title ?? fileName }
    /// A scenario that could not open says why (which files it needs and where it looked) after its summary.
    public var summary: String {
        guard let failure else { return header?.summary ?? "" }
        return (header.map { $0.summary + " Cannot open: " } ?? "") + failure.description
    }
    var isLesson: Bool { header?.isLesson ?? false }

    /// The scenario, loaded now; nil (and `failure` set) when it cannot be.
    mutating func load() -> Scenario? {
        do throws(ScenarioError) {
            failure = nil
            return try BuiltinScenarios.load(named: fileName)
        } catch {
            failure = error
            return nil
        }
    }
}

public enum Screen: Sendable {
    case home
    case perceptron(PerceptronExplorer)
    case mlp(MLPExplorer)
    case cnn(CNNExplorer)
    case threshold(ThresholdExplorer)
    indirect case lesson(LessonPlayer)

    /// What opening a scenario shows: its lesson when it has one, else its model's explorer.
    static func opening(_ scenario: Scenario) -> Screen {
        scenario.lesson != nil ? .lesson(LessonPlayer(scenario: scenario)) : explorer(for: scenario)
    }

    /// The explorer for a scenario's model.
    static func explorer(for scenario: Scenario) -> Screen {
        switch scenario.model {
        case .perceptron: .perceptron(PerceptronExplorer(scenario: scenario))
        case .mlp: .mlp(MLPExplorer(scenario: scenario))
        case .cnn: .cnn(CNNExplorer(scenario: scenario))
        case .threshold: .threshold(ThresholdExplorer(scenario: scenario))
        }
    }

    /// The explorer without the remark its last action left (a key press in an explorer clears it too).
    func clearingNote() -> Screen {
        var screen = self
        screen.withExplorer { $0.note = nil }
        return screen
    }

}

/// The whole app's state. `update` changes it; `view` draws it; nothing else does either.
public struct AppState: Sendable {
    public var size: Size
    public var glyphs: Glyphs
    public var theme: Theme
    public var screen: Screen
    public var homeEntries: [HomeEntry]
    public var homeSelection = 0
    /// What `/` typed to filter the home list (nil when not filtering).
    public var homeFilter: String?
    public var showHelp = false { didSet { if showHelp != oldValue { helpScroll = 0 } } }
    /// How far the help is scrolled (when its keys do not fit the screen).
    public var helpScroll = 0
    /// `h`: the explorers' side panels hidden, the picture wider.
    public var panelsHidden = false
    /// The themes `C` cycles through: what this terminal can show (the front end narrows it).
    public var availableThemes: [Theme.Kind] = Theme.Kind.allCases
    /// A one-frame remark from the app (the theme's name after `C`), cleared by the next key.
    public var flash: String?
    /// Set when the user asked to quit; the front end ends its loop.
    public private(set) var shouldQuit = false
    /// Opened with `nnx run FILE`: `q` on the scenario quits instead of going home.
    public let startedOnScenario: Bool

    /// The home screen listing the built-in scenarios.
    public init(size: Size, glyphs: Glyphs = .unicode, theme: Theme = .standard,
                builtins: [(name: String, text: String)] = BuiltinScenarios.files) {
        self.size = size; self.glyphs = glyphs; self.theme = theme
        homeEntries = BuiltinScenarios.inLectureOrder(builtins).map { file in
            HomeEntry(fileName: file.name, header: BuiltinScenarios.header(file.text))
        }
        screen = .home
        startedOnScenario = false
    }

    /// Straight into one scenario (`nnx run FILE`).
    public init(size: Size, scenario: Scenario, glyphs: Glyphs = .unicode, theme: Theme = .standard) {
        self.size = size; self.glyphs = glyphs; self.theme = theme
        homeEntries = []
        screen = .opening(scenario)
        startedOnScenario = true
    }

    public var perceptron: PerceptronExplorer? {
        if case .perceptron(let p) = screen { return p }
        return nil
    }

    public var mlp: MLPExplorer? {
        if case .mlp(let m) = screen { return m }
        return nil
    }

    public var cnn: CNNExplorer? {
        if case .cnn(let c) = screen { return c }
        return nil
    }

    public var threshold: ThresholdExplorer? {
        if case .threshold(let t) = screen { return t }
        return nil
    }

    public var lesson: LessonPlayer? {
        if case .lesson(let l) = screen { return l }
        return nil
    }

    /// Milliseconds until the next tick, nil when nothing animates.
    /// Whether a key started work that `.work` messages carry on, a slice each (see `Explorer.work`).
    public var hasPendingWork: Bool { screen.explorer?.hasPendingWork ?? false }

    public var tickInterval: Int? {
        screen.explorer?.tickInterval
    }

    mutating func quit() { shouldQuit = true }

    /// The next theme this terminal can show.
    mutating func cycleTheme() {
        let kinds = availableThemes.isEmpty ? [theme.kind] : availableThemes
        let next = kinds[((kinds.firstIndex(of: theme.kind) ?? -1) + 1) % kinds.count]
        theme = Theme(next)
        flash = kinds.count == 1 ? "colours: \(next.rawValue) (the only theme this terminal shows)" : "colours: \(next.rawValue)"
    }

    /// Steps after which the open explorer's screen repeats, when stepping trains nothing (nil in a lesson).
    public var stepCycle: Int? { screen.explorer?.stepCycle }

    /// Whether the open explorer's training has ended (more steps would change nothing).
    public var trainingFinished: Bool {
        if case .lesson(let l) = screen { return l.atEnd }
        return screen.explorer?.trainingFinished ?? true
    }
}
