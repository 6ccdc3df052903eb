/// Vectorised exp, sigmoid and tanh for the MLP's hot loops. They are written with SIMD types and plain
/// multiplies and adds only (no fused multiply-add, no library calls), so that every lane gets the same bits
/// whatever the vector width or instruction set: the AVX2 build of this file and the baseline build agree
/// exactly, and a value computed alone (`scalar`) equals the same value computed inside a batch.
public typealias Double4 = SIMD4<Double>

/// `e^x = scale · N(r) / N(−r)` with `scale = 2^k`, `r = x − k ln 2` (|r| ≤ ln 2 / 2) and `N(r) = E + r·O` the
/// numerator of the [6/6] Padé approximant of e^r (E, O its even and odd parts; error below 1e-18 here).
/// Returned in parts so that tanh and σ need a single division and tanh keeps its accuracy near 0. x is
/// clamped to [−708, 709] (no overflow, no subnormal scale), unless the caller knows it is in range
/// already; a NaN stays NaN.
@inline(__always)
func exponentParts(_ x0: Double4, inRange: Bool = false) -> (scale: Double4, even: Double4, oddTimesR: Double4) {
    var x = x0
    if !inRange {
        let upper = Double4(repeating: 709), lower = Double4(repeating: -708)
        x = x.replacing(with: upper, where: x .> upper)
        x = x.replacing(with: lower, where: x .< lower)
    }
    // Adding 1.5·2^52 rounds to an integer (round to nearest even), which then sits in the low mantissa bits.
    let magic = Double4(repeating: 6_755_399_441_055_744)
    let shifted = x * Double4(repeating: 1.4426950408889634) + magic
    let k = shifted - magic
    // ln 2 in two parts (fdlibm's): k · ln2High is exact for |k| < 2^11.
    let r = (x - k * Double4(repeating: 6.93147180369123816490e-01)) - k * Double4(repeating: 1.90821492927058770002e-10)
    // N(r) = 1 + r/2 + 5r²/44 + r³/66 + r⁴/792 + r⁵/15840 + r⁶/665280.
    @inline(__always) func c(_ value: Double) -> Double4 { Double4(repeating: value) }
    let r2 = r * r, r4 = r2 * r2
    let even = (c(1) + c(5.0 / 44) * r2) + r4 * (c(1.0 / 792) + c(1.0 / 665_280) * r2)
    let odd = (c(0.5) + c(1.0 / 66) * r2) + c(1.0 / 15_840) * r4
    let integer = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- unsafeBitCast(magic, to: SIMD4<Int64>.self)
    let scale = unsafeBitCast((integer &+ 1023) &<< 52, to: Double4.self)
    return (scale, even, r * odd)
}

@inline(__always)
public func vectorExp(_ x: Double4) -> Double4 {
    let (scale, even, oddTimesR) = exponentParts(x)
    return scale * (even + oddTimesR) / (even - oddTimesR)
}

/// σ(x) = 1 / (1 + e^−x) = N(−r) / (N(−r) + scale · N(r)) with e^−x's parts: one division.
@inline(__always)
public func vectorSigmoid(_ x: Double4) -> Double4 {
    let (scale, even, oddTimesR) = exponentParts(-x)
    let below = even - oddTimesR
    return below / (below + scale * (even + oddTimesR))
}

/// tanh(x) = (e^y − 1) / (e^y + 1) for y = 2|x|, with the sign of x. With e^y = s·N(r)/N(−r) this is
/// `((s − 1)E + (s + 1)rO) / ((s + 1)E + (s − 1)rO)`: one division, and near 0 (s = 1) the numerator is
/// `2rO` with no cancellation. Past |x| = 20 tanh is 1 to double precision.
@inline(__always)
public func vectorTanh(_ x: Double4) -> Double4 {
    let magnitude = unsafeBitCast(unsafeBitCast(x, to: SIMD4<UInt64>.self) & SIMD4(repeating: 0x7fff_ffff_ffff_ffff), to: Double4.self)
    let limit = Double4(repeating: 40)
    var y = magnitude + magnitude
    y = y.replacing(with: limit, where: y .> limit)
    let (scale, even, oddTimesR) = exponentParts(y, inRange: true)   // 0 ≤ y ≤ 40 (or NaN)
    let minusOne = scale - 1, plusOne = scale + 1
    let t = (minusOne * even + plusOne * oddTimesR) / (plusOne * even + minusOne * oddTimesR)
    return t.replacing(with: -t, where: x .< 0)
}

/// The activation codes the kernels take (NNCore's `Activation` maps onto them).
/// Computed constants rather than stored ones: a stored global is initialised lazily, and every read of it
/// in a hot loop would pay for the check.
public enum ActivationCode {
    @inlinable public static var sigmoid: Int { 0 }
    @inlinable public static var tanh: Int { 1 }
    @inlinable public static var relu: Int { 2 }
    @inlinable public static var linear: Int { 3 }
}

@inline(__always)
func activate(_ code: Int, _ x: Double4) -> Double4 {
    switch code {
    case ActivationCode.sigmoid: vectorSigmoid(x)
    case ActivationCode.tanh: vectorTanh(x)
    case ActivationCode.relu: x.replacing(with: 0, where: .!(x .> 0))
    default: x
    }
}

/// One activation value, the same bits as the batched kernels give for it.
public func activationValue(_ code: Int, _ x: Double) -> Double {
    activate(code, Double4(repeating: x))[0]
}

/// e^x, the same bits as inside the kernels.
public func exponential(_ x: Double) -> Double {
    vectorExp(Double4(repeating: x))[0]
}
