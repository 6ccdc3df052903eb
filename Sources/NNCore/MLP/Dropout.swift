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
        scales = sizes.dropFirst().dropLast().map { units in (0..<units).map { _ in rng.nextUnit() < p ? 0 : keep } }
    }

    /// Whether unit `j` of hidden layer `l` (from 1) is dropped.
    public func isDropped(layer l: Int, unit j: Int) -> Bool { scales[l - 1][j] == 0 }

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
            for (j, s) in mask.scales[l].enumerated() {
                let at = pass.start[l + 1] + j
                pass.z[at] = s == 0 ? 0 : s * pass.z[at]   // 0, not −0, for a dropped tanh unit
            }
        }
        outputDeltas(target: target, loss: loss, &pass)
        for l in stride(from: top - 1, through: 1, by: -1) { hiddenDeltas(l, scales: mask.scales[l - 1], &pass) }
    }

    /// `δ_j = s_j f′(net_j) Σ_k w_jk δ_k` for hidden layer `l`, f′ from the unit's own unscaled output f(net_j).
    private func hiddenDeltas(_ l: Int, scales: [Double], _ pass: inout ForwardPass) {
        let above = sizes[l + 1], here = pass.start[l], next = pass.start[l + 1], w = offsets[l]
        for j in 0..<sizes[l] {
            guard scales[j] != 0 else { pass.delta[here + j] = 0; continue }
            var sum = 0.0
            for k in 0..<above { sum += parameters[w + (j + 1) * above + k] * pass.delta[next + k] }
            let net = pass.net[here + j]
            pass.delta[here + j] = scales[j] * activation.derivative(input: net, output: activation.value(net)) * sum
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
            for l in 0..<(sizes.count - 1) {
                let fanOut = sizes[l + 1], from = pass.start[l], to = pass.start[l + 1], w = offsets[l]
                for j in 0..<fanOut { gradient[w + j] += pass.delta[to + j] }
                for i in 0..<sizes[l] {
                    let zi = pass.z[from + i], row = w + (i + 1) * fanOut
                    for j in 0..<fanOut { gradient[row + j] += zi * pass.delta[to + j] }
                }
            }
        }
        return mask
    }
}
