/// Feature maps: `channels` maps of `height × width` values, stored map after map, row after row
/// (`values[(c · height + y) · width + x]`).
public struct Tensor: Sendable, Hashable {
    public var channels: Int, height: Int, width: Int
    public var values: [Double]

    public init(channels: Int, height: Int, width: Int, values: [Double]? = nil) {
        self.channels = channels; self.height = height; self.width = width
        self.values = values ?? Array(repeating: 0, count: channels * height * width)
        precondition(self.values.count == channels * height * width, "values do not fit the shape")
    }

    /// A tensor whose values the caller writes before reading any.
    init(uninitializedChannels channels: Int, height: Int, width: Int) {
        self.channels = channels; self.height = height; self.width = width
        values = Array(unsafeUninitializedCapacity: channels * height * width) { _, count in count = channels * height * width }
    }

    public var shape: [Int] { [channels, height, width] }
    public var count: Int { values.count }

    public subscript(c: Int, y: Int, x: Int) -> Double {
        get { values[(c * height + y) * width + x] }
        set { values[(c * height + y) * width + x] = newValue }
    }

    /// The maps with `pad` zeros around each.
    func zeroPadded(_ pad: Int) -> Tensor {
        var result = Tensor(channels: channels, height: height + 2 * pad, width: width + 2 * pad)
        for c in 0..<channels {
            for y in 0..<height {
                let from = (c * height + y) * width, to = (c * result.height + y + pad) * result.width + pad
                result.values.replaceSubrange(to..<(to + width), with: values[from..<(from + width)])
            }
        }
        return result
    }

    /// The maps without `pad` values around each (the inverse of `zeroPadded`).
    func cropped(_ pad: Int) -> Tensor {
        var result = Tensor(channels: channels, height: height - 2 * pad, width: width - 2 * pad)
        for c in 0..<channels {
            for y in 0..<result.height {
                let from = (c * height + y + pad) * width + pad, to = (c * result.height + y) * result.width
                result.values.replaceSubrange(to..<(to + result.width), with: values[from..<(from + result.width)])
            }
        }
        return result
    }

    /// The values as `[channel][row][column]` (for traces and tests).
    public var nested: [[[Double]]] {
        (0..<channels).map { c in (0..<height).map { y in Array(values[((c * height + y) * width)..<((c * height + y + 1) * width)]) } }
    }
}

/// How a convolution or a pooling treats the borders: `valid` keeps only windows inside the input; `same`
/// centres a window on every `stride`-th value, so that (at stride 1) the output has the input's size. A
/// convolution pads with zeros; a pooling window takes only the values inside the map (the lecture's
/// `x_ij = max_(|k|<τ, |l|<τ) y_(i−k, j−l)` with its terms outside the map left out).
public enum ConvolutionPadding: String, Sendable, CaseIterable {
    case valid, same
}

/// What deep-learning libraries compute (`correlation`, the kernel as it is) or the lecture's
/// `a_ij = Σ_kl w_kl z_(i−k, j−l)` (`convolution`, the kernel flipped).
public enum ConvolutionMode: String, Sendable, CaseIterable {
    case correlation, convolution
}

public enum PoolingKind: String, Sendable, CaseIterable {
    case max, mean
    /// One value a window, the others dropped: `x_ij = y_(s·i, s·j)` (the window's top-left value, or its
    /// centre when the window is centred).
    case subsample
}

/// One stage of a convolutional network.
public enum CNNLayer: Sendable, Hashable {
    /// `kernels` output maps from `size × size` kernels over every input map.
    case convolution(kernels: Int, size: Int, stride: Int, padding: ConvolutionPadding, mode: ConvolutionMode)
    /// The non-linear stage, value by value (ReLU, sigmoid or tanh).
    case activation(Activation)
    /// Each map's `size × size` windows, `stride` apart, reduced to their max or mean (or subsampled); `same`
    /// centres the windows on the values they pool.
    case pooling(PoolingKind, size: Int, stride: Int, padding: ConvolutionPadding = .valid)
    /// The maps as one vector.
    case flatten
    /// A fully connected layer of `units` outputs.
    case dense(units: Int)
    /// Probabilities over the classes (the loss is the cross-entropy of the true class).
    case softmax

    /// The name traces and the screen use.
    public var kind: String {
        switch self {
        case .convolution: "conv"
        case .activation: "activation"
        case .pooling: "pool"
        case .flatten: "flatten"
        case .dense: "dense"
        case .softmax: "softmax"
        }
    }

    /// Zero padding on each side.
    public static func padding(_ padding: ConvolutionPadding, size: Int) -> Int { padding == .same ? (size - 1) / 2 : 0 }

    /// The output shape for an input of `shape` (`[C, H, W]`), or a message saying why the layer does not fit.
    public func outputShape(_ shape: [Int]) -> Result<[Int], ShapeError> {
        let (c, h, w) = (shape[0], shape[1], shape[2])
        switch self {
        case .convolution(let kernels, let size, let stride, let padding, _):
            let pad = Self.padding(padding, size: size)
            guard h + 2 * pad >= size, w + 2 * pad >= size else {
                return .failure(ShapeError("a \(size)×\(size) kernel does not fit \(h)×\(w) maps"))
            }
            return .success([kernels, (h + 2 * pad - size) / stride + 1, (w + 2 * pad - size) / stride + 1])
        case .activation, .softmax:
            return .success(shape)
        case .pooling(_, let size, let stride, let padding):
            let pad = Self.padding(padding, size: size)
            guard h + 2 * pad >= size, w + 2 * pad >= size else {
                return .failure(ShapeError("a \(size)×\(size) pooling window does not fit \(h)×\(w) maps"))
            }
            return .success([c, (h + 2 * pad - size) / stride + 1, (w + 2 * pad - size) / stride + 1])
        case .flatten:
            return .success([c * h * w, 1, 1])
        case .dense(let units):
            return .success([units, 1, 1])
        }
    }

    /// Weights and biases together, for an input of `shape`.
    public func parameterCount(_ shape: [Int]) -> Int {
        let (weights, biases) = parameterCounts(shape)
        return weights + biases
    }

    /// Multiply-adds one image costs in this layer's forward pass, for an input of `shape`.
    public func multiplyAdds(_ shape: [Int]) -> Int {
        guard case .success(let out) = outputShape(shape) else { return 0 }
        return switch self {
        case .convolution(_, let size, _, _, _): out[0] * out[1] * out[2] * shape[0] * size * size
        case .dense(let units): units * shape[0] * shape[1] * shape[2]
        case .pooling(.subsample, _, _, _): out[0] * out[1] * out[2]
        case .pooling(_, let size, _, _): out[0] * out[1] * out[2] * size * size
        default: shape[0] * shape[1] * shape[2]
        }
    }

    /// Weights and biases of the layer for an input of `shape` (0 for layers without any).
    func parameterCounts(_ shape: [Int]) -> (weights: Int, biases: Int) {
        switch self {
        case .convolution(let kernels, let size, _, _, _): (kernels * shape[0] * size * size, kernels)
        case .dense(let units): (shape[0] * shape[1] * shape[2] * units, units)
        default: (0, 0)
        }
    }
}

public struct ShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
