import NNKernels

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64). Every random thing in nnx takes one,
/// so the same seed gives the same data, order and frames on every run (the Gaussian draws go through libm's
/// `log` and `cos`, so other platforms' libraries could differ in the last bits).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 { splitMix64(&state) }

    /// A uniform double in [0, 1) from the top 53 bits (platform-independent, unlike `Double.random(in:)`).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextUnit()
    }
    /// A standard normal draw (Box–Muller).
    public mutating func gaussian() -> Double {
        let u1 = max(nextUnit(), 0x1.0p-53)
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
    /// An index in 0..<count without modulo bias (Lemire's method).
    public mutating func index(below count: Int) -> Int {
        precondition(count > 0)
        let bound = UInt64(count)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }
    /// A Fisher–Yates shuffle that depends only on this generator (the standard library's may change); see
    /// `IndexShuffle`. Indices only: the perceptron shuffles its visit order every epoch.
    public mutating func shuffle(_ indices: inout [Int]) {
        guard indices.count > 1 else { return }
        precondition(indices.count <= Int(UInt32.max), "too many elements to shuffle")
        var shuffle = IndexShuffle(state: state)
        indices.withUnsafeMutableBufferPointer { buffer in
            for i in stride(from: buffer.count - 1, to: 0, by: -1) { shuffle.step(buffer.baseAddress!, i) }
        }
        state = shuffle.state
    }

}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
