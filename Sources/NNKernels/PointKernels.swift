/// A network evaluated over many points at once in single precision, for pictures (decision regions, unit
/// maps): 16 points a vector, since a frame's regions evaluate the network at every pixel of the plot.
/// Only for drawing: training and every number on screen use the double-precision kernels.
public typealias Float16Points = SIMD16<Float>

/// tanh by a rational approximation (Eigen's `generic_fast_tanh_float`), within 3e-7 of the true value.
@inline(__always)
func fastTanh(_ x0: Float16Points) -> Float16Points {
    let (p, q) = fastTanhParts(x0)
    return p / q
}

/// `fastTanh`'s numerator and denominator (in [0.0049, 0.9]), for callers that share one division.
@inline(__always)
func fastTanhParts(_ x0: Float16Points) -> (numerator: Float16Points, denominator: Float16Points) {
    let bound = Float16Points(repeating: 7.90531110763549805)
    var x = x0.replacing(with: bound, where: x0 .> bound)
    x = x.replacing(with: -bound, where: x .< -bound)
    let x2 = x * x
    var p = x2 * Float16Points(repeating: -2.76076847742355e-16) + Float16Points(repeating: 2.00018790482477e-13)
    p = p * x2 + Float16Points(repeating: -8.60467152213735e-11)
    p = p * x2 + Float16Points(repeating: 5.12229709037114e-08)
    p = p * x2 + Float16Points(repeating: 1.48572235717979e-05)
    p = p * x2 + Float16Points(repeating: 6.37261928875436e-04)
    p = p * x2 + Float16Points(repeating: 4.89352455891786e-03)
    p = p * x
    var q = x2 * Float16Points(repeating: 1.19825839466702e-06) + Float16Points(repeating: 1.18534705686654e-04)
    q = q * x2 + Float16Points(repeating: 2.26843463243900e-03)
    q = q * x2 + Float16Points(repeating: 4.89352518554385e-03)
    return (p, q)
}

/// One element of `fastTanh` (for tests).
public func fastTanhValue(_ x: Float) -> Float { fastTanh(Float16Points(repeating: x))[0] }

/// What an input unit sees of a point (NNCore's `InputFeature`): the coordinates, their squares and product,
/// their sines.
public enum FeatureCode {
    @inlinable public static var x1: Int { 0 }
    @inlinable public static var x2: Int { 1 }
    @inlinable public static var x1Squared: Int { 2 }
    @inlinable public static var x2Squared: Int { 3 }
    @inlinable public static var x1TimesX2: Int { 4 }
    @inlinable public static var sinX1: Int { 5 }
    @inlinable public static var sinX2: Int { 6 }
}

/// sin x: x reduced by the nearest multiple kπ (π in two parts) to r in [−π/2, π/2], then sin r by its Taylor
/// series to r¹¹ (within 6e-8 there) and the sign of (−1)^k; within 1e-6 of the true value for |x| < 1000.
@inline(__always)
func fastSin(_ x: Float16Points) -> Float16Points {
    let k = (x * Float16Points(repeating: 1 / Float.pi)).rounded(.toNearestOrEven)
    let r = x - k * Float16Points(repeating: 3.140625) - k * Float16Points(repeating: 9.67653589793e-4)
    let r2 = r * r
    var p = r2 * Float16Points(repeating: -1 / 39916800) + Float16Points(repeating: 1 / 362880)
    p = p * r2 + Float16Points(repeating: -1 / 5040)
    p = p * r2 + Float16Points(repeating: 1 / 120)
    p = p * r2 + Float16Points(repeating: -1 / 6)
    let sine = r + r * r2 * p
    // k odd: sin(kπ + r) = −sin r.
    let half = k * Float16Points(repeating: 0.5)
    return sine.replacing(with: -sine, where: half .!= half.rounded(.down))
}

/// One element of `fastSin` (for tests).
public func fastSinValue(_ x: Float) -> Float { fastSin(Float16Points(repeating: x))[0] }

/// The input units' values at 16 points (x, y): one vector per feature code.
@inline(__always)
private func loadFeatures(_ codes: UnsafePointer<Int>, _ count: Int, x: Float16Points, y: Float16Points,
                          into values: UnsafeMutablePointer<Float16Points>) {
    for i in 0..<count {
        values[i] = switch codes[i] {
        case FeatureCode.x1: x
        case FeatureCode.x2: y
        case FeatureCode.x1Squared: x * x
        case FeatureCode.x2Squared: y * y
        case FeatureCode.x1TimesX2: x * y
        case FeatureCode.sinX1: fastSin(x)
        default: fastSin(y)
        }
    }
}

/// `values = f(values)` for `count` vectors; sigmoid as ½ + ½ tanh(x/2).
@inline(__always)
private func activate(_ code: Int, _ values: UnsafeMutablePointer<Float16Points>, _ count: Int) {
    let half = Float16Points(repeating: 0.5)
    switch code {
    case ActivationCode.sigmoid: for j in 0..<count { values[j] = half + half * fastTanh(half * values[j]) }
    case ActivationCode.tanh: for j in 0..<count { values[j] = fastTanh(values[j]) }
    case ActivationCode.relu: for j in 0..<count { values[j] = values[j].replacing(with: 0, where: .!(values[j] .> 0)) }
    default: break
    }
}

extension Build {
    /// Evaluates the network at `count` points `(xs[p], ys[p])`, whose input units see `features` (one
    /// `FeatureCode` per input unit: `sizes[0]` of them). `sizes` has `layers` entries;
    /// `weights` are the layers' row-major `(fanIn + 1) × fanOut` matrices one after another. Hidden layers use
    /// `hidden` (an `ActivationCode`), the output layer `output` (sigmoid, or linear to leave the sums for a
    /// softmax). Writes unit `unit` of layer `layer` for every point: `out[k * count + p]` for k in
    /// `0..<units` from `unit` on (pass the output layer and unit 0 with `units` = its size for the outputs).
    public static func evaluatePoints(weights: UnsafePointer<Float>, sizes: UnsafePointer<Int>, layers: Int, hidden: Int, output: Int,
                                      features: UnsafePointer<Int>, xs: UnsafePointer<Float>, ys: UnsafePointer<Float>, count: Int,
                                      layer: Int, unit: Int, units: Int, out: UnsafeMutablePointer<Float>) {
        precondition(layers >= 2 && layer >= 0 && layer < layers && unit >= 0 && unit + units <= sizes[layer])
        var total = 0
        for l in 0..<layers { total += sizes[l] }
        let values = UnsafeMutablePointer<Float16Points>.allocate(capacity: total)
        defer { values.deallocate() }
        let lanes = Float16Points.scalarCount
        var p = 0
        while p < count {
            let filled = min(lanes, count - p)
            var x = Float16Points.zero, y = Float16Points.zero
            if filled == lanes {
                x = UnsafeRawPointer(xs + p).loadUnaligned(as: Float16Points.self)
                y = UnsafeRawPointer(ys + p).loadUnaligned(as: Float16Points.self)
            } else {
                for m in 0..<filled { x[m] = xs[p + m]; y[m] = ys[p + m] }
            }
            loadFeatures(features, sizes[0], x: x, y: y, into: values)
            var w = weights, start = 0
            for l in 0..<layer {
                let fanIn = sizes[l], fanOut = sizes[l + 1]
                let input = values + start, result = values + start + fanIn
                var j = 0
                while j + 4 <= fanOut {
                    var a0 = Float16Points(repeating: w[j]), a1 = Float16Points(repeating: w[j + 1])
                    var a2 = Float16Points(repeating: w[j + 2]), a3 = Float16Points(repeating: w[j + 3])
                    for i in 0..<fanIn {
                        let v = input[i], row = w + (i + 1) * fanOut + j
                        a0 += Float16Points(repeating: row[0]) * v; a1 += Float16Points(repeating: row[1]) * v
                        a2 += Float16Points(repeating: row[2]) * v; a3 += Float16Points(repeating: row[3]) * v
                    }
                    result[j] = a0; result[j + 1] = a1; result[j + 2] = a2; result[j + 3] = a3
                    j += 4
                }
                while j < fanOut {
                    var a = Float16Points(repeating: w[j])
                    for i in 0..<fanIn { a += Float16Points(repeating: w[(i + 1) * fanOut + j]) * input[i] }
                    result[j] = a
                    j += 1
                }
                activate(l + 1 == layers - 1 ? output : hidden, result, fanOut)
                w += (fanIn + 1) * fanOut
                start += fanIn
            }
            let watched = values + start + unit
            for k in 0..<units {
                let v = watched[k]
                if filled == lanes {
                    UnsafeMutableRawPointer(out + k * count + p).storeBytes(of: v, as: Float16Points.self)
                } else {
                    for m in 0..<filled { out[k * count + p + m] = v[m] }
                }
            }
            p += lanes
        }
    }
}
