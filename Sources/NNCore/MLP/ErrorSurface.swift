#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import NNKernels

/// One weight of an MLP, the lecture's `w_ij` of layer `layer`: from unit `from` of that layer (0: the bias,
/// as row 0 of `layers[l][i][j]`) to unit `to` of the layer above.
public struct WeightIndex: Sendable, Hashable {
    public var layer: Int, from: Int, to: Int
    public init(layer: Int, from: Int, to: Int) { self.layer = layer; self.from = from; self.to = to }

    /// Where the weight sits in `network.parameters`.
    public func flat(in network: MLP) -> Int { network.offsets[layer] + from * network.sizes[layer + 1] + to }

    public func exists(in network: MLP) -> Bool {
        layer >= 0 && layer < network.sizes.count - 1 && from >= 0 && from <= network.sizes[layer] && to >= 0 && to < network.sizes[layer + 1]
    }

    /// Every weight of `network` unit by unit, as the ledger lists them: the weights into the first unit of
    /// layer 1 (bias first), into the second, …, then layer 2's units, up to the outputs.
    public static func all(in network: MLP) -> [WeightIndex] {
        (0..<(network.sizes.count - 1)).flatMap { l in
            (0..<network.sizes[l + 1]).flatMap { j in (0...network.sizes[l]).map { WeightIndex(layer: l, from: $0, to: j) } }
        }
    }
}

/// The error as a function of two weights of a network, every other weight held at its value: E at any
/// point and its slope, in double precision (the numbers on screen), and E over a grid of points (the
/// picture, in single precision). E is the loss summed over `samples` (the lecture's `E = ½ Σ_t Σ_k (y − ŷ)²`
/// for squared error; over one sample it is `E_t`).
public struct ErrorSurface: Sendable {
    public let network: MLP
    public let samples: [Sample]
    public let loss: Loss

    public init(network: MLP, samples: [Sample], loss: Loss) {
        self.network = network; self.samples = samples; self.loss = loss
    }

    /// E with the network's own weights: the same sum, in the same order, as `MLPTrainer.evaluate`.
    public var error: Double { Self.error(of: network, samples, loss) }

    /// E with weight `a` set to `valueA` and `b` to `valueB`.
    public func error(_ a: WeightIndex, _ valueA: Double, _ b: WeightIndex, _ valueB: Double) -> Double {
        var moved = network
        moved.parameters[a.flat(in: network)] = valueA
        moved.parameters[b.flat(in: network)] = valueB
        return Self.error(of: moved, samples, loss)
    }

    private static func error(of network: MLP, _ samples: [Sample], _ loss: Loss) -> Double {
        var pass = ForwardPass(sizes: network.sizes)
        var total = 0.0
        for s in samples {
            network.forward(network.inputs(of: s), into: &pass)
            total += network.loss(loss, target: network.target(for: s), pass)
        }
        return total
    }

    /// ∂E/∂w for every weight, laid out as `network.parameters`: by backpropagation, `−Σ_t δ_j z_i` (δ is
    /// `−∂E_t/∂net`), summed sample after sample as the trainer sums a batch.
    public func gradient() -> [Double] {
        var descent = [Double](repeating: 0, count: network.parameters.count)
        var pass = ForwardPass(sizes: network.sizes)
        for s in samples {
            network.backpropagate(network.inputs(of: s), target: network.target(for: s), loss: loss, into: &pass)
            network.addGradient(of: pass, to: &descent)
        }
        return descent.map { -$0 }
    }

    /// E at `(w_a + offsetsA[c], w_b + offsetsB[r])` for every column c and row r, row-major, computed in
    /// single precision (for pictures). A big grid is split into runs of columns, one a core, computed at the
    /// same time: each writes only its own columns, so the values are the same however many run.
    public func grid(_ a: WeightIndex, _ b: WeightIndex, offsetsA: [Double], offsetsB: [Double]) -> [Double] {
        // The kernel takes the lower weight along the columns: the other way round, transpose.
        if a.layer > b.layer {
            let transposed = grid(b, a, offsetsA: offsetsB, offsetsB: offsetsA)
            return (0..<(offsetsB.count * offsetsA.count)).map { transposed[($0 % offsetsA.count) * offsetsB.count + $0 / offsetsA.count] }
        }
        let columns = offsetsA.count, rows = offsetsB.count
        var out = [Double](repeating: 0, count: columns * rows)
        guard columns > 0, rows > 0, !samples.isEmpty else { return out }
        let cache = surfaceCache()
        let weights = network.parameters.map(Float.init)
        let da = offsetsA.map(Float.init), db = offsetsB.map(Float.init)
        let parts = cost(a, b, columns: columns, rows: rows) < Self.workAPart ? 1 : min(columns, Kernels.cores)
        let shapes = (0..<parts).map { part in
            NNKernels.surfaceShape(sizes: network.sizes, hidden: network.activation.code, softmax: network.output == .softmax, linear: network.output == .linear,
                                   crossEntropy: loss == .crossEntropy, samples: samples.count,
                                   a: (a.layer, a.from, a.to), b: (b.layer, b.from, b.to), columns: columns, rows: rows,
                                   columnRange: (part * columns / parts)..<((part + 1) * columns / parts))
        }
        let kernel = Kernels.current
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                kernel.errorSurface(shape: shapes[part], weights: weights, cache: cache, da: da, db: db, out: out)
            }
        }
        return out
    }

    /// Work below which a grid is computed in one run (starting runs on other cores costs more).
    static let workAPart = 50_000_000


    /// About the work of `grid` in multiply-adds (an activation or a loss term counted as 8): each point
    /// recomputes from the higher weight's layer up, each column from the lower weight's.
    public func cost(_ a: WeightIndex, _ b: WeightIndex, columns: Int, rows: Int) -> Int {
        let low = min(a.layer, b.layer), high = max(a.layer, b.layer)
        let sizes = network.sizes, top = sizes.count - 1, activation = 8
        func layer(_ l: Int) -> Int { sizes[l] * (sizes[l - 1] + 1 + activation) }
        var point = 1 + activation + sizes[top] * activation
        if high + 2 <= top { point += sizes[high + 2] * (1 + activation) }
        if high + 3 <= top { point += ((high + 3)...top).reduce(0) { $0 + layer($1) } }
        let column = ((low + 1)...min(top, high + 2)).reduce(0) { $0 + layer($1) }
        return samples.count * (columns * column + columns * rows * point)
    }

    /// Every sample's sums and outputs with the current weights, its targets and a mask, 16 samples a block
    /// (see `surfaceBlockFloats`).
    private func surfaceCache() -> [Float] {
        let sizes = network.sizes, units = sizes.reduce(0, +), outputs = network.outputCount
        let lanes = Float16Points.scalarCount, blockFloats = NNKernels.surfaceBlockFloats(sizes: sizes)
        var cache = [Float](repeating: 0, count: NNKernels.surfaceBlocks(samples: samples.count) * blockFloats)
        var pass = ForwardPass(sizes: sizes)
        for (n, s) in samples.enumerated() {
            network.forward(network.inputs(of: s), into: &pass)
            let base = (n / lanes) * blockFloats + n % lanes
            for u in 0..<units {
                cache[base + u * lanes] = Float(pass.net[u])
                cache[base + (units + u) * lanes] = Float(pass.z[u])
            }
            for (k, y) in network.target(for: s).enumerated() { cache[base + (2 * units + k) * lanes] = Float(y) }
            cache[base + (2 * units + outputs) * lanes] = 1
        }
        return cache
    }
}
