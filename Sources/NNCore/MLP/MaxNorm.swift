/// A unit whose incoming weights max-norm scaled down after an update.
public struct MaxNormClip: Sendable, Hashable {
    /// The unit: its layer (from 1) and its index in the layer.
    public var layer: Int
    public var unit: Int
    /// ‖w_j‖ before the clip (more than c; after it, c).
    public var norm: Double
}

extension MLP {
    /// Max-norm (Srivastava et al. 2014; Keras's `MaxNorm`): each unit's incoming weight vector
    /// `w_j = (w_1j, …, w_nj)` longer than c is scaled to length c, `w_ij ← w_ij·c/‖w_j‖`. The bias `w_0j` is
    /// left out, as both do: the length of the weights bounds how steeply a unit answers its inputs, while
    /// the bias only moves where it switches, and weight decay here leaves the biases alone too.
    mutating func clipIncomingNorms(to c: Double) -> [MaxNormClip] {
        var clips: [MaxNormClip] = []
        for l in 0..<(sizes.count - 1) {
            let fanOut = sizes[l + 1], w = offsets[l]
            for j in 0..<fanOut {
                var squares = 0.0
                for i in 1...sizes[l] { squares += parameters[w + i * fanOut + j] * parameters[w + i * fanOut + j] }
                let norm = squares.squareRoot()
                guard norm > c else { continue }
                // c·w/‖w‖ rounded once: a hand-worked (3, 4) with c = 1 becomes exactly (0.6, 0.8).
                for i in 1...sizes[l] { parameters[w + i * fanOut + j] = parameters[w + i * fanOut + j] * c / norm }
                clips.append(MaxNormClip(layer: l + 1, unit: j, norm: norm))
            }
        }
        return clips
    }
}
