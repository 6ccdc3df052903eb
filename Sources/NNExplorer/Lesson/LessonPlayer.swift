import NNCore
import NNScenario

/// A lesson being played: the explorer as the first `position` beats left it, the narration and the
/// emphasised panel. Going back replays from the start (everything is deterministic), so beat k always looks
/// the same however it was reached.
public struct LessonPlayer: Sendable {
    public let scenario: Scenario
    public let lesson: Lesson
    /// What each key press plays (`Lesson.presses`): the beats as the screen counts them.
    public let presses: [Range<Int>]
    /// Presses done: 0 before the first, `beatCount` at the end.
    public private(set) var position = 0
    /// The explorer the lesson drives (a perceptron, MLP or CNN screen).
    public private(set) var explorer: Screen
    /// The last `say` up to here.
    public private(set) var narration: String?
    public private(set) var focus: LessonPanel?
    /// Digits typed after `g` (go to beat N), nil when not asking.
    public var goTo: String?
    /// The rows of its longest narration, by width (every frame needs it).
    let narrationRows: NarrationRows

    /// Epochs a `run: until_converged` beat trains at most (a lesson must not hang).
    static let runCap = 10_000

    public init(scenario: Scenario) {
        precondition(scenario.lesson != nil, "a lesson player needs a scenario with a lesson")
        self.scenario = scenario
        lesson = scenario.lesson!
        presses = lesson.presses
        explorer = .explorer(for: scenario)
        narrationRows = NarrationRows(lesson.beats)
    }

    public var beatCount: Int { presses.count }
    public var atEnd: Bool { position == beatCount }
    /// The script's beats the last press played (empty before the first).
    public var currentBeats: ArraySlice<LessonBeat> { position > 0 ? lesson.beats[presses[position - 1]] : [] }

    /// Plays the next press's beats.
    public mutating func next() {
        guard position < beatCount else { return }
        explorer = explorer.clearingNote()   // a remark belongs to the press that made it
        for beat in lesson.beats[presses[position]] { play(beat) }
        position += 1
    }

    /// Back to beat `target` (0 = before the first) by replaying from the start.
    public mutating func go(to target: Int) {
        let target = min(max(0, target), beatCount)
        if target < position { self = LessonPlayer(scenario: scenario) }
        while position < target { next() }
    }

    public mutating func previous() { go(to: position - 1) }

    private mutating func play(_ beat: LessonBeat) {
        switch beat {
        case .say(let text): narration = text
        case .pause: break
        case .focus(let panel):
            focus = panel
            open(panel)
        case .step(let unit, let count):
            for _ in 0..<count { step(unit) }
        case .run(.epochs(let n)):
            for _ in 0..<n where !finished { step(.epoch) }
        case .run(.untilConverged):
            var epochs = 0
            while !converged, epochs < Self.runCap { step(.epoch); epochs += 1 }
        case .set(let setting): set(setting)
        }
    }

    /// Whether training can go no further.
    private var finished: Bool { explorer.explorer?.trainingFinished ?? true }

    /// Finished, or (for an MLP) every training point on the right side.
    private var converged: Bool { explorer.explorer?.converged ?? true }

    private mutating func step(_ unit: StepUnit) { explorer.withExplorer { $0.step(unit) } }

    private mutating func set(_ setting: LessonSetting) { explorer.withExplorer { $0.apply(setting) } }

    /// Panels that are views of their own open when focused.
    private mutating func open(_ panel: LessonPanel?) { explorer.withExplorer { $0.open(panel) } }

    /// Leaves the lesson: the explorer as it stands, to explore freely.
    public var explorerForFreeExploration: Screen { explorer }
}
