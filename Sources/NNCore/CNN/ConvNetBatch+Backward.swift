/// The batch's backward pass: the gradients of every stage, layer after layer down, the parameters' summed
/// image after image.
extension ConvNetBatch {
    /// After `forward` of n images: the gradients of their losses (the cross-entropy of `labels`), added image
    /// after image to the weights' and biases' gradients (laid out as `ConvNet.weights` and `biases`), as
    /// `addGradients` for each image in turn.
    mutating func backward(labels: some Collection<Int>, weightGradients: inout [[Scalar]], biasGradients: inout [[Scalar]]) {
        let n = labels.count, top = network.layers.count - 1
        let probabilities = values[top + 1], count = size(top) * n
        deltas[top].withUnsafeMutableBufferPointer { g in
            probabilities.withUnsafeBufferPointer { p in g.baseAddress!.update(from: p.baseAddress!, count: count) }
            for (i, label) in labels.enumerated() { g[label * n + i] -= 1 }
        }
        for l in stride(from: top - 1, through: 0, by: -1) { backward(layer: l, n, &weightGradients, &biasGradients) }
        // Let go of the weights, so that the update which follows changes them in place rather than copying them.
        (network.weights, network.biases, weights, biases) = ([], [], [], [])
    }

    private mutating func backward(layer l: Int, _ n: Int, _ weightGradients: inout [[Scalar]], _ biasGradients: inout [[Scalar]]) {
        let inCount = size(l), outCount = size(l + 1)
        let reads = BatchLayout.readsByValue(network, l) ?? byValue[l]
        let turning = reads != byValue[l]
        if turning { Self.turn(values[l], into: &turned, count: inCount, n, toByValue: reads) }
        let source = turning ? turned : values[l]
        let kernel = weights[l]
        // Convolution mode sums the gradient of the flipped kernels, flipped back at the end.
        var weightGradient = isFlipped(l) ? ConvNet.flipped(weightGradients[l], size: kernelSize(l)) : weightGradients[l]
        weightGradients[l] = []
        let parts = threads, needsInput = l > 0
        var gInput = turning ? turnedDelta : deltas[l]
        if turning { turnedDelta = [] } else { deltas[l] = [] }
        let outputs = values[l + 1], outputGradient = deltas[l + 1]
        var rooms = scratch, imageSums = imageKernelGradients
        (scratch, imageKernelGradients) = ([], [])
        source.withUnsafeBufferPointer { xb in
            outputs.withUnsafeBufferPointer { yb in
                outputGradient.withUnsafeBufferPointer { gb in
                    gInput.withUnsafeMutableBufferPointer { gxb in
                        kernel.withUnsafeBufferPointer { wb in
                            weightGradient.withUnsafeMutableBufferPointer { gwb in
                                biasGradients[l].withUnsafeMutableBufferPointer { gbb in
                                    rooms.withUnsafeMutableBufferPointer { sb in imageSums.withUnsafeMutableBufferPointer { ib in
                                        nonisolated(unsafe) let x = xb.baseAddress!, y = yb.baseAddress!, g = gb.baseAddress!, gx = gxb.baseAddress!
                                        nonisolated(unsafe) let w = wb.baseAddress, gw = gwb.baseAddress, gBias = gbb.baseAddress
                                        nonisolated(unsafe) let scratch = sb.baseAddress!, imageSums = ib.baseAddress
                                        switch network.layers[l] {
                                        case .convolution(let count, let size, _, let padding, _) where !reads:
                                            let shape = network.shapes[l], pad = CNNLayer.padding(padding, size: size)
                                            let paddedShape = [shape[0], shape[1] + 2 * pad, shape[2] + 2 * pad]
                                            let plane = outCount / count, perMap = shape[0] * size * size, paddedCount = paddedShape.reduce(1, *)
                                            let weightCount = count * perMap
                                            Self.inParts(parts) { part in
                                                scratch[part].withUnsafeMutableBufferPointer { room in
                                                    let room = room.baseAddress!
                                                    // The biases' gradients, a part of the maps each, image after image.
                                                    let maps = Self.part(part, of: parts, count)
                                                    for i in 0..<n {
                                                        Self.addMapSums(g + i * outCount + maps.lowerBound * plane, maps: maps.count, plane: plane,
                                                                        into: gBias! + maps.lowerBound)
                                                    }
                                                    // Each image's kernel gradient on its own (added in order below) and the input's
                                                    // gradient, a part of the images each.
                                                    for i in Self.part(part, of: parts, n) {
                                                        let own = imageSums! + i * weightCount
                                                        own.update(repeating: 0, count: weightCount)
                                                        Scalar.convolutionKernelGradient(
                                                            x: Self.padded(x + i * inCount, shape, pad, into: room), g: g + i * outCount, gw: own,
                                                            inChannels: shape[0], inHeight: paddedShape[1], inWidth: paddedShape[2], kernels: count,
                                                            size: size, scratch: room + paddedCount)
                                                        guard needsInput else { continue }
                                                        let full = pad == 0 ? gx + i * inCount : room
                                                        Scalar.convolutionInputGradient(
                                                            w: w!, g: g + i * outCount, gx: full, inChannels: shape[0], inHeight: paddedShape[1],
                                                            inWidth: paddedShape[2], kernels: count, size: size, scratch: room + paddedCount)
                                                        if pad > 0 { Self.crop(room, paddedShape, pad, into: gx + i * inCount) }
                                                    }
                                                }
                                            }
                                            // The images' kernel gradients added image after image (0 + s is s: the bits of adding
                                            // each image's sums straight in), a part of the weights each.
                                            Self.inParts(parts) { part in
                                                let mine = Self.part(part, of: parts, weightCount)
                                                for i in 0..<n {
                                                    let own = imageSums! + i * weightCount
                                                    for k in mine { gw![k] += own[k] }
                                                }
                                            }
                                        case .convolution, .dense:
                                            let (units, inner, outer) = denseLayout(l)
                                            for j in 0..<units { for p in 0..<n { gBias![j] += g[j * n + p] } }
                                            // Weight (i, j) at i·inner + j·outer: rows of inputs (dense) or of units (a whole-input convolution).
                                            let (rows, columns) = inner == 1 ? (units, inCount) : (inCount, units)
                                            nonisolated(unsafe) let (a, b) = inner == 1 ? (g, x) : (x, g)
                                            let rowStride = max(inner, outer)
                                            Self.inParts(parts) { part in
                                                scratch[part].withUnsafeMutableBufferPointer { room in
                                                    let mine = Self.part(part, of: parts, rows)
                                                    Scalar.accumulateOuterProducts(gw! + mine.lowerBound * rowStride, rowStride: rowStride,
                                                                                            rows: mine.count, count: columns, a: a + mine.lowerBound * n,
                                                                                            b: b, columns: n, scratch: room.baseAddress!)
                                                    guard needsInput else { return }
                                                    let inputs = Self.part(part, of: parts, inCount)
                                                    Scalar.matrixProduct(first: nil, coefficients: w! + inputs.lowerBound * inner, innerStride: outer,
                                                                                  outerStride: inner, inner: units, outer: inputs.count, input: g,
                                                                                  output: gx + inputs.lowerBound * n, columns: n)
                                                }
                                            }
                                        case .activation(let f):
                                            guard needsInput else { break }
                                            Self.inParts(parts) { part in
                                                let images = Self.part(part, of: parts, n)
                                                let at = images.lowerBound * inCount
                                                Scalar.activationGradient(f.code, x: x + at, y: y + at, g: g + at, gx: gx + at,
                                                                                   count: images.count * inCount)
                                            }
                                        case .pooling:
                                            guard needsInput else { break }
                                            let shape = network.shapes[l]
                                            Self.inParts(parts) { part in
                                                let images = Self.part(part, of: parts, n)
                                                (gx + images.lowerBound * inCount).update(repeating: 0, count: images.count * inCount)
                                                for i in images { ConvNet.maxPool2Backward(x + i * inCount, shape, g + i * outCount, adding: gx + i * inCount) }
                                            }
                                        case .flatten:
                                            if needsInput { gx.update(from: g, count: inCount * n) }
                                        case .softmax:
                                            preconditionFailure("the softmax's gradient is taken with the cross-entropy's")
                                        }
                                    } }
                                }
                            }
                        }
                    }
                }
            }
        }
        (scratch, imageKernelGradients) = (rooms, imageSums)
        weightGradients[l] = isFlipped(l) ? ConvNet.flipped(weightGradient, size: kernelSize(l)) : weightGradient
        if turning {
            turnedDelta = gInput
            if needsInput { Self.turn(turnedDelta, into: &deltas[l], count: inCount, n, toByValue: byValue[l]) }
        } else {
            deltas[l] = gInput
        }
    }

    /// Adds each map's sum `Σ_p g[o][p]` (from 0, in order of p) to `gb[o]`: four maps' sums at once, each a chain
    /// of its own (one chain alone waits on every add).
    private static func addMapSums(_ g: UnsafePointer<Scalar>, maps: Int, plane: Int, into gb: UnsafeMutablePointer<Scalar>) {
        var o = 0
        while o + 4 <= maps {
            let (g0, g1, g2, g3) = (g + o * plane, g + (o + 1) * plane, g + (o + 2) * plane, g + (o + 3) * plane)
            var sums = SIMD4<Scalar>.zero
            for p in 0..<plane { sums += SIMD4(g0[p], g1[p], g2[p], g3[p]) }
            for k in 0..<4 { gb[o + k] += sums[k] }
            o += 4
        }
        while o < maps {
            var sum: Scalar = 0
            for p in 0..<plane { sum += g[o * plane + p] }
            gb[o] += sum
            o += 1
        }
    }

    /// The maps of a padded gradient without their `pad` border (as `Tensor.cropped`).
    private static func crop(_ full: UnsafePointer<Scalar>, _ paddedShape: [Int], _ pad: Int, into gx: UnsafeMutablePointer<Scalar>) {
        let (channels, paddedHeight, paddedWidth) = (paddedShape[0], paddedShape[1], paddedShape[2])
        let height = paddedHeight - 2 * pad, width = paddedWidth - 2 * pad
        for c in 0..<channels {
            for row in 0..<height {
                (gx + (c * height + row) * width).update(from: full + (c * paddedHeight + row + pad) * paddedWidth + pad, count: width)
            }
        }
    }
}

extension ConvNetBatch where Scalar == Double {
    /// `backward` into a network's gradients.
    mutating func backward(labels: some Collection<Int>, into gradients: inout ConvNetGradients) {
        backward(labels: labels, weightGradients: &gradients.weights, biasGradients: &gradients.biases)
    }
}
