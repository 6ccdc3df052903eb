import NNCore
import NNScenario

/// The threshold-network screen's state: a network whose weights the scenario sets by hand, its points, and
/// the point whose numbers the panel works out. Nothing trains; the keys step through the points.
public struct ThresholdExplorer: Sendable {
    public let scenario: Scenario
    public let network: ThresholdNetwork
    public private(set) var dataset: Dataset
    /// The seed a generated dataset is drawn with (`s` draws another).
    public private(set) var seed: UInt64
    /// The index of the point the panel works out (nil when there are none).
    public private(set) var selected: Int?
    /// The plot's data ranges, padded around the points.
    public private(set) var xRange: ClosedRange<Double>
    public private(set) var yRange: ClosedRange<Double>
    /// Nothing plays (the protocol's play state, always paused).
    public internal(set) var playback = Playback(speeds: [1])
    public var note: String?

    public init(scenario: Scenario) {
        guard let network = scenario.threshold else { preconditionFailure("a threshold explorer needs a scenario's threshold block") }
        self.scenario = scenario
        self.network = network
        seed = scenario.seed
        dataset = scenario.dataset()
        selected = dataset.samples.isEmpty ? nil : 0
        (xRange, yRange) = PlotData.ranges(for: dataset)
    }

    /// The selected point and the network's numbers on it.
    public var selection: (index: Int, sample: Sample, pass: ThresholdNetwork.Pass)? {
        guard let i = selected else { return nil }
        let s = dataset.samples[i]
        return (i, s, network.forward(s.x1, s.x2))
    }

    /// How many points the network classifies right (ŷ = y).
    public var rightCount: Int {
        dataset.samples.filter { network.forward($0.x1, $0.x2).yhat == $0.signedTarget }.count
    }

    /// The next (or previous) point, round the end.
    mutating func select(by offset: Int) {
        guard let i = selected else { note = "no points to step through"; return }
        let count = dataset.samples.count
        selected = ((i + offset) % count + count) % count
    }

    mutating func select(_ index: Int) {
        guard dataset.samples.indices.contains(index) else { return }
        selected = index
    }

    mutating func reset() {
        select(0)
        note = "back to the first point"
    }

    /// A generated dataset is drawn again with the next seed; a scenario's own points have none.
    var generated: Bool { if case .generator = scenario.data { true } else { false } }

    mutating func reseed() {
        guard generated else { return }   // its key says why
        seed &+= 1
        dataset = scenario.dataset(seed: seed)
        selected = dataset.samples.isEmpty ? nil : 0
        (xRange, yRange) = PlotData.ranges(for: dataset)
        note = "seed \(seed): new points"
    }
}
