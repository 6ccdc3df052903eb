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

    /// Epochs a `run: until_converged` beat trains at most (a lesson must not hang).
    static let runCap = 10_000

    public init(scenario: Scenario) {
        precondition(scenario.lesson != nil, "a lesson player needs a scenario with a lesson")
        self.scenario = scenario
        lesson = scenario.lesson!
        presses = lesson.presses
        explorer = .explorer(for: scenario)
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
    private var finished: Bool {
        switch explorer {
        case .perceptron(let p): p.trainer.status.isFinished
        case .mlp(let m): m.trainer.status.isFinished
        case .cnn(let c): c.trainer?.status.isFinished ?? true
        case .home, .lesson: true
        }
    }

    /// Finished, or (for an MLP) every training point on the right side.
    private var converged: Bool {
        if case .mlp(let m) = explorer, let last = m.trainer.history.last, last.accuracy == 1 { return true }
        return finished
    }

    private mutating func step(_ unit: StepUnit) {
        switch (explorer, unit) {
        case (.perceptron(var p), .visit): p.showNextVisit(); explorer = .perceptron(p)
        case (.perceptron(var p), .sample): p.stepSample(); explorer = .perceptron(p)
        case (_, .visit): break   // the scenario reader admits visit for a perceptron only
        case (.perceptron(var p), _): p.stepEpoch(); explorer = .perceptron(p)
        case (.mlp(var m), .phase): m.stepPhase(); explorer = .mlp(m)
        case (.mlp(var m), .sample): m.stepUpdate(); explorer = .mlp(m)
        case (.mlp(var m), _): m.cancelPhases(); m.stepEpoch(); explorer = .mlp(m)
        case (.cnn(var c), .cell): c.stepWindow(); explorer = .cnn(c)
        case (.cnn(var c), .batch): c.stepBatch(); explorer = .cnn(c)
        case (.cnn(var c), _): c.stepEpoch(); explorer = .cnn(c)
        case (.home, _), (.lesson, _): break
        }
    }

    private mutating func set(_ setting: LessonSetting) {
        switch (explorer, setting) {
        case (.perceptron(var p), .learningRate(let eta)): p.setLearningRate(eta); explorer = .perceptron(p)
        case (.perceptron(var p), .dataset(let name)): p.setDataset(named: name); explorer = .perceptron(p)
        case (.perceptron(var p), .ghost(let on)): p.showGhost = on; explorer = .perceptron(p)
        case (.perceptron(var p), .weights(let w)): p.setInitialWeights(w); explorer = .perceptron(p)
        case (.mlp(var m), .learningRate(let eta)): m.setLearningRate(eta); explorer = .mlp(m)
        case (.mlp(var m), .momentum(let alpha)): m.setMomentum(alpha); explorer = .mlp(m)
        case (.mlp(var m), .weightDecay(let lambda)): m.setWeightDecay(lambda); explorer = .mlp(m)
        case (.mlp(var m), .dataset(let name)): m.setDataset(named: name); explorer = .mlp(m)
        case (.mlp(var m), .hiddenUnits(let n)): m.setHiddenUnits(n); explorer = .mlp(m)
        case (.mlp(var m), .activation(let f)): m.setActivation(f); explorer = .mlp(m)
        case (.mlp(var m), .earlyStopping(let patience)): m.setPatience(patience); explorer = .mlp(m)
        case (.cnn(var c), .pooling(let kind)): c.setPooling(kind); explorer = .cnn(c)
        case (.cnn(var c), .image(let index)): c.setProbe(index); explorer = .cnn(c)
        case (.cnn(var c), .sharedScale(let shared)): c.setSharedScale(shared); explorer = .cnn(c)
        default: break   // the scenario reader admits only the settings of the lesson's model
        }
    }

    /// Panels that are views of their own open when focused.
    private mutating func open(_ panel: LessonPanel?) {
        switch (explorer, panel) {
        case (.mlp(var m), .restarts):
            if m.restarts == nil { m.toggleRestarts() }
            explorer = .mlp(m)
        case (.mlp(var m), .momentum):
            if m.momentumRuns == nil { m.toggleMomentumRuns() }
            explorer = .mlp(m)
        case (.cnn(var c), .confusion): c.showConfusionMatrix(); explorer = .cnn(c)
        case (.cnn(var c), .window):
            if c.window == nil { c.toggleWindow() }
            explorer = .cnn(c)
        case (.cnn(var c), .maps):
            // The sliding window takes the maps' place: back to the maps, from the stages when not all fit.
            if c.window != nil { c.toggleWindow() }
            c.showMaps(fromInput: false)
            explorer = .cnn(c)
        default: break
        }
    }

    /// Leaves the lesson: the explorer as it stands, to explore freely.
    public var explorerForFreeExploration: Screen { explorer }
}
