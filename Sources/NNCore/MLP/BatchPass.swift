import NNKernelInterface
import NNKernels

/// The forward and backward values of a batch of samples, stored unit-major (value of sample `p` of unit `j`
/// of layer `l` at `layerStart[l] + j * columns + p`), in buffers reused from batch to batch. The kernels
/// compute each value exactly as `ForwardPass` does for one sample, so a batch and its samples one by one
/// give the same bits.
/// Samples laid out for the batch kernels: inputs and targets in flat arrays (no array per sample).
struct PreparedSamples: Sendable {
    let count: Int
    let inputWidth: Int
    let outputWidth: Int
    /// `inputs[s * inputWidth + i]`.
    let inputs: [Double]
    /// `targets[s * outputWidth + k]` (see `MLP.target(for:)`).
    let targets: [Double]
    let labels: [Int]

    init(_ samples: [Sample], for network: MLP) {
        count = samples.count
        inputWidth = network.inputCount
        outputWidth = network.outputCount
        inputs = samples.flatMap { network.inputs(of: $0) }
        targets = samples.flatMap { network.target(for: $0) }
        labels = samples.map(\.label)
    }

    func target(_ s: Int) -> [Double] { Array(targets[(s * outputWidth)..<((s + 1) * outputWidth)]) }
}

struct BatchPass: Sendable {
    let sizes: [Int]
    let capacity: Int
    /// Where layer l starts in `net`, `z` and `delta`.
    let layerStart: [Int]
    private(set) var columns = 0
    private var net: [Double]
    private var z: [Double]
    private var delta: [Double]
    /// `columns × (widest layer + 1)` values for the gradient kernel.
    private var scratch: [Double]

    init(sizes: [Int], capacity: Int) {
        self.sizes = sizes
        self.capacity = max(1, capacity)
        layerStart = sizes.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1 * max(1, capacity)) }
        let total = layerStart[layerStart.count - 1]
        net = Array(repeating: 0, count: total)
        z = net
        delta = net
        scratch = Array(repeating: 0, count: max(1, capacity) * ((sizes.max() ?? 1) + 1))
    }

    /// Puts the inputs of `indices` into the columns (at most `capacity`).
    mutating func load(_ data: PreparedSamples, _ indices: ArraySlice<Int>) {
        precondition(indices.count <= capacity && data.inputWidth == sizes[0])
        columns = indices.count
        let n = columns, width = data.inputWidth
        z.withUnsafeMutableBufferPointer { z in
            data.inputs.withUnsafeBufferPointer { x in
                for (p, index) in indices.enumerated() {
                    for i in 0..<width { z[i * n + p] = x[index * width + i] }
                }
            }
        }
    }

    /// Every layer's input sums and outputs, the last layer through the sigmoid, the softmax or none (linear).
    mutating func forward(_ network: MLP, _ kernels: any KernelBuild.Type) {
        let n = columns, last = sizes.count - 2, hidden = network.activation.code
        let softmax = network.output == .softmax
        let outputCode = network.output == .linear ? ActivationCode.linear : ActivationCode.sigmoid
        network.parameters.withUnsafeBufferPointer { w in
            net.withUnsafeMutableBufferPointer { net in
                z.withUnsafeMutableBufferPointer { z in
                    for l in 0...last {
                        let fanOut = sizes[l + 1]
                        let input = UnsafePointer(z.baseAddress! + layerStart[l])
                        let sums = net.baseAddress! + layerStart[l + 1], outputs = z.baseAddress! + layerStart[l + 1]
                        kernels.denseForward(w.baseAddress! + network.offsets[l], fanIn: sizes[l], fanOut: fanOut, input: input, net: sums,
                                             columns: n)
                        if l == last && softmax {
                            Self.softmax(sums, outputs, units: fanOut, columns: n)
                        } else {
                            kernels.activateAll(l == last ? outputCode : hidden, sums, outputs, count: fanOut * n)
                        }
                    }
                }
            }
        }
    }

    /// The softmax of each column, in the order `ForwardPass` uses (largest sum subtracted; total in unit order).
    private static func softmax(_ sums: UnsafeMutablePointer<Double>, _ outputs: UnsafeMutablePointer<Double>, units: Int, columns n: Int) {
        for p in 0..<n {
            var largest = -Double.infinity
            for k in 0..<units { largest = max(largest, sums[k * n + p]) }
            var total = 0.0
            for k in 0..<units { outputs[k * n + p] = exponential(sums[k * n + p] - largest); total += outputs[k * n + p] }
            for k in 0..<units { outputs[k * n + p] /= total }
        }
    }

    /// Output deltas for the targets of `indices` (see `MLP.outputDeltas`), then the hidden deltas downwards.
    mutating func backward(_ network: MLP, _ data: PreparedSamples, _ indices: ArraySlice<Int>, loss: Loss, _ kernels: any KernelBuild.Type) {
        let n = columns, top = sizes.count - 1, units = sizes[top], output = network.output
        let topStart = layerStart[top]
        z.withUnsafeBufferPointer { z in
            delta.withUnsafeMutableBufferPointer { delta in
                data.targets.withUnsafeBufferPointer { targets in
                    for (p, index) in indices.enumerated() {
                        let target = targets.baseAddress! + index * units
                        let yhat = z.baseAddress! + topStart + p, d = delta.baseAddress! + topStart + p
                        switch (loss, output) {
                        case (.crossEntropy, _), (.squaredError, .linear):
                            for k in 0..<units { d[k * n] = target[k] - yhat[k * n] }
                        case (.squaredError, .sigmoid):
                            for k in 0..<units { d[k * n] = yhat[k * n] * (1 - yhat[k * n]) * (target[k] - yhat[k * n]) }
                        case (.squaredError, .softmax):
                            var weighted = 0.0
                            for m in 0..<units { weighted += (target[m] - yhat[m * n]) * yhat[m * n] }
                            for k in 0..<units { d[k * n] = yhat[k * n] * ((target[k] - yhat[k * n]) - weighted) }
                        }
                    }
                }
            }
        }
        guard top >= 2 else { return }
        let code = network.activation.code
        network.parameters.withUnsafeBufferPointer { w in
            net.withUnsafeBufferPointer { net in
                z.withUnsafeBufferPointer { z in
                    delta.withUnsafeMutableBufferPointer { delta in
                        for l in stride(from: top - 1, through: 1, by: -1) {
                            kernels.hiddenDeltas(w.baseAddress! + network.offsets[l], units: sizes[l], above: sizes[l + 1],
                                                 deltaAbove: UnsafePointer(delta.baseAddress! + layerStart[l + 1]),
                                                 net: net.baseAddress! + layerStart[l], z: z.baseAddress! + layerStart[l],
                                                 activation: code, delta: delta.baseAddress! + layerStart[l], columns: n)
                        }
                    }
                }
            }
        }
    }

    /// Adds every sample's `δ_j z_i` to the gradient (laid out as `network.parameters`), sample after sample.
    mutating func accumulateGradient(into gradient: inout [Double], _ network: MLP, _ kernels: any KernelBuild.Type) {
        let n = columns
        z.withUnsafeBufferPointer { z in
            delta.withUnsafeBufferPointer { delta in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for l in 0..<(sizes.count - 1) {
                            kernels.accumulateGradient(g.baseAddress! + network.offsets[l], fanIn: sizes[l], fanOut: sizes[l + 1],
                                                       input: z.baseAddress! + layerStart[l],
                                                       delta: delta.baseAddress! + layerStart[l + 1], columns: n,
                                                       scratch: scratch.baseAddress!)
                        }
                    }
                }
            }
        }
    }

    /// Adds the loss of each column for the target of its sample (see `Loss.value`) to `total`, column after
    /// column, and counts the columns that predict their sample's label (none under regression: a value has
    /// no class).
    func addLoss(_ data: PreparedSamples, _ indices: ArraySlice<Int>, _ loss: Loss, output: OutputActivation,
                 to total: inout Double, hits: inout Int) {
        let top = sizes.count - 1, n = columns, units = sizes[top]
        z.withUnsafeBufferPointer { z in
            data.targets.withUnsafeBufferPointer { targets in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: units) { yhat in
                    let outputs = z.baseAddress! + layerStart[top]
                    for (p, index) in indices.enumerated() {
                        if loss == .squaredError && units == 1 {
                            // The common case without the copy: ½ (y − ŷ)², as `Loss.value` computes it.
                            let d = targets[index] - outputs[p]
                            total += 0.5 * d * d
                        } else {
                            for k in 0..<units { yhat[k] = outputs[k * n + p] }
                            let target = UnsafeBufferPointer(rebasing: targets[(index * units)..<((index + 1) * units)])
                            total += loss.value(target: target, output: UnsafeBufferPointer(yhat), outputKind: output)
                        }
                        if output != .linear, predictedClass(outputs + p, units: units, columns: n) == data.labels[index] { hits += 1 }
                    }
                }
            }
        }
    }

    /// The class of the column whose first output `outputs` points at (see `MLP.predictedClass`).
    private func predictedClass(_ outputs: UnsafePointer<Double>, units: Int, columns n: Int) -> Int {
        if units == 1 { return outputs[0] >= 0.5 ? 1 : 0 }
        var best = 0
        for k in 1..<units where outputs[k * n] > outputs[best * n] { best = k }
        return best
    }

    /// Column `p` as a one-sample pass (for events and the screen).
    func pass(column p: Int) -> ForwardPass {
        var pass = ForwardPass(sizes: sizes)
        let n = columns
        for l in sizes.indices {
            for j in 0..<sizes[l] {
                let at = layerStart[l] + j * n + p, to = pass.start[l] + j
                pass.z[to] = z[at]
                if l > 0 { pass.net[to] = net[at]; pass.delta[to] = delta[at] }
            }
        }
        return pass
    }
}
