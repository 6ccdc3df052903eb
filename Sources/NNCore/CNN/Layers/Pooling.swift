/// A pooling stage, forward and backward side by side: the max (or mean, or one value) of each window, and
/// the gradient sent back to the window's maximum (or shared among its cells, or to the value kept).
extension ConvNet {
    /// 2×2 max pooling with stride 2, the usual case, written out.
    func maxPool2Forward(layer l: Int, _ input: Tensor, into out: inout Tensor) {
        input.values.withUnsafeBufferPointer { x in
            out.values.withUnsafeMutableBufferPointer { y in Self.maxPool2(x.baseAddress!, input.shape, into: y.baseAddress!) }
        }
    }

    /// Each gradient to the first maximum of its 2×2 window.
    func maxPool2Backward(layer l: Int, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        input.values.withUnsafeBufferPointer { x in
            g.values.withUnsafeBufferPointer { gOut in
                gIn.values.withUnsafeMutableBufferPointer { gx in Self.maxPool2Backward(x.baseAddress!, input.shape, gOut.baseAddress!, adding: gx.baseAddress!) }
            }
        }
    }

    /// One image's 2×2 max pooling (maps of `shape`, `[C, H, W]`): four values a window, no inner loops.
    static func maxPool2<T: FloatingPoint>(_ x: UnsafePointer<T>, _ shape: [Int], into y: UnsafeMutablePointer<T>) {
        let width = shape[2]
        forEach2x2Window(shape) { at, p in
            y[at] = Swift.max(Swift.max(Swift.max(Swift.max(-T.infinity, x[p]), x[p + 1]), x[p + width]), x[p + width + 1])
        }
    }

    /// One image's pooling gradient `g` added to `gx` at each window's first maximum.
    static func maxPool2Backward<T: FloatingPoint>(_ x: UnsafePointer<T>, _ shape: [Int], _ g: UnsafePointer<T>, adding gx: UnsafeMutablePointer<T>) {
        let width = shape[2]
        forEach2x2Window(shape) { at, p in
            // The first maximum in reading order, as the general case picks it (selects, not branches: which
            // value wins is a coin toss the branch predictor loses).
            let topLeft = x[p], topRight = x[p + 1], bottomLeft = x[p + width], bottomRight = x[p + width + 1]
            let best = Swift.max(Swift.max(Swift.max(Swift.max(-T.infinity, topLeft), topRight), bottomLeft), bottomRight)
            let lower = bottomLeft == best ? p + width : (bottomRight == best ? p + width + 1 : p)
            let upper = topRight == best ? p + 1 : lower
            let bestAt = topLeft == best ? p : upper
            gx[bestAt] += g[at]
        }
    }

    /// `body(output index, index of the window's top-left input value)` for every 2×2 window, stride 2.
    @inline(__always)
    private static func forEach2x2Window(_ shape: [Int], _ body: (Int, Int) -> Void) {
        let (height, width) = (shape[1], shape[2])
        var at = 0
        for c in 0..<shape[0] {
            for i in 0..<(height / 2) {
                var p = (c * height + 2 * i) * width
                for _ in 0..<(width / 2) {
                    body(at, p)
                    at += 1
                    p += 2
                }
            }
        }
    }

    /// The rows and columns of output cell (i, j)'s window that lie inside the map (all of them unless the
    /// windows are centred, `same`, and reach over the border).
    @inline(__always)
    public static func poolingWindow(_ i: Int, _ j: Int, size: Int, stride: Int, pad: Int, height: Int, width: Int) -> (rows: Range<Int>, columns: Range<Int>) {
        let top = i * stride - pad, left = j * stride - pad
        return (max(0, top)..<min(height, top + size), max(0, left)..<min(width, left + size))
    }

    /// Any window size, stride and padding: the max or the mean of the window's values inside the map, or
    /// (subsample) the value at (s·i, s·j).
    func poolingForward(layer l: Int, kind: PoolingKind, size: Int, stride: Int, padding: ConvolutionPadding, _ input: Tensor,
                        into out: inout Tensor) {
        let pad = CNNLayer.padding(padding, size: size)
        input.values.withUnsafeBufferPointer { x in
            out.values.withUnsafeMutableBufferPointer { y in
                var at = 0
                for c in 0..<out.channels {
                    let plane = c * input.height * input.width
                    for i in 0..<out.height {
                        for j in 0..<out.width {
                            let (rows, columns) = Self.poolingWindow(i, j, size: size, stride: stride, pad: pad, height: input.height, width: input.width)
                            switch kind {
                            case .max:
                                var best = -Double.infinity
                                for k in rows { for m in columns { best = Swift.max(best, x[plane + k * input.width + m]) } }
                                y[at] = best
                            case .mean:
                                var total = 0.0
                                for k in rows { for m in columns { total += x[plane + k * input.width + m] } }
                                y[at] = total / Double(rows.count * columns.count)
                            case .subsample:
                                y[at] = x[plane + i * stride * input.width + j * stride]
                            }
                            at += 1
                        }
                    }
                }
            }
        }
    }

    /// Mean: the gradient shared among the window's values; max: all of it to the window's first maximum;
    /// subsample: all of it to the value kept.
    func poolingBackward(layer l: Int, kind: PoolingKind, size: Int, stride: Int, padding: ConvolutionPadding, _ input: Tensor, _ output: Tensor,
                         _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients, needsInputGradient: Bool) {
        let pad = CNNLayer.padding(padding, size: size)
        input.values.withUnsafeBufferPointer { x in
            g.values.withUnsafeBufferPointer { gOut in
                gIn.values.withUnsafeMutableBufferPointer { gx in
                    var at = 0
                    for c in 0..<output.channels {
                        let plane = c * input.height * input.width
                        for i in 0..<output.height {
                            for j in 0..<output.width {
                                let (rows, columns) = Self.poolingWindow(i, j, size: size, stride: stride, pad: pad, height: input.height, width: input.width)
                                switch kind {
                                case .mean:
                                    let share = gOut[at] / Double(rows.count * columns.count)
                                    for k in rows { for m in columns { gx[plane + k * input.width + m] += share } }
                                case .max:
                                    // The first maximum in reading order, as the forward pass took it.
                                    var best = -Double.infinity, bestAt = plane + rows.lowerBound * input.width + columns.lowerBound
                                    for k in rows {
                                        for m in columns where x[plane + k * input.width + m] > best {
                                            best = x[plane + k * input.width + m]; bestAt = plane + k * input.width + m
                                        }
                                    }
                                    gx[bestAt] += gOut[at]
                                case .subsample:
                                    gx[plane + i * stride * input.width + j * stride] += gOut[at]
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
