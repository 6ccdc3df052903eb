/// Vectorised exp, sigmoid and tanh for the MLP's hot loops. They are written with SIMD types and plain
/// multiplies and adds only (no fused multiply-add, no library calls), so that every lane gets the same bits
/// whatever the vector width or instruction set: the AVX2 build of this file and the baseline build agree
/// exactly, and a value computed alone (`scalar`) equals the same value computed inside a batch.
public typealias Double4 = SIMD4<Double>

/// `e^x = scale · (1 + q)` with `scale = 2^k` and `q = e^r − 1`, `r = x − k ln 2`, `|r| ≤ ln 2 / 2`. Returning
/// the parts lets tanh form `e^x − 1` without cancellation. x is clamped to [−708, 709] (no overflow, no
/// subnormal scale), unless the caller knows it is in range already; a NaN stays NaN.
@inline(__always)
func exponentParts(_ x0: Double4, inRange: Bool = false) -> (scale: Double4, q: Double4) {
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
    // e^r − 1 = r · P(r), P the Taylor series of (e^r − 1)/r to r^11/12! (truncation below 2e-16 for
    // |r| ≤ 0.347), in Estrin's form: a third of Horner's chain of dependent operations, which is what
    // per-sample training waits on.
    @inline(__always) func c(_ factorial: Double) -> Double4 { Double4(repeating: 1 / factorial) }
    let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
    let e0 = c(1) + c(2) * r, e1 = c(6) + c(24) * r, e2 = c(120) + c(720) * r
    let e3 = c(5_040) + c(40_320) * r, e4 = c(362_880) + c(3_628_800) * r, e5 = c(39_916_800) + c(479_001_600) * r
    let f0 = e0 + e1 * r2, f1 = e2 + e3 * r2, f2 = e4 + e5 * r2
    let p = (f0 + f1 * r4) + f2 * r8
    let q = p * r
    let integer = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- unsafeBitCast(magic, to: SIMD4<Int64>.self)
    let scale = unsafeBitCast((integer &+ 1023) &<< 52, to: Double4.self)
    return (scale, q)
}

@inline(__always)
public func vectorExp(_ x: Double4) -> Double4 {
    let (scale, q) = exponentParts(x)
    return scale * (1 + q)
}

/// σ(x) = 1 / (1 + e^−x).
@inline(__always)
public func vectorSigmoid(_ x: Double4) -> Double4 {
    1 / (1 + vectorExp(-x))
}

/// tanh(x) = (e^2|x| − 1) / (e^2|x| + 1) with the sign of x; e^y − 1 is formed as `scale·q + (scale − 1)`,
/// exact in its leading bits near 0. Past |x| = 20 tanh is 1 to double precision.
@inline(__always)
public func vectorTanh(_ x: Double4) -> Double4 {
    let magnitude = unsafeBitCast(unsafeBitCast(x, to: SIMD4<UInt64>.self) & SIMD4(repeating: 0x7fff_ffff_ffff_ffff), to: Double4.self)
    let limit = Double4(repeating: 40)
    var y = magnitude + magnitude
    y = y.replacing(with: limit, where: y .> limit)
    let (scale, q) = exponentParts(y, inRange: true)   // 0 ≤ y ≤ 40 (or NaN)
    let expMinusOne = scale * q + (scale - 1)
    let t = expMinusOne / (expMinusOne + 2)
    return t.replacing(with: -t, where: x .< 0)
}

/// The activation codes the kernels take (NNCore's `Activation` maps onto them).
public enum ActivationCode {
    public static let sigmoid = 0, tanh = 1, relu = 2, linear = 3
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
