/// Flatten and dense layers, forward and backward side by side: `y_j = b_j + Σ_i x_i w_ij`, and
/// `∂E/∂w_ij = x_i ∂E/∂y_j`, `∂E/∂x_i = Σ_j w_ij ∂E/∂y_j`.
extension ConvNet {
    /// The maps as one vector (the values are already in that order).
    func flattenForward(layer l: Int, _ input: Tensor, into out: inout Tensor) {
        out.values = input.values
    }

    /// The gradient back in the maps' shape.
    func flattenBackward(layer l: Int, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        gIn.values = g.values
    }

    /// Every unit: its bias plus the weighted inputs.
    func denseForward(layer l: Int, units: Int, _ input: Tensor, into out: inout Tensor) {
        weights[l].withUnsafeBufferPointer { w in
            input.values.withUnsafeBufferPointer { x in
                out.values.withUnsafeMutableBufferPointer { y in
                    for j in 0..<units { y[j] = biases[l][j] }
                    for i in 0..<x.count {
                        let xi = x[i], row = i * units
                        for j in 0..<units { y[j] += xi * w[row + j] }
                    }
                }
            }
        }
    }

    /// The weights' and biases' gradients, and the input's.
    func denseBackward(layer l: Int, units: Int, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        for j in 0..<units { gradients.biases[l][j] += g.values[j] }
        weights[l].withUnsafeBufferPointer { w in
            gradients.weights[l].withUnsafeMutableBufferPointer { gw in
                input.values.withUnsafeBufferPointer { x in
                    g.values.withUnsafeBufferPointer { gOut in
                        gIn.values.withUnsafeMutableBufferPointer { gx in
                            for i in 0..<x.count {
                                var sum = 0.0
                                let xi = x[i], row = i * units
                                for j in 0..<units {
                                    gw[row + j] += xi * gOut[j]
                                    sum += w[row + j] * gOut[j]
                                }
                                gx[i] = sum
                            }
                        }
                    }
                }
            }
        }
    }
}
