/// The error surface of a network over two of its weights, for pictures: `E(w_a + da[c], w_b + db[r])` at
/// every column c and row r of a grid, every other weight as it is. Single precision, 16 samples a vector,
/// like the point kernels: only for drawing; the numbers on screen are computed in double precision.
///
/// Only the units downstream of the two weights change, so the work starts from each sample's values with the
/// current weights (the cache) and recomputes only what a weight changes: w_a (the lower one, in layer
/// `la`) changes one unit of layer la + 1, hence every unit above it; w_b (layer `lb` ≥ la) one unit of
/// layer lb + 1. What depends on w_a alone is computed once a column, and a grid point recomputes only from
/// layer lb + 1: one unit there, the layer above it by a rank-1 change, the rest in full. A weight into the
/// output costs one output a grid point.

/// The shape the kernel takes, as integers:
/// `[layers, hidden activation, output (0 sigmoid, 1 softmax, 2 linear), cross-entropy loss, sample blocks, la, ia, ja, lb, ib, jb,
///   columns, rows, first column, end column, sizes…]`. Weight (l, i, j) is the lecture's `w_ij` from unit
/// i of layer l (0: the bias) to unit j of layer l + 1; w_a's layer is at most w_b's.
public func surfaceShape(sizes: [Int], hidden: Int, softmax: Bool, linear: Bool = false, crossEntropy: Bool, samples: Int,
                         a: (layer: Int, from: Int, to: Int), b: (layer: Int, from: Int, to: Int),
                         columns: Int, rows: Int, columnRange: Range<Int>) -> [Int] {
    precondition(a.layer <= b.layer, "w_a is the lower weight")
    return [sizes.count, hidden, softmax ? 1 : linear ? 2 : 0, crossEntropy ? 1 : 0, surfaceBlocks(samples: samples),
            a.layer, a.from, a.to, b.layer, b.from, b.to, columns, rows, columnRange.lowerBound, columnRange.upperBound] + sizes
}

/// Blocks of 16 samples.
public func surfaceBlocks(samples: Int) -> Int { (samples + Float16Points.scalarCount - 1) / Float16Points.scalarCount }

/// Floats of cache a block of samples takes: every unit's net and z with the current weights (the input
/// layer's z are the inputs; its nets are unused), the targets, and a mask (1 for a sample, 0 for padding),
/// each a vector of 16 samples: `(2 · units + outputs + 1) · 16`.
public func surfaceBlockFloats(sizes: [Int]) -> Int {
    (2 * sizes.reduce(0, +) + sizes[sizes.count - 1] + 1) * Float16Points.scalarCount
}

extension Build {
    /// Adds each block's error to `out[r * columns + c]` for the columns of this call (`first column ..< end
    /// column`: calls on other columns may run at the same time). `weights`: the network's layers one after
    /// another, row-major `(fanIn + 1) × fanOut`, bias row first. `cache`: `surfaceBlockFloats` a block.
    public static func errorSurface(shape: UnsafePointer<Int>, weights: UnsafePointer<Float>, cache: UnsafePointer<Float>,
                                    da: UnsafePointer<Float>, db: UnsafePointer<Float>, out: UnsafeMutablePointer<Double>) {
        // One copy of the loops for each hidden activation, with the activation inlined.
        switch shape[1] {
        case ActivationCode.sigmoid: surfaceErrors(SurfaceNet<SigmoidUnits>(shape: shape, weights: weights), shape, cache, da, db, out)
        case ActivationCode.tanh: surfaceErrors(SurfaceNet<TanhUnits>(shape: shape, weights: weights), shape, cache, da, db, out)
        case ActivationCode.relu: surfaceErrors(SurfaceNet<ReLUUnits>(shape: shape, weights: weights), shape, cache, da, db, out)
        default: surfaceErrors(SurfaceNet<LinearUnits>(shape: shape, weights: weights), shape, cache, da, db, out)
        }
    }
}

private func surfaceErrors<Units>(_ net: SurfaceNet<Units>, _ shape: UnsafePointer<Int>, _ cache: UnsafePointer<Float>,
                                 _ da: UnsafePointer<Float>, _ db: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Double>) {
    defer { net.deallocate() }
    let la = shape[5], ia = shape[6], ja = shape[7], lb = shape[8], ib = shape[9], jb = shape[10]
    let columns = shape[11], rows = shape[12], firstColumn = shape[13], endColumn = shape[14]
    let top = net.top, units = net.start[net.layers], outputs = net.sizes[top]
    // The layers a column's state covers: from la + 1 to lb + 2 (or the output).
    let columnTop = min(top, lb + 2)
    let blockFloats = (2 * units + outputs + 1) * Float16Points.scalarCount
    let space = UnsafeMutablePointer<Float16Points>.allocate(capacity: 6 * units + outputs + 1)
    defer { space.deallocate() }
    // The cached values, the column's (w_a changed) and the grid point's (w_b changed too), by unit.
    let cachedNet = space, cachedZ = space + units, columnNet = space + 2 * units, columnZ = space + 3 * units
    let gridNet = space + 4 * units, gridZ = space + 5 * units, targets = space + 6 * units, mask = targets + outputs
    for block in 0..<shape[4] {
        let from = UnsafeRawPointer(cache + block * blockFloats)
        func load(_ v: Int) -> Float16Points { from.loadUnaligned(fromByteOffset: v * MemoryLayout<Float16Points>.stride, as: Float16Points.self) }
        for v in 0..<(2 * units) { cachedNet[v] = load(v) }   // the nets, then the outputs z
        for v in 0...outputs { targets[v] = load(2 * units + v) }   // the targets, then the mask
        columnNet.update(from: cachedNet, count: units)
        columnZ.update(from: cachedZ, count: units)
        for c in firstColumn..<endColumn {
            // Layer la + 1: unit ja's sum moves by da · z_ia.
            let changed = net.start[la + 1] + ja
            columnNet[changed] = cachedNet[changed] + Float16Points(repeating: da[c]) * net.input(ia, layer: la, columnZ)
            if la + 1 < top { columnZ[changed] = net.activate(columnNet[changed]) }
            // Layer la + 2: every unit, by the change of unit ja's output; above it in full, up to lb + 2.
            if la + 2 <= columnTop {
                let dz = columnZ[changed] - cachedZ[changed], l = la + 2, at = net.start[l]
                for k in 0..<net.sizes[l] {
                    columnNet[at + k] = cachedNet[at + k] + Float16Points(repeating: net.weight(l - 1, ja + 1, k)) * dz
                }
                if l < top { net.activateLayer(l, columnNet, columnZ) }
            }
            if la + 3 <= columnTop {
                for l in (la + 3)...columnTop { net.dense(l, columnNet, columnZ) }
            }
            for r in 0..<rows {
                // Layer lb + 1: unit jb's sum moves by db · z_ib (z as w_a left it).
                let moved = net.start[lb + 1] + jb
                let sum = columnNet[moved] + Float16Points(repeating: db[r]) * net.input(ib, layer: lb, columnZ)
                let loss: Float16Points
                if lb + 1 == top {
                    if outputs > 1 { gridNet.update(from: columnNet + moved - jb, count: outputs) }
                    gridNet[jb] = sum
                    loss = net.loss(gridNet, targets)
                } else {
                    let dz = net.activate(sum) - columnZ[moved], l = lb + 2, at = net.start[l]
                    for k in 0..<net.sizes[l] {
                        gridNet[at + k] = columnNet[at + k] + Float16Points(repeating: net.weight(l - 1, jb + 1, k)) * dz
                    }
                    if l < top {
                        net.activateLayer(l, gridNet, gridZ)
                        for above in (l + 1)...top { net.dense(above, gridNet, gridZ) }
                    }
                    loss = net.loss(gridNet + net.start[top], targets)
                }
                out[r * columns + c] += Double(laneSum(loss * mask[0]))
            }
        }
    }
}

/// A hidden layer's activation, for the loops to inline; two units at a time where that saves work.
private protocol HiddenUnits {
    static func activate(_ x: Float16Points) -> Float16Points
    static func activate(_ x: Float16Points, _ y: Float16Points) -> (Float16Points, Float16Points)
}
extension HiddenUnits {
    @inline(__always) static func activate(_ x: Float16Points, _ y: Float16Points) -> (Float16Points, Float16Points) { (activate(x), activate(y)) }
}
private enum SigmoidUnits: HiddenUnits { @inline(__always) static func activate(_ x: Float16Points) -> Float16Points { 1 / (1 + fastExp(-x)) } }
private enum TanhUnits: HiddenUnits {
    @inline(__always) static func activate(_ x: Float16Points) -> Float16Points { fastTanh(x) }
    /// p/q and r/s with one division, p·s/(q·s) and r·q/(q·s): the divisions are most of tanh's time here.
    @inline(__always) static func activate(_ x: Float16Points, _ y: Float16Points) -> (Float16Points, Float16Points) {
        let (p, q) = fastTanhParts(x), (r, s) = fastTanhParts(y)
        let shared = 1 / (q * s)
        return (p * s * shared, r * q * shared)
    }
}
private enum ReLUUnits: HiddenUnits {
    @inline(__always) static func activate(_ x: Float16Points) -> Float16Points { x.replacing(with: 0, where: .!(x .> 0)) }
}
private enum LinearUnits: HiddenUnits { @inline(__always) static func activate(_ x: Float16Points) -> Float16Points { x } }

/// The network as the kernel reads it: sizes, where each layer's units and weights start, the activations.
private struct SurfaceNet<Units: HiddenUnits> {
    let layers: Int, sizes: UnsafePointer<Int>, weights: UnsafePointer<Float>
    let softmax: Bool, linear: Bool, crossEntropy: Bool
    /// Unit (l, u) is at `start[l] + u` in the value arrays; layer l's weights at `offset[l]`.
    let start: UnsafeMutablePointer<Int>, offset: UnsafeMutablePointer<Int>
    /// Room for the output layer's exponentials (softmax).
    let scratch: UnsafeMutablePointer<Float16Points>
    var top: Int { layers - 1 }

    init(shape: UnsafePointer<Int>, weights: UnsafePointer<Float>) {
        layers = shape[0]; softmax = shape[2] == 1; linear = shape[2] == 2; crossEntropy = shape[3] != 0
        sizes = shape + 15
        self.weights = weights
        start = .allocate(capacity: layers + 1)
        offset = .allocate(capacity: layers)
        start[0] = 0; offset[0] = 0
        for l in 0..<layers { start[l + 1] = start[l] + sizes[l] }
        for l in 1..<layers { offset[l] = offset[l - 1] + (sizes[l - 1] + 1) * sizes[l] }
        scratch = .allocate(capacity: sizes[layers - 1])
    }

    func deallocate() { start.deallocate(); offset.deallocate(); scratch.deallocate() }

    /// w_ij of layer l: from row i (0: the bias) to unit j of layer l + 1.
    @inline(__always) func weight(_ l: Int, _ i: Int, _ j: Int) -> Float { weights[offset[l] + i * sizes[l + 1] + j] }

    /// What row i of layer l's weights multiplies: 1 for the bias, else unit i − 1's output.
    @inline(__always) func input(_ i: Int, layer l: Int, _ z: UnsafePointer<Float16Points>) -> Float16Points {
        i == 0 ? Float16Points(repeating: 1) : z[start[l] + i - 1]
    }

    /// A hidden unit's output; sigmoid as 1 / (1 + e^−x).
    @inline(__always) func activate(_ x: Float16Points) -> Float16Points { Units.activate(x) }

    @inline(__always) func activateLayer(_ l: Int, _ net: UnsafePointer<Float16Points>, _ z: UnsafeMutablePointer<Float16Points>) {
        var u = start[l]
        while u + 1 < start[l + 1] {
            (z[u], z[u + 1]) = Units.activate(net[u], net[u + 1])
            u += 2
        }
        if u < start[l + 1] { z[u] = activate(net[u]) }
    }

    /// Layer l's sums from layer l − 1's outputs, and its outputs unless it is the output layer (whose sums
    /// the loss takes).
    @inline(__always) func dense(_ l: Int, _ net: UnsafeMutablePointer<Float16Points>, _ z: UnsafeMutablePointer<Float16Points>) {
        let fanIn = sizes[l - 1], fanOut = sizes[l], input = z + start[l - 1], sums = net + start[l]
        let w = weights + offset[l - 1]
        for j in 0..<fanOut {
            var sum = Float16Points(repeating: w[j])
            for i in 0..<fanIn { sum += Float16Points(repeating: w[(i + 1) * fanOut + j]) * input[i] }
            sums[j] = sum
        }
        if l < top { activateLayer(l, net, z) }
    }

    /// The loss of each sample from the output layer's sums: sigmoid outputs (one a class, or one for two
    /// classes) or a softmax, under squared error or cross-entropy (logarithms of outputs below 1e−15 taken
    /// at 1e−15, as the trainer does).
    @inline(__always) func loss(_ sums: UnsafePointer<Float16Points>, _ targets: UnsafePointer<Float16Points>) -> Float16Points {
        let outputs = sizes[top], tiny = Float16Points(repeating: 1e-15)
        var total = Float16Points.zero
        if linear {
            // ŷ = net: the squared error only (a linear output takes no cross-entropy).
            for k in 0..<outputs { total += 0.5 * (targets[k] - sums[k]) * (targets[k] - sums[k]) }
            return total
        }
        if softmax {
            var largest = sums[0]
            for k in 1..<max(1, outputs) { largest = pointwiseMax(largest, sums[k]) }
            var sum = Float16Points.zero
            for k in 0..<outputs { scratch[k] = fastExp(sums[k] - largest); sum += scratch[k] }
            for k in 0..<outputs {
                let p = scratch[k] / sum, y = targets[k]
                if crossEntropy { total -= y * fastLog(pointwiseMax(p, tiny)) } else { total += 0.5 * (y - p) * (y - p) }
            }
            return total
        }
        for k in 0..<outputs {
            // ŷ and 1 − ŷ from e^−net, each without cancellation.
            let e = fastExp(-sums[k]), yhat = 1 / (1 + e), y = targets[k]
            if crossEntropy {
                total -= y * fastLog(pointwiseMax(yhat, tiny)) + (1 - y) * fastLog(pointwiseMax(e * yhat, tiny))
            } else {
                total += 0.5 * (y - yhat) * (y - yhat)
            }
        }
        return total
    }
}

/// The sum of the lanes, pairwise (the standard `sum()` adds them one after another, a long chain of adds).
@inline(__always)
func laneSum(_ v: Float16Points) -> Float {
    let eight = v.lowHalf + v.highHalf, four = eight.lowHalf + eight.highHalf, two = four.lowHalf + four.highHalf
    return two[0] + two[1]
}

/// e^x (Cephes' expf: x = n ln 2 + r, a degree-5 polynomial in r), within 2 ulp; x clamped to [−87.3, 88.3],
/// so the result is a normal number.
@inline(__always)
func fastExp(_ x0: Float16Points) -> Float16Points {
    let low = Float16Points(repeating: -87.3), high = Float16Points(repeating: 88.3)
    var x = x0.replacing(with: high, where: x0 .> high)
    x = x.replacing(with: low, where: x .< low)
    // Adding 1.5·2^23 rounds to an integer, which then sits in the low mantissa bits.
    let magic = Float16Points(repeating: 12_582_912)
    let shifted = x * 1.44269504088896341 + magic
    let n = shifted - magic
    let r = (x - n * 0.693359375) + n * 2.12194440e-4
    var p = r * 1.9875691500e-4 + 1.3981999507e-3
    p = p * r + 8.3334519073e-3
    p = p * r + 4.1665795894e-2
    p = p * r + 1.6666665459e-1
    p = p * r + 5.0000001201e-1
    let power = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- unsafeBitCast(magic, to: SIMD16<Int32>.self)
    return (p * (r * r) + r + 1) * unsafeBitCast((power &+ 127) &<< 23, to: Float16Points.self)
}

/// ln x for x > 0 (Cephes' logf: x = m · 2^e with m in [√½, √2), a polynomial in m − 1), within 2 ulp.
@inline(__always)
func fastLog(_ x0: Float16Points) -> Float16Points {
    let x = pointwiseMax(x0, Float16Points(repeating: .leastNormalMagnitude))
    let bits = unsafeBitCast(x, to: SIMD16<Int32>.self)
    var e = Float16Points(bits &>> 23 &- 126)
    var m = unsafeBitCast((bits & 0x007f_ffff) | 0x3f00_0000, to: Float16Points.self)   // in [0.5, 1) (x > 0)
    let low = m .< 0.707106781186547524
    e = e.replacing(with: e - 1, where: low)
    m = m.replacing(with: m + m, where: low) - 1
    let z = m * m
    var y = m * 7.0376836292e-2 - 1.1514610310e-1
    y = y * m + 1.1676998740e-1
    y = y * m - 1.2420140846e-1
    y = y * m + 1.4249322787e-1
    y = y * m - 1.6668057665e-1
    y = y * m + 2.0000714765e-1
    y = y * m - 2.4999993993e-1
    y = y * m + 3.3333331174e-1
    y = y * m * z
    y += e * -2.12194440e-4
    y += z * -0.5
    return m + y + e * 0.693359375
}
