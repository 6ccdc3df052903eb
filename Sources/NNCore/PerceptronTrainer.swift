import NNKernels

/// The perceptron as a steppable state machine: one `step()` visits one sample and returns what happened.
/// Nothing here reads a clock or global randomness; the same data, settings and seed give the same run.
public struct PerceptronTrainer: Sendable {
    public private(set) var samples: [Sample]
    public private(set) var settings: PerceptronSettings
    public private(set) var seed: UInt64
    public private(set) var weights: [Double]
    /// The epoch in progress or last finished (0 before the first visit).
    public private(set) var epoch = 0
    /// Visits made in the current epoch.
    public private(set) var positionInEpoch = 0
    /// Visits since the start.
    public private(set) var steps = 0
    /// Visits that changed the weights, since the start.
    public private(set) var totalUpdates = 0
    public private(set) var mistakesThisEpoch = 0
    /// Mistakes in the last finished epoch (nil before one finished).
    public private(set) var mistakesLastEpoch: Int?
    public private(set) var status = PerceptronStatus.running
    /// The first repeat of an epoch's weights found (as in `.cycling`), also when the run goes on past it
    /// (`settings.stopsAtCycle == false`).
    public private(set) var cycle: (epoch: Int, sameAs: Int)?
    public private(set) var lastUpdate: PerceptronUpdate?
    /// Whether this run is the convergence theorem's: from w = 0, with the data and η it has now since its first
    /// update. Then on separable data its updates stay within (R/γ)² (see `PerceptronMargin`).
    public private(set) var boundApplies: Bool
    /// The sample indices of the current epoch in visit order.
    public private(set) var visitOrder: [Int]
    private var rng: SplitMix64
    /// The data changed mid-epoch: the next visit starts that epoch again, under the same number.
    private var restartingEpoch = false
    /// Weights at each epoch boundary (quantised) → that epoch; for cycle detection with a fixed order.
    private var boundaries = EpochHistory()
    /// The samples packed for `run()`, made on its first call and dropped when the data or η change.
    private var fastData: PerceptronFastData?

    public init(samples: [Sample], settings: PerceptronSettings, seed: UInt64) {
        self.samples = samples
        self.settings = settings
        self.seed = seed
        // Exactly three weights (missing ones 0), and −0 becomes 0 as an update would leave it.
        weights = (0..<3).map { $0 < settings.initialWeights.count ? settings.initialWeights[$0] + 0 : 0 }
        boundApplies = weights.allSatisfy { $0 == 0 }
        rng = SplitMix64(seed: seed)
        visitOrder = Array(samples.indices)
        _ = boundaries.record(boundaryKey, epoch: 0)
    }

    public var learningRate: Double { settings.learningRate }
    public var sampleCount: Int { samples.count }

    /// Back to the initial weights with the same data, settings and seed.
    public mutating func reset() {
        self = PerceptronTrainer(samples: samples, settings: settings, seed: seed)
    }

    /// Back to the start with a new seed (a new shuffle order).
    public mutating func reseed(_ newSeed: UInt64) {
        self = PerceptronTrainer(samples: samples, settings: settings, seed: newSeed)
    }

    /// Changes η from now on. A converged run stays converged (its line still separates the data) and a
    /// capped one stays capped; the cycle history no longer applies, so it starts again, from these weights
    /// if they are at an epoch boundary, else from the next boundary.
    public mutating func setLearningRate(_ eta: Double) {
        if eta != settings.learningRate && totalUpdates > 0 { boundApplies = false }
        settings.learningRate = eta
        fastData = nil
        restartHistory()
        if case .cycling = status { status = .running }
        cycle = nil
    }

    /// Replaces the data (a point added or removed), keeping the weights. An epoch in progress starts over
    /// under its own number (the counter does not go back); any verdict is void, and the last update no longer describes this data.
    public mutating func replaceSamples(_ newSamples: [Sample]) {
        if totalUpdates > 0 { boundApplies = false }
        samples = newSamples
        fastData = nil
        restartingEpoch = positionInEpoch != 0
        positionInEpoch = 0
        mistakesThisEpoch = 0
        visitOrder = Array(samples.indices)
        lastUpdate = nil
        status = .running
        cycle = nil
        restartHistory()
    }

    private mutating func restartHistory() {
        boundaries = EpochHistory()
        if positionInEpoch == 0 { _ = boundaries.record(boundaryKey, epoch: epoch) }
    }

    private var boundaryKey: EpochHistory.Key { EpochHistory.Key(weights, learningRate: settings.learningRate) }

    /// Visits the next sample and applies the rule. Returns nil when training has finished or there is no data.
    @discardableResult
    public mutating func step() -> PerceptronUpdate? {
        guard !status.isFinished, !samples.isEmpty else { return nil }
        if positionInEpoch == 0 { beginEpoch() }
        let index = visitOrder[positionInEpoch]
        let sample = samples[index]
        let before = weights
        let result = Perceptron.update(weights: weights, x1: sample.x1, x2: sample.x2, y: sample.signedTarget,
                                       learningRate: settings.learningRate)
        weights = result.weights
        steps += 1
        positionInEpoch += 1
        if result.error != 0 {
            totalUpdates += 1
            mistakesThisEpoch += 1
        }
        let event = PerceptronUpdate(epoch: epoch, step: steps, position: positionInEpoch, index: index,
                                     x1: sample.x1, x2: sample.x2, y: sample.signedTarget, v: result.v,
                                     yhat: result.yhat, error: result.error, learningRate: settings.learningRate,
                                     weightsBefore: before, weightsAfter: weights)
        lastUpdate = event
        if positionInEpoch == samples.count { endEpoch() }
        return event
    }

    /// Visits samples until the current epoch ends (a whole epoch when at a boundary) or training finishes.
    @discardableResult
    public mutating func runEpoch() -> [PerceptronUpdate] {
        var events: [PerceptronUpdate] = []
        repeat {
            guard let event = step() else { break }
            events.append(event)
        } while positionInEpoch != 0
        return events
    }

    /// Runs until finished or `maxVisits` visits, without recording events (the fast path for benchmarks and
    /// `nnx train`). The arithmetic is the same as `step()`'s, so the weights are bit for bit the same;
    /// returns the number of visits made.
    @discardableResult
    public mutating func run(maxVisits: Int = .max) -> Int {
        guard !samples.isEmpty else { return 0 }
        let data = fastData ?? PerceptronFastData(samples: samples, learningRate: settings.learningRate, order: settings.order)
        fastData = data
        var visits = 0
        // A shuffled order's next epoch is shuffled while this epoch's visits run, into `nextOrder`, from a copy
        // of the generator (`nextRandom`); both are taken only when training goes into that epoch, so stopping
        // leaves the order and the generator as `step()` would.
        var nextOrder: [Int] = [], nextRandom: UInt64?
        while !status.isFinished && visits < maxVisits {
            if positionInEpoch == 0 {
                if let random = nextRandom {
                    swap(&visitOrder, &nextOrder)
                    beginEpoch(shuffledWith: SplitMix64(seed: random))
                } else {
                    beginEpoch()
                }
                nextRandom = nil
            }
            let count = min(samples.count - positionInEpoch, maxVisits - visits)
            let mistakes: Int
            if settings.order == .shuffled && count == samples.count && data.shufflesAhead {
                nextOrder.replaceSubrange(nextOrder.indices, with: visitOrder)   // reuses the buffer
                var random = rng.state
                mistakes = data.visitShuffling(visitOrder, weights: &weights, next: &nextOrder, random: &random)
                nextRandom = random
            } else {
                mistakes = data.visit(visitOrder, from: positionInEpoch, count: count, weights: &weights)
            }
            visits += count
            steps += count
            totalUpdates += mistakes
            mistakesThisEpoch += mistakes
            positionInEpoch += count
            if positionInEpoch == samples.count { endEpoch() }
        }
        lastUpdate = nil
        return visits
    }

    /// Starts an epoch: its number, and its order (a shuffled order is shuffled again, or is already shuffled
    /// in `visitOrder` by `generator`, which then replaces the one here).
    private mutating func beginEpoch(shuffledWith generator: SplitMix64? = nil) {
        if restartingEpoch { restartingEpoch = false } else { epoch += 1 }
        mistakesThisEpoch = 0
        if visitOrder.count != samples.count { visitOrder = Array(samples.indices) }
        // Shuffling the last epoch's order gives a uniform permutation too, without a new array each epoch.
        guard settings.order == .shuffled else { return }
        if let generator { rng = generator } else { rng.shuffle(&visitOrder) }
    }

    private mutating func endEpoch() {
        positionInEpoch = 0
        mistakesLastEpoch = mistakesThisEpoch
        if mistakesThisEpoch == 0 {
            status = .converged(epoch: epoch)
            return
        }
        // Only a fixed order can cycle (a shuffled one visits in a new order each epoch).
        if settings.order == .sequential {
            if let earlier = boundaries.record(boundaryKey, epoch: epoch), cycle == nil {
                cycle = (epoch, earlier)
                if settings.stopsAtCycle {
                    status = .cycling(epoch: epoch, sameAs: earlier)
                    return
                }
            }
        }
        if epoch >= settings.maxEpochs { status = .notConverged(epochs: epoch) }
    }
}

/// The samples packed for the fast-path kernels (see `perceptronVisitsInOrder`): coordinates, `k = η(y − ŷ)`
/// that a mistake on each makes (η·e with e = 2y, as `step()` computes it) and the class as a mask.
struct PerceptronFastData {
    let packed: [Double]
    /// Use the loop with a branch (else the branch-free one, also for a fixed order).
    let branching: Bool
    /// Shuffle a shuffled order's next epoch while visiting this one (`visitShuffling`).
    let shufflesAhead: Bool

    init(samples: [Sample], learningRate eta: Double, order: SampleOrder) {
        packed = Self.pack(samples, learningRate: eta)
        // In a fixed order the predictor learns the pattern of mistakes of a few thousand samples, and the loop
        // with a branch is the faster; of many more it cannot, and the branch-free loop is.
        branching = order == .sequential && samples.count <= 4_096
        // Shuffling ahead hides the shuffle while the two orders stay in the caches; beyond, it costs a little.
        shufflesAhead = samples.count <= 16_384
    }

    static func pack(_ samples: [Sample], learningRate eta: Double) -> [Double] {
        var packed: [Double] = []
        packed.reserveCapacity(samples.count * perceptronRecordLength)
        for s in samples {
            let k = eta * (2 * s.signedTarget)
            packed.append(s.x1); packed.append(s.x2); packed.append(k)
            packed.append(Double(bitPattern: s.label == 1 ? ~0 : 0))
        }
        return packed
    }

    /// Visits `order[start..<start + count]`, updating the three `weights` on each mistake; returns the
    /// number of mistakes.
    func visit(_ order: [Int], from start: Int, count: Int, weights: inout [Double]) -> Int {
        var unused: UInt64 = 0   // no shuffle: the generator is not used
        return packed.withUnsafeBufferPointer { samples in
            order.withUnsafeBufferPointer { order in
                weights.withUnsafeMutableBufferPointer { w in
                    branching
                        ? Kernels.current.perceptronVisitsInOrder(samples: samples.baseAddress!, order: order.baseAddress! + start,
                                                                  count: count, w: w.baseAddress!)
                        : Kernels.current.perceptronVisitsShuffled(samples: samples.baseAddress!, order: order.baseAddress! + start,
                                                                   count: count, w: w.baseAddress!, next: nil, random: &unused)
                }
            }
        }
    }

    /// Visits all of `order` like `visit`, and meanwhile shuffles `next` (a copy of `order`) as
    /// `SplitMix64.shuffle` does from the generator state `random`, which it advances.
    func visitShuffling(_ order: [Int], weights: inout [Double], next: inout [Int], random: inout UInt64) -> Int {
        precondition(next.count == order.count)
        return packed.withUnsafeBufferPointer { samples in
            order.withUnsafeBufferPointer { order in
                weights.withUnsafeMutableBufferPointer { w in
                    next.withUnsafeMutableBufferPointer { next in
                        Kernels.current.perceptronVisitsShuffled(samples: samples.baseAddress!, order: order.baseAddress!,
                                                                 count: order.count, w: w.baseAddress!, next: next.baseAddress!,
                                                                 random: &random)
                    }
                }
            }
        }
    }
}
