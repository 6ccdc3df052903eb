#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every value of one forward and backward pass, in buffers that are reused from sample to sample so that
/// training allocates nothing per sample. Layer 0 is the input.
public struct ForwardPass: Sendable {
    /// `preActivations[l][j]`: the input sum of unit j of layer l (`net_j = Σ_i w_ij z_i`); empty for l = 0.
    public internal(set) var preActivations: [[Double]]
    /// `activations[l][j]`: the output z_j of unit j of layer l (the inputs for l = 0).
    public internal(set) var activations: [[Double]]
    /// `deltas[l][j] = −∂E/∂net_j` (the lecture's δ); empty for l = 0.
    public internal(set) var deltas: [[Double]]

    public init(sizes: [Int]) {
        preActivations = sizes.enumerated().map { $0 == 0 ? [] : Array(repeating: 0, count: $1) }
        activations = sizes.map { Array(repeating: 0, count: $0) }
        deltas = preActivations
    }

    public var outputs: [Double] { activations[activations.count - 1] }
}

extension MLP {
    /// The forward pass of `input`, written into `pass`.
    public func forward(_ input: [Double], into pass: inout ForwardPass) {
        for i in 0..<sizes[0] { pass.activations[0][i] = input[i] }
        for l in 0..<(sizes.count - 1) { forwardLayer(l, &pass) }
    }

    /// Layer `l` → `l + 1`: input sums, then the activation (or the softmax for the last layer).
    public func forwardLayer(_ l: Int, _ pass: inout ForwardPass) {
        let fanIn = sizes[l], fanOut = sizes[l + 1]
        let last = l + 1 == sizes.count - 1
        weights[l].withUnsafeBufferPointer { w in
            pass.activations[l].withUnsafeBufferPointer { z in
                pass.preActivations[l + 1].withUnsafeMutableBufferPointer { net in
                    for j in 0..<fanOut { net[j] = w[j] }   // bias row
                    for i in 0..<fanIn {
                        let zi = z[i], row = (i + 1) * fanOut
                        for j in 0..<fanOut { net[j] += w[row + j] * zi }
                    }
                }
            }
        }
        pass.preActivations[l + 1].withUnsafeBufferPointer { net in
            pass.activations[l + 1].withUnsafeMutableBufferPointer { out in
                if last && output == .softmax {
                    var largest = -Double.infinity
                    for j in 0..<fanOut { largest = max(largest, net[j]) }
                    var total = 0.0
                    for j in 0..<fanOut { out[j] = exp(net[j] - largest); total += out[j] }
                    for j in 0..<fanOut { out[j] /= total }
                } else {
                    let f = last ? .sigmoid : activation
                    for j in 0..<fanOut { out[j] = f.value(net[j]) }
                }
            }
        }
    }

    /// The output deltas `δ^o_k = −∂E/∂net_k` for `target`: with sigmoid outputs and squared error the
    /// lecture's `ŷ_k(1 − ŷ_k)(y_k − ŷ_k)`; with cross-entropy (sigmoid or softmax) `y_k − ŷ_k`.
    public func outputDeltas(target: [Double], loss: Loss, _ pass: inout ForwardPass) {
        let top = sizes.count - 1
        pass.activations[top].withUnsafeBufferPointer { yhat in
            pass.deltas[top].withUnsafeMutableBufferPointer { delta in
                switch (loss, output) {
                case (.crossEntropy, _):
                    for k in 0..<yhat.count { delta[k] = target[k] - yhat[k] }
                case (.squaredError, .sigmoid):
                    for k in 0..<yhat.count { delta[k] = yhat[k] * (1 - yhat[k]) * (target[k] - yhat[k]) }
                case (.squaredError, .softmax):
                    // ∂ŷ_m/∂net_k = ŷ_m(δ_mk − ŷ_k): δ_k = ŷ_k((y_k − ŷ_k) − Σ_m (y_m − ŷ_m) ŷ_m).
                    var weighted = 0.0
                    for m in 0..<yhat.count { weighted += (target[m] - yhat[m]) * yhat[m] }
                    for k in 0..<yhat.count { delta[k] = yhat[k] * ((target[k] - yhat[k]) - weighted) }
                }
            }
        }
    }

    /// Hidden deltas of layer `l` from layer `l + 1`'s, with the weights as they are (the old weights, before
    /// this sample's update): `δ_j = f'(net_j) Σ_k w_jk δ_k`.
    public func hiddenDeltas(_ l: Int, _ pass: inout ForwardPass) {
        let units = sizes[l], above = sizes[l + 1]
        weights[l].withUnsafeBufferPointer { w in
            pass.deltas[l + 1].withUnsafeBufferPointer { next in
                pass.deltas[l].withUnsafeMutableBufferPointer { delta in
                    for j in 0..<units {
                        var sum = 0.0
                        let row = (j + 1) * above
                        for k in 0..<above { sum += w[row + k] * next[k] }
                        delta[j] = activation.derivative(input: pass.preActivations[l][j], output: pass.activations[l][j]) * sum
                    }
                }
            }
        }
    }

    /// Forward and backward: every value and δ of one sample.
    public func backpropagate(_ input: [Double], target: [Double], loss: Loss, into pass: inout ForwardPass) {
        forward(input, into: &pass)
        outputDeltas(target: target, loss: loss, &pass)
        for l in stride(from: sizes.count - 2, through: 1, by: -1) { hiddenDeltas(l, &pass) }
    }

    /// The loss of the outputs in `pass` for `target`.
    public func loss(_ loss: Loss, target: [Double], _ pass: ForwardPass) -> Double {
        target.withUnsafeBufferPointer { y in
            pass.activations[sizes.count - 1].withUnsafeBufferPointer { yhat in
                loss.value(target: y, output: yhat, outputKind: output)
            }
        }
    }

    /// The network's outputs for one input (allocates: for tests and tools, not training loops).
    public func predict(_ input: [Double]) -> [Double] {
        var pass = ForwardPass(sizes: sizes)
        forward(input, into: &pass)
        return pass.outputs
    }
}
