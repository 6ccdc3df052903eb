#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-sample SGD and evaluation, one sample at a time, on a copy of the weights whose layers are padded
/// to a multiple of 4 units: every loop over units then runs over whole vectors (no scalar tails, no short
/// loops of varying length), which is what makes small nets like 2-4-1 fast. Padded units have zero
/// weights and zero deltas and are never read by the layer above. Every real value is computed exactly as
/// the batch kernels compute it (same operations, same order), so the results are the same bits.

@inline(__always) private func load(_ p: UnsafePointer<Double>) -> Double4 { UnsafeRawPointer(p).loadUnaligned(as: Double4.self) }
@inline(__always) private func store(_ v: Double4, _ p: UnsafeMutablePointer<Double>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: Double4.self) }
@inline(__always) private func roundUp4(_ n: Int) -> Int { (n + 3) & ~3 }

/// The padded layout of a network of `sizes`, as one array of integers (made once, passed to the kernels):
/// `[L, sizes…, padded sizes…, weight offsets…, padded weight offsets…, value starts…, padded weights, values]`.
public func sampleShape(sizes: [Int]) -> [Int] {
    let padded = sizes.map(roundUp4)
    var offsets = [0], paddedOffsets = [0], starts = [0]
    for l in 0..<(sizes.count - 1) {
        offsets.append(offsets[l] + (sizes[l] + 1) * sizes[l + 1])
        paddedOffsets.append(paddedOffsets[l] + (sizes[l] + 1) * padded[l + 1])
    }
    for l in sizes.indices { starts.append(starts[l] + padded[l]) }
    return [sizes.count] + sizes + padded + offsets.dropLast() + paddedOffsets.dropLast() + starts.dropLast()
        + [paddedOffsets[paddedOffsets.count - 1], starts[starts.count - 1]]
}

/// Doubles of workspace the kernels need for `shape`: padded weights and velocities, net, z and δ.
public func sampleWorkspaceSize(shape: [Int]) -> Int {
    let layers = shape[0], weights = shape[1 + 5 * layers - 2], values = shape[1 + 5 * layers - 1]
    return 2 * weights + 3 * values
}

/// A view of `sampleShape`'s array and the workspace.
private struct Layout {
    let layers: Int, sizes: UnsafePointer<Int>, padded: UnsafePointer<Int>
    let offsets: UnsafePointer<Int>, paddedOffsets: UnsafePointer<Int>, starts: UnsafePointer<Int>
    let weightCount: Int, valueCount: Int
    /// Every layer fits one vector (at most 4 units): the narrow kernels apply.
    var isNarrow: Bool { (0..<layers).allSatisfy { padded[$0] == 4 } }

    @inline(__always)
    init(_ shape: UnsafePointer<Int>) {
        layers = shape[0]
        sizes = shape + 1; padded = sizes + layers
        offsets = padded + layers; paddedOffsets = offsets + (layers - 1); starts = paddedOffsets + (layers - 1)
        weightCount = starts[layers]; valueCount = starts[layers + 1]
    }

    /// Copies the flat weights into the padded layout (zero in the padded columns), or back. Plain loops:
    /// the rows are a few values long, too short for a library copy to pay off.
    @inline(__always)
    func pad(_ flat: UnsafePointer<Double>, into paddedWeights: UnsafeMutablePointer<Double>) {
        var to = paddedWeights, from = flat
        for l in 0..<(layers - 1) {
            let columns = sizes[l + 1], stride = padded[l + 1]
            for _ in 0...sizes[l] {
                for j in 0..<columns { to[j] = from[j] }
                for j in columns..<stride { to[j] = 0 }
                to += stride; from += columns
            }
        }
    }

    @inline(__always)
    func unpad(_ paddedWeights: UnsafePointer<Double>, into flat: UnsafeMutablePointer<Double>) {
        var to = flat, from = paddedWeights
        for l in 0..<(layers - 1) {
            let columns = sizes[l + 1], stride = padded[l + 1]
            for _ in 0...sizes[l] {
                for j in 0..<columns { to[j] = from[j] }
                to += columns; from += stride
            }
        }
    }
}

/// Forward pass of one sample on padded weights into `net` and `z`.
@inline(__always)
private func forward(_ s: Layout, hidden: Int, softmax: Bool, _ w: UnsafePointer<Double>,
                     net: UnsafeMutablePointer<Double>, z: UnsafeMutablePointer<Double>, input: UnsafePointer<Double>) {
    for i in 0..<s.sizes[0] { z[i] = input[i] }
    let top = s.layers - 1
    for l in 0..<top {
        let fanIn = s.sizes[l], stride = s.padded[l + 1], wl = w + s.paddedOffsets[l]
        let zIn = z + s.starts[l], to = s.starts[l + 1]
        let code = l + 1 == top ? (softmax ? ActivationCode.linear : ActivationCode.sigmoid) : hidden
        var c = 0
        while c < stride {
            var acc = load(wl + c)
            var row = wl + stride + c
            for i in 0..<fanIn { acc += load(row) * Double4(repeating: zIn[i]); row += stride }
            store(acc, net + to + c)
            c += 4
        }
        // The whole padded layer through its activation (the switch outside the loops keeps each loop small).
        let sums = net + to, outputs = z + to
        switch code {
        case ActivationCode.sigmoid: for c in Swift.stride(from: 0, to: stride, by: 4) { store(vectorSigmoid(load(sums + c)), outputs + c) }
        case ActivationCode.tanh: for c in Swift.stride(from: 0, to: stride, by: 4) { store(vectorTanh(load(sums + c)), outputs + c) }
        case ActivationCode.relu:
            for c in Swift.stride(from: 0, to: stride, by: 4) { let x = load(sums + c); store(x.replacing(with: 0, where: .!(x .> 0)), outputs + c) }
        default: for c in Swift.stride(from: 0, to: stride, by: 4) { store(load(sums + c), outputs + c) }
        }
        if l + 1 == top && softmax {
            let units = s.sizes[top]
            var largest = -Double.infinity
            for k in 0..<units { largest = max(largest, net[to + k]) }
            var sum = 0.0
            for k in 0..<units { z[to + k] = vectorExp(Double4(repeating: net[to + k] - largest))[0]; sum += z[to + k] }
            for k in 0..<units { z[to + k] /= sum }
        }
    }
}

/// `kinds[3]` is 1 when the workspace already holds these weights and velocities, padded (left there by the
/// last `trainSamples`), else 0.

extension Build {
    /// Per-sample SGD through the samples `order[0..<count]` (the lecture's loop body: forward, output deltas,
    /// hidden deltas with the old weights, `Δw = η δ z + α Δw(t−1) − η λ w`, `w += Δw`). `weights` and `velocity`
    /// are the flat layers (row-major `(fanIn + 1) × fanOut`, bias row first); `kinds` is `[hidden ActivationCode,
    /// output (0 sigmoid, 1 softmax), loss (0 squared error, 1 cross-entropy)]`; `rates` is `[η, α, λ]`.
    public static func trainSamples(shape: UnsafePointer<Int>, kinds: UnsafePointer<Int>, rates: UnsafePointer<Double>,
                                    weights: UnsafeMutablePointer<Double>, velocity: UnsafeMutablePointer<Double>,
                                    workspace: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                                    order: UnsafePointer<Int>, count: Int) {
        let s = Layout(shape)
        let w = workspace, v = workspace + s.weightCount
        if kinds[3] == 0 {   // else the workspace still holds them from the last call
            s.pad(weights, into: w)
            s.pad(velocity, into: v)
        }
        trainPadded(s, kinds: kinds, rates: rates, workspace: workspace, inputs: inputs, targets: targets, order: order, count: count)
        s.unpad(w, into: weights)
        s.unpad(v, into: velocity)
    }
}

/// `trainSamples` on the padded weights and velocities already in the workspace (left there).
private func trainPadded(_ s: Layout, kinds: UnsafePointer<Int>, rates: UnsafePointer<Double>, workspace: UnsafeMutablePointer<Double>,
                         inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int) {
    let w = workspace, v = workspace + s.weightCount
    let net = v + s.weightCount, z = net + s.valueCount, delta = z + s.valueCount
    let hidden = kinds[0], softmax = kinds[1] == 1, crossEntropy = kinds[2] == 1
    let eta = Double4(repeating: rates[0]), alpha = Double4(repeating: rates[1]), decay = Double4(repeating: rates[0] * rates[2])
    let top = s.layers - 1, outputs = s.sizes[top], inputWidth = s.sizes[0]
    if s.isNarrow, s.layers == 3, !softmax {
        trainOneHidden(s, hidden: hidden, crossEntropy: crossEntropy, eta: eta, alpha: alpha, decay: decay, w: w, v: v,
                       inputs: inputs, targets: targets, order: order, count: count)
        return
    }
    if s.isNarrow {
        // The values as one vector a layer, for the duration of the call (3 · 4 · layers doubles).
        net.withMemoryRebound(to: Double4.self, capacity: 3 * s.layers) { values in
            trainNarrow(s, hidden: hidden, softmax: softmax, crossEntropy: crossEntropy, eta: eta, alpha: alpha, decay: decay,
                        w: w, v: v, values: values, inputs: inputs, targets: targets, order: order, count: count)
        }
        return
    }
    for position in 0..<count {
        let sample = order[position]
        forward(s, hidden: hidden, softmax: softmax, w, net: net, z: z, input: inputs + sample * inputWidth)
        // Output deltas (zero in the padded units).
        let yhat = z + s.starts[top], dOut = delta + s.starts[top], target = targets + sample * outputs
        for c in Swift.stride(from: 0, to: s.padded[top], by: 4) { store(.zero, dOut + c) }
        outputDeltas(outputs, crossEntropy: crossEntropy, softmax: softmax, target: target, yhat: { yhat[$0] }) { dOut[$0] = $1 }
        // Hidden deltas with the old weights: δ_j = f'(net_j) Σ_k w_jk δ_k, the sum in order of k.
        var l = top - 1
        while l >= 1 {
            let units = s.sizes[l], above = s.sizes[l + 1], stride = s.padded[l + 1]
            let here = s.starts[l], next = delta + s.starts[l + 1], wl = w + s.paddedOffsets[l]
            store(.zero, delta + here + s.padded[l] - 4)   // the padded units' deltas (the real ones follow)
            for j in 0..<units {
                var sum = 0.0
                let row = wl + (j + 1) * stride
                for k in 0..<above { sum += row[k] * next[k] }
                delta[here + j] = slope(hidden, z: z[here + j], net: net[here + j]) * sum
            }
            l -= 1
        }
        // Δw = η (0 + δ_j z_i) + α Δw(t−1), less η λ w off the bias row; then w += Δw.
        for l in 0..<top {
            let fanIn = s.sizes[l], stride = s.padded[l + 1]
            let d = delta + s.starts[l + 1], zIn = z + s.starts[l]
            let wl = w + s.paddedOffsets[l], vl = v + s.paddedOffsets[l]
            var c = 0
            while c < stride {
                let dc = load(d + c)
                let change = eta * (0 + dc) + alpha * load(vl + c)
                store(change, vl + c)
                store(load(wl + c) + change, wl + c)
                c += 4
            }
            for i in 0..<fanIn {
                let zi = Double4(repeating: zIn[i]), wr = wl + (i + 1) * stride, vr = vl + (i + 1) * stride
                var c = 0
                while c < stride {
                    let weight = load(wr + c)
                    var change = eta * (0 + load(d + c) * zi) + alpha * load(vr + c)
                    change -= decay * weight
                    store(change, vr + c)
                    store(weight + change, wr + c)
                    c += 4
                }
            }
        }
    }
}

extension Build {
    /// The summed loss (as `Loss.value` computes it, summed sample after sample) and the number of right
    /// predictions of a network over `count` samples; `results` receives `[loss, hits]`.
    public static func evaluateSamples(shape: UnsafePointer<Int>, kinds: UnsafePointer<Int>, weights: UnsafePointer<Double>,
                                       workspace: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                                       labels: UnsafePointer<Int>, count: Int, results: UnsafeMutablePointer<Double>) {
        let s = Layout(shape)
        if kinds[3] == 0 { s.pad(weights, into: workspace) }
        let (total, hits) = evaluatePadded(s, kinds: kinds, workspace: workspace, inputs: inputs, targets: targets, labels: labels, count: count)
        results[0] = total
        results[1] = Double(hits)
    }
}

/// `evaluateSamples` on the padded weights already in the workspace.
private func evaluatePadded(_ s: Layout, kinds: UnsafePointer<Int>, workspace: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>,
                            targets: UnsafePointer<Double>, labels: UnsafePointer<Int>, count: Int) -> (Double, Int) {
    let w = workspace, net = workspace + 2 * s.weightCount, z = net + s.valueCount
    let hidden = kinds[0], softmax = kinds[1] == 1, crossEntropy = kinds[2] == 1
    let top = s.layers - 1, outputs = s.sizes[top], inputWidth = s.sizes[0], yhat = z + s.starts[top]
    var total = 0.0, hits = 0
    let narrow = s.isNarrow, oneHidden = narrow && s.layers == 3 && !softmax
    for sample in 0..<count {
        if oneHidden {
            // The lecture's nets: the forward pass of `trainOneHidden`, the outputs into z.
            let pass = forwardOneHidden(UnsafePointer(w) + s.paddedOffsets[0], UnsafePointer(w) + s.paddedOffsets[1],
                                        units: s.sizes[1], hidden: hidden, x0: inputs[2 * sample], x1: inputs[2 * sample + 1])
            store(pass.yhat, z + s.starts[2])
        } else if narrow {
            // One vector a layer: the net values over `net`, the outputs over `z` (4 doubles a layer in each).
            net.withMemoryRebound(to: Double4.self, capacity: 2 * s.layers) { vectors in
                forwardNarrow(s, hidden: hidden, softmax: softmax, w, nets: vectors, zs: vectors + s.layers, input: inputs + sample * inputWidth)
            }
        } else {
            forward(s, hidden: hidden, softmax: softmax, w, net: net, z: z, input: inputs + sample * inputWidth)
        }
        let y = targets + sample * outputs
        var loss = 0.0
        if crossEntropy {
            let tiny = 1e-15   // log(0) would be −∞ for a confident wrong output
            for k in 0..<outputs {
                loss -= y[k] * log(max(yhat[k], tiny))
                if !softmax { loss -= (1 - y[k]) * log(max(1 - yhat[k], tiny)) }
            }
        } else {
            for k in 0..<outputs { let d = y[k] - yhat[k]; loss += 0.5 * d * d }
        }
        total += loss
        var predicted = 0
        if outputs == 1 {
            predicted = yhat[0] >= 0.5 ? 1 : 0
        } else {
            for k in 1..<outputs where yhat[k] > yhat[predicted] { predicted = k }
        }
        if predicted == labels[sample] { hits += 1 }
    }
    return (total, hits)
}

extension Build {
    /// Up to `epochs` epochs of per-sample SGD through `order`, each followed by the loss and the right predictions
    /// over the same samples (`results[2e]`, `results[2e + 1]`), in one call: the operations of `trainSamples` then
    /// `evaluateSamples` an epoch at a time, without padding the weights again between epochs. Stops after the
    /// first epoch whose loss is not finite; returns the epochs done.
    public static func trainEpochs(shape: UnsafePointer<Int>, kinds: UnsafePointer<Int>, rates: UnsafePointer<Double>,
                                   weights: UnsafeMutablePointer<Double>, velocity: UnsafeMutablePointer<Double>,
                                   workspace: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                                   labels: UnsafePointer<Int>, order: UnsafePointer<Int>, count: Int, epochs: Int,
                                   results: UnsafeMutablePointer<Double>) -> Int {
        let s = Layout(shape)
        let w = workspace, v = workspace + s.weightCount
        if kinds[3] == 0 {
            s.pad(weights, into: w)
            s.pad(velocity, into: v)
        }
        var done = 0
        while done < epochs {
            trainPadded(s, kinds: kinds, rates: rates, workspace: workspace, inputs: inputs, targets: targets, order: order, count: count)
            let (loss, hits) = evaluatePadded(s, kinds: kinds, workspace: workspace, inputs: inputs, targets: targets, labels: labels, count: count)
            results[2 * done] = loss
            results[2 * done + 1] = Double(hits)
            done += 1
            if !loss.isFinite { break }
        }
        s.unpad(w, into: weights)
        s.unpad(v, into: velocity)
        return done
    }
}

// MARK: - Narrow nets: every layer one vector

/// The forward pass of one sample when every layer has at most 4 units: each layer's values are one vector.
@inline(__always)
private func forwardNarrow(_ s: Layout, hidden: Int, softmax: Bool, _ w: UnsafePointer<Double>,
                           nets: UnsafeMutablePointer<Double4>, zs: UnsafeMutablePointer<Double4>, input: UnsafePointer<Double>) {
    zs[0] = Double4(input[0], input[1], 0, 0)
    let top = s.layers - 1
    for l in 0..<top {
        let wl = w + s.paddedOffsets[l], zIn = zs[l]
        var acc = load(wl)
        for i in 0..<s.sizes[l] { acc += load(wl + 4 * (i + 1)) * Double4(repeating: zIn[i]) }
        nets[l + 1] = acc
        if l + 1 == top {
            if softmax {
                let units = s.sizes[top]
                var largest = -Double.infinity
                for k in 0..<units { largest = max(largest, acc[k]) }
                var out = Double4.zero, sum = 0.0
                for k in 0..<units { out[k] = vectorExp(Double4(repeating: acc[k] - largest))[0]; sum += out[k] }
                for k in 0..<units { out[k] /= sum }
                zs[l + 1] = out
            } else {
                zs[l + 1] = vectorSigmoid(acc)
            }
        } else {
            zs[l + 1] = switch hidden {
            case ActivationCode.sigmoid: vectorSigmoid(acc)
            case ActivationCode.tanh: vectorTanh(acc)
            case ActivationCode.relu: acc.replacing(with: 0, where: .!(acc .> 0))
            default: acc
            }
        }
    }
}

/// `trainSamples` for nets whose layers all have at most 4 units: the same operations on the same values
/// (so the same bits), with each layer's values, deltas and weight rows as single vectors.
@inline(__always)
private func trainNarrow(_ s: Layout, hidden: Int, softmax: Bool, crossEntropy: Bool, eta: Double4, alpha: Double4, decay: Double4,
                         w: UnsafeMutablePointer<Double>, v: UnsafeMutablePointer<Double>, values: UnsafeMutablePointer<Double4>,
                         inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int) {
    let layers = s.layers, top = layers - 1, outputs = s.sizes[top], inputWidth = s.sizes[0]
    let nets = values, zs = values + layers, deltas = values + 2 * layers
    for position in 0..<count {
        let sample = order[position]
        forwardNarrow(s, hidden: hidden, softmax: softmax, w, nets: nets, zs: zs, input: inputs + sample * inputWidth)
        // Output deltas (zero in the padded units).
        let yhat = zs[top], target = targets + sample * outputs
        var dOut = Double4.zero
        outputDeltas(outputs, crossEntropy: crossEntropy, softmax: softmax, target: target, yhat: { yhat[$0] }) { dOut[$0] = $1 }
        deltas[top] = dOut
        // Hidden deltas with the old weights: the products w_jk δ_k as a vector, summed in order of k.
        var l = top - 1
        while l >= 1 {
            let above = s.sizes[l + 1], wl = w + s.paddedOffsets[l], dAbove = deltas[l + 1], zl = zs[l], netl = nets[l]
            deltas[l] = narrowHiddenDeltas(wl, units: s.sizes[l], above: above, deltaAbove: dAbove, z: zl, net: netl, hidden: hidden)
            l -= 1
        }
        // Δw = η (0 + δ_j z_i) + α Δw(t−1), less η λ w off the bias row; then w += Δw.
        for l in 0..<top {
            let d = deltas[l + 1], zIn = zs[l], wl = w + s.paddedOffsets[l], vl = v + s.paddedOffsets[l]
            let change = eta * (0 + d) + alpha * load(vl)
            store(change, vl)
            store(load(wl) + change, wl)
            for i in 0..<s.sizes[l] {
                let wr = wl + 4 * (i + 1), vr = vl + 4 * (i + 1), weight = load(wr)
                var change = eta * (0 + d * Double4(repeating: zIn[i])) + alpha * load(vr)
                change -= decay * weight
                store(change, vr)
                store(weight + change, wr)
            }
        }
    }
}

/// The forward pass of a one-hidden-layer narrow net (the operations of `forwardNarrow`, unrolled).
@inline(__always)
private func forwardOneHidden(_ w1: UnsafePointer<Double>, _ w2: UnsafePointer<Double>, units: Int, hidden: Int,
                              x0: Double, x1: Double) -> (net1: Double4, z1: Double4, yhat: Double4) {
    var net1 = load(w1)
    net1 += load(w1 + 4) * Double4(repeating: x0)
    net1 += load(w1 + 8) * Double4(repeating: x1)
    let z1: Double4 = switch hidden {
    case ActivationCode.sigmoid: vectorSigmoid(net1)
    case ActivationCode.tanh: vectorTanh(net1)
    case ActivationCode.relu: net1.replacing(with: 0, where: .!(net1 .> 0))
    default: net1
    }
    var net2 = load(w2)
    for i in 0..<units { net2 += load(w2 + 4 * (i + 1)) * Double4(repeating: z1[i]) }
    return (net1, z1, vectorSigmoid(net2))
}

/// Hidden deltas of a narrow layer: `δ_j = f'(net_j) Σ_k w_jk δ_k`, the products as a vector (row j + 1 of
/// the layer's padded weights times the deltas above), summed in order of k.
@inline(__always)
private func narrowHiddenDeltas(_ w: UnsafePointer<Double>, units: Int, above: Int, deltaAbove: Double4, z: Double4, net: Double4,
                                hidden: Int) -> Double4 {
    var d = Double4.zero
    for j in 0..<units {
        let products = load(w + 4 * (j + 1)) * deltaAbove
        var sum = 0.0
        for k in 0..<above { sum += products[k] }
        d[j] = slope(hidden, z: z[j], net: net[j]) * sum
    }
    return d
}

/// The output deltas `δ^o_k = −∂E/∂net_k` (as `MLP.outputDeltas` computes them), handed to `set`.
@inline(__always)
private func outputDeltas(_ outputs: Int, crossEntropy: Bool, softmax: Bool, target: UnsafePointer<Double>,
                          yhat: (Int) -> Double, _ set: (Int, Double) -> Void) {
    if crossEntropy {
        for k in 0..<outputs { set(k, target[k] - yhat(k)) }
    } else if !softmax {
        for k in 0..<outputs { set(k, yhat(k) * (1 - yhat(k)) * (target[k] - yhat(k))) }
    } else {
        var weighted = 0.0
        for m in 0..<outputs { weighted += (target[m] - yhat(m)) * yhat(m) }
        for k in 0..<outputs { set(k, yhat(k) * ((target[k] - yhat(k)) - weighted)) }
    }
}

/// f' from the output z (and the input net for ReLU), as the lecture writes it.
@inline(__always)
func slope(_ code: Int, z: Double, net: Double) -> Double {
    switch code {
    case ActivationCode.sigmoid: z * (1 - z)
    case ActivationCode.tanh: 1 - z * z
    case ActivationCode.relu: net > 0 ? 1 : 0
    default: 1
    }
}

/// Lane numbers, for masks.
private enum Self4 { static let lanes = SIMD4<Int64>(0, 1, 2, 3) }

/// `trainNarrow` for the lecture's nets — 2 inputs, one hidden layer of at most 4 units, at most 4 sigmoid
/// outputs — with the layer loop unrolled and every vector in a register: the same operations in the same
/// order, so the same bits.
@inline(__always)
private func trainOneHidden(_ s: Layout, hidden: Int, crossEntropy: Bool, eta: Double4, alpha: Double4, decay: Double4,
                            w: UnsafeMutablePointer<Double>, v: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>,
                            targets: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int) {
    let units = s.sizes[1], outputs = s.sizes[2]
    let w1 = w + s.paddedOffsets[0], w2 = w + s.paddedOffsets[1], v1 = v + s.paddedOffsets[0], v2 = v + s.paddedOffsets[1]
    @inline(__always) func update(_ wr: UnsafeMutablePointer<Double>, _ vr: UnsafeMutablePointer<Double>, _ d: Double4, _ z: Double?) {
        if let z {
            let weight = load(wr)
            var change = eta * (0 + d * Double4(repeating: z)) + alpha * load(vr)
            change -= decay * weight
            store(change, vr)
            store(weight + change, wr)
        } else {
            let change = eta * (0 + d) + alpha * load(vr)
            store(change, vr)
            store(load(wr) + change, wr)
        }
    }
    for position in 0..<count {
        let sample = order[position]
        let x0 = inputs[2 * sample], x1 = inputs[2 * sample + 1]
        let (net1, z1, yhat) = forwardOneHidden(w1, w2, units: units, hidden: hidden, x0: x0, x1: x1)
        let target = targets + sample * outputs
        var d2 = Double4.zero, d1 = Double4.zero
        if outputs == 1 {
            // One output (the lecture's XOR nets): the same formulas as whole vectors, the padded lanes zero.
            let t = Double4(repeating: target[0])
            let all = crossEntropy ? t - yhat : yhat * (1 - yhat) * (t - yhat)
            d2 = Double4(all[0], 0, 0, 0)
            // Σ_k w_jk δ_k has one term: 0 + w_j0 · δ_0, for the real rows j (the padded lanes stay 0).
            var column = Double4.zero
            for j in 0..<units { column[j] = w2[4 * (j + 1)] }
            let sum = 0 + column * Double4(repeating: d2[0])
            let slope: Double4 = switch hidden {
            case ActivationCode.sigmoid: z1 * (1 - z1)
            case ActivationCode.tanh: 1 - z1 * z1
            case ActivationCode.relu: Double4.zero.replacing(with: 1, where: net1 .> 0)
            default: Double4(repeating: 1)
            }
            d1 = (slope * sum).replacing(with: 0, where: Self4.lanes .>= Int64(units))
        }
        for k in 0..<(outputs == 1 ? 0 : outputs) {
            d2[k] = crossEntropy ? target[k] - yhat[k] : yhat[k] * (1 - yhat[k]) * (target[k] - yhat[k])
        }
        if outputs > 1 { d1 = narrowHiddenDeltas(w2, units: units, above: outputs, deltaAbove: d2, z: z1, net: net1, hidden: hidden) }
        update(w1, v1, d1, nil)
        update(w1 + 4, v1 + 4, d1, x0)
        update(w1 + 8, v1 + 8, d1, x1)
        update(w2, v2, d2, nil)
        for i in 0..<units { update(w2 + 4 * (i + 1), v2 + 4 * (i + 1), d2, z1[i]) }
    }
}
