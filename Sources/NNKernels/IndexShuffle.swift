/// SplitMix64 (Steele, Lea & Flood), the generator behind every random thing in nnx (NNCore's `SplitMix64`).
/// Here so that a kernel can shuffle as NNCore does, with the same bits.
@inlinable @inline(__always)
public func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// A Fisher–Yates shuffle of indices, one swap at a time (so a kernel can interleave it with other work),
/// depending only on SplitMix64. Each 64-bit draw gives two 32-bit halves, each mapped to an index by
/// Lemire's multiply-shift with its rejection step, so the permutation stays exactly uniform. A whole
/// shuffle of n indices is `step(buffer, i)` for i from n − 1 down to 1; at most 2³² indices.
public struct IndexShuffle {
    public var state: UInt64
    @usableFromInline var spare: UInt64 = 0
    @usableFromInline var haveSpare = false

    @inlinable
    public init(state: UInt64) { self.state = state }

    /// Swaps `buffer[i]` with `buffer[j]` for a uniform j in 0...i.
    @inlinable @inline(__always)
    public mutating func step(_ buffer: UnsafeMutablePointer<Int>, _ i: Int) {
        let bound = UInt64(i + 1)
        var product: UInt64
        repeat {
            let draw: UInt64
            if haveSpare {
                draw = spare >> 32
                haveSpare = false
            } else {
                spare = splitMix64(&state)
                draw = spare & 0xFFFF_FFFF
                haveSpare = true
            }
            product = draw &* bound
        } while (product & 0xFFFF_FFFF) < bound && (product & 0xFFFF_FFFF) < (0x1_0000_0000 % bound)
        let j = Int(truncatingIfNeeded: product >> 32)
        let held = buffer[i]
        buffer[i] = buffer[j]
        buffer[j] = held
    }
}
