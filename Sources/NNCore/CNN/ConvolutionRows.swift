/// The convolution at stride 1, a row of outputs at a time: for each kernel value, one pass along the row
/// (`row[j] += w · input[j + m − pad]`), four outputs a vector. Each output still sums its terms in the order
/// the plain loops use (input map, kernel row, kernel column), so the forward pass gives the same values.
enum ConvolutionRows {
    typealias Vector = SIMD4<Double>

    @inline(__always) static func load(_ p: UnsafePointer<Double>) -> Vector { UnsafeRawPointer(p).loadUnaligned(as: Vector.self) }
    @inline(__always) static func store(_ v: Vector, _ p: UnsafeMutablePointer<Double>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector.self) }

    /// `row[j] += w · source[j]` for j in `range`.
    @inline(__always)
    static func addScaled(_ row: UnsafeMutablePointer<Double>, _ w: Double, _ source: UnsafePointer<Double>, _ range: Range<Int>) {
        var j = range.lowerBound
        let wv = Vector(repeating: w)
        while j + 4 <= range.upperBound { store(load(row + j) + wv * load(source + j), row + j); j += 4 }
        while j < range.upperBound { row[j] += w * source[j]; j += 1 }
    }

    /// `Σ_j a[j] · b[j]` over `range`, four partial sums.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ range: Range<Int>) -> Double {
        var j = range.lowerBound, sums = Vector.zero
        while j + 4 <= range.upperBound { sums += load(a + j) * load(b + j); j += 4 }
        var total = (sums[0] + sums[1]) + (sums[2] + sums[3])
        while j < range.upperBound { total += a[j] * b[j]; j += 1 }
        return total
    }

    /// The output columns j whose input column j + m − pad is inside the image.
    @inline(__always)
    static func columns(_ m: Int, pad: Int, inWidth: Int, outWidth: Int) -> Range<Int> {
        let low = max(0, pad - m), high = min(outWidth, inWidth + pad - m)
        return low..<max(low, high)
    }

    /// Forward: `y[o][i][j] = b[o] + Σ_c Σ_k Σ_m w[o][c][k][m] · x[c][i + k − pad][j + m − pad]`.
    static func forward(x: UnsafePointer<Double>, w: UnsafePointer<Double>, b: [Double], y: UnsafeMutablePointer<Double>,
                        inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, outHeight: Int, outWidth: Int, size: Int, pad: Int) {
        for o in 0..<kernels {
            for i in 0..<outHeight {
                let row = y + (o * outHeight + i) * outWidth
                row.update(repeating: b[o], count: outWidth)
                for c in 0..<inChannels {
                    for k in 0..<size {
                        let inputRow = i + k - pad
                        guard inputRow >= 0, inputRow < inHeight else { continue }
                        let source = x + (c * inHeight + inputRow) * inWidth - pad
                        let weights = w + ((o * inChannels + c) * size + k) * size
                        if pad == 0 {
                            // Every kernel column reaches every output: four outputs at a time through the whole
                            // kernel row (the same terms in the same order as below).
                            var j = 0
                            while j + 4 <= outWidth {
                                var acc = load(row + j)
                                for m in 0..<size { acc += Vector(repeating: weights[m]) * load(source + j + m) }
                                store(acc, row + j)
                                j += 4
                            }
                            while j < outWidth {
                                var acc = row[j]
                                for m in 0..<size { acc += weights[m] * source[j + m] }
                                row[j] = acc
                                j += 1
                            }
                            continue
                        }
                        for m in 0..<size {
                            addScaled(row, weights[m], source + m, columns(m, pad: pad, inWidth: inWidth, outWidth: outWidth))
                        }
                    }
                }
            }
        }
    }

    /// Backward: adds to the kernel gradient `gw` (laid out as `w`) and the input gradient `gx`; returns nothing
    /// for the biases (the caller sums `g` per map).
    static func backward(x: UnsafePointer<Double>, w: UnsafePointer<Double>, g: UnsafePointer<Double>,
                         gw: UnsafeMutablePointer<Double>, gx: UnsafeMutablePointer<Double>,
                         inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, outHeight: Int, outWidth: Int, size: Int, pad: Int) {
        for o in 0..<kernels {
            for i in 0..<outHeight {
                let gRow = g + (o * outHeight + i) * outWidth
                for c in 0..<inChannels {
                    for k in 0..<size {
                        let inputRow = i + k - pad
                        guard inputRow >= 0, inputRow < inHeight else { continue }
                        let offset = (c * inHeight + inputRow) * inWidth - pad
                        let weightRow = ((o * inChannels + c) * size + k) * size
                        for m in 0..<size {
                            let range = columns(m, pad: pad, inWidth: inWidth, outWidth: outWidth)
                            // ∂L/∂w[o][c][k][m] = Σ_j x[c][i + k − pad][j + m − pad] · g[o][i][j]
                            gw[weightRow + m] += dot(x + offset + m, gRow, range)
                            // ∂L/∂x[c][i + k − pad][j + m − pad] += w[o][c][k][m] · g[o][i][j]
                            addScaled(gx + offset + m, w[weightRow + m], gRow, range)
                        }
                    }
                }
            }
        }
    }
}
