/// A fully connected network. `weights[l]` holds the weights from layer `l` to layer `l + 1` as a flat
/// row-major matrix of `(sizes[l] + 1) × sizes[l + 1]`: row 0 is the bias unit, so the lecture's `w_ij`
/// (from unit i of layer l, bias i = 0, to unit j of layer l + 1) is `weights[l][i * sizes[l + 1] + j]`.
/// All layers live in one contiguous `parameters` array (layer l from `offsets[l]`), so that training
/// touches one buffer, not one per layer.
public struct MLP: Sendable, Hashable {
    public let sizes: [Int]
    /// What the input units see of a point, one feature per input unit (see `inputs`).
    public var features: [InputFeature]
    public var activation: Activation
    public var output: OutputActivation
    /// Every weight, layer after layer.
    public var parameters: [Double]
    /// Where each layer's matrix starts in `parameters` (one more entry: the total).
    public let offsets: [Int]

    /// `features`: nil for the coordinates x1, x2 (then `sizes[0]` must be 2).
    public init(sizes: [Int], activation: Activation, output: OutputActivation, weights: [[Double]], features: [InputFeature]? = nil) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 }, "a network needs an input and an output layer")
        self.features = features ?? InputFeature.coordinates
        precondition(self.features.count == sizes[0], "one input unit per feature")
        precondition(weights.count == sizes.count - 1
                     && zip(weights, zip(sizes, sizes.dropFirst())).allSatisfy { $0.count == ($1.0 + 1) * $1.1 },
                     "weights do not fit the layer sizes")
        self.sizes = sizes; self.activation = activation; self.output = output
        parameters = weights.flatMap { $0 }
        offsets = weights.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
    }

    /// The weights layer by layer (copies; for views, tests and traces, not training loops).
    public var weights: [[Double]] {
        get { (0..<(sizes.count - 1)).map { Array(parameters[offsets[$0]..<offsets[$0 + 1]]) } }
        set { parameters = newValue.flatMap { $0 } }
    }

    /// Weights drawn with `initialization` from `rng`.
    public init(sizes: [Int], activation: Activation, output: OutputActivation, initialization: Initialization,
                rng: inout SplitMix64, features: [InputFeature]? = nil) {
        var weights: [[Double]] = []
        for (fanIn, fanOut) in zip(sizes, sizes.dropFirst()) {
            let limit = switch initialization {
            case .uniform(let range): range
            case .xavier: (6 / Double(fanIn + fanOut)).squareRoot()
            case .he: (6 / Double(fanIn)).squareRoot()
            }
            weights.append((0..<((fanIn + 1) * fanOut)).map { _ in rng.uniform(-limit, limit) })
        }
        self.init(sizes: sizes, activation: activation, output: output, weights: weights, features: features)
    }

    /// From the lecture's nested layout `layers[l][i][j]` (row 0 = bias).
    public init(sizes: [Int], activation: Activation, output: OutputActivation, nested: [[[Double]]], features: [InputFeature]? = nil) {
        self.init(sizes: sizes, activation: activation, output: output, weights: nested.map { $0.flatMap { $0 } }, features: features)
    }

    /// The weights in the lecture's nested layout `layers[l][i][j]` (row 0 = bias).
    public var nestedWeights: [[[Double]]] {
        weights.enumerated().map { l, flat in
            let columns = sizes[l + 1]
            return stride(from: 0, to: flat.count, by: columns).map { Array(flat[$0..<($0 + columns)]) }
        }
    }

    public func weight(layer l: Int, from i: Int, to j: Int) -> Double { parameters[offsets[l] + i * sizes[l + 1] + j] }

    public var inputCount: Int { sizes[0] }
    public var outputCount: Int { sizes[sizes.count - 1] }
    public var layerCount: Int { sizes.count }
    /// A linear output predicts a value (regression), not a class.
    public var isRegression: Bool { output == .linear }
    /// Classes the output tells apart: 2 for a single sigmoid unit, else one per output unit.
    public var classCount: Int { outputCount == 1 ? 2 : outputCount }

    /// The class an output vector predicts: ŷ ≥ 0.5 for a single unit, else the largest output.
    public static func predictedClass(_ outputs: UnsafeBufferPointer<Double>) -> Int {
        if outputs.count == 1 { return outputs[0] >= 0.5 ? 1 : 0 }
        var best = 0
        for k in 1..<outputs.count where outputs[k] > outputs[best] { best = k }
        return best
    }

    /// The target vector of a sample: `[t]` for a regression point's target t, else its class's.
    public func target(for sample: Sample) -> [Double] {
        if let value = sample.target { return [value] }
        return target(forClass: sample.label)
    }

    /// The target vector of a class: `[c]` for a single sigmoid unit, else one-hot.
    public func target(forClass c: Int) -> [Double] {
        if outputCount == 1 { return [Double(c)] }
        return (0..<outputCount).map { $0 == c ? 1 : 0 }
    }
}
