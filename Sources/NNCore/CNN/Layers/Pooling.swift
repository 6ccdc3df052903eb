/// A pooling stage, forward and backward side by side: the max (or mean) of each window, and the gradient
/// sent back to the window's maximum (or shared among its cells).
extension ConvNet {
    /// 2×2 max pooling with stride 2, the usual case, written out.
    func maxPool2Forward(layer l: Int, _ input: Tensor, into out: inout Tensor) {
        // The usual pooling, written out: four values a window, no inner loops.
        let width = input.width
        input.values.withUnsafeBufferPointer { x in
            out.values.withUnsafeMutableBufferPointer { y in
                var at = 0
                for c in 0..<out.channels {
                    for i in 0..<out.height {
                        var p = (c * input.height + 2 * i) * width
                        for _ in 0..<out.width {
                            y[at] = Swift.max(Swift.max(Swift.max(Swift.max(-Double.infinity, x[p]), x[p + 1]), x[p + width]), x[p + width + 1])
                            at += 1
                            p += 2
                        }
                    }
                }
            }
        }
    }

    /// Each gradient to the first maximum of its 2×2 window.
    func maxPool2Backward(layer l: Int, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        let width = input.width
        input.values.withUnsafeBufferPointer { x in
            g.values.withUnsafeBufferPointer { gOut in
                gIn.values.withUnsafeMutableBufferPointer { gx in
                    var at = 0
                    for c in 0..<output.channels {
                        for i in 0..<output.height {
                            var p = (c * input.height + 2 * i) * width
                            for _ in 0..<output.width {
                                // The first maximum in reading order, as the general case picks it (selects,
                                // not branches: which value wins is a coin toss the branch predictor loses).
                                let topLeft = x[p], topRight = x[p + 1], bottomLeft = x[p + width], bottomRight = x[p + width + 1]
                                let best = Swift.max(Swift.max(Swift.max(Swift.max(-Double.infinity, topLeft), topRight), bottomLeft), bottomRight)
                                let lower = bottomLeft == best ? p + width : (bottomRight == best ? p + width + 1 : p)
                                let upper = topRight == best ? p + 1 : lower
                                let bestAt = topLeft == best ? p : upper
                                gx[bestAt] += gOut[at]
                                at += 1
                                p += 2
                            }
                        }
                    }
                }
            }
        }
    }

    /// Any window size and stride, max or mean.
    func poolingForward(layer l: Int, kind: PoolingKind, size: Int, stride: Int, _ input: Tensor, into out: inout Tensor) {
        let area = Double(size * size)
        input.values.withUnsafeBufferPointer { x in
            out.values.withUnsafeMutableBufferPointer { y in
                var at = 0
                for c in 0..<out.channels {
                    for i in 0..<out.height {
                        for j in 0..<out.width {
                            let corner = (c * input.height + i * stride) * input.width + j * stride
                            if kind == .max {
                                var best = -Double.infinity
                                for k in 0..<size {
                                    for m in 0..<size { best = Swift.max(best, x[corner + k * input.width + m]) }
                                }
                                y[at] = best
                            } else {
                                var total = 0.0
                                for k in 0..<size {
                                    for m in 0..<size { total += x[corner + k * input.width + m] }
                                }
                                y[at] = total / area
                            }
                            at += 1
                        }
                    }
                }
            }
        }
    }

    /// Mean: the gradient shared among the window; max: all of it to the window's first maximum.
    func poolingBackward(layer l: Int, kind: PoolingKind, size: Int, stride: Int, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        let area = Double(size * size)
        input.values.withUnsafeBufferPointer { x in
            g.values.withUnsafeBufferPointer { gOut in
                gIn.values.withUnsafeMutableBufferPointer { gx in
                    var at = 0
                    for c in 0..<output.channels {
                        for i in 0..<output.height {
                            for j in 0..<output.width {
                                let corner = (c * input.height + i * stride) * input.width + j * stride
                                if kind == .mean {
                                    let share = gOut[at] / area
                                    for k in 0..<size { for m in 0..<size { gx[corner + k * input.width + m] += share } }
                                } else {
                                    // The gradient goes to the window's maximum (the first one, as the forward pass took it).
                                    var best = -Double.infinity, bestAt = corner
                                    for k in 0..<size {
                                        for m in 0..<size where x[corner + k * input.width + m] > best {
                                            best = x[corner + k * input.width + m]; bestAt = corner + k * input.width + m
                                        }
                                    }
                                    gx[bestAt] += gOut[at]
                                }
                                at += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
