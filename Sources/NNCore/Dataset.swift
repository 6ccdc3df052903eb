/// One labelled 2-D point. Labels are classes 0/1 as in the lecture's truth tables; a regression point has
/// a real `target` instead (its label stays 0).
public struct Sample: Sendable, Hashable {
    public var x1: Double
    public var x2: Double
    public var label: Int
    /// The value a regression network is to output at (x1, x2); nil for a classified point.
    public var target: Double?
    public init(_ x1: Double, _ x2: Double, label: Int) {
        self.x1 = x1; self.x2 = x2; self.label = label
    }
    public init(_ x1: Double, _ x2: Double, target: Double) {
        self.x1 = x1; self.x2 = x2; self.label = 0; self.target = target
    }
    /// The largest |x1|, |x2| that scenario and CSV files may hold: larger values only overflow the
    /// arithmetic (and the plot) without teaching anything.
    public static let coordinateLimit = 1e6

    /// The perceptron's target: `y = 2c − 1`.
    public var signedTarget: Double { label == 1 ? 1 : -1 }
}

/// A named set of 2-D samples.
public struct Dataset: Sendable, Hashable {
    public var name: String
    public var samples: [Sample]
    public init(name: String, samples: [Sample]) {
        self.name = name; self.samples = samples
    }
    public var count: Int { samples.count }
    public var isEmpty: Bool { samples.isEmpty }

    /// The smallest box holding every sample (nil when empty).
    public var bounds: (x1: ClosedRange<Double>, x2: ClosedRange<Double>)? {
        guard let first = samples.first else { return nil }
        var lo1 = first.x1, hi1 = first.x1, lo2 = first.x2, hi2 = first.x2
        for s in samples {
            lo1 = min(lo1, s.x1); hi1 = max(hi1, s.x1)
            lo2 = min(lo2, s.x2); hi2 = max(hi2, s.x2)
        }
        return (lo1...hi1, lo2...hi2)
    }
}
