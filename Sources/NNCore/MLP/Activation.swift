#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNKernels

/// A hidden unit's non-linearity. Derivatives are written in terms of the output where the lecture does
/// (`σ' = σ(1 − σ)`, `tanh' = 1 − tanh²`).
public enum Activation: String, Sendable, CaseIterable {
    case sigmoid, tanh, relu, linear

    /// f(x), computed by the same vectorised code as the batched kernels (so one sample and a batch agree
    /// to the bit).
    public func value(_ x: Double) -> Double { activationValue(code, x) }

    /// f'(x), from the input `x` and the output `y = f(x)`.
    @inline(__always)
    public func derivative(input x: Double, output y: Double) -> Double {
        switch self {
        case .sigmoid: y * (1 - y)
        case .tanh: 1 - y * y
        case .relu: x > 0 ? 1 : 0
        case .linear: 1
        }
    }
}

/// The output layer: one sigmoid unit per output (two classes with one unit), a softmax over classes, or
/// linear units `ŷ = net` (regression: the output is the predicted value itself).
public enum OutputActivation: String, Sendable, CaseIterable {
    case sigmoid, softmax, linear
}

/// The error the training minimises. `squaredError` is the lecture's `E = ½ Σ_t Σ_k (y_tk − ŷ_tk)²`
/// (a sum, not a mean); `crossEntropy` is `−Σ y log ŷ` (with `(1 − y) log(1 − ŷ)` for sigmoid outputs).
public enum Loss: String, Sendable, CaseIterable {
    case squaredError = "squared_error"
    case crossEntropy = "cross_entropy"

    /// The loss of one sample.
    public func value(target y: UnsafeBufferPointer<Double>, output yhat: UnsafeBufferPointer<Double>, outputKind: OutputActivation) -> Double {
        var total = 0.0
        switch self {
        case .squaredError:
            for k in 0..<y.count { let d = y[k] - yhat[k]; total += 0.5 * d * d }
        case .crossEntropy:
            let tiny = 1e-15   // log(0) would be −∞ for a confident wrong output
            for k in 0..<y.count {
                total -= y[k] * log(max(yhat[k], tiny))
                if outputKind == .sigmoid { total -= (1 - y[k]) * log(max(1 - yhat[k], tiny)) }
            }
        }
        return total
    }
}

/// How the first weights are drawn.
public enum Initialization: Sendable, Hashable {
    /// Uniform in [−range, range]; the lecture uses 0.5.
    case uniform(range: Double)
    /// Glorot/Xavier: uniform in ±√(6 / (fan_in + fan_out)).
    case xavier
    /// He: uniform in ±√(6 / fan_in) (for ReLU).
    case he
}
