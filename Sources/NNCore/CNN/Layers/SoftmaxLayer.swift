#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Softmax, forward and backward side by side: `p_j = e^(z_j) / Σ_k e^(z_k)`, and
/// `∂E/∂z_i = p_i (g_i − Σ_j g_j p_j)`.
extension ConvNet {
    /// The probabilities (the largest input subtracted first, so that no exponential overflows).
    func softmaxForward(layer l: Int, _ input: Tensor, into out: inout Tensor) {
        let largest = input.values.max() ?? 0
        var total = 0.0
        for n in 0..<input.count { out.values[n] = exp(input.values[n] - largest); total += out.values[n] }
        for n in 0..<input.count { out.values[n] /= total }
    }

    /// Through the softmax's Jacobian.
    func softmaxBackward(layer l: Int, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        // ∂p_j/∂z_i = p_j(δ_ij − p_i): gIn_i = p_i (g_i − Σ_j g_j p_j).
        var weighted = 0.0
        for j in 0..<output.count { weighted += g.values[j] * output.values[j] }
        for i in 0..<output.count { gIn.values[i] = output.values[i] * (g.values[i] - weighted) }
    }
}
