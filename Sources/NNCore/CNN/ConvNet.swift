#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A convolutional network: its stages, the shape of every stage's output, and the weights and biases of the
/// convolution and dense stages. Convolution weights are laid out `[output map][input map][row][column]`,
/// dense weights `[input][output]`.
public struct ConvNet: Sendable, Hashable {
    public let layers: [CNNLayer]
    /// `shapes[0]` is the input's `[C, H, W]`, `shapes[l + 1]` the output of layer `l`.
    public let shapes: [[Int]]
    /// Per layer (empty for layers without parameters).
    public var weights: [[Double]]
    public var biases: [[Double]]
    /// Layers whose parameters training leaves alone (hand-set kernels).
    public var frozen: [Bool]

    /// A network for inputs of `inputShape`, with weights drawn from `rng`: uniform in ±√(6 / fan-in) before a
    /// ReLU (He), ±√(6 / (fan-in + fan-out)) otherwise (Xavier); biases 0.
    public init(inputShape: [Int], layers: [CNNLayer], rng: inout SplitMix64) throws(ShapeError) {
        var shapes = [inputShape]
        for layer in layers {
            switch layer.outputShape(shapes[shapes.count - 1]) {
            case .success(let shape): shapes.append(shape)
            case .failure(let error): throw error
            }
        }
        self.layers = layers
        self.shapes = shapes
        var weights: [[Double]] = [], biases: [[Double]] = []
        for (l, layer) in layers.enumerated() {
            let (weightCount, biasCount) = layer.parameterCounts(shapes[l])
            // Fan-in: the values one output sums; fan-out: the outputs one input value reaches.
            let fanIn = weightCount / max(1, biasCount)
            let fanOut = if case .dense(let units) = layer { units } else { weightCount / max(1, shapes[l][0]) }
            let beforeReLU = l + 1 < layers.count && layers[l + 1] == .activation(.relu)
            let limit = beforeReLU ? (6 / Double(max(1, fanIn))).squareRoot() : (6 / Double(max(1, fanIn + fanOut))).squareRoot()
            weights.append((0..<weightCount).map { _ in rng.uniform(-limit, limit) })
            biases.append(Array(repeating: 0, count: biasCount))
        }
        self.weights = weights
        self.biases = biases
        frozen = Array(repeating: false, count: layers.count)
    }

    public var inputShape: [Int] { shapes[0] }
    public var outputShape: [Int] { shapes[shapes.count - 1] }
    public var endsInSoftmax: Bool { layers.last == .softmax }

    /// Every stage's output for `input`: `result[0]` is the input, `result[l + 1]` the output of layer `l`.
    public func forward(_ input: Tensor) -> [Tensor] {
        precondition(input.shape == inputShape, "the input is \(input.shape), the network takes \(inputShape)")
        var outputs = [input]
        outputs.reserveCapacity(layers.count + 1)
        for l in layers.indices { outputs.append(forward(layer: l, outputs[l])) }
        return outputs
    }

    /// One layer's output.
    public func forward(layer l: Int, _ input: Tensor) -> Tensor {
        let shape = shapes[l + 1]
        // Every layer writes each of its outputs, so they need no zeros first.
        var out = Tensor(uninitializedChannels: shape[0], height: shape[1], width: shape[2])
        switch layers[l] {
        case .convolution(let kernels, let size, let stride, let padding, let mode):
            convolutionForward(layer: l, kernels: kernels, size: size, stride: stride, padding: padding, mode: mode, input, into: &out)
        case .activation(let f): activationForward(layer: l, f: f, input, into: &out)
        case .pooling(.max, size: 2, stride: 2, padding: .valid): maxPool2Forward(layer: l, input, into: &out)
        case .pooling(let kind, let size, let stride, let padding):
            poolingForward(layer: l, kind: kind, size: size, stride: stride, padding: padding, input, into: &out)
        case .flatten: flattenForward(layer: l, input, into: &out)
        case .dense(let units): denseForward(layer: l, units: units, input, into: &out)
        case .softmax: softmaxForward(layer: l, input, into: &out)
        }
        return out
    }

    /// Where kernel value (k, m) of output map o over input map c sits in the layer's weights; convolution
    /// mode reads the kernel flipped (row and column), so that it computes `Σ w_kl z_(i−k, j−l)`.
    @inline(__always)
    public static func kernelIndex(_ o: Int, _ c: Int, _ k: Int, _ m: Int, _ inC: Int, _ size: Int, _ mode: ConvolutionMode) -> Int {
        let (row, column) = mode == .correlation ? (k, m) : (size - 1 - k, size - 1 - m)
        return ((o * inC + c) * size + row) * size + column
    }

    /// Every kernel turned by 180° (rows and columns reversed): convolution is correlation with the flipped
    /// kernel.
    static func flipped<T>(_ weights: [T], size: Int) -> [T] {
        var result = weights
        let area = size * size
        for start in stride(from: 0, to: weights.count, by: area) {
            for n in 0..<area { result[start + n] = weights[start + area - 1 - n] }
        }
        return result
    }

    /// A stride-1 convolution of `source` (already padded) through the kernels, into `out`.
    static func convolve(_ source: Tensor, _ kernel: [Double], bias: [Double]?, kernels: Int, size: Int, into out: inout Tensor) {
        source.values.withUnsafeBufferPointer { x in
            kernel.withUnsafeBufferPointer { w in
                out.values.withUnsafeMutableBufferPointer { y in
                    if let bias {
                        bias.withUnsafeBufferPointer { b in
                            Kernels.current.convolutionForward(x: x.baseAddress!, w: w.baseAddress!, b: b.baseAddress!, y: y.baseAddress!,
                                                               inChannels: source.channels, inHeight: source.height,
                                                               inWidth: source.width, kernels: kernels, size: size)
                        }
                    } else {
                        Kernels.current.convolutionForward(x: x.baseAddress!, w: w.baseAddress!, b: nil, y: y.baseAddress!,
                                                           inChannels: source.channels, inHeight: source.height,
                                                           inWidth: source.width, kernels: kernels, size: size)
                    }
                }
            }
        }
    }

    /// The cross-entropy of class `label` for the network's output probabilities.
    public static func crossEntropy(_ probabilities: Tensor, label: Int) -> Double {
        crossEntropy(probabilityOfLabel: probabilities.values[label])
    }

    /// −log p of the true class (p kept above 1e-300, so that a sure mistake costs a finite loss).
    static func crossEntropy(probabilityOfLabel p: Double) -> Double { -log(max(p, 1e-300)) }
}

/// Where a convolution's windows fall: for each output cell, the kernel rows and columns that land inside the
/// input (the others meet zero padding and are skipped).
struct ConvolutionGeometry {
    let inChannels: Int, inHeight: Int, inWidth: Int, outHeight: Int, outWidth: Int
    let size: Int, stride: Int, pad: Int

    init(input: Tensor, output: Tensor, size: Int, stride: Int, pad: Int) {
        inChannels = input.channels; inHeight = input.height; inWidth = input.width
        outHeight = output.height; outWidth = output.width
        self.size = size; self.stride = stride; self.pad = pad
    }

    /// Calls `body(o, i, j, kernel rows, kernel columns, output index)` for every output cell in order.
    @inline(__always)
    func forEachOutput(kernels: Int, _ body: (Int, Int, Int, Range<Int>, Range<Int>, Int) -> Void) {
        var at = 0
        for o in 0..<kernels {
            for i in 0..<outHeight {
                let top = i * stride - pad
                let rows = max(0, -top)..<min(size, inHeight - top)
                for j in 0..<outWidth {
                    let left = j * stride - pad
                    body(o, i, j, rows, max(0, -left)..<min(size, inWidth - left), at)
                    at += 1
                }
            }
        }
    }

    /// The input index of kernel row k, column 0 of the window of output cell (i, j) in map c (column m adds m).
    @inline(__always)
    func inputIndex(_ c: Int, _ i: Int, _ j: Int, _ k: Int) -> Int {
        (c * inHeight + i * stride - pad + k) * inWidth + j * stride - pad
    }
}

/// The gradient of the loss with respect to every weight and bias (laid out as the network's).
public struct ConvNetGradients: Sendable, Hashable {
    public var weights: [[Double]]
    public var biases: [[Double]]

    public init(zeroFor net: ConvNet) {
        weights = net.weights.map { Array(repeating: 0, count: $0.count) }
        biases = net.biases.map { Array(repeating: 0, count: $0.count) }
    }

    /// Every gradient set to 0, in the arrays there are.
    mutating func zero() {
        for l in weights.indices {
            weights[l].withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            biases[l].withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }
}

extension ConvNet {
    /// Backpropagation from `gradient`, the loss's gradient with respect to the output of layer `top`, down to
    /// the input: adds every parameter's gradient to `gradients` and returns the gradient with respect to the
    /// input. `outputs` are `forward`'s.
    @discardableResult
    public func backward(_ outputs: [Tensor], gradient: Tensor, fromLayer top: Int, into gradients: inout ConvNetGradients,
                         needsInputGradient: Bool = true) -> Tensor {
        var g = gradient
        for l in stride(from: top, through: 0, by: -1) {
            g = backward(layer: l, outputs[l], outputs[l + 1], g, &gradients, needsInputGradient: needsInputGradient || l > 0)
        }
        return g
    }

    /// For a network ending in softmax: the loss (cross-entropy of `label`) and the gradients of one sample,
    /// added to `gradients`. The softmax and the cross-entropy are differentiated together: the gradient at
    /// the softmax's input is `p − y`.
    @discardableResult
    public func addGradients(_ outputs: [Tensor], label: Int, into gradients: inout ConvNetGradients) -> Double {
        precondition(endsInSoftmax, "training needs a network that ends in softmax")
        let probabilities = outputs[outputs.count - 1]
        var g = probabilities
        g.values[label] -= 1
        backward(outputs, gradient: g, fromLayer: layers.count - 2, into: &gradients, needsInputGradient: false)
        return Self.crossEntropy(probabilities, label: label)
    }

    /// One layer backwards: the gradient with respect to its input from the one with respect to its output.
    func backward(layer l: Int, _ input: Tensor, _ output: Tensor, _ g: Tensor, _ gradients: inout ConvNetGradients,
                  needsInputGradient: Bool = true) -> Tensor {
        var gIn = Tensor(channels: input.channels, height: input.height, width: input.width)
        switch layers[l] {
        case .convolution(let kernels, let size, let stride, let padding, let mode):
            convolutionBackward(layer: l, kernels: kernels, size: size, stride: stride, padding: padding, mode: mode, input, output, g,
                                &gIn, &gradients, needsInputGradient: needsInputGradient)
        case .activation(let f):
            activationBackward(layer: l, f: f, input, output, g, &gIn, &gradients, needsInputGradient: needsInputGradient)
        case .pooling(.max, size: 2, stride: 2, padding: .valid):
            maxPool2Backward(layer: l, input, output, g, &gIn, &gradients, needsInputGradient: needsInputGradient)
        case .pooling(let kind, let size, let stride, let padding):
            poolingBackward(layer: l, kind: kind, size: size, stride: stride, padding: padding, input, output, g, &gIn, &gradients,
                            needsInputGradient: needsInputGradient)
        case .flatten: flattenBackward(layer: l, input, output, g, &gIn, &gradients, needsInputGradient: needsInputGradient)
        case .dense(let units):
            denseBackward(layer: l, units: units, input, output, g, &gIn, &gradients, needsInputGradient: needsInputGradient)
        case .softmax: softmaxBackward(layer: l, input, output, g, &gIn, &gradients, needsInputGradient: needsInputGradient)
        }
        return gIn
    }
}
