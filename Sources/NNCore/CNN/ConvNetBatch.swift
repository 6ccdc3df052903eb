import Dispatch

/// A batch of images through a network at once, in buffers kept from batch to batch: the stages of the maps
/// image after image (`[image][value]`), the stages of single values (dense, flatten, a convolution whose
/// kernel covers its whole input, such as LeNet-5's C5, and the softmax) with the images as columns
/// (`[value][image]`), so that a dense stage is one matrix product over the batch.
///
/// In double precision (`Scalar` Double) every value is computed by the same operations in the same order as
/// `forward` and `addGradients` one image at a time, the parameters' gradients summed image after image: a
/// batch gives the bits of its images in turn. In single precision (Float) the same operations in the same
/// order, rounded to Float. The work is split over `threads` cores (images, or output maps and units), and
/// since each part writes only its own values with the same operations, any number of threads gives the same
/// bits.
struct ConvNetBatch<Scalar: BatchScalar> {
    /// The network of the pass under way (its weights let go after the backward pass).
    var network: ConvNet
    let capacity: Int
    let threads: Int
    /// Per stage (0 the input, l + 1 the output of layer l): whether its values are `[value][image]`.
    let byValue: [Bool]
    /// Per stage: the batch's values and (training) the loss's gradient with respect to them.
    var values: [[Scalar]]
    var deltas: [[Scalar]]
    /// A stage turned to the other layout, for the layer that reads it so.
    var turned: [Scalar]
    var turnedDelta: [Scalar]
    /// Per thread: room for a padded input, a kernel gradient's or an input gradient's sums.
    var scratch: [[Scalar]]
    /// Per layer: the weights in this precision as the layer reads them (a convolution's kernels flipped in
    /// convolution mode), and the biases.
    var weights: [[Scalar]] = [], biases: [[Scalar]] = []
    /// Training: each image's kernel gradient of a convolution on its own, so that the images can be split over
    /// the cores and their gradients then added in order.
    var imageKernelGradients: [Scalar] = []
}

/// Which networks go through `ConvNetBatch`, and how its stages are laid out.
enum BatchLayout {
    /// Whether a network can go through in batches: stride-1 convolutions, 2×2 max pooling with stride 2, and a
    /// softmax last, after a stage of single values (others go one image at a time).
    static func handles(_ network: ConvNet) -> Bool {
        guard network.endsInSoftmax else { return false }
        for (l, layer) in network.layers.enumerated() {
            switch layer {
            case .convolution(_, _, let stride, _, _) where stride != 1 && !isWholeInput(network, l): return false
            case .pooling(.max, size: 2, stride: 2, padding: .valid), .convolution, .activation, .flatten, .dense, .softmax: continue
            case .pooling: return false
            }
        }
        return stageByValue(network)[network.layers.count - 1]
    }

    /// A convolution whose kernel covers its whole (unpadded) input: one output value a map, a dense stage.
    static func isWholeInput(_ network: ConvNet, _ l: Int) -> Bool {
        guard case .convolution(_, let size, _, let padding, _) = network.layers[l] else { return false }
        let shape = network.shapes[l]
        return CNNLayer.padding(padding, size: size) == 0 && shape[1] == size && shape[2] == size
    }

    /// Whether each layer reads its input as `[value][image]` (nil: either, an activation).
    static func readsByValue(_ network: ConvNet, _ l: Int) -> Bool? {
        switch network.layers[l] {
        case .activation: nil
        case .dense, .flatten, .softmax: true
        case .convolution: isWholeInput(network, l)
        case .pooling: false
        }
    }

    static func stageByValue(_ network: ConvNet) -> [Bool] {
        var result = [false]
        for l in network.layers.indices { result.append(readsByValue(network, l) ?? result[l]) }
        return result
    }
}

extension ConvNetBatch {

    /// Buffers for `capacity` images; `training` adds those of the gradients.
    init(network: ConvNet, capacity: Int, threads: Int, training: Bool = true) {
        self.network = network
        self.capacity = capacity
        self.threads = max(1, threads)
        byValue = BatchLayout.stageByValue(network)
        values = network.shapes.map { Array(repeating: 0, count: $0.reduce(1, *) * capacity) }
        deltas = training ? values : []
        let largest = network.shapes.map { $0.reduce(1, *) }.max()! * capacity
        turned = Array(repeating: 0, count: largest)
        turnedDelta = turned
        var room = 0, kernelGradients = 0
        for (l, layer) in network.layers.enumerated() {
            // A dense stage's batch of gradients or inputs turned sample-major.
            let inCount = network.shapes[l].reduce(1, *), outCount = network.shapes[l + 1].reduce(1, *)
            if BatchLayout.readsByValue(network, l) == true { room = max(room, capacity * max(inCount, outCount)) }
            guard case .convolution(let count, let size, _, let padding, _) = layer, BatchLayout.readsByValue(network, l) == false else { continue }
            let shape = network.shapes[l], pad = CNNLayer.padding(padding, size: size)
            let padded = shape[0] * (shape[1] + 2 * pad) * (shape[2] + 2 * pad)
            let outPlane = network.shapes[l + 1][1] * network.shapes[l + 1][2]
            // Whole vectors of maps: up to 8 lanes (Float).
            let kernelGradient = (outPlane + shape[0] * size * size) * ((count + 7) / 8 * 8)
            let inputGradient = shape[0] * size * size * outPlane
            room = max(room, 2 * padded + max(kernelGradient, inputGradient))
            kernelGradients = max(kernelGradients, capacity * count * shape[0] * size * size)
        }
        scratch = (0..<self.threads).map { _ in Array(repeating: 0, count: room) }
        if training { imageKernelGradients = Array(repeating: 0, count: kernelGradients) }
        (self.network.weights, self.network.biases) = ([], [])
    }

    /// A dense stage's units and where weight (input i, unit j) sits: `i · inner + j · outer` (dense weights are
    /// `[input][unit]`, a whole-input convolution's `[map][input]`).
    func denseLayout(_ l: Int) -> (units: Int, inner: Int, outer: Int) {
        let units = size(l + 1)
        return if case .dense = network.layers[l] { (units, units, 1) } else { (units, 1, size(l)) }
    }

    /// Whether layer l is a convolution in convolution mode, which reads its kernels flipped.
    func isFlipped(_ l: Int) -> Bool {
        if case .convolution(_, _, _, _, .convolution) = network.layers[l] { true } else { false }
    }

    func kernelSize(_ l: Int) -> Int {
        if case .convolution(_, let size, _, _, _) = network.layers[l] { size } else { 1 }
    }

    /// The count of values of stage s for one image.
    func size(_ s: Int) -> Int { network.shapes[s].reduce(1, *) }

    /// Runs `body(part)` for each of `parts` parts, on the cores at once when there is more than one.
    static func inParts(_ parts: Int, _ body: @Sendable (Int) -> Void) {
        if parts <= 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: body) }
    }

    static func part(_ part: Int, of parts: Int, _ count: Int) -> Range<Int> {
        (part * count / parts)..<((part + 1) * count / parts)
    }
}

// MARK: - Forward

extension ConvNetBatch {
    /// Every stage's values for `images` (at most `capacity`) through `network` (its weights; the layers are
    /// those the buffers were made for).
    mutating func forward(_ images: some Collection<Tensor>, through network: ConvNet) {
        precondition(network.layers == self.network.layers && network.inputShape == self.network.inputShape)
        self.network = network
        let images = Array(images), n = images.count, parts = threads
        precondition(n <= capacity)
        for image in images {
            precondition(image.shape == network.inputShape, "the input is \(image.shape), the network takes \(network.inputShape)")
        }
        values[0].withUnsafeMutableBufferPointer { x in
            // Copied (or rounded to Float) a part of the images a core.
            nonisolated(unsafe) let x = x.baseAddress!
            Self.inParts(parts) { part in
                for k in Self.part(part, of: parts, n) {
                    images[k].values.withUnsafeBufferPointer { image in
                        let to = x + k * image.count
                        for i in image.indices { to[i] = Scalar(image[i]) }
                    }
                }
            }
        }
        weights = network.layers.indices.map { l in
            let converted = Scalar.converted(network.weights[l])
            guard isFlipped(l) else { return converted }
            return ConvNet.flipped(converted, size: kernelSize(l))
        }
        biases = network.biases.map(Scalar.converted)
        for l in network.layers.indices { forward(layer: l, n) }
    }

    /// The probability of class k for image i, after `forward`.
    func probability(_ k: Int, image i: Int, of n: Int) -> Double { Double(values[network.layers.count][k * n + i]) }

    /// The most probable class of image i (the first on ties), after `forward`.
    func predictedClass(image i: Int, of n: Int) -> Int {
        var best = 0
        for k in 1..<size(network.layers.count) where probability(k, image: i, of: n) > probability(best, image: i, of: n) { best = k }
        return best
    }

    private mutating func forward(layer l: Int, _ n: Int) {
        let inCount = size(l), outCount = size(l + 1)
        let reads = BatchLayout.readsByValue(network, l) ?? byValue[l]
        if reads != byValue[l] { Self.turn(values[l], into: &turned, count: inCount, n, toByValue: reads) }
        let source = reads != byValue[l] ? turned : values[l]
        let kernel = weights[l]
        let parts = threads
        var output = values[l + 1], rooms = scratch
        (values[l + 1], scratch) = ([], [])
        defer { (values[l + 1], scratch) = (output, rooms) }
        source.withUnsafeBufferPointer { xb in
            output.withUnsafeMutableBufferPointer { yb in
                kernel.withUnsafeBufferPointer { wb in
                    biases[l].withUnsafeBufferPointer { bb in
                        rooms.withUnsafeMutableBufferPointer { sb in
                            nonisolated(unsafe) let x = xb.baseAddress!, y = yb.baseAddress!, w = wb.baseAddress, b = bb.baseAddress
                            nonisolated(unsafe) let scratch = sb.baseAddress!
                            switch network.layers[l] {
                            case .convolution(let count, let size, _, let padding, _) where !reads:
                                let shape = network.shapes[l], pad = CNNLayer.padding(padding, size: size)
                                Self.inParts(parts) { part in
                                    scratch[part].withUnsafeMutableBufferPointer { room in
                                        for i in Self.part(part, of: parts, n) {
                                            let input = Self.padded(x + i * inCount, shape, pad, into: room.baseAddress!)
                                            Scalar.convolutionForward(x: input, w: w!, b: b, y: y + i * outCount,
                                                                               inChannels: shape[0], inHeight: shape[1] + 2 * pad,
                                                                               inWidth: shape[2] + 2 * pad, kernels: count, size: size)
                                        }
                                    }
                                }
                            case .convolution, .dense:
                                let (units, inner, outer) = denseLayout(l)
                                Self.inParts(parts) { part in
                                    let rows = Self.part(part, of: parts, units)
                                    Scalar.matrixProduct(first: b! + rows.lowerBound, coefficients: w! + rows.lowerBound * outer,
                                                                  innerStride: inner, outerStride: outer, inner: inCount, outer: rows.count,
                                                                  input: x, output: y + rows.lowerBound * n, columns: n)
                                }
                            case .activation(let f):
                                Self.inParts(parts) { part in
                                    let images = Self.part(part, of: parts, n)
                                    let at = images.lowerBound * inCount
                                    Scalar.activateAll(f.code, x + at, y + at, count: images.count * inCount)
                                }
                            case .pooling:
                                let shape = network.shapes[l]
                                Self.inParts(parts) { part in
                                    for i in Self.part(part, of: parts, n) { ConvNet.maxPool2(x + i * inCount, shape, into: y + i * outCount) }
                                }
                            case .flatten:
                                y.update(from: x, count: inCount * n)
                            case .softmax:
                                for i in 0..<n { Self.softmax(x + i, y + i, count: inCount, stride: n) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `x` as it is, or copied into `room` with `pad` zeros around each map.
    static func padded(_ x: UnsafePointer<Scalar>, _ shape: [Int], _ pad: Int, into room: UnsafeMutablePointer<Scalar>) -> UnsafePointer<Scalar> {
        guard pad > 0 else { return x }
        let (channels, height, width) = (shape[0], shape[1], shape[2])
        let paddedWidth = width + 2 * pad, paddedHeight = height + 2 * pad
        room.update(repeating: 0, count: channels * paddedHeight * paddedWidth)
        for c in 0..<channels {
            for row in 0..<height {
                (room + (c * paddedHeight + row + pad) * paddedWidth + pad).update(from: x + (c * height + row) * width, count: width)
            }
        }
        return UnsafePointer(room)
    }

    /// The softmax of one image's values, `stride` apart (as `ConvNet.softmaxForward`).
    private static func softmax(_ x: UnsafePointer<Scalar>, _ y: UnsafeMutablePointer<Scalar>, count: Int, stride: Int) {
        var largest = x[0]
        for k in 1..<count where x[k * stride] > largest { largest = x[k * stride] }
        var total: Scalar = 0
        for k in 0..<count { y[k * stride] = Scalar.exponential(x[k * stride] - largest); total += y[k * stride] }
        for k in 0..<count { y[k * stride] /= total }
    }

    /// `[image][value]` ↔ `[value][image]`.
    static func turn(_ source: [Scalar], into target: inout [Scalar], count: Int, _ n: Int, toByValue: Bool) {
        for i in 0..<n {
            for k in 0..<count {
                if toByValue { target[k * n + i] = source[i * count + k] } else { target[i * count + k] = source[k * n + i] }
            }
        }
    }
}
