import NNCore
import NNRender
import NNScenario

/// The perceptron screen's state: a trainer plus everything the explorer lets a user change.
public struct PerceptronExplorer: Sendable {
    public let scenario: Scenario
    public private(set) var choices: [DataChoice]
    public private(set) var choiceIndex = 0
    public private(set) var seed: UInt64
    public private(set) var dataset: Dataset
    public private(set) var trainer: PerceptronTrainer
    /// R and γ of the data (the convergence theorem's numbers), kept with the data they measure.
    public private(set) var margin: PerceptronMargin?
    /// The plot's data ranges: fixed per dataset so the picture does not jump when points are added.
    public private(set) var xRange: ClosedRange<Double>
    public private(set) var yRange: ClosedRange<Double>
    /// The hyperplane before the last update that moved it.
    public private(set) var ghostWeights: [Double]?
    public var showGhost = true
    public private(set) var playing = false
    public private(set) var speedIndex = 1
    /// Cursor mode: the keyboard cursor's cell offset inside the plot area (nil when off).
    public var cursor: (column: Int, row: Int)?
    /// The class the next added point gets (0 or 1).
    public private(set) var classToAdd = 1
    /// A one-line note on the last action (e.g. "added class 1 at (0.5, 0.25)").
    public var note: String?
    /// A lesson's `step: visit` asked to show the next visit before it is applied.
    public private(set) var showsNextVisit = false

    /// Sample visits per second for each speed step.
    public static let speeds = [1, 2, 4, 8, 15, 30, 60, 120, 250, 500, 1000]
    public static let learningRates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10]

    public init(scenario: Scenario) {
        self.scenario = scenario
        seed = scenario.seed
        let fromScenario: [DataChoice] = [.scenario]
        choices = fromScenario + DatasetKind.perceptronKinds.map(DataChoice.builtin)
        dataset = scenario.dataset()
        trainer = PerceptronTrainer(samples: dataset.samples, settings: scenario.perceptron, seed: scenario.seed)
        margin = PerceptronMargin(samples: dataset.samples)
        (xRange, yRange) = PlotData.ranges(for: dataset)
    }

    public var dataChoice: DataChoice { choices[choiceIndex] }
    public var stepsPerSecond: Int { Self.speeds[speedIndex] }

    /// Milliseconds between ticks while playing (at most 30 frames a second).
    public var tickInterval: Int? { playing ? max(33, 1000 / stepsPerSecond) : nil }
    /// Visits owed but not yet made: a tick makes the whole ones and keeps the fraction, so that the speed
    /// shown is the speed played (60/s at 33 ms a tick is 1.98 visits a tick, not 1).
    /// Counted in thousandths of a visit, so that it adds up exactly.
    private var visitCredit = 0

    /// The visit the next step makes, computed but not applied (v, ŷ and e shown, w unchanged), while a
    /// lesson shows it; nil otherwise. The trainer is deterministic, so the next step makes exactly this one.
    public var pendingVisit: PerceptronUpdate? {
        guard showsNextVisit else { return nil }
        var next = trainer
        return next.step()
    }

    // MARK: actions

    /// Shows the next visit without applying it (the question before the answer).
    mutating func showNextVisit() { showsNextVisit = true }

    mutating func stepSample() {
        showsNextVisit = false
        guard let event = trainer.step() else { playing = false; return }
        if event.changedWeights { ghostWeights = event.weightsBefore }
        if trainer.status.isFinished { playing = false }
    }

    mutating func stepEpoch() {
        showsNextVisit = false
        let events = trainer.runEpoch()
        if let moved = events.last(where: \.changedWeights) { ghostWeights = moved.weightsBefore }
        if trainer.status.isFinished { playing = false }
    }

    mutating func tick() {
        guard playing, let interval = tickInterval else { return }
        visitCredit += stepsPerSecond * interval
        let visits = visitCredit / 1000
        visitCredit %= 1000
        for _ in 0..<visits where playing { stepSample() }
    }

    mutating func togglePlay() {
        if trainer.status.isFinished || trainer.sampleCount == 0 { playing = false; return }
        playing.toggle()
        visitCredit = 0
    }

    mutating func changeSpeed(by delta: Int) {
        speedIndex = min(Self.speeds.count - 1, max(0, speedIndex + delta))
    }

    mutating func reset() {
        showsNextVisit = false
        trainer.reset()
        ghostWeights = nil
        playing = false
        note = "reset to w = \(formatVector(trainer.weights))"
    }

    /// A new seed: new points for a generated dataset, a new order for shuffled visits.
    mutating func reseed() {
        let edited = dataset.name.hasSuffix("(edited)")
        seed &+= 1
        loadData()
        note = "seed \(seed): training restarted" + (edited ? ", edits dropped" : "")
    }

    /// The next choice whose data differs from the scenario's own: perceptron-and's first `d` would show
    /// the AND table again under another name, and look as if nothing happened.
    mutating func nextDataset() {
        let skipped: [String]
        (choiceIndex, skipped) = DataChoice.next(after: choiceIndex, in: choices, seed: seed, differingFrom: scenario.dataset(seed: seed).samples)
        loadData()
        note = DataChoice.note(showing: dataset.name, skipped: skipped)
    }

    private func data(for choice: DataChoice) -> Dataset {
        switch choice {
        case .scenario: scenario.dataset(seed: seed)
        case .builtin(let kind): DatasetGenerator(kind: kind).generate(seed: seed)
        }
    }

    private mutating func loadData() {
        dataset = data(for: dataChoice)
        var settings = scenario.perceptron
        settings.learningRate = trainer.learningRate
        if let firstWeights { settings.initialWeights = firstWeights }
        trainer = PerceptronTrainer(samples: dataset.samples, settings: settings, seed: seed)
        margin = PerceptronMargin(samples: dataset.samples)
        showsNextVisit = false
        (xRange, yRange) = PlotData.ranges(for: dataset)
        ghostWeights = nil
        playing = false
    }

    mutating func changeLearningRate(up: Bool) {
        guard let next = PlotData.step(Self.learningRates, from: trainer.learningRate, up: up) else { return }
        setLearningRate(next)
    }

    mutating func toggleClass() { classToAdd = 1 - classToAdd }

    // MARK: lesson settings (exact values, where the keys step through lists)

    /// From w = 0 every update adds η·e·x, so w is η times the weights η = 1 would give: the same signs of
    /// w·x, the same lines. The note says so when that holds from here (w = 0 now).
    mutating func setLearningRate(_ eta: Double) {
        showsNextVisit = false
        trainer.setLearningRate(eta)
        note = "η = \(formatNumber(eta))" + (trainer.weights.allSatisfy { $0 == 0 } ? " (w = 0: only scales w)" : "")
    }

    /// First weights a lesson set, used instead of the scenario's from then on.
    private var firstWeights: [Double]?

    /// Training starts again from these first weights.
    mutating func setInitialWeights(_ weights: [Double]) {
        firstWeights = weights
        loadData()
        note = "restarted from w = \(formatVector(trainer.weights))"
    }

    /// `scenario` or a built-in dataset's name; training starts again on it.
    mutating func setDataset(named name: String) {
        guard let index = choices.firstIndex(where: { $0.name == name }) else { return }
        choiceIndex = index
        loadData()
        note = "dataset: \(dataset.name)"
    }

    /// Keeps the keyboard cursor inside a plot area of this size (after a resize).
    mutating func clampCursor(width: Int, height: Int) {
        guard let c = cursor else { return }
        cursor = (min(max(0, c.column), max(0, width - 1)), min(max(0, c.row), max(0, height - 1)))
    }

    /// Adds a point of the selected class at (x, y), or removes the points in `cell` when there are some.
    mutating func toggle(pointAt x: Double, _ y: Double, cellOf: (Sample) -> (column: Int, row: Int)?, cell: (column: Int, row: Int)) {
        note = PlotData.togglePoint(in: &dataset, x: x, y: y, label: classToAdd, ranges: (xRange, yRange), cellOf: cellOf, cell: cell)
        trainer.replaceSamples(dataset.samples)
        margin = PerceptronMargin(samples: dataset.samples)
        showsNextVisit = false
    }

}
