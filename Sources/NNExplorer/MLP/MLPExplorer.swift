import NNCore
import NNRender
import NNScenario

/// The MLP screen's state: a trainer plus what the explorer lets a user change.
public struct MLPExplorer: Sendable {
    public let scenario: Scenario
    public internal(set) var data: DataSelection
    public private(set) var dataset: Dataset
    public internal(set) var trainer: MLPTrainer { didSet { trainerChanged() } }
    public private(set) var xRange: ClosedRange<Double>
    public private(set) var yRange: ClosedRange<Double>
    /// Epochs a second while playing.
    public internal(set) var playback = Playback(speeds: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], speedIndex: 3)
    public var logScale = false
    /// Flat class colours instead of confidence shades.
    public var discretize = false
    public var note: String?
    /// A hidden unit whose own output the regions show instead of the network's: (layer, unit).
    public private(set) var selectedUnit: (layer: Int, unit: Int)?
    /// Every hidden unit's output as small maps in place of the regions.
    public var showUnits = false
    /// Which of the seven input features `F` turns on or off (see `featureCursor`).
    var featureCursorIndex = 0
    /// The class the next clicked point gets.
    public private(set) var classToAdd = 1
    /// The restarts view: K runs trained to the end from seeds seed, seed+1, …, and the best one's index.
    public internal(set) var restarts: (runs: [MLPTrainer], best: Int)?
    /// The momentum view: this run's first weights trained to the end twice, without momentum and with α,
    /// side by side (the lecture's first remedy for a run that is stuck).
    public internal(set) var momentumRuns: [MLPTrainer]?
    /// Step-by-step mode: the next update, computed ahead on a copy of the trainer, and how many of its
    /// phases have been shown. It is applied for real when the last phase (the update) is reached.
    public private(set) var pending: (update: MLPUpdate, shown: Int)?
    /// The error-surface view (`E`), when open, and the path of the weights it draws (see `MLPSurface`).
    public internal(set) var surface: SurfaceView?
    public internal(set) var weightPath: WeightPath
    /// Runs kept for comparison (`R`, at most `referenceLimit`): reset, a new seed and new settings keep them.
    public internal(set) var references: [MLPReference] = []
    /// The numbers view (`W`), when open: how many of its lines are scrolled past.
    public internal(set) var numbersScroll: Int?
    /// The weight the numbers view has picked for editing: (layer l, row i (0: the bias), column j), that is
    /// `weights[l][i * sizes[l + 1] + j]`.
    public internal(set) var selectedWeight = (layer: 0, row: 0, column: 0)
    /// The number being typed for the picked weight (nil: not typing).
    public internal(set) var weightInput: String?

    /// One update in the lecture's order: forward layer by layer, output deltas, hidden deltas back to the
    /// first hidden layer, then the weight changes.
    public enum Phase: Sendable, Hashable {
        case forward(layer: Int)
        case outputDeltas
        case hiddenDeltas(layer: Int)
        case update
    }

    public var phases: [Phase] {
        let top = trainer.network.sizes.count - 1
        return (1...top).map { Phase.forward(layer: $0) } + [.outputDeltas]
            + stride(from: top - 1, through: 1, by: -1).map { Phase.hiddenDeltas(layer: $0) } + [.update]
    }

    /// The phase on screen, in step-by-step mode.
    public var currentPhase: Phase? { pending.map { phases[$0.shown] } }
    /// The last phase (the weight changes) of an update that `p` has just applied is on screen.
    public private(set) var showingUpdatePhase = false
    public static let learningRates = [0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10]
    /// Two-class sets the `d` key offers (a softmax scenario keeps its own data only).
    static let twoClassKinds: [DatasetKind] = [.xor, .circles, .moons, .spirals, .blobs]

    public init(scenario: Scenario) {
        self.scenario = scenario
        let twoClass = scenario.mlp.sizes.last == 1 && scenario.mlp.output != .linear   // regression keeps its targets
        data = DataSelection(choices: [.scenario] + (twoClass ? Self.twoClassKinds.map(DataChoice.builtin) : []), seed: scenario.seed)
        dataset = scenario.dataset()
        trainer = MLPTrainer(samples: dataset.samples, settings: scenario.mlp, seed: scenario.seed)
        weightPath = WeightPath(trainer)
        (xRange, yRange) = PlotData.ranges(for: dataset)
        if case .generator(let g) = scenario.data { generator = g }
    }

    public var epochsPerSecond: Int { playback.perSecond }
    /// The η `[` and `]` step (η₀ under a learning-rate schedule).
    public var learningRate: Double { trainer.settings.learningRate }
    public var tickInterval: Int? { playing ? 33 : nil }

    // MARK: actions

    /// The next phase of the next update (see `Phase`).
    mutating func stepPhase() {
        if let p = pending {
            let next = p.shown + 1
            if phases[next] == .update {
                stepUpdate()   // the same computation, now for real
                showingUpdatePhase = true
            } else {
                pending = (p.update, next)
            }
            return
        }
        var ahead = trainer
        guard let update = ahead.step() else { return }
        pending = (update, 0)
        showingUpdatePhase = false
    }

    /// Leaves step-by-step mode and closes the restarts and momentum views (any action that changes training does).
    mutating func cancelPhases() {
        pending = nil
        showingUpdatePhase = false
        restarts = nil
        momentumRuns = nil
    }

    mutating func stepUpdate() {
        pending = nil
        trainer.step()
        if trainer.status.isFinished { playback.stop() }
    }

    mutating func stepEpoch() {
        trainer.runEpoch()
        if trainer.status.isFinished { playback.stop() }
    }

    /// Plays `epochsPerSecond` epochs a second, in whole epochs, carrying the fraction to the next tick; a
    /// tick does at most `tickBudget` multiply-adds of training, so a big network plays slower instead of
    /// freezing the screen.
    mutating func tick() {
        guard playing, let interval = tickInterval else { return }
        let epochs = min(playback.due(after: interval), max(1, Self.tickBudget / max(1, epochCost)))
        for _ in 0..<epochs where playing { stepEpoch() }
    }

    /// The speed play really reaches: the chosen one, unless the tick budget caps it.
    public var effectiveEpochsPerSecond: Int {
        min(epochsPerSecond, max(1, Self.tickBudget / max(1, epochCost)) * 1000 / 33)
    }

    /// Multiply-adds one tick of play may spend, so that keys keep answering while it plays.
    static let tickBudget = 20_000_000

    /// About the multiply-adds of one epoch: forward and backward over every training point.
    var epochCost: Int {
        let sizes = trainer.network.sizes
        return 3 * trainer.trainingSet.count * zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
    }

    mutating func reset() {
        trainer = MLPTrainer(samples: dataset.samples, settings: trainer.settings, seed: seed)
        selectedUnit = nil
        playback.stop()
        note = "reset: the same first weights (seed \(seed)); s draws new ones"
    }

    mutating func reseed() {
        data.seed &+= 1
        loadData()
        note = "new seed \(seed): new first weights" + (dataChoice == .scenario ? "" : " and points") + " (r keeps them)"
    }

    /// The generator behind the shown data (nil for inline points or a CSV), with the user's count and noise.
    public private(set) var generator: DatasetGenerator?

    mutating func loadData() { loadData(keepGenerator: false) }

    private mutating func loadData(keepGenerator: Bool) {
        if !keepGenerator {
            switch dataChoice {
            case .scenario: if case .generator(let g) = scenario.data { generator = g } else { generator = nil }
            case .builtin(let kind): generator = DatasetGenerator(kind: kind)
            }
        }
        if let generator {
            dataset = generator.generate(seed: seed)
        } else {
            dataset = scenario.dataset(seed: seed)
        }
        var settings = trainer.settings
        if dataChoice != .scenario || seed != scenario.seed { settings.initialWeights = nil }
        trainer = MLPTrainer(samples: dataset.samples, settings: settings, seed: seed)
        (xRange, yRange) = PlotData.ranges(for: dataset)
        selectedUnit = nil
        playback.stop()
    }

    /// Halves or doubles the number of generated points (4 to 2,000); new points, new weights.
    mutating func changeCount(up: Bool) {
        guard var g = generator else { note = "these points are fixed (inline or CSV)"; return }
        g.count = min(2000, max(4, up ? g.count * 2 : g.count / 2))
        generator = g
        loadData(keepGenerator: true)
        note = "\(g.count) points"
    }

    /// Less or more noise on the generated points (steps of 0.05, 0 to 1).
    mutating func changeNoise(up: Bool) {
        guard var g = generator else { note = "these points are fixed (inline or CSV)"; return }
        g.noise = min(1, max(0, ((g.noise + (up ? 0.05 : -0.05)) * 100).rounded() / 100))
        generator = g
        loadData(keepGenerator: true)
        note = "noise \(formatNumber(g.noise))"
    }

    /// The held-out fraction for validation: 0, 0.1, 0.2, 0.3, 0.5 (early stopping needs one).
    mutating func changeValidation(up: Bool) {
        guard let next = PlotData.step([0, 0.1, 0.2, 0.3, 0.5], from: trainer.settings.validationSplit, up: up) else { return }
        var settings = trainer.settings
        settings.validationSplit = next
        if next == 0 { settings.patience = nil }
        restart(with: settings)
        note = next == 0 ? "no validation points" : "validation: \(formatNumber(next * 100))% of the points held out"
    }

    /// Momentum off, or back on (the scenario's α, or 0.9 when it has none).
    mutating func toggleMomentum() {
        let on = scenario.mlp.momentum > 0 ? scenario.mlp.momentum : 0.9
        let next = trainer.settings.momentum > 0 ? 0 : on
        trainer.setMomentum(next)
        note = next > 0 ? "momentum α = \(formatNumber(next))" : "momentum off"
    }

    // MARK: lesson settings (exact values, where the keys step through lists)

    mutating func setLearningRate(_ eta: Double) {
        trainer.setLearningRate(eta)
        note = (trainer.settings.learningRateSchedule == .constant ? "η = " : "η₀ = ") + formatNumber(eta)
    }

    mutating func setMomentum(_ alpha: Double) {
        trainer.setMomentum(alpha)
        note = alpha > 0 ? "momentum α = \(formatNumber(alpha))" : "momentum off"
    }

    mutating func setWeightDecay(_ lambda: Double) {
        trainer.setWeightDecay(lambda)
        note = lambda > 0 ? "weight decay λ = \(formatNumber(lambda, digits: 4)): each update also moves every weight but the biases by −η λ w" : "weight decay off"
    }

    /// Every hidden layer with `units` units; new weights.
    mutating func setHiddenUnits(_ units: Int) {
        let sizes = trainer.network.sizes
        guard sizes.count > 2 else { return }
        changeArchitecture(units: units - sizes[1])
    }

    /// Early stopping with this patience (nil: off); training starts again from new weights.
    mutating func setPatience(_ patience: Int?) {
        var settings = trainer.settings
        settings.patience = patience
        restart(with: settings)
        note = patience.map { "early stopping: patience \($0) epochs; training starts again" } ?? "early stopping off; training starts again"
    }

    mutating func setActivation(_ activation: Activation) {
        guard trainer.settings.activation != activation else { return }
        var settings = trainer.settings
        settings.activation = activation
        settings.initialWeights = nil
        restart(with: settings)
        note = "hidden activation: \(activation.rawValue)"
    }

    /// The weight decay λ the `w` key steps through.
    static let weightDecaySteps = [0, 0.0001, 0.001, 0.01]

    /// The next weight decay λ: off, 0.0001, 0.001, 0.01, off again.
    mutating func nextWeightDecay() {
        let current = trainer.settings.weightDecay
        let next = Self.weightDecaySteps.first { $0 > current } ?? 0
        trainer.setWeightDecay(next)
        note = next > 0 ? "weight decay λ = \(formatNumber(next, digits: 4)): each update also moves every weight but the biases by −η λ w" : "weight decay off"
    }

    /// Every hidden unit side by side, or (again) back to the network's own regions.
    mutating func toggleUnitsView() {
        showUnits.toggle()
        if !showUnits { selectedUnit = nil }
    }

    /// The next hidden unit (layer by layer), then back to the network's output.
    mutating func selectNextUnit() {
        let sizes = trainer.network.sizes
        let hidden = (1..<(sizes.count - 1)).flatMap { l in (0..<sizes[l]).map { (layer: l, unit: $0) } }
        if let current = selectedUnit, let index = hidden.firstIndex(where: { $0 == current }) {
            selectedUnit = index + 1 < hidden.count ? hidden[index + 1] : nil
        } else {
            selectedUnit = hidden.first
        }
        note = selectedUnit.map { "regions: the output of hidden unit \(unitName(layer: $0.layer, unit: $0.unit))" } ?? "regions: the network's output"
    }

    func unitName(layer: Int, unit: Int) -> String {
        trainer.network.sizes.count > 3 ? "h\(layer).\(unit + 1)" : "h\(unit + 1)"
    }

    /// Changes the architecture (hidden units of every hidden layer ±1, or a hidden layer more or less) and
    /// starts again with new weights drawn from the seed.
    mutating func changeArchitecture(units: Int = 0, layers: Int = 0) {
        var sizes = trainer.network.sizes
        if units != 0 {
            guard sizes.count > 2 else { note = "no hidden layer: add one with K"; return }
            for l in 1..<(sizes.count - 1) { sizes[l] = min(64, max(1, sizes[l] + units)) }
        }
        if layers > 0, sizes.count < 6 { sizes.insert(sizes.count > 2 ? sizes[sizes.count - 2] : 4, at: sizes.count - 1) }
        if layers < 0, sizes.count > 2 { sizes.remove(at: sizes.count - 2) }
        var settings = trainer.settings
        guard sizes != settings.sizes else { return }
        settings.sizes = sizes
        settings.initialWeights = nil
        restart(with: settings)
        note = "network " + sizes.map(String.init).joined(separator: "-") + ": new weights"
    }

    /// The next hidden activation (sigmoid, tanh, ReLU, linear); starts again.
    mutating func nextActivation() {
        var settings = trainer.settings
        let all = Activation.allCases
        settings.activation = all[(all.firstIndex(of: settings.activation)! + 1) % all.count]
        settings.initialWeights = nil
        restart(with: settings)
        note = "hidden activation: \(settings.activation.rawValue)"
    }

    mutating func restart(with settings: MLPSettings) {
        trainer = MLPTrainer(samples: dataset.samples, settings: settings, seed: seed)
        selectedUnit = nil
        pending = nil
        playback.stop()
    }

    mutating func toggleClass() {
        classToAdd = (classToAdd + 1) % trainer.network.classCount
        note = "clicks add class \(classToAdd)"
    }

    /// Adds a point of the selected class at (x, y), or removes the points in `cell`; training starts again
    /// from the current weights' seed with the new data.
    mutating func toggle(pointAt x: Double, _ y: Double, cellOf: (Sample) -> (column: Int, row: Int)?, cell: (column: Int, row: Int)) {
        note = PlotData.togglePoint(in: &dataset, x: x, y: y, label: classToAdd, ranges: (xRange, yRange), cellOf: cellOf, cell: cell)
        var settings = trainer.settings
        settings.initialWeights = nil
        restart(with: settings)
    }
}
