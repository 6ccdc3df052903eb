import NNKernels

extension MLP {
    /// The values of `units` units of layer `layer` (from `unit` on; layer 0: the input features) at each point
    /// `(xs[p], ys[p])`, computed in
    /// single precision, 16 points at a time: for pictures only (decision regions, unit maps), never for the
    /// numbers on screen. `result[k * count + p]`. For a softmax output layer the values are the input sums
    /// `net_k` (the softmax keeps their order; `softmaxConfidence` turns them into the largest probability); for
    /// a linear output they are the predicted values.
    public func pictureValues(xs: [Float], ys: [Float], layer: Int, unit: Int = 0, units: Int = 1) -> [Float] {
        precondition(xs.count == ys.count && features.count == sizes[0])
        let count = xs.count
        var result = [Float](repeating: 0, count: count * units)
        guard count > 0 else { return result }
        let weights = parameters.map(Float.init)
        let outputCode = output == .sigmoid ? ActivationCode.sigmoid : ActivationCode.linear
        let codes = features.map(\.code)
        weights.withUnsafeBufferPointer { w in
            sizes.withUnsafeBufferPointer { s in
                result.withUnsafeMutableBufferPointer { out in
                    Kernels.current.evaluatePoints(weights: w.baseAddress!, sizes: s.baseAddress!, layers: sizes.count,
                                                   hidden: activation.code, output: outputCode, features: codes, xs: xs, ys: ys,
                                                   count: count, layer: layer, unit: unit, units: units, out: out.baseAddress!)
                }
            }
        }
        return result
    }

    /// The largest softmax probability of a point whose output sums are `sums` (as `pictureValues` gives them).
    public static func softmaxConfidence(_ sums: [Double]) -> (cls: Int, probability: Double) {
        var best = 0
        for k in sums.indices where sums[k] > sums[best] { best = k }
        var total = 0.0
        for k in sums.indices { total += exponential(sums[k] - sums[best]) }
        return (best, 1 / total)
    }
}
