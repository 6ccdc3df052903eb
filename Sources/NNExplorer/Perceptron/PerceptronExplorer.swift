import NNCore
import NNRender
import NNScenario

/// The perceptron screen's state: a trainer plus everything the explorer lets a user change.
public struct PerceptronExplorer: Sendable {
    public let scenario: Scenario
    public internal(set) var data: DataSelection
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
    /// Visits a second while playing.
    public internal(set) var playback = Playback(speeds: [1, 2, 4, 8, 15, 30, 60, 120, 250, 500, 1000], speedIndex: 1)
    /// Cursor mode: the keyboard cursor's cell offset inside the plot area (nil when off).
    public var cursor: (column: Int, row: Int)?
    /// The class the next added point gets (0 or 1).
    public private(set) var classToAdd = 1
    /// A one-line note on the last action (e.g. "added class 1 at (0.5, 0.25)").
    public var note: String?
    /// A lesson's `step: visit` asked to show the next visit before it is applied.
    public private(set) var showsNextVisit = false

    public static let learningRates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10]

    public init(scenario: Scenario) {
        self.scenario = scenario
        data = DataSelection(choices: [.scenario] + DatasetKind.perceptronKinds.map(DataChoice.builtin), seed: scenario.seed)
        dataset = scenario.dataset()
        trainer = PerceptronTrainer(samples: dataset.samples, settings: scenario.perceptron, seed: scenario.seed)
        margin = PerceptronMargin(samples: dataset.samples)
        (xRange, yRange) = PlotData.ranges(for: dataset)
    }

    public var stepsPerSecond: Int { playback.perSecond }
    public var learningRate: Double { trainer.learningRate }

    /// Milliseconds between ticks while playing (at most 30 frames a second).
    public var tickInterval: Int? { playing ? max(33, 1000 / stepsPerSecond) : nil }

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
        guard let event = trainer.step() else { playback.stop(); return }
        if event.changedWeights { ghostWeights = event.weightsBefore }
        if trainer.status.isFinished { playback.stop() }
    }

    mutating func stepEpoch() {
        showsNextVisit = false
        let events = trainer.runEpoch()
        if let moved = events.last(where: \.changedWeights) { ghostWeights = moved.weightsBefore }
        if trainer.status.isFinished { playback.stop() }
    }

    mutating func tick() {
        guard playing, let interval = tickInterval else { return }
        for _ in 0..<playback.due(after: interval) where playing { stepSample() }
    }

    mutating func reset() {
        showsNextVisit = false
        trainer.reset()
        ghostWeights = nil
        playback.stop()
        note = "reset to w = \(formatVector(trainer.weights))"
    }

    /// A new seed: new points for a generated dataset, a new order for shuffled visits.
    mutating func reseed() {
        let edited = dataset.name.hasSuffix("(edited)")
        data.seed &+= 1
        loadData()
        note = "seed \(seed): training restarted" + (edited ? ", edits dropped" : "")
    }

    private func makeDataset(for choice: DataChoice) -> Dataset {
        switch choice {
        case .scenario: scenario.dataset(seed: seed)
        case .builtin(let kind): DatasetGenerator(kind: kind).generate(seed: seed)
        }
    }

    mutating func loadData() {
        dataset = makeDataset(for: dataChoice)
        var settings = scenario.perceptron
        settings.learningRate = trainer.learningRate
        if let firstWeights { settings.initialWeights = firstWeights }
        trainer = PerceptronTrainer(samples: dataset.samples, settings: settings, seed: seed)
        margin = PerceptronMargin(samples: dataset.samples)
        showsNextVisit = false
        (xRange, yRange) = PlotData.ranges(for: dataset)
        ghostWeights = nil
        playback.stop()
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
