/// What one stage of a network costs an image, and what a fully connected layer between the same shapes
/// would cost instead: the lecture's "sparse interactions" (a kernel sees a small window, not the whole
/// input) and "parameter sharing" (its weights are used at every cell) are the difference.
public struct StageCost: Sendable, Hashable {
    /// Weights and biases apart (0 for a stage without any).
    public var weights: Int, biases: Int
    /// Multiplications (each added to a sum) for one image: a convolution's `K·H′·W′ · C·k²` (the windows'
    /// positions in zero padding counted, as libraries count them), a dense layer's inputs × units; 0 for the
    /// other stages (they compare, average or apply f, value by value).
    public var multiplyAdds: Int
    /// How many output values each weight serves: a convolution's `H′·W′` cells of its map, 1 for a dense
    /// layer, 0 without weights.
    public var usesPerWeight: Int
    /// A convolution's fully connected counterpart (every input value to every output value); nil for the
    /// other stages (a dense layer is one).
    public var fullyConnected: FullyConnected?

    public struct FullyConnected: Sendable, Hashable {
        /// `C·H·W × K·H′·W′` weights and `K·H′·W′` biases; as many multiply-adds as weights.
        public var weights: Int, biases: Int
        public var multiplyAdds: Int { weights }
    }

    public var parameters: Int { weights + biases }
}

extension ConvNet {
    /// Each stage's cost, in order.
    public var stageCosts: [StageCost] {
        layers.indices.map { l in
            let input = shapes[l], output = shapes[l + 1]
            let inputs = input[0] * input[1] * input[2], outputs = output[0] * output[1] * output[2]
            let (weights, biases) = layers[l].parameterCounts(input)
            switch layers[l] {
            case .convolution:
                return StageCost(weights: weights, biases: biases, multiplyAdds: layers[l].multiplyAdds(input), usesPerWeight: output[1] * output[2],
                                 fullyConnected: .init(weights: inputs * outputs, biases: outputs))
            case .dense:
                return StageCost(weights: weights, biases: biases, multiplyAdds: layers[l].multiplyAdds(input), usesPerWeight: 1)
            default:
                return StageCost(weights: 0, biases: 0, multiplyAdds: 0, usesPerWeight: 0)
            }
        }
    }
}
