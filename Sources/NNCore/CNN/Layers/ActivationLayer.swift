/// A non-linear stage, forward and backward side by side: `y = f(a)`, and `∂E/∂a = ∂E/∂y · f′(a)`.
extension ConvNet {
    /// f applied to every value.
    func activationForward(layer l: Int, f: Activation, _ input: Tensor, into out: inout Tensor) {
        input.values.withUnsafeBufferPointer { x in
            out.values.withUnsafeMutableBufferPointer { y in Kernels.current.activateAll(f.code, x.baseAddress!, y.baseAddress!, count: x.count) }
        }
    }

    /// The gradient times f′, from the input and the output.
    func activationBackward(layer l: Int, f: Activation, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gIn: inout Tensor, _ gradients: inout ConvNetGradients,
                            needsInputGradient: Bool) {
        input.values.withUnsafeBufferPointer { x in
            output.values.withUnsafeBufferPointer { y in
                g.values.withUnsafeBufferPointer { gOut in
                    gIn.values.withUnsafeMutableBufferPointer { gx in
                        // One loop per function, so that the derivative's switch is not inside the loop.
                        switch f {
                        case .relu: for n in 0..<x.count { gx[n] = gOut[n] * Activation.relu.derivative(input: x[n], output: y[n]) }
                        case .sigmoid: for n in 0..<x.count { gx[n] = gOut[n] * Activation.sigmoid.derivative(input: x[n], output: y[n]) }
                        case .tanh: for n in 0..<x.count { gx[n] = gOut[n] * Activation.tanh.derivative(input: x[n], output: y[n]) }
                        case .linear: for n in 0..<x.count { gx[n] = gOut[n] }
                        }
                    }
                }
            }
        }
    }
}
