import NNKernels

/// One epoch's figures: the loss is the lecture's sum over the training points (`E = ½ Σ_t Σ_k (y − ŷ)²` for
/// squared error), accuracy the fraction classified right (0 under regression, where no point has a class:
/// screens and traces leave it out); validation figures when a split is held out.
public struct EpochSummary: Sendable, Hashable {
    public var epoch: Int
    public var loss: Double
    public var accuracy: Double
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    /// The η of the epoch's updates, when a learning-rate schedule is set.
    public var learningRate: Double? = nil
}

/// Where MLP training stands.
public enum MLPStatus: Sendable, Hashable {
    case running
    /// The epoch cap was reached.
    case finished(epochs: Int)
    /// The validation loss did not improve for `patience` epochs; the weights are those of `bestEpoch`.
    case earlyStopped(bestEpoch: Int, atEpoch: Int)
    /// The loss became NaN or infinite (the learning rate is too large): training stops, it does not crash.
    case diverged(epoch: Int)
    /// Epoch `epoch` reached `stop_when`'s threshold for `measure`.
    case stopped(measure: StopCondition.Measure, epoch: Int)

    public var isFinished: Bool { self != .running }
}

/// What one update did: the samples of the batch, the forward/backward values of its last sample, and for
/// every weight its change `Δw(t) = η ⟨δ z⟩ + α Δw(t−1) − η λ w` with the momentum part on its own.
public struct MLPUpdate: Sendable {
    public var epoch: Int
    public var step: Int
    public var samples: [Int]
    /// Forward and backward values of the batch's last sample (the only one when the batch size is 1).
    public var pass: ForwardPass
    public var target: [Double]
    public var loss: Double
    public var weightsBefore: [[Double]]
    public var weightChanges: [[Double]]
    public var momentumTerms: [[Double]]
    /// The hidden units the last sample dropped (nil without dropout); `pass` has their z and δ at 0.
    public var mask: DropoutMask? = nil
    /// The units whose incoming weights max-norm scaled down after the update.
    public var clips: [MaxNormClip] = []
}

/// An MLP as a steppable state machine: `step()` is one batch (one sample for per-sample SGD), `runEpoch()`
/// one pass over the training points, `run()` everything without recording events.
public struct MLPTrainer: Sendable {
    public private(set) var network: MLP
    public private(set) var settings: MLPSettings
    public let seed: UInt64
    public let trainingSet: [Sample]
    public let validationSet: [Sample]
    public private(set) var epoch = 0
    public private(set) var positionInEpoch = 0
    public private(set) var steps = 0
    public private(set) var history: [EpochSummary] = []
    public private(set) var status = MLPStatus.running
    public private(set) var lastUpdate: MLPUpdate?
    /// The epoch with the lowest watched loss and its weights (as `network.parameters`); kept only with
    /// early stopping.
    public private(set) var best: (epoch: Int, loss: Double, parameters: [Double])?
    /// After early stopping: the weights the last epoch ended with, before the best ones were restored.
    public private(set) var stoppedParameters: [Double]?
    public private(set) var visitOrder: [Int]

    private var rng: SplitMix64
    let training: PreparedSamples
    private let validation: PreparedSamples
    /// Δw(t−1) for every weight (laid out as `network.parameters`), for momentum.
    private var velocity: [Double]
    /// The batch's summed `δ z` for every weight.
    private var gradient: [Double]
    /// The batch's values (also used, a chunk at a time, to evaluate the epoch).
    private var batchPass: BatchPass
    private let kernels = Kernels.current
    /// The padded layout of the network and the workspace for the one-sample kernels (see NNKernels'
    /// `sampleShape`).
    private let sampleShape: [Int]
    private var sampleValues: [Double]
    /// `[hidden activation, output, loss, workspace current]` for the one-sample kernels; the last is 1 while
    /// `sampleValues` holds the network's weights and velocities padded (every other change to them clears it).
    private var kinds: [Int]
    /// Some layer has more than 4 units (its epoch is evaluated in batches).
    private let wideLayers: Bool

    public init(samples: [Sample], settings: MLPSettings, seed: UInt64) {
        precondition(settings.sizes.first == settings.features.count, "the MLP has one input unit per feature")
        self.settings = settings
        self.seed = seed
        rng = SplitMix64(seed: seed)
        // The held-out points are chosen by the seed, before the weights are drawn.
        var indices = Array(samples.indices)
        let held = settings.validationSplit > 0 ? min(samples.count - 1, Int((Double(samples.count) * settings.validationSplit).rounded())) : 0
        if held > 0 { rng.shuffle(&indices) }
        let validationIndices = Set(indices.prefix(max(0, held)))
        trainingSet = samples.indices.filter { !validationIndices.contains($0) }.map { samples[$0] }
        validationSet = samples.indices.filter { validationIndices.contains($0) }.map { samples[$0] }
        if let nested = settings.initialWeights {
            network = MLP(sizes: settings.sizes, activation: settings.activation, output: settings.output, nested: nested,
                          features: settings.features)
        } else {
            network = MLP(sizes: settings.sizes, activation: settings.activation, output: settings.output,
                          initialization: settings.initialization, rng: &rng, features: settings.features)
        }
        training = PreparedSamples(trainingSet, for: network)
        validation = PreparedSamples(validationSet, for: network)
        velocity = Array(repeating: 0, count: network.parameters.count)
        gradient = velocity
        // A batch holds at most the training set, however large the batch size asked (memory follows the data).
        batchPass = BatchPass(sizes: settings.sizes, capacity: max(min(settings.batchSize, trainingSet.count), Self.evaluationChunk))
        sampleShape = NNKernels.sampleShape(sizes: settings.sizes)
        sampleValues = Array(repeating: 0, count: sampleWorkspaceSize(shape: sampleShape))
        kinds = [network.activation.code, network.output == .softmax ? 1 : 0, settings.loss == .crossEntropy ? 1 : 0, 0]
        wideLayers = settings.sizes.dropFirst().contains { $0 > 4 }
        visitOrder = Array(trainingSet.indices)
    }

    /// The η of the next update: η₀ as the schedule has it after the epochs completed before that update.
    public var learningRate: Double {
        settings.learningRateSchedule.rate(base: settings.learningRate, epochsDone: positionInEpoch == 0 ? epoch : epoch - 1)
    }

    /// The η of the epoch under way (once `beginEpoch` has counted it).
    private var epochLearningRate: Double { settings.learningRateSchedule.rate(base: settings.learningRate, epochsDone: epoch - 1) }

    /// Changes η (η₀ under a schedule) from the next update on.
    public mutating func setLearningRate(_ eta: Double) { settings.learningRate = eta }

    /// Changes α from the next update on (0 switches momentum off; the remembered Δw(t−1) stays).
    public mutating func setMomentum(_ alpha: Double) { settings.momentum = alpha }

    /// Sets one weight by hand (`weights[layer][index]`, TensorFlow Playground's weight editing); training goes
    /// on from it (the remembered Δw(t−1) stays).
    public mutating func setWeight(layer: Int, index: Int, to value: Double) {
        network.parameters[network.offsets[layer] + index] = value
        kinds[3] = 0   // the one-sample kernels' workspace holds the old weights
    }

    /// Changes the batch size from the next update on (the epoch under way goes on from where it is; a batch
    /// larger than the rest of the epoch is cut at its end).
    public mutating func setBatchSize(_ size: Int) {
        settings.batchSize = max(1, size)
        if settings.batchSize > batchPass.capacity { batchPass = BatchPass(sizes: settings.sizes, capacity: settings.batchSize) }
    }

    /// Changes λ (L2 weight decay) from the next update on (0 switches it off).
    public mutating func setWeightDecay(_ lambda: Double) { settings.weightDecay = lambda }

    /// Changes the dropout rate p from the next update on (0 switches dropout off).
    public mutating func setDropout(_ p: Double) { settings.dropout = p }

    /// Changes max-norm's c from the next update on (nil switches it off).
    public mutating func setMaxNorm(_ c: Double?) { settings.maxNorm = c }

    /// Dropout, max-norm and L1 act between the steps the fast kernels fuse (a mask inside the pass, a clip
    /// after each update), so with any of them on every update goes through `trainBatch`'s Swift reference
    /// path: the same results by seed, several times slower. The one-sample kernels know only sigmoid and
    /// softmax outputs, so a linear output (regression) goes that way too.
    public var trainsOnReferencePath: Bool {
        settings.dropout > 0 || settings.maxNorm != nil || settings.l1 > 0 || settings.output == .linear
    }

    /// One update: the next batch of the epoch. Nil once training has finished (or there is no data).
    @discardableResult
    public mutating func step() -> MLPUpdate? {
        guard !status.isFinished, !trainingSet.isEmpty else { return nil }
        return trainBatch(record: true)
    }

    /// The rest of the current epoch (a whole one at a boundary); its summary, or nil when finished.
    @discardableResult
    public mutating func runEpoch() -> EpochSummary? { trainEpoch(recordingLast: true) }

    /// The rest of the epoch; with `recordingLast` its last update becomes `lastUpdate` (so the screen never
    /// shows an update older than the weights), else nothing is recorded (the fast path).
    private mutating func trainEpoch(recordingLast: Bool) -> EpochSummary? {
        guard !status.isFinished, !trainingSet.isEmpty else { return nil }
        if settings.batchSize <= 1, !trainsOnReferencePath, trainSamplesQuickly(leavingLast: recordingLast) { return history.last }
        repeat {
            let last = positionInEpoch + min(max(1, settings.batchSize), trainingSet.count) >= trainingSet.count
            _ = trainBatch(record: recordingLast && last)
        } while positionInEpoch != 0 && !status.isFinished
        return history.last
    }

    /// The first epoch after which every training point was classified right, if any.
    public var firstPerfectEpoch: Int? { history.first { $0.accuracy == 1 }?.epoch }

    /// The summary of the epoch whose weights the network has now (the best one after early stopping).
    public var currentSummary: EpochSummary? {
        if case .earlyStopped(let bestEpoch, _) = status, bestEpoch >= 1, bestEpoch <= history.count { return history[bestEpoch - 1] }
        return history.last
    }

    /// Trains until finished (or `maxEpochs` more epochs), recording no events.
    public mutating func run(maxEpochs: Int = .max) {
        var done = 0
        while done < maxEpochs, !status.isFinished {
            if canTrainEpochsTogether {
                done += trainEpochsTogether(min(maxEpochs - done, settings.maxEpochs - epoch, 4096))
                continue
            }
            guard trainEpoch(recordingLast: false) != nil else { break }
            done += 1
        }
    }

    /// Per-sample SGD in a fixed order with nothing watched between epochs but the training loss: whole runs
    /// of epochs can go to the kernel in one call.
    private var canTrainEpochsTogether: Bool {
        settings.batchSize <= 1 && settings.order == .sequential && settings.patience == nil && validationSet.isEmpty
            && positionInEpoch == 0 && !trainingSet.isEmpty && !trainsOnReferencePath && settings.learningRateSchedule == .constant
            && settings.stopWhen == nil
    }

    /// `epochs` epochs in one kernel call (the bits of `trainEpoch` one at a time: the same kernels); their
    /// summaries appended as `endEpoch` would. Returns the epochs done (fewer when the loss overflowed).
    private mutating func trainEpochsTogether(_ epochs: Int) -> Int {
        var results = [Double](repeating: 0, count: 2 * epochs)
        let rates = [settings.learningRate, settings.momentum, settings.weightDecay]
        let count = trainingSet.count
        var done = 0
        network.parameters.withUnsafeMutableBufferPointer { w in
            velocity.withUnsafeMutableBufferPointer { v in
                sampleValues.withUnsafeMutableBufferPointer { workspace in
                    visitOrder.withUnsafeBufferPointer { order in
                        done = kernels.trainEpochs(shape: sampleShape, kinds: kinds, rates: rates, weights: w.baseAddress!,
                                                   velocity: v.baseAddress!, workspace: workspace.baseAddress!, inputs: training.inputs,
                                                   targets: training.targets, labels: training.labels, order: order.baseAddress!,
                                                   count: count, epochs: epochs, results: &results)
                    }
                }
            }
        }
        kinds[3] = 1
        for e in 0..<done {
            epoch += 1
            steps += count
            let loss = results[2 * e]
            history.append(EpochSummary(epoch: epoch, loss: loss, accuracy: results[2 * e + 1] / Double(count),
                                        validationLoss: nil, validationAccuracy: nil))
            if !loss.isFinite { status = .diverged(epoch: epoch) }
        }
        if status == .running, epoch >= settings.maxEpochs { status = .finished(epochs: epoch) }
        return done
    }

    // MARK: - The update

    /// Per-sample SGD through the rest of the epoch in one kernel call (the same bits as
    /// `trainBatch`, without its per-call bookkeeping), leaving the last sample when it is to be recorded.
    /// True when the epoch has ended.
    private mutating func trainSamplesQuickly(leavingLast: Bool) -> Bool {
        let end = trainingSet.count - (leavingLast ? 1 : 0)
        guard positionInEpoch < end else { return false }
        if positionInEpoch == 0 { beginEpoch() }
        let first = positionInEpoch
        let eta = epochLearningRate, alpha = settings.momentum, lambda = settings.weightDecay
        // Nothing allocated here: with 4 XOR points an epoch, a per-epoch allocation costs as much as an update.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3) { rates in
            rates[0] = eta; rates[1] = alpha; rates[2] = lambda
            network.parameters.withUnsafeMutableBufferPointer { w in
                velocity.withUnsafeMutableBufferPointer { v in
                    sampleValues.withUnsafeMutableBufferPointer { workspace in
                        visitOrder.withUnsafeBufferPointer { order in
                            kernels.trainSamples(shape: sampleShape, kinds: kinds, rates: rates.baseAddress!, weights: w.baseAddress!,
                                                 velocity: v.baseAddress!, workspace: workspace.baseAddress!, inputs: training.inputs,
                                                 targets: training.targets, order: order.baseAddress! + first, count: end - first)
                        }
                    }
                }
            }
        }
        kinds[3] = 1   // the workspace holds the weights and velocities now
        steps += end - first
        positionInEpoch = end
        guard positionInEpoch == trainingSet.count else { return false }
        endEpoch()
        return true
    }

    private mutating func trainBatch(record: Bool) -> MLPUpdate? {
        if positionInEpoch == 0 { beginEpoch() }
        let end = min(trainingSet.count, positionInEpoch + min(max(1, settings.batchSize), trainingSet.count))
        let batch = visitOrder[positionInEpoch..<end]
        gradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        var batchLoss = 0.0, hits = 0
        var pass: ForwardPass?, mask: DropoutMask?
        if settings.dropout > 0 {
            var last = ForwardPass(sizes: network.sizes)
            mask = network.addDropoutGradients(training, batch, rate: settings.dropout, loss: settings.loss, rng: &rng, pass: &last,
                                               gradient: &gradient, total: &batchLoss)
            pass = last
        } else {
            batchPass.load(training, batch)
            batchPass.forward(network, kernels)
            batchPass.backward(network, training, batch, loss: settings.loss, kernels)
            batchPass.accumulateGradient(into: &gradient, network, kernels)
            batchPass.addLoss(training, batch, settings.loss, output: network.output, to: &batchLoss, hits: &hits)
            pass = record ? batchPass.pass(column: batch.count - 1) : nil
        }
        let before = record ? network.weights : []
        let momentumTerms = record ? layered(velocity.map { settings.momentum * $0 }) : []
        applyUpdate(batchSize: batch.count)
        let clips = settings.maxNorm.map { network.clipIncomingNorms(to: $0) } ?? []
        kinds[3] = 0   // the weights changed outside the one-sample kernels' workspace
        steps += 1
        positionInEpoch = end
        var update: MLPUpdate?
        if record {
            update = MLPUpdate(epoch: epoch, step: steps, samples: Array(batch), pass: pass!, target: training.target(batch[batch.endIndex - 1]),
                               loss: batchLoss, weightsBefore: before, weightChanges: layered(velocity), momentumTerms: momentumTerms,
                               mask: mask, clips: clips)
            lastUpdate = update
        }
        if positionInEpoch == trainingSet.count { endEpoch() }
        return update
    }

    /// `Δw(t) = η ⟨δ z⟩ + α Δw(t−1) − η λ w` (no decay on the bias rows), then `w += Δw`; with L1 the
    /// weights then shrink by `η λ1` towards 0, landing on 0 rather than crossing it (see `MLPSettings.l1`),
    /// and `Δw(t)` is the whole change.
    private mutating func applyUpdate(batchSize: Int) {
        let eta = epochLearningRate, alpha = settings.momentum, lambda = settings.weightDecay, shrink = eta * settings.l1
        let scale = eta / Double(batchSize)
        let sizes = network.sizes, offsets = network.offsets
        gradient.withUnsafeBufferPointer { g in
            velocity.withUnsafeMutableBufferPointer { v in
                network.parameters.withUnsafeMutableBufferPointer { w in
                    let g = g.baseAddress!, v = v.baseAddress!, w = w.baseAddress!
                    for l in 0..<(sizes.count - 1) {
                        let biasEnd = offsets[l] + sizes[l + 1]
                        for n in offsets[l]..<biasEnd {
                            let change = scale * g[n] + alpha * v[n]
                            v[n] = change
                            w[n] += change
                        }
                        for n in biasEnd..<offsets[l + 1] {
                            var change = scale * g[n] + alpha * v[n]
                            change -= eta * lambda * w[n]
                            if shrink > 0 {
                                let reached = w[n] + change
                                let next = reached > shrink ? reached - shrink : reached < -shrink ? reached + shrink : 0
                                v[n] = next - w[n]
                                w[n] = next
                                continue
                            }
                            v[n] = change
                            w[n] += change
                        }
                    }
                }
            }
        }
    }

    /// A flat per-weight array cut into layers (for events).
    private func layered(_ flat: [Double]) -> [[Double]] {
        (0..<(network.sizes.count - 1)).map { Array(flat[network.offsets[$0]..<network.offsets[$0 + 1]]) }
    }

    // MARK: - Epochs

    private mutating func beginEpoch() {
        epoch += 1
        if settings.order == .shuffled { rng.shuffle(&visitOrder) }
    }

    private mutating func endEpoch() {
        positionInEpoch = 0
        let training = evaluate(self.training)
        let validation = validationSet.isEmpty ? nil : evaluate(self.validation)
        let scheduled = settings.learningRateSchedule == .constant ? nil : epochLearningRate
        history.append(EpochSummary(epoch: epoch, loss: training.loss, accuracy: training.accuracy,
                                    validationLoss: validation?.loss, validationAccuracy: validation?.accuracy, learningRate: scheduled))
        guard training.loss.isFinite, validation?.loss.isFinite ?? true else {
            status = .diverged(epoch: epoch)
            return
        }
        // Only early stopping needs the best weights (keeping a copy every epoch costs a copy of every layer).
        let watched = validation?.loss ?? training.loss
        if settings.patience != nil, best == nil || watched < best!.loss { best = (epoch, watched, network.parameters) }
        if let measure = settings.stopWhen?.met(by: history[history.count - 1]) {
            status = .stopped(measure: measure, epoch: epoch)
        } else if let patience = settings.patience, let best, epoch - best.epoch >= patience {
            stoppedParameters = network.parameters
            network.parameters = best.parameters
            kinds[3] = 0
            status = .earlyStopped(bestEpoch: best.epoch, atEpoch: epoch)
        } else if epoch >= settings.maxEpochs {
            status = .finished(epochs: epoch)
        }
    }

    /// The summed loss and accuracy on prepared samples (one kernel call, in the trainer's own buffers).
    private mutating func evaluate(_ data: PreparedSamples) -> (loss: Double, accuracy: Double) {
        guard data.count > 0 else { return (0, 0) }
        // Wide layers vectorise better over samples (the batch kernels), narrow ones over units (one sample at
        // a time); both give the same bits.
        if wideLayers || network.output == .linear { return evaluateInBatches(data) }
        return evaluateOneByOne(data)
    }

    /// `evaluate` through the one-sample kernel (one call for all samples).
    mutating func evaluateOneByOne(_ data: PreparedSamples) -> (loss: Double, accuracy: Double) {
        guard data.count > 0 else { return (0, 0) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2) { results in
            network.parameters.withUnsafeBufferPointer { w in
                sampleValues.withUnsafeMutableBufferPointer { values in
                    kernels.evaluateSamples(shape: sampleShape, kinds: kinds, weights: w.baseAddress!, workspace: values.baseAddress!,
                                            inputs: data.inputs, targets: data.targets, labels: data.labels, count: data.count,
                                            results: results.baseAddress!)
                }
            }
            return (results[0], results[1] / Double(data.count))
        }
    }

    /// Samples evaluated together by the batch kernels.
    static let evaluationChunk = 64

    /// `evaluate` through the batch kernels, a chunk of samples at a time (the sums still run sample after
    /// sample).
    mutating func evaluateInBatches(_ data: PreparedSamples) -> (loss: Double, accuracy: Double) {
        var loss = 0.0, hits = 0
        let all = Array(0..<data.count)
        for first in stride(from: 0, to: data.count, by: batchPass.capacity) {
            let chunk = all[first..<min(data.count, first + batchPass.capacity)]
            batchPass.load(data, chunk)
            batchPass.forward(network, kernels)
            batchPass.addLoss(data, chunk, settings.loss, output: network.output, to: &loss, hits: &hits)
        }
        return (loss, Double(hits) / Double(data.count))
    }

    /// The summed loss and the accuracy of the network on `samples`.
    public func evaluate(_ samples: [Sample]) -> (loss: Double, accuracy: Double) {
        guard !samples.isEmpty else { return (0, 0) }
        var scratch = ForwardPass(sizes: network.sizes)
        var loss = 0.0, correct = 0
        for s in samples {
            network.forward(network.inputs(of: s), into: &scratch)
            let target = network.target(for: s)
            loss += network.loss(settings.loss, target: target, scratch)
            if !network.isRegression, scratch.predictedClass == s.label { correct += 1 }
        }
        return (loss, Double(correct) / Double(samples.count))
    }
}
