/// Batched kernels of a fully connected layer. A batch of `n` samples is stored unit-major: value `p` of
/// unit `j` at `[j * n + p]`. Weights are row-major `(fanIn + 1) × fanOut` with the bias in row 0. Every
/// element is computed in the same order as the one-sample formulas (bias first, then inputs in order;
/// samples summed in order), so a batch gives the same bits as its samples one by one.

/// The CNN's kernels (and the loops they share with the MLP's) are written once for Double and Float
/// (`KernelScalar`): a vector holds `lanes` values, four Doubles or eight Floats.

@inline(__always) private func load<T: KernelScalar>(_ p: UnsafePointer<T>) -> T.Vector { UnsafeRawPointer(p).loadUnaligned(as: T.Vector.self) }
@inline(__always) private func store<T: KernelScalar>(_ v: T.Vector, _ p: UnsafeMutablePointer<T>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: T.Vector.self) }

extension Double: KernelScalar {
    typealias Vector = Double4
    static var lanes: Int { 4 }
    static func reluSlope(_ x: Double4) -> Double4 { Double4.zero.replacing(with: 1, where: x .> 0) }
    static func batchProduct(first: UnsafePointer<Double>?, coefficients: UnsafePointer<Double>, innerStride: Int, outerStride: Int,
                             inner: Int, outer: Int, input: UnsafePointer<Double>, output: UnsafeMutablePointer<Double>, columns n: Int) {
        product(first: first, coefficients: coefficients, innerStride: innerStride, outerStride: outerStride, inner: inner, outer: outer,
                input: input, output: output, columns: n)
    }
}

extension Float: KernelScalar {
    typealias Vector = Float8
    static var lanes: Int { 8 }
    static func reluSlope(_ x: Float8) -> Float8 { Float8.zero.replacing(with: 1, where: x .> 0) }
    static func batchProduct(first: UnsafePointer<Float>?, coefficients: UnsafePointer<Float>, innerStride: Int, outerStride: Int,
                             inner: Int, outer: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, columns n: Int) {
        product(first: first, coefficients: coefficients, innerStride: innerStride, outerStride: outerStride, inner: inner, outer: outer,
                input: input, output: output, columns: n)
    }
}

extension Build {
    /// `net[j][p] = w_0j + Σ_i w_ij input[i][p]`.
    public static func denseForward(_ w: UnsafePointer<Double>, fanIn: Int, fanOut: Int, input: UnsafePointer<Double>,
                                    net: UnsafeMutablePointer<Double>, columns n: Int) {
        if n == 1 {
            // One sample: vectorise over the units instead (the weight rows are contiguous in j).
            var j = 0
            while j + 4 <= fanOut {
                var acc = load(w + j)
                for i in 0..<fanIn { acc += load(w + (i + 1) * fanOut + j) * Double4(repeating: input[i]) }
                store(acc, net + j)
                j += 4
            }
            while j < fanOut {
                var acc = w[j]
                for i in 0..<fanIn { acc += w[(i + 1) * fanOut + j] * input[i] }
                net[j] = acc
                j += 1
            }
            return
        }
        product(first: w, coefficients: w + fanOut, innerStride: fanOut, outerStride: 1, inner: fanIn, outer: fanOut,
                input: input, output: net, columns: n)
    }
}

/// `output[j][p] = first[j] (or 0) + Σ_i c(i, j) input[i][p]` with `c(i, j) = coefficients[i·innerStride + j·outerStride]`,
/// the sum in order of i. Blocks of 4 rows × 2 vectors of columns share their loads (8 accumulators).
@inline(__always)
func product<T: KernelScalar>(first: UnsafePointer<T>?, coefficients c: UnsafePointer<T>, innerStride si: Int, outerStride sj: Int,
                              inner: Int, outer: Int, input: UnsafePointer<T>, output: UnsafeMutablePointer<T>, columns n: Int) {
    @inline(__always) func start(_ j: Int) -> T.Vector { T.Vector(repeating: first?[j] ?? 0) }
    let lanes = T.lanes, block = 2 * lanes
    var j = 0
    while j + 4 <= outer {
        var p = 0
        while p + block <= n {
            var a0 = start(j), a1 = a0, b0 = start(j + 1), b1 = b0, c0 = start(j + 2), c1 = c0, d0 = start(j + 3), d1 = d0
            for i in 0..<inner {
                let x = input + (i &* n &+ p), row = c + (i &* si &+ j &* sj)
                let x0 = load(x), x1 = load(x + lanes)
                let wa = T.Vector(repeating: row[0]), wb = T.Vector(repeating: row[sj])
                let wc = T.Vector(repeating: row[2 * sj]), wd = T.Vector(repeating: row[3 * sj])
                a0 += wa * x0; a1 += wa * x1; b0 += wb * x0; b1 += wb * x1
                c0 += wc * x0; c1 += wc * x1; d0 += wd * x0; d1 += wd * x1
            }
            store(a0, output + j * n + p); store(a1, output + j * n + p + lanes)
            store(b0, output + (j + 1) * n + p); store(b1, output + (j + 1) * n + p + lanes)
            store(c0, output + (j + 2) * n + p); store(c1, output + (j + 2) * n + p + lanes)
            store(d0, output + (j + 3) * n + p); store(d1, output + (j + 3) * n + p + lanes)
            p += block
        }
        for jj in j..<(j + 4) { productRow(first: first, c, si, sj, inner, jj, input, output, n, from: p) }
        j += 4
    }
    while j < outer { productRow(first: first, c, si, sj, inner, j, input, output, n, from: 0); j += 1 }
}

/// One row of `product` from column `from` on.
@inline(__always)
private func productRow<T: KernelScalar>(first: UnsafePointer<T>?, _ c: UnsafePointer<T>, _ si: Int, _ sj: Int, _ inner: Int, _ j: Int,
                                         _ input: UnsafePointer<T>, _ output: UnsafeMutablePointer<T>, _ n: Int, from: Int) {
    let initial = first?[j] ?? 0, out = output + j * n, lanes = T.lanes
    var p = from
    while p + lanes <= n {
        var a = T.Vector(repeating: initial)
        for i in 0..<inner { a += T.Vector(repeating: c[i &* si &+ j &* sj]) * load(input + (i &* n &+ p)) }
        store(a, out + p)
        p += lanes
    }
    while p < n {
        var a = initial
        for i in 0..<inner { a += c[i &* si &+ j &* sj] * input[i &* n &+ p] }
        out[p] = a
        p += 1
    }
}

extension Build {
    /// `z = f(net)` for `count` values (an `ActivationCode`).
    public static func activateAll(_ code: Int, _ net: UnsafePointer<Double>, _ z: UnsafeMutablePointer<Double>, count: Int) {
        switch code {
        case ActivationCode.sigmoid: apply(net, z, count) { vectorSigmoid($0) }
        case ActivationCode.tanh: apply(net, z, count) { vectorTanh($0) }
        case ActivationCode.relu: apply(net, z, count) { $0.replacing(with: 0, where: .!($0 .> 0)) }
        default: z.update(from: net, count: count)
        }
    }

    /// The same in single precision. σ and tanh are computed in double precision (the formulas above, so the
    /// bits are the same in both builds) and rounded to Float.
    public static func activateAll(_ code: Int, _ net: UnsafePointer<Float>, _ z: UnsafeMutablePointer<Float>, count: Int) {
        switch code {
        case ActivationCode.sigmoid: apply(net, z, count) { inDoublePrecision($0, vectorSigmoid) }
        case ActivationCode.tanh: apply(net, z, count) { inDoublePrecision($0, vectorTanh) }
        case ActivationCode.relu: apply(net, z, count) { $0.replacing(with: 0, where: .!($0 .> 0)) }
        default: z.update(from: net, count: count)
        }
    }
}

/// `f` of eight Floats, computed as two vectors of Doubles.
@inline(__always)
private func inDoublePrecision(_ x: Float8, _ f: (Double4) -> Double4) -> Float8 {
    Float8(lowHalf: SIMD4<Float>(f(Double4(x.lowHalf))), highHalf: SIMD4<Float>(f(Double4(x.highHalf))))
}

@inline(__always)
private func apply<T: KernelScalar>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ count: Int, _ f: (T.Vector) -> T.Vector) {
    let lanes = T.lanes
    var k = 0
    while k + lanes <= count { store(f(load(x + k)), y + k); k += lanes }
    if k < count {
        var tail = T.Vector.zero
        for m in 0..<(count - k) { tail[m] = x[k + m] }
        let result = f(tail)
        for m in 0..<(count - k) { y[k + m] = result[m] }
    }
}

extension Build {
    /// Hidden deltas `δ_j[p] = f'(net_j[p]) Σ_k w_jk δ_k[p]` of a layer of `units` below a layer of `above`,
    /// with f' written from the output where the lecture does (σ(1 − σ), 1 − tanh²).
    public static func hiddenDeltas(_ w: UnsafePointer<Double>, units: Int, above: Int, deltaAbove: UnsafePointer<Double>,
                                    net: UnsafePointer<Double>, z: UnsafePointer<Double>, activation code: Int,
                                    delta: UnsafeMutablePointer<Double>, columns n: Int) {
        // The sums first (into `delta`), then each is multiplied by its unit's slope.
        product(first: nil, coefficients: w + above, innerStride: 1, outerStride: above, inner: above, outer: units,
                input: deltaAbove, output: delta, columns: n)
        let count = units * n
        switch code {
        case ActivationCode.sigmoid: scale(delta, count) { (_, k) in let zk = load(z + k); return zk * (1 - zk) } scalar: { (_, k) in z[k] * (1 - z[k]) }
        case ActivationCode.tanh: scale(delta, count) { (_, k) in let zk = load(z + k); return 1 - zk * zk } scalar: { (_, k) in 1 - z[k] * z[k] }
        case ActivationCode.relu:
            scale(delta, count) { (_, k) in Double4.zero.replacing(with: 1, where: load(net + k) .> 0) } scalar: { (_, k) in net[k] > 0 ? 1 : 0 }
        default: break   // linear: f' = 1, and 1 · sum is the sum
        }
    }
}

/// `values[k] = slope(k) · values[k]`.
@inline(__always)
private func scale(_ values: UnsafeMutablePointer<Double>, _ count: Int, _ slope: (Int, Int) -> Double4, scalar: (Int, Int) -> Double) {
    var k = 0
    while k + 4 <= count { store(slope(0, k) * load(values + k), values + k); k += 4 }
    while k < count { values[k] = scalar(0, k) * values[k]; k += 1 }
}

extension Build {
    /// Adds `Σ_p δ_j[p] z_i[p]` to every weight's gradient (z = 1 for the bias row), sample after sample.
    /// `scratch` holds `n × (fanOut + 1)` values (the deltas turned sample-major, so that rows vectorise over j,
    /// and a row of ones for the bias).
    public static func accumulateGradient(_ g: UnsafeMutablePointer<Double>, fanIn: Int, fanOut: Int, input: UnsafePointer<Double>,
                                          delta: UnsafePointer<Double>, columns n: Int, scratch: UnsafeMutablePointer<Double>) {
        let d: UnsafePointer<Double>
        if n == 1 {
            d = delta
        } else {
            turnSampleMajor(delta, count: fanOut, samples: n, into: scratch)
            d = UnsafePointer(scratch)
        }
        // Row i (z = 1 for the bias row: 1 · δ is δ exactly), summed over the samples in order.
        let ones = scratch + n &* fanOut
        ones.update(repeating: 1, count: n)
        for i in 0...fanIn {
            addProducts(g + i &* fanOut, z: i == 0 ? UnsafePointer(ones) : input + (i &- 1) &* n, d: d, count: fanOut, samples: n)
        }
    }
}

/// `values[k][p]` (k < count, p < samples) written to `turned[p][k]`.
@inline(__always)
private func turnSampleMajor<T: KernelScalar>(_ values: UnsafePointer<T>, count: Int, samples n: Int, into turned: UnsafeMutablePointer<T>) {
    for k in 0..<count {
        let from = values + k &* n
        for p in 0..<n { turned[p &* count &+ k] = from[p] }
    }
}

/// Adds `Σ_p d[p][k] · z[p]` to `row[k]` for every k < count, sample after sample, a register block of the row at a
/// time.
@inline(__always)
private func addProducts<T: KernelScalar>(_ row: UnsafeMutablePointer<T>, z: UnsafePointer<T>, d: UnsafePointer<T>, count: Int, samples n: Int) {
    let (l1, l2, l3) = (T.lanes, 2 &* T.lanes, 3 &* T.lanes)
    var k = 0
    while k &+ 4 &* l1 <= count {
        var a0 = load(row + k), a1 = load(row + k + l1), a2 = load(row + k + l2), a3 = load(row + k + l3)
        var dp = d + k
        for p in 0..<n {
            let zv = T.Vector(repeating: z[p])
            a0 += load(dp) * zv; a1 += load(dp + l1) * zv; a2 += load(dp + l2) * zv; a3 += load(dp + l3) * zv
            dp += count
        }
        store(a0, row + k); store(a1, row + k + l1); store(a2, row + k + l2); store(a3, row + k + l3)
        k &+= 4 &* l1
    }
    while k &+ l1 <= count {
        var a = load(row + k), dp = d + k
        for p in 0..<n { a += load(dp) * T.Vector(repeating: z[p]); dp += count }
        store(a, row + k)
        k &+= l1
    }
    while k < count {
        var a = row[k], dp = d + k
        for p in 0..<n { a += dp.pointee * z[p]; dp += count }
        row[k] = a
        k &+= 1
    }
}

extension Build {
    /// `output[j][p] = first[j] (or 0) + Σ_i c(i, j) input[i][p]` with `c(i, j) = coefficients[i·innerStride + j·outerStride]`,
    /// the sum in order of i, for `outer` rows j and `columns` samples p (a CNN's dense stages over a batch:
    /// forward with the biases first, and the input gradient through the same weights turned).
    public static func matrixProduct(first: UnsafePointer<Double>?, coefficients: UnsafePointer<Double>, innerStride: Int, outerStride: Int,
                                     inner: Int, outer: Int, input: UnsafePointer<Double>, output: UnsafeMutablePointer<Double>,
                                     columns n: Int) {
        product(first: first, coefficients: coefficients, innerStride: innerStride, outerStride: outerStride, inner: inner, outer: outer,
                input: input, output: output, columns: n)
    }

    /// Adds `Σ_p a[r][p] · b[k][p]` to `g[r · rowStride + k]`, sample after sample, for `rows` rows r and `count`
    /// columns k (a dense stage's weight gradient summed over a batch). `scratch` holds `n × count` values: `b`
    /// turned sample-major, so that a row vectorises over k.
    public static func accumulateOuterProducts(_ g: UnsafeMutablePointer<Double>, rowStride: Int, rows: Int, count: Int,
                                               a: UnsafePointer<Double>, b: UnsafePointer<Double>, columns n: Int,
                                               scratch: UnsafeMutablePointer<Double>) {
        outerProducts(g, rowStride: rowStride, rows: rows, count: count, a: a, b: b, columns: n, scratch: scratch)
    }

    /// `matrixProduct` in single precision.
    public static func matrixProduct(first: UnsafePointer<Float>?, coefficients: UnsafePointer<Float>, innerStride: Int, outerStride: Int,
                                     inner: Int, outer: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
                                     columns n: Int) {
        product(first: first, coefficients: coefficients, innerStride: innerStride, outerStride: outerStride, inner: inner, outer: outer,
                input: input, output: output, columns: n)
    }

    /// `accumulateOuterProducts` in single precision.
    public static func accumulateOuterProducts(_ g: UnsafeMutablePointer<Float>, rowStride: Int, rows: Int, count: Int,
                                               a: UnsafePointer<Float>, b: UnsafePointer<Float>, columns n: Int,
                                               scratch: UnsafeMutablePointer<Float>) {
        outerProducts(g, rowStride: rowStride, rows: rows, count: count, a: a, b: b, columns: n, scratch: scratch)
    }
}

@inline(__always)
private func outerProducts<T: KernelScalar>(_ g: UnsafeMutablePointer<T>, rowStride: Int, rows: Int, count: Int, a: UnsafePointer<T>,
                                            b: UnsafePointer<T>, columns n: Int, scratch: UnsafeMutablePointer<T>) {
    turnSampleMajor(b, count: count, samples: n, into: scratch)
    for r in 0..<rows { addProducts(g + r &* rowStride, z: a + r &* n, d: scratch, count: count, samples: n) }
}

extension Build {
    /// `gx[k] = g[k] · f'(x[k], y[k])` for `count` values, f' written as `Activation.derivative` writes it
    /// (from the output for σ and tanh: σ(1 − σ), 1 − tanh²; ReLU: 1 where x > 0, else 0).
    public static func activationGradient(_ code: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>, g: UnsafePointer<Double>,
                                          gx: UnsafeMutablePointer<Double>, count: Int) {
        gradientThroughActivation(code, x: x, y: y, g: g, gx: gx, count: count)
    }

    /// The same in single precision.
    public static func activationGradient(_ code: Int, x: UnsafePointer<Float>, y: UnsafePointer<Float>, g: UnsafePointer<Float>,
                                          gx: UnsafeMutablePointer<Float>, count: Int) {
        gradientThroughActivation(code, x: x, y: y, g: g, gx: gx, count: count)
    }

    /// SGD with momentum over `count` parameters: `change = −scale · g + α · v`, `v = change`, `w += change`.
    public static func momentumStep(_ w: UnsafeMutablePointer<Double>, velocity v: UnsafeMutablePointer<Double>, gradient g: UnsafePointer<Double>,
                                    scale: Double, momentum alpha: Double, count: Int) {
        let minusScale = Double4(repeating: -scale), alphas = Double4(repeating: alpha)
        var k = 0
        while k &+ 4 <= count {
            let change = minusScale * load(g + k) + alphas * load(v + k)
            store(change, v + k)
            store(load(w + k) + change, w + k)
            k &+= 4
        }
        while k < count {
            let change = -scale * g[k] + alpha * v[k]
            v[k] = change
            w[k] += change
            k &+= 1
        }
    }
}

@inline(__always)
private func gradientThroughActivation<T: KernelScalar>(_ code: Int, x: UnsafePointer<T>, y: UnsafePointer<T>, g: UnsafePointer<T>,
                                                        gx: UnsafeMutablePointer<T>, count: Int) {
    switch code {
    case ActivationCode.sigmoid:
        slopes(gx, g, count) { k in let yk = load(y + k); return yk * (1 - yk) } scalar: { k in y[k] * (1 - y[k]) }
    case ActivationCode.tanh:
        slopes(gx, g, count) { k in let yk = load(y + k); return 1 - yk * yk } scalar: { k in 1 - y[k] * y[k] }
    case ActivationCode.relu:
        slopes(gx, g, count) { k in T.reluSlope(load(x + k)) } scalar: { k in x[k] > 0 ? 1 : 0 }
    default:
        gx.update(from: g, count: count)
    }
}

/// `out[k] = g[k] · slope(k)`.
@inline(__always)
private func slopes<T: KernelScalar>(_ out: UnsafeMutablePointer<T>, _ g: UnsafePointer<T>, _ count: Int, _ slope: (Int) -> T.Vector,
                                     scalar: (Int) -> T) {
    let lanes = T.lanes
    var k = 0
    while k &+ lanes <= count { store(load(g + k) * slope(k), out + k); k &+= lanes }
    while k < count { out[k] = g[k] * scalar(k); k &+= 1 }
}
