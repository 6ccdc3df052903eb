/// Which hidden units one training pass drops (inverted dropout, Srivastava et al. 2014): each hidden unit
/// is dropped with probability p (its output is 0) or kept and scaled by 1/(1 − p), so that its expected
/// output is the unscaled one that evaluation uses, without any dropout.
public struct DropoutMask: Sendable, Hashable {
    /// `scales[l − 1][j]` for unit j of hidden layer l: 0 when dropped, 1/(1 − p) when kept.
    public let scales: [[Double]]

    public init(scales: [[Double]]) { self.scales = scales }

    /// One draw from `rng` for each hidden unit, layer by layer: dropped when it is below p.
    public init(sizes: [Int], rate p: Double, rng: inout SplitMix64) {
        let keep = 1 / (1 - p)
        var scales: [[Double]] = []
        for l in 1..<max(1, sizes.count - 1) {
            var layer = [Double](repeating: keep, count: sizes[l])
            for j in 0..<sizes[l] where rng.nextUnit() < p { layer[j] = 0 }
            scales.append(layer)
        }
        self.scales = scales
    }

    /// Whether unit `j` of hidden layer `l` (from 1) is dropped.
    public func isDropped(layer l: Int, unit j: Int) -> Bool {
        // Only hidden layers are masked: an input or output unit (or one past the mask) is never dropped.
        guard l >= 1, l <= scales.count, scales[l - 1].indices.contains(j) else { return false }
        return scales[l - 1][j] == 0
    }

    /// For each hidden layer, 1 for a dropped unit and 0 for a kept one (the trace's `dropped`).
    public var dropped: [[Int]] { scales.map { $0.map { $0 == 0 ? 1 : 0 } } }
}

extension MLP {
    /// Forward and backward of one sample through the network thinned by `mask`: a hidden unit sends on
    /// `z_j = s_j f(net_j)` and its delta is `δ_j = s_j f′(net_j) Σ_k w_jk δ_k` (`s_j` its scale), the exact
    /// gradient of the thinned network; a dropped unit's z and δ are 0.
    public func backpropagate(_ input: [Double], target: [Double], loss: Loss, mask: DropoutMask, into pass: inout ForwardPass) {
        for i in 0..<sizes[0] { pass.z[i] = input[i] }
        forwardAndBack(target: target, loss: loss, mask: mask, &pass)
    }

    /// The pass from the inputs already in `pass.z`.
    private func forwardAndBack(target: [Double], loss: Loss, mask: DropoutMask, _ pass: inout ForwardPass) {
        let top = sizes.count - 1
        for l in 0..<top {
            forwardLayer(l, &pass)
            guard l + 1 < top else { continue }
            let scales = mask.scales[l], first = pass.start[l + 1]
            pass.z.withUnsafeMutableBufferPointer { z in
                for j in 0..<sizes[l + 1] { z[first + j] = scales[j] == 0 ? 0 : scales[j] * z[first + j] }   // 0, not −0, for tanh
            }
        }
        outputDeltas(target: target, loss: loss, &pass)
        for l in stride(from: top - 1, through: 1, by: -1) { hiddenDeltas(l, scales: mask.scales[l - 1], &pass) }
    }

    /// `δ_j = s_j f′(net_j) Σ_k w_jk δ_k` for hidden layer `l`, f′ from the unit's own unscaled output f(net_j).
    private func hiddenDeltas(_ l: Int, scales: [Double], _ pass: inout ForwardPass) {
        let above = sizes[l + 1], here = pass.start[l], next = pass.start[l + 1], f = activation
        parameters.withUnsafeBufferPointer { parameters in
            let w = parameters.baseAddress! + offsets[l]
            pass.net.withUnsafeBufferPointer { net in
                pass.delta.withUnsafeMutableBufferPointer { delta in
                    for j in 0..<sizes[l] {
                        guard scales[j] != 0 else { delta[here + j] = 0; continue }
                        var sum = 0.0
                        let row = w + (j + 1) * above
                        for k in 0..<above { sum += row[k] * delta[next + k] }
                        let x = net[here + j]
                        delta[here + j] = scales[j] * f.derivative(input: x, output: f.value(x)) * sum
                    }
                }
            }
        }
    }

    /// Training with dropout, sample after sample: each sample of `batch` gets a mask drawn from `rng`, its
    /// `δ_j z_i` are added to `gradient` (laid out as `parameters`) and its loss to `total`. `pass` ends with
    /// the last sample's values; its mask is returned.
    func addDropoutGradients(_ data: PreparedSamples, _ batch: ArraySlice<Int>, rate: Double, loss: Loss, rng: inout SplitMix64,
                             pass: inout ForwardPass, gradient: inout [Double], total: inout Double) -> DropoutMask {
        var mask = DropoutMask(scales: [])
        for s in batch {
            mask = DropoutMask(sizes: sizes, rate: rate, rng: &rng)
            for i in 0..<data.inputWidth { pass.z[i] = data.inputs[s * data.inputWidth + i] }
            let target = data.target(s)
            forwardAndBack(target: target, loss: loss, mask: mask, &pass)
            total += self.loss(loss, target: target, pass)
            addGradient(of: pass, to: &gradient)
        }
        return mask
    }
}
