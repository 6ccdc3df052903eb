/// Stride-1 convolutions without padding (callers pad the input with zeros when a layer pads), maps stored
/// map after map, row after row; kernels `[output map][input map][row][column]`. Index arithmetic wraps
/// (`&+`, `&*`): the sizes are checked where the network is built, and overflow traps cost a third here.
/// The kernels are written once for Double and Float (`KernelScalar`): a vector holds `lanes` values, four
/// Doubles or eight Floats. Each public kernel is a Double and a Float entry point over the generic loops.

@inline(__always) private func load<T: KernelScalar>(_ p: UnsafePointer<T>) -> T.Vector { UnsafeRawPointer(p).loadUnaligned(as: T.Vector.self) }
@inline(__always) private func store<T: KernelScalar>(_ v: T.Vector, _ p: UnsafeMutablePointer<T>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: T.Vector.self) }

extension Build {
    /// `y[o][i][j] = b[o] (or 0) + Σ_c Σ_k Σ_m w[o][c][k][m] · x[c][i + k][j + m]`, the terms added in that order
    /// (so the bits are those of the plain loops). Two vectors of columns of two rows at a time, which share
    /// the kernel's broadcasts and give the core four independent sums to interleave. A row whose width is not
    /// a multiple of the lanes ends with a vector that overlaps the one before (the overlap gets the same bits
    /// twice).
    public static func convolutionForward(x: UnsafePointer<Double>, w: UnsafePointer<Double>, b: UnsafePointer<Double>?,
                                          y: UnsafeMutablePointer<Double>, inChannels: Int, inHeight: Int, inWidth: Int,
                                          kernels: Int, size: Int) {
        forward(x: x, w: w, b: b, y: y, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth, kernels: kernels, size: size)
    }

    /// The same in single precision.
    public static func convolutionForward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>?,
                                          y: UnsafeMutablePointer<Float>, inChannels: Int, inHeight: Int, inWidth: Int,
                                          kernels: Int, size: Int) {
        forward(x: x, w: w, b: b, y: y, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth, kernels: kernels, size: size)
    }
}

@inline(__always)
private func forward<T: KernelScalar>(x: UnsafePointer<T>, w: UnsafePointer<T>, b: UnsafePointer<T>?, y: UnsafeMutablePointer<T>,
                                      inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int) {
    let outHeight = inHeight &- size &+ 1, outWidth = inWidth &- size &+ 1
    let plane = inHeight &* inWidth, area = size &* size, lanes = T.lanes
    for o in 0..<kernels {
        let bias = b?[o] ?? 0
        let wo = w + o &* inChannels &* area, yo = y + o &* outHeight &* outWidth
        var i = 0
        while i < outHeight {
            let pair = i &+ 1 < outHeight
            if outWidth >= lanes {
                var j = 0
                while true {
                    // Vectors at j and j + lanes, the last ones moved back to end at the row's end.
                    let first = min(j, outWidth &- lanes), second = min(first &+ lanes, outWidth &- lanes)
                    let xStart = x + (i &* inWidth &+ first), out = yo + (i &* outWidth &+ first), apart = second &- first
                    if pair && apart > 0 {
                        let sums = twoRowsTwoVectors(xStart, wo, bias, inChannels, inWidth, plane, size, apart: apart)
                        store(sums.0, out); store(sums.1, out + apart)
                        store(sums.2, out + outWidth); store(sums.3, out + (outWidth &+ apart))
                    } else if pair {
                        let (top, bottom) = twoRows(xStart, wo, bias, inChannels, inWidth, plane, size)
                        store(top, out)
                        store(bottom, out + outWidth)
                    } else {
                        store(oneRow(xStart, wo, bias, inChannels, inWidth, plane, size), out)
                        if apart > 0 { store(oneRow(xStart + apart, wo, bias, inChannels, inWidth, plane, size), out + apart) }
                    }
                    if second == outWidth &- lanes { break }
                    j = second &+ lanes
                }
            } else {
                for r in i..<(pair ? i &+ 2 : i &+ 1) {
                    for j in 0..<outWidth {
                        var sum = bias
                        var xc = x + (r &* inWidth &+ j), wc = wo
                        for _ in 0..<inChannels {
                            var xr = xc, wr = wc
                            for _ in 0..<size {
                                for m in 0..<size { sum += wr[m] * xr[m] }
                                xr += inWidth; wr += size
                            }
                            xc += plane; wc += area
                        }
                        yo[r &* outWidth &+ j] = sum
                    }
                }
            }
            i &+= pair ? 2 : 1
        }
    }
}

@inline(__always)
private func twoRows<T: KernelScalar>(_ x: UnsafePointer<T>, _ w: UnsafePointer<T>, _ bias: T, _ inChannels: Int, _ inWidth: Int,
                                      _ plane: Int, _ size: Int) -> (T.Vector, T.Vector) {
    var top = T.Vector(repeating: bias), bottom = top
    var xc = x, wc = w
    for _ in 0..<inChannels {
        var xr = xc, wr = wc
        for _ in 0..<size {
            for m in 0..<size {
                let wv = T.Vector(repeating: wr[m])
                top += wv * load(xr + m)
                bottom += wv * load(xr + (inWidth &+ m))
            }
            xr += inWidth; wr += size
        }
        xc += plane; wc += size &* size
    }
    return (top, bottom)
}

@inline(__always)
private func twoRowsTwoVectors<T: KernelScalar>(_ x: UnsafePointer<T>, _ w: UnsafePointer<T>, _ bias: T, _ inChannels: Int, _ inWidth: Int,
                                                _ plane: Int, _ size: Int, apart: Int) -> (T.Vector, T.Vector, T.Vector, T.Vector) {
    var a = T.Vector(repeating: bias), b = a, c = a, d = a
    var xc = x, wc = w
    for _ in 0..<inChannels {
        var xr = xc, wr = wc
        for _ in 0..<size {
            for m in 0..<size {
                let wv = T.Vector(repeating: wr[m])
                a += wv * load(xr + m)
                b += wv * load(xr + (m &+ apart))
                c += wv * load(xr + (inWidth &+ m))
                d += wv * load(xr + (inWidth &+ m &+ apart))
            }
            xr += inWidth; wr += size
        }
        xc += plane; wc += size &* size
    }
    return (a, b, c, d)
}

@inline(__always)
private func oneRow<T: KernelScalar>(_ x: UnsafePointer<T>, _ w: UnsafePointer<T>, _ bias: T, _ inChannels: Int, _ inWidth: Int,
                                     _ plane: Int, _ size: Int) -> T.Vector {
    var sum = T.Vector(repeating: bias)
    var xc = x, wc = w
    for _ in 0..<inChannels {
        var xr = xc, wr = wc
        for _ in 0..<size {
            for m in 0..<size { sum += T.Vector(repeating: wr[m]) * load(xr + m) }
            xr += inWidth; wr += size
        }
        xc += plane; wc += size &* size
    }
    return sum
}

extension Build {
    /// Adds `Σ_i Σ_j x[c][i + k][j + m] · g[o][i][j]` to `gw[o][c][k][m]` (the gradient of the kernels for the
    /// output gradient `g`), the terms in order of i and j. The output maps run along the vectors: `scratch`
    /// (`(outHeight · outWidth + inChannels · size²) · ⌈kernels / 8⌉ · 8` values) takes `g` turned to
    /// `[i][j][o]` and the sums `[c][k][m][o]`, so every product is a broadcast of one input value times a
    /// vector of maps' gradients, and no sum needs a horizontal add.
    public static func convolutionKernelGradient(x: UnsafePointer<Double>, g: UnsafePointer<Double>, gw: UnsafeMutablePointer<Double>,
                                                 inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                                 scratch: UnsafeMutablePointer<Double>) {
        kernelGradient(x: x, g: g, gw: gw, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth, kernels: kernels, size: size,
                       scratch: scratch)
    }

    /// The same in single precision.
    public static func convolutionKernelGradient(x: UnsafePointer<Float>, g: UnsafePointer<Float>, gw: UnsafeMutablePointer<Float>,
                                                 inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                                 scratch: UnsafeMutablePointer<Float>) {
        kernelGradient(x: x, g: g, gw: gw, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth, kernels: kernels, size: size,
                       scratch: scratch)
    }
}

@inline(__always)
private func kernelGradient<T: KernelScalar>(x: UnsafePointer<T>, g: UnsafePointer<T>, gw: UnsafeMutablePointer<T>, inChannels: Int,
                                             inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<T>) {
    let outHeight = inHeight &- size &+ 1, outWidth = inWidth &- size &+ 1
    let positions = outHeight &* outWidth, plane = inHeight &* inWidth, area = size &* size, width = T.lanes
    let vectors = (kernels &+ width &- 1) / width, lanes = vectors &* width
    let turned = scratch, sums = scratch + positions &* lanes
    for o in 0..<lanes {
        if o < kernels {
            for p in 0..<positions { turned[p &* lanes &+ o] = g[o &* positions &+ p] }
        } else {
            for p in 0..<positions { turned[p &* lanes &+ o] = 0 }
        }
    }
    // Up to four sums at a time, which the core interleaves (one sum is a chain of adds that waits on itself):
    // four kernel positions of one vector of maps, or two positions of two vectors. The positions go along each
    // kernel row in groups, then down the columns the groups left over (size 5: four columns, then the fifth
    // column's rows). Each sum is the same terms in the same order whichever sums share its pass.
    let group = vectors == 1 ? 4 : 2
    for c in 0..<inChannels {
        let xc = x + c &* plane, out = sums + c &* area &* lanes
        for k in 0..<size {
            var m = 0
            while m &+ group <= size {
                kernelGradientBlock(xc + (k &* inWidth &+ m), turned, out + (k &* size &+ m) &* lanes, step: 1, outStep: lanes,
                                    count: group, vectors: vectors, outHeight: outHeight, outWidth: outWidth, inWidth: inWidth)
                m &+= group
            }
        }
        for m in (size &- size % group)..<size {
            var k = 0
            while k < size {
                let count = size &- k >= group ? group : size &- k >= 2 ? 2 : 1
                kernelGradientBlock(xc + (k &* inWidth &+ m), turned, out + (k &* size &+ m) &* lanes, step: inWidth, outStep: size &* lanes,
                                    count: count, vectors: vectors, outHeight: outHeight, outWidth: outWidth, inWidth: inWidth)
                k &+= count
            }
        }
    }
    let perMap = inChannels &* area
    for o in 0..<kernels {
        for n in 0..<perMap { gw[o &* perMap &+ n] += sums[n &* lanes &+ o] }
    }
}

/// The sums `Σ_i Σ_j x(q)[i·inWidth + j] · g[i][j]` for `count` kernel positions q, `step` apart in `x` (1 along a
/// kernel row, `inWidth` down a column), stored `outStep` apart, each over every vector of maps: four positions
/// of one vector (`count` 4, one vector only), or two (or one) positions of two vectors at a time.
@inline(__always)
private func kernelGradientBlock<T: KernelScalar>(_ x: UnsafePointer<T>, _ turned: UnsafeMutablePointer<T>, _ out: UnsafeMutablePointer<T>,
                                                  step: Int, outStep: Int, count: Int, vectors: Int, outHeight: Int, outWidth: Int,
                                                  inWidth: Int) {
    let width = T.lanes, lanes = vectors &* width
    if count == 4 {
        var a = T.Vector.zero, b = T.Vector.zero, c = T.Vector.zero, d = T.Vector.zero
        var gp = UnsafePointer(turned)
        for i in 0..<outHeight {
            let xr = x + i &* inWidth
            for j in 0..<outWidth {
                let g0 = load(gp)
                a += T.Vector(repeating: xr[j]) * g0
                b += T.Vector(repeating: xr[j &+ step]) * g0
                c += T.Vector(repeating: xr[j &+ 2 &* step]) * g0
                d += T.Vector(repeating: xr[j &+ 3 &* step]) * g0
                gp += lanes
            }
        }
        store(a, out); store(b, out + outStep); store(c, out + 2 &* outStep); store(d, out + 3 &* outStep)
        return
    }
    let two = count == 2
    var v = 0
    while v < vectors {
        let twoVectors = v &+ 1 < vectors
        var a = T.Vector.zero, b = T.Vector.zero, c = T.Vector.zero, d = T.Vector.zero
        var gp = UnsafePointer(turned) + v &* width
        for i in 0..<outHeight {
            let xr = x + i &* inWidth
            for j in 0..<outWidth {
                let x0 = T.Vector(repeating: xr[j]), g0 = load(gp)
                a += x0 * g0
                if twoVectors { b += x0 * load(gp + width) }
                if two {
                    let x1 = T.Vector(repeating: xr[j &+ step])
                    c += x1 * g0
                    if twoVectors { d += x1 * load(gp + width) }
                }
                gp += lanes
            }
        }
        store(a, out + v &* width)
        if twoVectors { store(b, out + (v &* width &+ width)) }
        if two {
            store(c, out + (outStep &+ v &* width))
            if twoVectors { store(d, out + (outStep &+ v &* width &+ width)) }
        }
        v &+= twoVectors ? 2 : 1
    }
}

extension Build {
    /// Sets `gx[c][y][x]` to the sum of `w[o][c][k][m] · g[o][i][j]` over every o, k, m, i, j with `i + k = y`,
    /// `j + m = x` (the gradient of the input for the output gradient `g`), each output cell's `Σ_o` summed first
    /// and the cells added in reading order. `scratch` (`inChannels · size² · outHeight · outWidth` values) takes
    /// the columns `s[c][k][m][i][j] = Σ_o w[o][c][k][m] · g[o][i][j]`, one matrix product (`matrixProduct`), which
    /// are then added into place a row of cells at a time, the kernel positions backwards (so that each input
    /// value meets its cells in reading order).
    public static func convolutionInputGradient(w: UnsafePointer<Double>, g: UnsafePointer<Double>, gx: UnsafeMutablePointer<Double>,
                                                inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                                scratch: UnsafeMutablePointer<Double>) {
        inputGradient(w: w, g: g, gx: gx, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth, kernels: kernels, size: size,
                      scratch: scratch)
    }

    /// The same in single precision.
    public static func convolutionInputGradient(w: UnsafePointer<Float>, g: UnsafePointer<Float>, gx: UnsafeMutablePointer<Float>,
                                                inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                                scratch: UnsafeMutablePointer<Float>) {
        inputGradient(w: w, g: g, gx: gx, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth, kernels: kernels, size: size,
                      scratch: scratch)
    }
}

@inline(__always)
private func inputGradient<T: KernelScalar>(w: UnsafePointer<T>, g: UnsafePointer<T>, gx: UnsafeMutablePointer<T>, inChannels: Int,
                                            inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<T>) {
    let outHeight = inHeight &- size &+ 1, outWidth = inWidth &- size &+ 1
    let positions = outHeight &* outWidth, area = size &* size, rows = inChannels &* area, lanes = T.lanes
    T.batchProduct(first: nil, coefficients: w, innerStride: rows, outerStride: 1, inner: kernels, outer: rows, input: g,
              output: scratch, columns: positions)
    gx.update(repeating: 0, count: inChannels &* inHeight &* inWidth)
    for c in 0..<inChannels {
        for k in stride(from: size &- 1, through: 0, by: -1) {
            for m in stride(from: size &- 1, through: 0, by: -1) {
                let column = UnsafePointer(scratch) + ((c &* size &+ k) &* size &+ m) &* positions
                for i in 0..<outHeight {
                    let from = column + i &* outWidth, to = gx + ((c &* inHeight &+ i &+ k) &* inWidth &+ m)
                    var j = 0
                    while j &+ lanes <= outWidth { store(load(to + j) + load(from + j), to + j); j &+= lanes }
                    while j < outWidth { to[j] += from[j]; j &+= 1 }
                }
            }
        }
    }
}
