/// The perceptron's training loop over many visits, for `run()` (benchmarks, `nnx train`, playing fast).
///
/// Samples come packed, `perceptronRecordLength` doubles each (32 bytes, so that a random visit touches
/// one cache line): `x1, x2`, `k = η·e` for a mistake on it (e = 2y, computed by the caller as the rule
/// computes it), and a mask whose bits are all ones for the positive class, else zero. `w` holds
/// `w0, w1, w2` and is updated in place; the result is the number of mistakes. Both loops compute
/// `v = (w0 + w1·x1) + w2·x2` and `w + (k, k·x1, k·x2)` exactly as the step-by-step rule does (a
/// no-mistake visit adds 0, which leaves a weight as it is: weights are never −0): the same bits.
public let perceptronRecordLength = 4

extension Build {
    /// For a fixed visit order: a mistake is a branch the predictor learns (the pattern repeats every epoch),
    /// which beats any branch-free form while the pattern is short enough to learn.
    public static func perceptronVisitsInOrder(samples: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int,
                                               w: UnsafeMutablePointer<Double>) -> Int {
        var w0 = w[0], w1 = w[1], w2 = w[2]
        var mistakes = 0
        for t in 0..<count {
            let s = samples + order[t] * perceptronRecordLength
            let d0 = s[2], d1 = s[2] * s[0], d2 = s[2] * s[1]
            let v = w0 + w1 * s[0] + w2 * s[1]
            let wrong = (v >= 0) != (s[3].bitPattern != 0)
            w0 += wrong ? d0 : 0
            w1 += wrong ? d1 : 0
            w2 += wrong ? d2 : 0
            mistakes &+= wrong ? 1 : 0
        }
        w[0] = w0; w[1] = w1; w[2] = w2
        return mistakes
    }
}

private typealias Pair = SIMD2<Double>
private typealias PairMask = SIMDMask<SIMD2<Int64>>
private typealias PairBits = SIMD2<UInt64>

/// Both lanes of `x` set to its lane 1 where `mask` is set, else to its lane 0 (`mask`'s lanes are equal).
@inline(__always)
private func chooseLane(_ x: Pair, _ mask: PairMask) -> Pair {
    let low = Pair(repeating: x[0]), high = Pair(repeating: x[1])
    #if NNX_AVX2
    return low.replacing(with: high, where: mask)  // one blend
    #else
    // Without blends the compiler turns a select into a branch, the very thing to avoid here.
    let bits = unsafeBitCast(mask, to: PairBits.self)
    let lowBits = unsafeBitCast(low, to: PairBits.self), highBits = unsafeBitCast(high, to: PairBits.self)
    return unsafeBitCast((highBits & bits) | (lowBits & ~bits), to: Pair.self)
    #endif
}

extension Build {
    /// For a shuffled order, where each mistake would be a mispredicted branch:
    /// no branch at all. The wait for one visit's verdict before the next visit's `v` can start is hidden by
    /// computing that `v` both ways a visit ahead: lane 0 as if this visit makes no update, lane 1 as if it
    /// does (`w + Δw`), each in the rule's own order; the verdict then only picks a lane.
    /// With `next` (a copy of the `count` indices of a whole epoch), it also shuffles `next` for the next epoch
    /// as `IndexShuffle` does from `*random`, one swap a visit: the shuffle then runs in the time the visits
    /// spend waiting on their chain.
    public static func perceptronVisitsShuffled(samples: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int,
                                                w: UnsafeMutablePointer<Double>, next: UnsafeMutablePointer<Int>?,
                                                random: UnsafeMutablePointer<UInt64>) -> Int {
        guard count > 0 else { return 0 }
        // Candidate weights before the current visit (lane 0: the previous visit made no update; lane 1: it did).
        var c0 = Pair(repeating: w[0]), c1 = Pair(repeating: w[1]), c2 = Pair(repeating: w[2])
        let first = samples + order[0] * perceptronRecordLength
        var candidateV = (c0 + c1 * first[0]) + c2 * first[1]
        var updated = PairMask(repeating: false)
        var mistakes = SIMD2<Int64>(repeating: 0)
        var shuffle = IndexShuffle(state: random.pointee)
        for t in 0..<count {
            let s = samples + order[t] * perceptronRecordLength
            let following = samples + order[t + 1 < count ? t + 1 : t] * perceptronRecordLength
            let v = chooseLane(candidateV, updated)
            let w0 = chooseLane(c0, updated), w1 = chooseLane(c1, updated), w2 = chooseLane(c2, updated)
            let positive = unsafeBitCast(PairBits(repeating: s[3].bitPattern), to: PairMask.self)
            let wrong = (v .>= Pair(repeating: 0)) .^ positive
            c0 = w0 + Pair(0, s[2])
            c1 = w1 + Pair(0, s[2] * s[0])
            c2 = w2 + Pair(0, s[2] * s[1])
            candidateV = (c0 + c1 * following[0]) + c2 * following[1]
            updated = wrong
            mistakes &-= unsafeBitCast(wrong, to: SIMD2<Int64>.self)  // a set lane is −1
            if let next, t < count - 1 { shuffle.step(next, count - 1 - t) }
        }
        if next != nil { random.pointee = shuffle.state }
        let lane = updated[0] ? 1 : 0
        w[0] = c0[lane]; w[1] = c1[lane]; w[2] = c2[lane]
        return Int(mistakes[0])
    }
}
