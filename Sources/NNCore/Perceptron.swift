/// The order in which an epoch visits the samples.
public enum SampleOrder: String, Sendable, CaseIterable {
    case sequential, shuffled
}

/// What the perceptron rule needs to know; defaults follow the lecture (η = 1, w = 0).
public struct PerceptronSettings: Sendable, Hashable {
    public var learningRate: Double
    /// `w0` (bias), `w1`, `w2`.
    public var initialWeights: [Double]
    public var order: SampleOrder
    public var maxEpochs: Int
    /// Stop when the weights at an epoch's end repeat an earlier epoch's (a fixed order then cycles for
    /// ever); false goes on to `maxEpochs`, as `nnx trace` does.
    public var stopsAtCycle: Bool

    public init(learningRate: Double = 1, initialWeights: [Double] = [0, 0, 0], order: SampleOrder = .sequential, maxEpochs: Int = 100,
                stopsAtCycle: Bool = true) {
        precondition(initialWeights.count == 3, "a 2-D perceptron has three weights: w0 (bias), w1, w2")
        self.learningRate = learningRate
        self.initialWeights = initialWeights
        self.order = order
        self.maxEpochs = maxEpochs
        self.stopsAtCycle = stopsAtCycle
    }
}

/// Everything about one sample visit: the numbers the side panel and `nnx trace` show.
public struct PerceptronUpdate: Sendable, Hashable {
    /// 1-based epoch, 1-based step (visits since the start), 1-based position within the epoch.
    public var epoch: Int, step: Int, position: Int
    /// Index of the sample in the dataset (0-based).
    public var index: Int
    public var x1: Double, x2: Double
    /// Target `y = 2c − 1`, prediction `ŷ = sign(v)` (+1 when v ≥ 0), error `e = y − ŷ`.
    public var y: Double, v: Double, yhat: Double, error: Double
    public var learningRate: Double
    public var weightsBefore: [Double], weightsAfter: [Double]

    /// `Δw = η·e·x` with `x = (1, x1, x2)`.
    public var delta: [Double] { zip(weightsAfter, weightsBefore).map { $0 - $1 } }
    public var changedWeights: Bool { error != 0 }
    /// Distance of the sample to the hyperplane before the update: `|v| / ‖(w1, w2)‖`; nil when w1 = w2 = 0.
    public var distance: Double? { Perceptron.distance(v: v, weights: weightsBefore) }

    /// `‖x‖² = 1 + x1² + x2²` (x with x0 = 1).
    public var squaredLength: Double { 1 + x1 * x1 + x2 * x2 }
    /// What the update does to this sample's v, as the lecture derives it: `v′ = w′·x = v + η(y − ŷ)‖x‖²`.
    /// It moves v towards y's side: up when y = +1 was missed, down when y = −1 was.
    public var vAfterByRule: Double { v + learningRate * error * squaredLength }
    /// `v′ = w′·x` computed directly from the new weights (the same number, up to rounding).
    public var vAfter: Double { Perceptron.activation(weightsAfter, x1, x2) }
}

/// Where training stands.
public enum PerceptronStatus: Sendable, Hashable {
    case running
    /// Epoch `epoch` visited every sample without a mistake.
    case converged(epoch: Int)
    /// The weights at the end of `epoch` equal those at the end of `sameAs` (0 = the start): with a fixed order
    /// the updates will repeat for ever.
    case cycling(epoch: Int, sameAs: Int)
    /// `epochs` epochs (the cap) ran without an error-free one.
    case notConverged(epochs: Int)

    public var isFinished: Bool { self != .running }
}

/// The perceptron's pure maths.
public enum Perceptron {
    /// `v = w·x = w0 + w1·x1 + w2·x2`.
    @inline(__always)
    public static func activation(_ w: [Double], _ x1: Double, _ x2: Double) -> Double {
        w[0] + w[1] * x1 + w[2] * x2
    }
    /// `ŷ = +1` if `v ≥ 0`, else `−1`.
    @inline(__always)
    public static func sign(_ v: Double) -> Double { v >= 0 ? 1 : -1 }

    public static func distance(v: Double, weights w: [Double]) -> Double? {
        let norm = (w[1] * w[1] + w[2] * w[2]).squareRoot()
        return norm > 0 ? abs(v) / norm : nil
    }

    /// One application of the rule `w ← w + η(y − ŷ)x` to the sample (x1, x2) with target y.
    public static func update(weights w: [Double], x1: Double, x2: Double, y: Double, learningRate eta: Double)
        -> (v: Double, yhat: Double, error: Double, weights: [Double]) {
        let v = activation(w, x1, x2)
        let yhat = sign(v)
        let e = y - yhat
        guard e != 0 else { return (v, yhat, e, w) }
        let k = eta * e
        return (v, yhat, e, [w[0] + k, w[1] + k * x1, w[2] + k * x2])
    }
}
