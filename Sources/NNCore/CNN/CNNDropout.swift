/// Dropout in a CNN: during training each value coming into a dense stage (the flattened maps, or a hidden
/// dense stage's outputs) is dropped with probability p or kept and scaled by 1/(1 − p), as a Keras
/// `Dropout` before each `Dense`; evaluation uses every value unscaled. A mask is a scale per input value of
/// a dense stage, by layer index.
extension ConvNet {
    /// One draw from `rng` per input value of each dense stage, stage after stage: dropped when below p.
    public func dropoutMasks(rate p: Double, rng: inout SplitMix64) -> [Int: [Double]] {
        let keep = 1 / (1 - p)
        var masks: [Int: [Double]] = [:]
        for (l, layer) in layers.enumerated() {
            guard case .dense = layer else { continue }
            masks[l] = (0..<shapes[l].reduce(1, *)).map { _ in rng.nextUnit() < p ? 0 : keep }
        }
        return masks
    }

    /// `forward` with the inputs of the masked stages scaled by their masks (the stored outputs stay unmasked).
    public func forward(_ input: Tensor, dropping masks: [Int: [Double]]) -> [Tensor] {
        guard !masks.isEmpty else { return forward(input) }
        var outputs = [input]
        for l in layers.indices { outputs.append(forward(layer: l, Self.masked(outputs[l], masks[l]))) }
        return outputs
    }

    /// `addGradients` for outputs from `forward(_:dropping:)`: each masked stage sees its masked input, and
    /// the gradient it passes down is scaled by the same mask (`∂E/∂x_i = s_i ∂E/∂x̃_i`).
    @discardableResult
    public func addGradients(_ outputs: [Tensor], label: Int, dropping masks: [Int: [Double]], into gradients: inout ConvNetGradients) -> Double {
        guard !masks.isEmpty else { return addGradients(outputs, label: label, into: &gradients) }
        precondition(endsInSoftmax, "training needs a network that ends in softmax")
        let probabilities = outputs[outputs.count - 1]
        var g = probabilities
        g.values[label] -= 1
        for l in stride(from: layers.count - 2, through: 0, by: -1) {
            g = backward(layer: l, Self.masked(outputs[l], masks[l]), outputs[l + 1], g, &gradients, needsInputGradient: l > 0)
            g = Self.masked(g, masks[l])
        }
        return Self.crossEntropy(probabilities, label: label)
    }

    private static func masked(_ tensor: Tensor, _ mask: [Double]?) -> Tensor {
        guard let mask else { return tensor }
        var result = tensor
        for n in mask.indices { result.values[n] = mask[n] == 0 ? 0 : mask[n] * tensor.values[n] }
        return result
    }
}
