import NNKernels

/// Every value of one forward and backward pass, in contiguous buffers reused from sample to sample so that
/// training allocates nothing per sample. Layer 0 is the input; unit j of layer l is at `start[l] + j`.
public struct ForwardPass: Sendable {
    public let sizes: [Int]
    let start: [Int]
    /// Input sums `net_j = Σ_i w_ij z_i` (unused for layer 0).
    var net: [Double]
    /// Outputs z_j (the inputs for layer 0).
    var z: [Double]
    /// `δ_j = −∂E/∂net_j`, the lecture's δ (unused for layer 0).
    var delta: [Double]

    public init(sizes: [Int]) {
        self.sizes = sizes
        start = sizes.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
        let total = start[start.count - 1]
        net = Array(repeating: 0, count: total)
        z = net
        delta = net
    }

    public func preActivation(layer l: Int, unit j: Int) -> Double { net[start[l] + j] }
    public func activation(layer l: Int, unit j: Int) -> Double { z[start[l] + j] }
    public func delta(layer l: Int, unit j: Int) -> Double { delta[start[l] + j] }

    private func layers(_ values: [Double], skippingInput: Bool) -> [[Double]] {
        sizes.indices.map { l in skippingInput && l == 0 ? [] : Array(values[start[l]..<start[l + 1]]) }
    }
    /// `preActivations[l][j]` (empty for l = 0). Copies: for views and tests.
    public var preActivations: [[Double]] { layers(net, skippingInput: true) }
    /// `activations[l][j]`: the output z_j of unit j of layer l (the inputs for l = 0). Copies.
    public var activations: [[Double]] { layers(z, skippingInput: false) }
    /// `deltas[l][j]` (empty for l = 0). Copies.
    public var deltas: [[Double]] { layers(delta, skippingInput: true) }
    public var outputs: [Double] { Array(z[start[sizes.count - 1]..<start[sizes.count]]) }

    /// The class the outputs predict (see `MLP.predictedClass`), without copying them.
    public var predictedClass: Int {
        let range = start[sizes.count - 1]..<start[sizes.count]
        return z.withUnsafeBufferPointer { MLP.predictedClass(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

extension MLP {
    /// The forward pass of `input`, written into `pass`.
    public func forward(_ input: [Double], into pass: inout ForwardPass) {
        for i in 0..<sizes[0] { pass.z[i] = input[i] }
        for l in 0..<(sizes.count - 1) { forwardLayer(l, &pass) }
    }

    /// Layer `l` → `l + 1`: input sums, then the activation (or the softmax for the last layer).
    public func forwardLayer(_ l: Int, _ pass: inout ForwardPass) {
        let fanIn = sizes[l], fanOut = sizes[l + 1]
        let last = l + 1 == sizes.count - 1
        let from = pass.start[l], to = pass.start[l + 1], weightStart = offsets[l]
        let f = last ? (output == .linear ? Activation.linear : Activation.sigmoid) : activation
        let softmax = last && output == .softmax
        parameters.withUnsafeBufferPointer { parameters in
            let w = parameters.baseAddress! + weightStart
            pass.z.withUnsafeMutableBufferPointer { zBuffer in
                pass.net.withUnsafeMutableBufferPointer { netBuffer in
                    let z = zBuffer.baseAddress!, net = netBuffer.baseAddress!
                    for j in 0..<fanOut { net[to + j] = w[j] }   // bias row
                    for i in 0..<fanIn {
                        let zi = z[from + i], row = w + (i + 1) * fanOut
                        for j in 0..<fanOut { net[to + j] += row[j] * zi }
                    }
                    if softmax {
                        var largest = -Double.infinity
                        for j in 0..<fanOut { largest = max(largest, net[to + j]) }
                        var total = 0.0
                        for j in 0..<fanOut { z[to + j] = exponential(net[to + j] - largest); total += z[to + j] }
                        for j in 0..<fanOut { z[to + j] /= total }
                    } else {
                        for j in 0..<fanOut { z[to + j] = f.value(net[to + j]) }
                    }
                }
            }
        }
    }

    /// The output deltas `δ^o_k = −∂E/∂net_k` for `target`: with sigmoid outputs and squared error the
    /// lecture's `ŷ_k(1 − ŷ_k)(y_k − ŷ_k)`; with cross-entropy (sigmoid or softmax) `y_k − ŷ_k`, and with a
    /// linear output and squared error also `y_k − ŷ_k` (its slope is 1).
    public func outputDeltas(target: [Double], loss: Loss, _ pass: inout ForwardPass) {
        let top = pass.start[sizes.count - 1], count = sizes[sizes.count - 1]
        let output = self.output
        pass.z.withUnsafeBufferPointer { zBuffer in
            pass.delta.withUnsafeMutableBufferPointer { deltaBuffer in
                let yhat = zBuffer.baseAddress! + top, delta = deltaBuffer.baseAddress! + top
                switch (loss, output) {
                case (.crossEntropy, _), (.squaredError, .linear):
                    for k in 0..<count { delta[k] = target[k] - yhat[k] }
                case (.squaredError, .sigmoid):
                    for k in 0..<count { delta[k] = yhat[k] * (1 - yhat[k]) * (target[k] - yhat[k]) }
                case (.squaredError, .softmax):
                    // ∂ŷ_m/∂net_k = ŷ_m(δ_mk − ŷ_k): δ_k = ŷ_k((y_k − ŷ_k) − Σ_m (y_m − ŷ_m) ŷ_m).
                    var weighted = 0.0
                    for m in 0..<count { weighted += (target[m] - yhat[m]) * yhat[m] }
                    for k in 0..<count { delta[k] = yhat[k] * ((target[k] - yhat[k]) - weighted) }
                }
            }
        }
    }

    /// Hidden deltas of layer `l` from layer `l + 1`'s, with the weights as they are (the old weights, before
    /// this sample's update): `δ_j = f'(net_j) Σ_k w_jk δ_k`.
    public func hiddenDeltas(_ l: Int, _ pass: inout ForwardPass) {
        let units = sizes[l], above = sizes[l + 1]
        let here = pass.start[l], next = pass.start[l + 1], weightStart = offsets[l]
        let f = activation
        parameters.withUnsafeBufferPointer { parameters in
            let w = parameters.baseAddress! + weightStart
            pass.net.withUnsafeBufferPointer { netBuffer in
                pass.z.withUnsafeBufferPointer { zBuffer in
                    pass.delta.withUnsafeMutableBufferPointer { deltaBuffer in
                        let delta = deltaBuffer.baseAddress!, net = netBuffer.baseAddress!, z = zBuffer.baseAddress!
                        for j in 0..<units {
                            var sum = 0.0
                            let row = w + (j + 1) * above
                            for k in 0..<above { sum += row[k] * delta[next + k] }
                            delta[here + j] = f.derivative(input: net[here + j], output: z[here + j]) * sum
                        }
                    }
                }
            }
        }
    }

    /// `δ_j z_i` of one pass added to every weight's gradient (the bias row's `z_0 = 1`).
    func addGradient(of pass: ForwardPass, to gradient: inout [Double]) {
        pass.z.withUnsafeBufferPointer { z in
            pass.delta.withUnsafeBufferPointer { delta in
                gradient.withUnsafeMutableBufferPointer { g in
                    for l in 0..<(sizes.count - 1) {
                        let fanOut = sizes[l + 1], from = pass.start[l], d = delta.baseAddress! + pass.start[l + 1]
                        let layer = g.baseAddress! + offsets[l]
                        for j in 0..<fanOut { layer[j] += d[j] }
                        for i in 0..<sizes[l] {
                            let zi = z[from + i], row = layer + (i + 1) * fanOut
                            for j in 0..<fanOut { row[j] += zi * d[j] }
                        }
                    }
                }
            }
        }
    }

    /// Forward and backward: every value and δ of one sample.
    public func backpropagate(_ input: [Double], target: [Double], loss: Loss, into pass: inout ForwardPass) {
        forward(input, into: &pass)
        outputDeltas(target: target, loss: loss, &pass)
        for l in stride(from: sizes.count - 2, through: 1, by: -1) { hiddenDeltas(l, &pass) }
    }

    /// The loss of the outputs in `pass` for `target`.
    public func loss(_ loss: Loss, target: [Double], _ pass: ForwardPass) -> Double {
        let top = pass.start[sizes.count - 1], end = pass.start[sizes.count]
        return target.withUnsafeBufferPointer { y in
            pass.z.withUnsafeBufferPointer { z in
                loss.value(target: y, output: UnsafeBufferPointer(rebasing: z[top..<end]), outputKind: output)
            }
        }
    }

    /// The network's outputs for one input (allocates: for tests and tools, not training loops).
    public func predict(_ input: [Double]) -> [Double] {
        var pass = ForwardPass(sizes: sizes)
        forward(input, into: &pass)
        return pass.outputs
    }
}
