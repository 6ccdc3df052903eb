import NNRender
import NNScenario

/// How an explorer is drawn: the area, the look, and what a lesson around it asks of it.
struct ViewContext {
    var size: Size
    var glyphs: Glyphs
    var theme: Theme
    var panelsHidden = false
    /// Hints naming the explorer's own keys (off in a lesson, whose keys differ).
    var keyHints = true
    /// The panel a lesson is about, if any.
    var focus: LessonPanel?
    /// The whole terminal, when the explorer is part of it (a lesson).
    var screen: Size?
}

/// What every explorer is to the app and to a lesson: one type per explorer, in its own folder, so a new
/// explorer, view or lesson setting touches that folder and a case of `Screen`, not a switch in every file.
protocol Explorer: Sendable {
    /// The smallest area it can be drawn in.
    static var minimum: Size { get }
    /// Milliseconds until the next tick while it plays; nil when nothing animates.
    var tickInterval: Int? { get }
    mutating func tick()
    /// Work a key started that takes longer than a key press may (a CNN's `e` on a big network): the front
    /// end calls `work` a slice at a time between keys and frames until there is none; headless callers
    /// (tests) call it until done.
    var hasPendingWork: Bool { get }
    mutating func work()
    /// The front end's clock (`Msg.clock`), for a screen that shows how fast it trains.
    mutating func clock(_ milliseconds: Int)
    /// Play or pause, and the speed (`SharedKeys`).
    var playback: Playback { get set }
    /// The one-press remark its last action left.
    var note: String? { get set }
    /// Whether training can go no further (more steps would change nothing).
    var trainingFinished: Bool { get }
    /// When a step only walks a cycle and trains nothing (a threshold network through its points): its length,
    /// so that `nnx render --steps` can skip whole cycles.
    var stepCycle: Int? { get }
    /// For a lesson's `run: until_converged`: finished, or (an MLP) every training point right.
    var converged: Bool { get }

    // The shared keys (`SharedAction`).
    mutating func reset()
    mutating func reseed()
    /// `d` and `[`/`]`, where the explorer has them (a CNN keeps its scenario's images and rate).
    mutating func nextDataset()
    mutating func changeLearningRate(up: Bool)

    /// A key or a click, with the size it is drawn at (clicks land on its layout).
    mutating func update(_ msg: Msg, context: ViewContext) -> ScreenOutcome
    func view(_ context: ViewContext, into frame: inout Frame)
    /// The `?` overlay: its keys.
    var help: HelpOverlay { get }
    /// Also after `resize`: what depends on the size (a cursor inside the plot).
    mutating func resized(_ context: ViewContext)

    // A lesson drives it.
    mutating func step(_ unit: StepUnit)
    mutating func apply(_ setting: LessonSetting)
    /// A panel that is a view of its own opens when a beat turns to it.
    mutating func open(_ panel: LessonPanel?)
    /// The box of `panel` as `view` draws it in `context`.
    func box(of panel: LessonPanel, _ context: ViewContext) -> Rect?
    /// Whether a lesson gives the picture the side panels' width too, on a terminal `width` wide.
    func hidesPanelsInLesson(focus: LessonPanel?, width: Int) -> Bool
}

extension Explorer {
    var hasPendingWork: Bool { false }
    mutating func work() {}
    mutating func clock(_ milliseconds: Int) {}
    var converged: Bool { trainingFinished }
    var stepCycle: Int? { nil }
    mutating func nextDataset() {}
    mutating func changeLearningRate(up: Bool) {}
    mutating func resized(_ context: ViewContext) {}
    mutating func open(_ panel: LessonPanel?) {}
    func hidesPanelsInLesson(focus: LessonPanel?, width: Int) -> Bool { false }
}

extension Screen {
    /// The explorer on screen (nil on the home screen and in a lesson, which holds its own).
    var explorer: (any Explorer)? {
        switch self {
        case .perceptron(let p): p
        case .mlp(let m): m
        case .cnn(let c): c
        case .threshold(let t): t
        case .home, .lesson: nil
        }
    }

    /// The screen of an explorer.
    init?(_ explorer: any Explorer) {
        switch explorer {
        case let p as PerceptronExplorer: self = .perceptron(p)
        case let m as MLPExplorer: self = .mlp(m)
        case let c as CNNExplorer: self = .cnn(c)
        case let t as ThresholdExplorer: self = .threshold(t)
        default: return nil
        }
    }

    /// Changes the explorer on screen in place (nothing when there is none); returns what `change` returns.
    @discardableResult
    mutating func withExplorer<R>(_ change: (inout any Explorer) -> R) -> R? {
        guard var explorer else { return nil }
        let result = change(&explorer)
        self = Screen(explorer) ?? self
        return result
    }
}

/// The smallest area the explorer on `screen` is drawn in (the home list's when there is none).
func explorerMinimum(_ screen: Screen) -> Size {
    screen.explorer.map { type(of: $0).minimum } ?? HomeLayout.minimum
}
