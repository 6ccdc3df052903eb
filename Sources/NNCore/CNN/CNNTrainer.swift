/// How a CNN is trained: mini-batch SGD with momentum, `Δw(t) = −η ⟨∂L/∂w⟩ + α Δw(t−1)` with the gradient
/// averaged over the batch.
public struct CNNSettings: Sendable, Hashable {
    public var learningRate = 0.05
    public var momentum = 0.9
    public var batchSize = 32
    public var maxEpochs = 20
    /// The fraction of the images held out as the test set (drawn with the seed).
    public var testSplit = 0.25
    /// Data with a test set of its own (MNIST's t10k files, CIFAR-10's test batch) comes as the training
    /// images followed by this many test images; `testSplit` is then not used.
    public var ownTestCount: Int?
    /// p: the values coming into each dense stage are dropped with probability p while training (see
    /// `ConvNet.dropoutMasks`). 0: off.
    public var dropout = 0.0
    /// The cores a batch is split over (its images, maps or units); every count gives the same bits.
    public var threads = Kernels.cores
    /// What the batched passes compute in (training without dropout, and the test evaluation); the weights
    /// are kept and updated in double precision either way.
    public var precision = CNNPrecision.double
    public init() {}
}

/// One epoch's figures: the training loss (mean cross-entropy) and accuracy as the epoch went (each image
/// counted with the weights it met, as libraries report it), and the test accuracy after the epoch.
public struct CNNEpochSummary: Sendable, Hashable {
    public var epoch: Int
    public var loss: Double
    public var accuracy: Double
    public var testAccuracy: Double?
}

public enum CNNStatus: Sendable, Hashable {
    case running
    case finished(epochs: Int)
    /// The loss became NaN or infinite.
    case diverged(epoch: Int)
    public var isFinished: Bool { self != .running }
}

/// A CNN as a steppable state machine: `step()` trains one batch, `runEpoch()` the rest of an epoch.
public struct CNNTrainer: Sendable {
    public private(set) var network: ConvNet
    public private(set) var settings: CNNSettings
    public let seed: UInt64
    public let trainingSet: [LabeledImage]
    public let testSet: [LabeledImage]
    public private(set) var epoch = 0
    public private(set) var positionInEpoch = 0
    public private(set) var steps = 0
    public private(set) var history: [CNNEpochSummary] = []
    public private(set) var status = CNNStatus.running
    /// The dropout masks the last image of the last batch met, by dense stage (`ConvNet.dropoutMasks`); empty
    /// without dropout or before the first batch.
    public private(set) var lastMasks: [Int: [Double]] = [:]
    /// The test set's confusion matrix (`[true][predicted]`) after the last finished epoch, from the same pass
    /// as its test accuracy.
    public private(set) var testConfusion: [[Int]]?
    /// The pass over the test set that ends an epoch, while `stepSlice` does it in parts.
    private var testPass: TestPass?

    private var rng: SplitMix64
    private var order: [Int]
    private var velocity: ConvNetGradients
    private var epochLoss = 0.0, epochHits = 0
    /// The buffers of the batched passes, when the network and settings allow them (no dropout): in double
    /// precision, or in single precision with the batch's summed gradients in single precision.
    private var batch: ConvNetBatch<Double>?
    private var singleBatch: ConvNetBatch<Float>?
    private var singleGradients: (weights: [[Float]], biases: [[Float]]) = ([], [])
    private var spareGradients: ConvNetGradients?

    /// Splits `images` into training and test sets with `seed` (the test set is `testSplit` of them), or
    /// takes the last `ownTestCount` as the test set.
    public init(images: [LabeledImage], network: ConvNet, settings: CNNSettings, seed: UInt64) {
        self.network = network
        self.settings = settings
        self.seed = seed
        rng = SplitMix64(seed: seed)
        if let own = settings.ownTestCount {
            testSet = Array(images.suffix(own))
            trainingSet = Array(images.dropLast(own))
        } else {
            var indices = Array(images.indices)
            rng.shuffle(&indices)
            let held = min(images.count - 1, max(0, Int((Double(images.count) * settings.testSplit).rounded())))
            testSet = indices.prefix(held).sorted().map { images[$0] }
            trainingSet = indices.dropFirst(held).sorted().map { images[$0] }
        }
        order = Array(trainingSet.indices)
        velocity = ConvNetGradients(zeroFor: network)
        makeBatchWhereItApplies()
    }

    /// The batched path's buffers, where it applies (no dropout; stages it handles) and are not made yet.
    private mutating func makeBatchWhereItApplies() {
        guard batch == nil, singleBatch == nil, settings.dropout == 0, BatchLayout.handles(network) else { return }
        let capacity = min(Self.batchCapacity, max(1, settings.batchSize))
        switch settings.precision {
        case .double: batch = ConvNetBatch(network: network, capacity: capacity, threads: settings.threads)
        case .single:
            singleBatch = ConvNetBatch(network: network, capacity: capacity, threads: settings.threads)
            singleGradients = (network.weights.map { Array(repeating: 0, count: $0.count) }, network.biases.map { Array(repeating: 0, count: $0.count) })
        }
    }

    /// Whether training computes in single precision now: asked for, and on the batched path (dropout takes
    /// the image-at-a-time path, in double precision).
    public var trainsInSinglePrecision: Bool {
        settings.precision == .single && settings.dropout == 0 && BatchLayout.handles(network)
    }

    /// The most images the batched passes hold at once (a bigger batch goes through in parts, its gradients
    /// summed in the same order).
    static let batchCapacity = 64

    /// One batch: forward, backward, the update; the batch's summed loss. Nil once finished (or without training
    /// data). A batch that ends an epoch is followed by the test pass (all of it, and first the rest of one that
    /// `stepSlice` left unfinished).
    @discardableResult
    public mutating func step() -> Double? {
        finishTestPass()
        guard let loss = trainBatch() else { return nil }
        finishTestPass()
        return loss
    }

    /// A slice of work no longer than a batch or so, for a screen that must answer keys between slices: the next
    /// batch, or the next `testSlice` images of the test pass that ends an epoch. The same bits as `step`.
    /// Returns false once finished.
    @discardableResult
    public mutating func stepSlice() -> Bool {
        if testPass != nil {
            continueTestPass(atMost: Self.testSlice)
            return true
        }
        return trainBatch() != nil
    }

    /// Test images a slice: a forward pass costs about a third of a training batch's, image for image.
    static let testSlice = 2 * batchCapacity

    /// Images trained on so far, over every epoch.
    public var imagesTrained: Int { (positionInEpoch == 0 ? epoch : epoch - 1) * trainingSet.count + positionInEpoch }

    /// Test images done and to do while the pass that ends an epoch is under way (`stepSlice`).
    public var testing: (done: Int, of: Int)? { testPass.map { ($0.next, testSet.count) } }

    private mutating func trainBatch() -> Double? {
        guard !status.isFinished, !trainingSet.isEmpty else { return nil }
        if positionInEpoch == 0 { beginEpoch() }
        let end = min(trainingSet.count, positionInEpoch + max(1, settings.batchSize))
        // The last batch's gradient arrays, zeroed (a new one each batch would be fresh pages each time).
        var gradients = spareGradients ?? ConvNetGradients(zeroFor: network)
        spareGradients = nil
        gradients.zero()
        defer { spareGradients = gradients }
        var batchLoss = 0.0
        // Dropout (which `setDropout` may turn on mid-training) takes the image-at-a-time path.
        if settings.dropout == 0, var batch {
            self.batch = nil
            batchLoss = trainBatch(&batch, to: end, &gradients.weights, &gradients.biases)
            self.batch = batch
        } else if settings.dropout == 0, var batch = singleBatch {
            singleBatch = nil
            var single = singleGradients
            singleGradients = ([], [])
            for l in single.weights.indices {
                single.weights[l].withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                single.biases[l].withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            }
            batchLoss = trainBatch(&batch, to: end, &single.weights, &single.biases)
            // The update is in double precision: the summed gradient goes into the zeroed Double one.
            for l in single.weights.indices {
                Self.widen(single.weights[l], into: &gradients.weights[l])
                Self.widen(single.biases[l], into: &gradients.biases[l])
            }
            (singleBatch, singleGradients) = (batch, single)
        } else {
            for n in order[positionInEpoch..<end] {
                let sample = trainingSet[n]
                let masks = settings.dropout > 0 ? network.dropoutMasks(rate: settings.dropout, rng: &rng) : [:]
                let outputs = network.forward(sample.image, dropping: masks)
                let loss = network.addGradients(outputs, label: sample.label, dropping: masks, into: &gradients)
                batchLoss += loss
                if Self.predictedClass(outputs[outputs.count - 1]) == sample.label { epochHits += 1 }
                lastMasks = masks
            }
        }
        epochLoss += batchLoss
        apply(gradients, batchSize: end - positionInEpoch)
        steps += 1
        positionInEpoch = end
        if positionInEpoch == trainingSet.count { endEpoch() }
        return batchLoss
    }

    /// `values` as Doubles, written over `doubles`.
    private static func widen(_ values: [Float], into doubles: inout [Double]) {
        values.withUnsafeBufferPointer { from in
            doubles.withUnsafeMutableBufferPointer { to in for k in from.indices { to[k] = Double(from[k]) } }
        }
    }

    /// The images from `positionInEpoch` to `end` through `batch` (in parts of its capacity): their gradients
    /// added to `weightGradients` and `biasGradients`, their hits counted; their summed loss.
    private mutating func trainBatch<Scalar: BatchScalar>(_ batch: inout ConvNetBatch<Scalar>, to end: Int, _ weightGradients: inout [[Scalar]],
                                             _ biasGradients: inout [[Scalar]]) -> Double {
        lastMasks = [:]
        let samples = trainingSet
        var start = positionInEpoch, loss = 0.0
        while start < end {
            let part = order[start..<min(end, start + batch.capacity)]
            batch.forward(part.lazy.map { samples[$0].image }, through: network)
            for (i, n) in part.enumerated() {
                let label = samples[n].label
                loss += ConvNet.crossEntropy(probabilityOfLabel: batch.probability(label, image: i, of: part.count))
                if batch.predictedClass(image: i, of: part.count) == label { epochHits += 1 }
            }
            batch.backward(labels: part.lazy.map { samples[$0].label }, weightGradients: &weightGradients, biasGradients: &biasGradients)
            start += part.count
        }
        return loss
    }

    /// Changes the dropout rate p from the next batch on (0 switches dropout off); the weights stay.
    public mutating func setDropout(_ p: Double) {
        settings.dropout = p
        makeBatchWhereItApplies()
    }

    /// The rest of the current epoch (a whole one at a boundary); its summary, or nil when finished.
    @discardableResult
    public mutating func runEpoch() -> CNNEpochSummary? {
        guard !status.isFinished, !trainingSet.isEmpty else { return nil }
        repeat { step() } while positionInEpoch != 0 && !status.isFinished
        return history.last
    }

    /// Trains until finished or `maxEpochs` more epochs.
    public mutating func run(maxEpochs: Int = .max) {
        var done = 0
        while done < maxEpochs, runEpoch() != nil { done += 1 }
    }

    private mutating func apply(_ gradients: ConvNetGradients, batchSize: Int) {
        let scale = settings.learningRate / Double(batchSize), alpha = settings.momentum
        func step(_ w: inout [Double], _ v: inout [Double], _ g: [Double]) {
            w.withUnsafeMutableBufferPointer { w in
                v.withUnsafeMutableBufferPointer { v in
                    g.withUnsafeBufferPointer { g in
                        Kernels.current.momentumStep(w.baseAddress!, velocity: v.baseAddress!, gradient: g.baseAddress!, scale: scale,
                                                     momentum: alpha, count: g.count)
                    }
                }
            }
        }
        for l in network.layers.indices where !network.frozen[l] && !network.biases[l].isEmpty {
            step(&network.weights[l], &velocity.weights[l], gradients.weights[l])
            step(&network.biases[l], &velocity.biases[l], gradients.biases[l])
        }
    }

    private mutating func beginEpoch() {
        epoch += 1
        epochLoss = 0
        epochHits = 0
        rng.shuffle(&order)
    }

    /// The test set's predictions after an epoch, counted so far.
    private struct TestPass: Sendable {
        var next = 0
        var hits = 0
        var matrix: [[Int]]
    }

    private mutating func endEpoch() {
        if testSet.isEmpty { return closeEpoch(testAccuracy: nil) }
        let classes = network.outputShape[0]
        testPass = TestPass(matrix: Array(repeating: Array(repeating: 0, count: classes), count: classes))
    }

    private mutating func continueTestPass(atMost count: Int) {
        guard var pass = testPass else { return }
        let end = min(testSet.count, pass.next + count)
        forEachPredictionInTrainingBuffers(testSet[pass.next..<end]) { sample, _, predicted in
            pass.matrix[sample.label][predicted] += 1
            if predicted == sample.label { pass.hits += 1 }
        }
        pass.next = end
        testPass = pass
        guard end == testSet.count else { return }
        testPass = nil
        testConfusion = pass.matrix
        closeEpoch(testAccuracy: Double(pass.hits) / Double(testSet.count))
    }

    private mutating func finishTestPass() {
        if testPass != nil { continueTestPass(atMost: testSet.count) }
    }

    private mutating func closeEpoch(testAccuracy test: Double?) {
        positionInEpoch = 0
        let count = Double(trainingSet.count)
        history.append(CNNEpochSummary(epoch: epoch, loss: epochLoss / count, accuracy: Double(epochHits) / count, testAccuracy: test))
        if !epochLoss.isFinite {
            status = .diverged(epoch: epoch)
        } else if epoch >= settings.maxEpochs {
            status = .finished(epochs: epoch)
        }
    }

    /// Mean cross-entropy and accuracy of the network on `images`.
    public func evaluate(_ images: [LabeledImage]) -> (loss: Double, accuracy: Double) {
        guard !images.isEmpty else { return (0, 0) }
        var loss = 0.0, hits = 0
        forEachPrediction(images[...]) { sample, probability, predicted in
            loss += ConvNet.crossEntropy(probabilityOfLabel: probability(sample.label))
            if predicted == sample.label { hits += 1 }
        }
        return (loss / Double(images.count), Double(hits) / Double(images.count))
    }

    /// `body(sample, probability of class k, predicted class)` for each of `images` in order: through the batched
    /// passes where the network allows them, else one image at a time (the same bits either way).
    private func forEachPrediction(_ images: ArraySlice<LabeledImage>, _ body: (LabeledImage, (Int) -> Double, Int) -> Void) {
        guard BatchLayout.handles(network) else {
            for sample in images {
                let probabilities = network.forward(sample.image).last!
                body(sample, { probabilities.values[$0] }, Self.predictedClass(probabilities))
            }
            return
        }
        switch settings.precision {
        case .double: forEachPrediction(images, in: Double.self, body)
        case .single: forEachPrediction(images, in: Float.self, body)
        }
    }

    /// `forEachPrediction` in the training batch's buffers where there are some: a test pass goes through in
    /// slices, and new buffers for each would be megabytes of fresh pages a slice.
    private mutating func forEachPredictionInTrainingBuffers(_ images: ArraySlice<LabeledImage>,
                                                             _ body: (LabeledImage, (Int) -> Double, Int) -> Void) {
        if var buffers = batch {
            batch = nil
            Self.forEachPrediction(images, network: network, in: &buffers, body)
            batch = buffers
        } else if var buffers = singleBatch {
            singleBatch = nil
            Self.forEachPrediction(images, network: network, in: &buffers, body)
            singleBatch = buffers
        } else {
            forEachPrediction(images, body)
        }
    }

    /// `forEachPrediction` through the batched passes in `Scalar`'s precision.
    private func forEachPrediction<Scalar: BatchScalar>(_ images: ArraySlice<LabeledImage>, in _: Scalar.Type,
                                                        _ body: (LabeledImage, (Int) -> Double, Int) -> Void) {
        var batch = ConvNetBatch<Scalar>(network: network, capacity: min(Self.batchCapacity, images.count), threads: settings.threads,
                                         training: false)
        Self.forEachPrediction(images, network: network, in: &batch, body)
    }

    /// `images` through `batch`'s buffers, as many at a time as they hold.
    private static func forEachPrediction<Scalar: BatchScalar>(_ images: ArraySlice<LabeledImage>, network: ConvNet,
                                                               in batch: inout ConvNetBatch<Scalar>,
                                                               _ body: (LabeledImage, (Int) -> Double, Int) -> Void) {
        var start = images.startIndex
        while start < images.endIndex {
            let part = images[start..<min(images.endIndex, start + batch.capacity)]
            batch.forward(part.lazy.map(\.image), through: network)
            for (i, sample) in part.enumerated() {
                body(sample, { batch.probability($0, image: i, of: part.count) }, batch.predictedClass(image: i, of: part.count))
            }
            start += part.count
        }
    }

    /// The most probable class (the first on ties).
    public static func predictedClass(_ output: Tensor) -> Int {
        var best = 0
        for k in output.values.indices where output.values[k] > output.values[best] { best = k }
        return best
    }
}
