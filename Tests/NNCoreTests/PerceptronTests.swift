import XCTest
@testable import NNCore

final class PerceptronTests: XCTestCase {
    static let andTable = [Sample(0, 0, label: 0), Sample(0, 1, label: 0), Sample(1, 0, label: 0), Sample(1, 1, label: 1)]
    static let orTable = [Sample(0, 0, label: 0), Sample(0, 1, label: 1), Sample(1, 0, label: 1), Sample(1, 1, label: 1)]
    static let xorTable = [Sample(0, 0, label: 0), Sample(0, 1, label: 1), Sample(1, 0, label: 1), Sample(1, 1, label: 0)]

    /// The lecture's example: w = (−1, 2, 1), x = (½, 1), y = −1, η = 1.
    func testLectureWorkedExample() throws {
        var trainer = PerceptronTrainer(samples: [Sample(0.5, 1, label: 0)],
                                        settings: PerceptronSettings(learningRate: 1, initialWeights: [-1, 2, 1]), seed: 1)
        let event = try XCTUnwrap(trainer.step())
        XCTAssertEqual(event.v, 1)
        XCTAssertEqual(event.yhat, 1)
        XCTAssertEqual(event.y, -1)
        XCTAssertEqual(event.error, -2)
        XCTAssertEqual(event.delta, [-2, -1, -2])
        XCTAssertEqual(event.weightsBefore, [-1, 2, 1])
        XCTAssertEqual(event.weightsAfter, [-3, 1, -1])
        XCTAssertEqual(trainer.weights, [-3, 1, -1])
        // Distance before the update: |1| / ‖(2, 1)‖ = 1/√5.
        XCTAssertEqual(try XCTUnwrap(event.distance), 1 / 5.0.squareRoot(), accuracy: 1e-15)
        // v = −3 + 0.5 − 1 = −3.5 < 0: right from now on, so epoch 2 is error-free.
        trainer.runEpoch()
        XCTAssertEqual(trainer.status, .converged(epoch: 2))
    }

    /// The lecture's v′ = v + η(y − ŷ)‖x‖², on its worked example: ‖x‖² = 1 + ¼ + 1 = 2.25, so
    /// v′ = 1 + 1·(−2)·2.25 = −3.5, which is w′·x = −3 + 1·½ − 1·1 from the new weights.
    func testUpdateMovesVByEtaErrorSquaredLength() throws {
        var trainer = PerceptronTrainer(samples: [Sample(0.5, 1, label: 0)],
                                        settings: PerceptronSettings(learningRate: 1, initialWeights: [-1, 2, 1]), seed: 1)
        let event = try XCTUnwrap(trainer.step())
        XCTAssertEqual(event.squaredLength, 2.25)
        XCTAssertEqual(event.vAfterByRule, -3.5)
        XCTAssertEqual(event.vAfter, -3.5)
        // Any sample, any η: the rule and the direct product agree, and v moves towards y's side.
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let w = (0..<3).map { _ in random.nextUnit() * 4 - 2 }
            let x1 = random.nextUnit() * 6 - 3, x2 = random.nextUnit() * 6 - 3
            let label = random.nextUnit() < 0.5 ? 0 : 1
            var t = PerceptronTrainer(samples: [Sample(x1, x2, label: label)],
                                      settings: PerceptronSettings(learningRate: 0.3, initialWeights: w), seed: 1)
            let u = try XCTUnwrap(t.step())
            XCTAssertEqual(u.vAfterByRule, u.vAfter, accuracy: 1e-12)
            if u.error != 0 { XCTAssertEqual((u.vAfter - u.v).sign, u.y.sign) }
        }
    }

    func testNoUpdateWhenPredictionIsRight() {
        let r = Perceptron.update(weights: [1, 0, 0], x1: 3, x2: 4, y: 1, learningRate: 1)
        XCTAssertEqual(r.v, 1); XCTAssertEqual(r.error, 0); XCTAssertEqual(r.weights, [1, 0, 0])
    }

    func testSignOfZeroIsPlusOne() {
        XCTAssertEqual(Perceptron.sign(0), 1)
        XCTAssertEqual(Perceptron.sign(-0.0001), -1)
    }

    func testDistanceFormula() {
        // Line 1·x1 + 1·x2 − 1 = 0; the origin has v = −1 and lies 1/√2 from it.
        XCTAssertEqual(Perceptron.distance(v: -1, weights: [-1, 1, 1])!, 1 / 2.0.squareRoot(), accuracy: 1e-15)
        // (3, 4) on the line 3·x1 + 4·x2 = 0 has v = 25 and distance 25 / 5 = 5.
        XCTAssertEqual(Perceptron.distance(v: 25, weights: [0, 3, 4]), 5)
        XCTAssertNil(Perceptron.distance(v: 2, weights: [2, 0, 0]))
    }

    /// Hand-checked: epoch 1 visits 00 (v = 0, ŷ = +1, e = −2 → w = (−2, 0, 0)), 01 and 10 (right),
    /// 11 (v = −2, e = +2 → w = (0, 2, 2)); AND is error-free in epoch 6 with w = (−6, 4, 2).
    func testANDConvergesInEpochSix() {
        var trainer = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(), seed: 1)
        let first = trainer.runEpoch()
        XCTAssertEqual(first.map(\.error), [-2, 0, 0, 2])
        XCTAssertEqual(trainer.weights, [0, 2, 2])
        XCTAssertEqual(trainer.mistakesLastEpoch, 2)
        while trainer.step() != nil {}
        XCTAssertEqual(trainer.status, .converged(epoch: 6))
        XCTAssertEqual(trainer.weights, [-6, 4, 2])
        XCTAssertEqual(trainer.totalUpdates, 11)
        XCTAssertEqual(trainer.steps, 24)
    }

    func testORConvergesInEpochFour() {
        var trainer = PerceptronTrainer(samples: Self.orTable, settings: PerceptronSettings(), seed: 1)
        trainer.runEpoch()
        XCTAssertEqual(trainer.weights, [0, 0, 2])
        while trainer.step() != nil {}
        XCTAssertEqual(trainer.status, .converged(epoch: 4))
        XCTAssertEqual(trainer.weights, [-2, 2, 2])
    }

    /// XOR: after epoch 2 and epoch 3 the weights are both (0, −2, 0): the rule is cycling.
    func testXORIsDetectedAsCycling() {
        var trainer = PerceptronTrainer(samples: Self.xorTable, settings: PerceptronSettings(), seed: 1)
        trainer.runEpoch()
        XCTAssertEqual(trainer.weights, [-2, -2, 0])
        while trainer.step() != nil {}
        XCTAssertEqual(trainer.status, .cycling(epoch: 3, sameAs: 2))
        XCTAssertTrue(trainer.status.isFinished)
        XCTAssertNil(trainer.step())
    }

    /// With `stopsAtCycle` off (as `nnx trace` runs) the same cycle is found and noted, and training goes on
    /// to the epoch cap; each epoch after the repeat is the same four updates.
    func testXORGoesOnPastItsCycleWhenAsked() {
        var trainer = PerceptronTrainer(samples: Self.xorTable, settings: PerceptronSettings(maxEpochs: 7, stopsAtCycle: false), seed: 1)
        var epochs: [[[Double]]] = []
        while !trainer.status.isFinished { epochs.append(trainer.runEpoch().map(\.weightsAfter)) }
        XCTAssertEqual(trainer.status, .notConverged(epochs: 7))
        XCTAssertEqual(trainer.cycle?.epoch, 3)
        XCTAssertEqual(trainer.cycle?.sameAs, 2)
        XCTAssertEqual(trainer.steps, 28)
        XCTAssertEqual(trainer.weights, [0, -2, 0])
        for e in 2..<7 { XCTAssertEqual(epochs[e], epochs[1], "epoch \(e + 1)") }
        var stopping = PerceptronTrainer(samples: Self.xorTable, settings: PerceptronSettings(maxEpochs: 7), seed: 1)
        stopping.run()
        XCTAssertEqual(stopping.status, .cycling(epoch: 3, sameAs: 2))
        XCTAssertEqual(stopping.cycle?.epoch, 3)
    }

    /// From w = 0 every update adds η·e·x, so w is η times the weights η = 1 gives: the same predictions
    /// and lines at any η (perceptron-overlapping's data, shuffled, 50 epochs: 3,000 visits).
    func testFromZeroTheLearningRateOnlyScalesW() {
        let data = DatasetGenerator(kind: .overlapping, count: 60, noise: 0.5).generate(seed: 3).samples
        func run(_ eta: Double) -> [PerceptronUpdate] {
            var trainer = PerceptronTrainer(samples: data, settings: PerceptronSettings(learningRate: eta, order: .shuffled, maxEpochs: 50), seed: 3)
            var events: [PerceptronUpdate] = []
            while let event = trainer.step() { events.append(event) }
            return events
        }
        let one = run(1)
        XCTAssertEqual(one.count, 3000)
        for eta in [0.1, 0.01, 0.5] {
            let scaled = run(eta)
            XCTAssertEqual(scaled.map(\.yhat), one.map(\.yhat), "η = \(eta)")
            XCTAssertEqual(scaled.map(\.index), one.map(\.index))
            for (a, b) in zip(scaled, one) {
                for i in 0..<3 { XCTAssertEqual(a.weightsAfter[i], eta * b.weightsAfter[i], accuracy: 1e-9 * max(1, abs(b.weightsAfter[i]))) }
            }
        }
        // η = 0.5 is exact in binary, so on AND (where a point lies on the line: v = 0) the weights are exactly
        // half; η = 0.1 is not, and rounding tips (1, 0) in epoch 4 to v ≈ −5.6e−17 where η = 1 has v = 0.
        var whole = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(), seed: 1)
        var half = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(learningRate: 0.5), seed: 1)
        whole.run(); half.run()
        XCTAssertEqual(half.status, .converged(epoch: 6))
        XCTAssertEqual(half.weights, whole.weights.map { 0.5 * $0 })
        var tenth = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(learningRate: 0.1), seed: 1)
        let tipped = (0..<15).compactMap { _ in tenth.step() }.last!
        XCTAssertEqual([tipped.x1, tipped.x2], [1, 0])
        XCTAssertEqual(tipped.v, -5.551115123125783e-17)
        XCTAssertEqual(tipped.yhat, -1)
    }

    func testShuffledXORHitsTheEpochCap() {
        var trainer = PerceptronTrainer(samples: Self.xorTable,
                                        settings: PerceptronSettings(order: .shuffled, maxEpochs: 30), seed: 9)
        trainer.run()
        XCTAssertEqual(trainer.status, .notConverged(epochs: 30))
        XCTAssertEqual(trainer.steps, 120)
    }

    /// The fast path (branching for a fixed order, branch-free for a shuffled one) gives the same weights,
    /// bit for bit, as stepping through the events.
    func testFastRunMatchesStepping() {
        let data = DatasetGenerator(kind: .overlapping, count: 50).generate(seed: 4).samples
        for order in SampleOrder.allCases {
            let settings = PerceptronSettings(learningRate: 0.1, initialWeights: [-0.0, 0.3, -0.7], order: order, maxEpochs: 40)
            var stepped = PerceptronTrainer(samples: data, settings: settings, seed: 3)
            var fast = stepped
            while stepped.step() != nil {}
            fast.run(maxVisits: 77)   // stop mid-epoch, then go on
            fast.run()
            XCTAssertEqual(fast.weights.map(\.bitPattern), stepped.weights.map(\.bitPattern), "\(order)")
            XCTAssertEqual(fast.status, stepped.status)
            XCTAssertEqual(fast.steps, stepped.steps)
            XCTAssertEqual(fast.totalUpdates, stepped.totalUpdates)
        }
    }

    /// A run that stops at an epoch boundary leaves the order and the generator as stepping does (the fast
    /// path shuffles the next epoch's order ahead, and must not keep it when it stops), so what follows agrees.
    func testFastRunStoppingAtAnEpochBoundaryLeavesTheShuffleAsStepping() {
        let data = DatasetGenerator(kind: .overlapping, count: 30).generate(seed: 2).samples
        let settings = PerceptronSettings(learningRate: 0.5, order: .shuffled, maxEpochs: 10)
        var stepped = PerceptronTrainer(samples: data, settings: settings, seed: 5)
        var fast = stepped
        for _ in 0..<60 { stepped.step() }
        XCTAssertEqual(fast.run(maxVisits: 60), 60)
        XCTAssertEqual(fast.visitOrder, stepped.visitOrder)
        let next = stepped.step(), fastNext = fast.step()
        XCTAssertEqual(fastNext?.index, next?.index)
        XCTAssertEqual(fastNext?.weightsAfter.map(\.bitPattern), next?.weightsAfter.map(\.bitPattern))
        XCTAssertEqual(fast.visitOrder, stepped.visitOrder)
        // And to the cap: the epoch after the last is shuffled ahead but never taken.
        while stepped.step() != nil {}
        fast.run()
        XCTAssertEqual(fast.status, .notConverged(epochs: 10))
        XCTAssertEqual(fast.visitOrder, stepped.visitOrder)
        XCTAssertEqual(fast.weights.map(\.bitPattern), stepped.weights.map(\.bitPattern))
    }

    func testShuffledOrderIsAPermutationAndDependsOnSeed() {
        var a = PerceptronTrainer(samples: Self.xorTable + Self.andTable, settings: PerceptronSettings(order: .shuffled), seed: 1)
        var b = PerceptronTrainer(samples: Self.xorTable + Self.andTable, settings: PerceptronSettings(order: .shuffled), seed: 2)
        a.step(); b.step()
        XCTAssertEqual(a.visitOrder.sorted(), Array(0..<8))
        XCTAssertNotEqual(a.visitOrder, b.visitOrder)
        var again = PerceptronTrainer(samples: Self.xorTable + Self.andTable, settings: PerceptronSettings(order: .shuffled), seed: 1)
        again.step()
        XCTAssertEqual(again.visitOrder, a.visitOrder)
    }

    func testChangingTheDataKeepsWeightsAndRestartsTheEpoch() {
        var trainer = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(), seed: 1)
        while trainer.step() != nil {}
        XCTAssertEqual(trainer.status, .converged(epoch: 6))
        trainer.replaceSamples(Self.andTable + [Sample(2, 2, label: 0)])
        XCTAssertEqual(trainer.status, .running)
        XCTAssertEqual(trainer.weights, [-6, 4, 2])
        XCTAssertEqual(trainer.positionInEpoch, 0)
        let event = trainer.step()
        XCTAssertEqual(event?.epoch, 7)
    }

    /// Changing η mid-epoch (even to the same value) must not record mid-epoch weights as an epoch boundary.
    func testLearningRateChangeMidEpochGivesNoFalseCycle() {
        var changed = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(), seed: 1)
        var plain = changed
        changed.step(); changed.step()
        changed.setLearningRate(1)
        while changed.step() != nil {}
        while plain.step() != nil {}
        XCTAssertEqual(changed.status, plain.status)
        XCTAssertEqual(changed.status, .converged(epoch: 6))
    }

    func testTinyLearningRatesAreNotMistakenForCycles() {
        var trainer = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(learningRate: 1e-10), seed: 1)
        while trainer.step() != nil {}
        XCTAssertEqual(trainer.status, .converged(epoch: 6))
        XCTAssertEqual(trainer.weights, [-6e-10, 4e-10, 2e-10])
    }

    func testConvergenceSurvivesALearningRateChange() {
        var trainer = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(), seed: 1)
        while trainer.step() != nil {}
        trainer.setLearningRate(0.5)
        XCTAssertEqual(trainer.status, .converged(epoch: 6))
    }

    /// Editing the data mid-epoch restarts that epoch under its own number and forgets the last update.
    func testReplacingSamplesMidEpochRestartsThatEpoch() {
        var trainer = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(), seed: 1)
        trainer.runEpoch()
        trainer.step()
        XCTAssertEqual(trainer.epoch, 2)
        trainer.replaceSamples(Array(Self.andTable.dropFirst()))
        XCTAssertEqual(trainer.epoch, 2)
        XCTAssertNil(trainer.lastUpdate)
        XCTAssertEqual(trainer.step()?.epoch, 2)
        XCTAssertEqual(trainer.step()?.position, 2)
    }

    func testWrongNumberOfInitialWeightsIsPaddedNotACrash() {
        var settings = PerceptronSettings()
        settings.initialWeights = [1]
        let trainer = PerceptronTrainer(samples: Self.andTable, settings: settings, seed: 1)
        XCTAssertEqual(trainer.weights, [1, 0, 0])
    }

    func testResetReturnsToInitialWeights() {
        var trainer = PerceptronTrainer(samples: Self.andTable, settings: PerceptronSettings(initialWeights: [1, 1, 1]), seed: 1)
        trainer.runEpoch()
        trainer.reset()
        XCTAssertEqual(trainer.weights, [1, 1, 1])
        XCTAssertEqual(trainer.epoch, 0)
        XCTAssertEqual(trainer.steps, 0)
        XCTAssertNil(trainer.lastUpdate)
    }
}
