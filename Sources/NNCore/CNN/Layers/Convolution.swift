/// A convolution layer, forward and backward side by side: `a_ij = Σ_kl w_kl z_(i+k, j+l) + b` (correlation;
/// the lecture's convolution flips the kernel, `z_(i−k, j−l)`), and its gradients for the kernels, the
/// biases and the input.
extension ConvNet {
    /// Every output map: the kernel slid over the input maps, plus its bias.
    func convolutionForward(layer l: Int, kernels: Int, size: Int, stride: Int, padding: ConvolutionPadding, mode: ConvolutionMode, _ input: Tensor, into out: inout Tensor) {
        let geometry = ConvolutionGeometry(input: input, output: out, size: size, stride: stride,
                                           pad: CNNLayer.padding(padding, size: size))
        let kernel = mode == .correlation ? weights[l] : Self.flipped(weights[l], size: size)
        let b = biases[l]
        if stride == 1 {
            // Zero padding made explicit, so that one kernel serves both paddings (the padded terms add 0).
            let source = geometry.pad == 0 ? input : input.zeroPadded(geometry.pad)
            Self.convolve(source, kernel, bias: b, kernels: kernels, size: size, into: &out)
            return
        }
        input.values.withUnsafeBufferPointer { x in
            kernel.withUnsafeBufferPointer { w in
                out.values.withUnsafeMutableBufferPointer { y in
                    geometry.forEachOutput(kernels: kernels) { o, i, j, rows, columns, at in
                        var sum = b[o]
                        for c in 0..<geometry.inChannels {
                            let wBase = (o * geometry.inChannels + c) * size * size
                            for k in rows {
                                let wRow = wBase + k * size, xRow = geometry.inputIndex(c, i, j, k)
                                for m in columns { sum += w[wRow + m] * x[xRow + m] }
                            }
                        }
                        y[at] = sum
                    }
                }
            }
        }
    }

    /// ∂E/∂w, ∂E/∂b added to `gradients`; ∂E/∂input into `gIn` when asked.
    func convolutionBackward(layer l: Int, kernels: Int, size: Int, stride: Int, padding: ConvolutionPadding, mode: ConvolutionMode, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        let geometry = ConvolutionGeometry(input: input, output: output, size: size, stride: stride,
                                           pad: CNNLayer.padding(padding, size: size))
        let kernel = mode == .correlation ? weights[l] : Self.flipped(weights[l], size: size)
        var kernelGradient = Array(repeating: 0.0, count: kernel.count)
        if stride == 1 {
            let plane = output.height * output.width
            g.values.withUnsafeBufferPointer { gOut in
                gradients.biases[l].withUnsafeMutableBufferPointer { gb in
                    for o in 0..<kernels {
                        var sum = 0.0
                        for n in (o * plane)..<((o + 1) * plane) { sum += gOut[n] }
                        gb[o] += sum
                    }
                }
            }
            let source = geometry.pad == 0 ? input : input.zeroPadded(geometry.pad)
            let scratchCount = (output.height * output.width + input.channels * size * size) * ((kernels + 3) / 4 * 4)
            // Correlation mode adds straight into the network's gradients; convolution mode goes through
            // `kernelGradient`, flipped back below.
            func addKernelGradient(into gw: UnsafeMutablePointer<Double>) {
                withUnsafeTemporaryAllocation(of: Double.self, capacity: scratchCount) { scratch in
                    source.values.withUnsafeBufferPointer { x in
                        g.values.withUnsafeBufferPointer { gOut in
                            Kernels.current.convolutionKernelGradient(x: x.baseAddress!, g: gOut.baseAddress!, gw: gw,
                                                                      inChannels: source.channels, inHeight: source.height,
                                                                      inWidth: source.width, kernels: kernels, size: size,
                                                                      scratch: scratch.baseAddress!)
                        }
                    }
                }
            }
            if mode == .correlation {
                gradients.weights[l].withUnsafeMutableBufferPointer { addKernelGradient(into: $0.baseAddress!) }
            } else {
                kernelGradient.withUnsafeMutableBufferPointer { addKernelGradient(into: $0.baseAddress!) }
            }
            if needsInputGradient {
                var full = Tensor(uninitializedChannels: source.channels, height: source.height, width: source.width)
                let scratchCount = input.channels * size * size * output.height * output.width
                withUnsafeTemporaryAllocation(of: Double.self, capacity: scratchCount) { scratch in
                    kernel.withUnsafeBufferPointer { w in
                        g.values.withUnsafeBufferPointer { gOut in
                            full.values.withUnsafeMutableBufferPointer { gx in
                                Kernels.current.convolutionInputGradient(w: w.baseAddress!, g: gOut.baseAddress!, gx: gx.baseAddress!,
                                                                         inChannels: source.channels, inHeight: source.height,
                                                                         inWidth: source.width, kernels: kernels, size: size,
                                                                         scratch: scratch.baseAddress!)
                            }
                        }
                    }
                }
                gIn = geometry.pad == 0 ? full : full.cropped(geometry.pad)
            }
        } else {
        input.values.withUnsafeBufferPointer { x in
            kernel.withUnsafeBufferPointer { w in
                g.values.withUnsafeBufferPointer { gOut in
                    gIn.values.withUnsafeMutableBufferPointer { gx in
                        kernelGradient.withUnsafeMutableBufferPointer { gw in
                            geometry.forEachOutput(kernels: kernels) { o, i, j, rows, columns, at in
                                let go = gOut[at]
                                gradients.biases[l][o] += go
                                for c in 0..<geometry.inChannels {
                                    let wBase = (o * geometry.inChannels + c) * size * size
                                    for k in rows {
                                        let wRow = wBase + k * size, xRow = geometry.inputIndex(c, i, j, k)
                                        for m in columns {
                                            gw[wRow + m] += x[xRow + m] * go
                                            gx[xRow + m] += w[wRow + m] * go
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
        // Back into the stored layout (flipped again for convolution mode), added to what is there.
        if stride != 1 || mode == .convolution {
            let stored = mode == .correlation ? kernelGradient : Self.flipped(kernelGradient, size: size)
            gradients.weights[l].withUnsafeMutableBufferPointer { total in
                for n in stored.indices { total[n] += stored[n] }
            }
        }
    }
}
