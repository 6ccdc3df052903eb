import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// What TensorFlow Playground offers on the MLP screen: batch size and momentum as live settings, the same
/// first weights on reset, runs kept for comparison, and a help that scrolls when its keys do not fit.
final class PlaygroundScreenTests: XCTestCase {
    private let small = Size(width: 80, height: 24), large = Size(width: 120, height: 40)

    /// `B` steps through 1, 4, 16, 32 and the whole training set (only the sizes smaller than the set).
    func testBatchSizeSteps() throws {
        var state = AppState(size: small, scenario: mlpScenario(kind: .circles, sizes: [2, 4, 1], seed: 1))
        var sizes: [Int] = []
        for _ in 0..<5 {
            press(&state, "B")
            sizes.append(try XCTUnwrap(state.mlp).trainer.settings.batchSize)
        }
        XCTAssertEqual(sizes, [4, 16, 32, 200, 1])
        press(&state, "BBBB")
        XCTAssertEqual(state.mlp?.note, "batch full (200) from the next update: Δw from the mean δ z of 200 points")
        XCTAssertEqual(state.mlp?.batchSizeName, "full (200)")

        var xor = AppState(size: small, scenario: mlpScenario())
        press(&xor, "B")
        XCTAssertEqual(xor.mlp?.trainer.settings.batchSize, 4)
        press(&xor, "B")
        XCTAssertEqual(xor.mlp?.note, "batch 1 from the next update: per-sample SGD")
    }

    /// A batch size changed mid-epoch is used from the next update: one update after `B` is the update a
    /// trainer made with that batch size from the same weights makes, to the bit.
    func testBatchSizeTakesEffectFromTheNextUpdate() throws {
        let scenario = mlpScenario(kind: .circles, sizes: [2, 4, 1], seed: 1)
        var state = AppState(size: small, scenario: scenario)
        press(&state, "nnn")
        var expected = try XCTUnwrap(state.mlp).trainer
        press(&state, "Bn")
        expected.setBatchSize(4)
        let update = try XCTUnwrap(expected.step())
        let m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(update.samples.count, 4)
        XCTAssertEqual(m.trainer.lastUpdate?.samples, update.samples)
        XCTAssertEqual(m.trainer.network.parameters, expected.network.parameters)
        XCTAssertEqual(m.trainer.steps, 4)
    }

    /// A batch larger than the trainer's buffers (more than 64 points) trains too, and averages: one update
    /// of the whole set moves the weights by η/N Σ δ z, the mean of the per-point gradients.
    func testFullBatchOnManyPoints() throws {
        var settings = MLPSettings()
        settings.sizes = [2, 3, 1]
        let samples = DatasetGenerator(kind: .circles).generate(seed: 1).samples
        var trainer = MLPTrainer(samples: samples, settings: settings, seed: 1)
        trainer.setBatchSize(samples.count)
        let before = trainer.network.parameters
        var full = settings
        full.batchSize = samples.count
        var reference = MLPTrainer(samples: samples, settings: full, seed: 1)
        XCTAssertEqual(reference.network.parameters, before)
        trainer.step()
        reference.step()
        XCTAssertEqual(trainer.epoch, 1)
        XCTAssertEqual(trainer.positionInEpoch, 0)
        XCTAssertEqual(trainer.network.parameters, reference.network.parameters)
        XCTAssertNotEqual(trainer.network.parameters, before)
    }

    /// `A` steps α through 0, 0.5, 0.9, 0.99 and back to 0; `m` still switches momentum on and off.
    func testMomentumSteps() throws {
        var state = AppState(size: large, scenario: mlpScenario())
        var alphas: [Double] = []
        for _ in 0..<4 {
            press(&state, "A")
            alphas.append(try XCTUnwrap(state.mlp).trainer.settings.momentum)
        }
        XCTAssertEqual(alphas, [0.5, 0.9, 0.99, 0])
        press(&state, "AA")
        XCTAssertEqual(state.mlp?.note, "momentum α = 0.9 from the next update")
        press(&state, "m")
        XCTAssertEqual(state.mlp?.trainer.settings.momentum, 0)
        press(&state, "m")
        XCTAssertEqual(state.mlp?.trainer.settings.momentum, 0.9)
        let bar = view(state).plainText.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(bar.contains("A α=0.9"), bar)
    }

    /// `r` goes back to the same first weights (whatever the settings changed since), `s` draws new ones;
    /// each says which.
    func testResetKeepsTheFirstWeightsAndSeedDrawsNew() throws {
        var state = AppState(size: small, scenario: mlpScenario(kind: .circles, sizes: [2, 4, 1], seed: 1))
        let first = try XCTUnwrap(state.mlp).trainer.network.parameters
        press(&state, "eeBAe")
        XCTAssertNotEqual(state.mlp?.trainer.network.parameters, first)
        press(&state, "r")
        XCTAssertEqual(state.mlp?.trainer.network.parameters, first)
        XCTAssertEqual(state.mlp?.trainer.epoch, 0)
        XCTAssertEqual(state.mlp?.trainer.settings.batchSize, 4)
        XCTAssertEqual(state.mlp?.note, "reset: the same first weights (seed 1); s draws new ones")
        press(&state, "s")
        XCTAssertNotEqual(state.mlp?.trainer.network.parameters, first)
        XCTAssertEqual(state.mlp?.note, "new seed 2: new first weights (r keeps them)")
        let second = try XCTUnwrap(state.mlp).trainer.network.parameters
        press(&state, "er")
        XCTAssertEqual(state.mlp?.trainer.network.parameters, second)
    }

    /// `R` keeps the run: its numbers stay as they were across reset and more training; a fourth drops the
    /// oldest; `X` clears them.
    func testReferencesKeepTheirNumbers() throws {
        var state = AppState(size: large, scenario: mlpScenario(kind: .circles, sizes: [2, 4, 1], seed: 1))
        press(&state, "R")
        XCTAssertEqual(state.mlp?.note, "no epoch yet: train first, then R keeps the run")
        XCTAssertEqual(state.mlp?.references.count, 0)
        press(&state, "eeeee")
        let history = try XCTUnwrap(state.mlp).trainer.history
        press(&state, "R")
        XCTAssertEqual(state.mlp?.note, "reference R1 kept: 5 epochs (reset keeps it; X clears)")
        press(&state, "rBeee")
        let m = try XCTUnwrap(state.mlp)
        let r = try XCTUnwrap(m.references.first)
        XCTAssertEqual(r.history, history)
        XCTAssertEqual(r.epochs, 5)
        XCTAssertEqual(r.final?.loss, history[4].loss)
        XCTAssertEqual(r.settings.batchSize, 1)
        XCTAssertEqual(m.differences(r), "batch 1")
        // The table: the current run first, then the reference with its final E per point and accuracy.
        let lines = m.referenceLines(glyphs: .unicode, width: 200).map(\.text)
        let perPoint = formatSignificant(history[4].loss / 200, glyphs: .unicode)
        XCTAssertEqual(lines.last, "R1 batch 1: 5 ep E/pt \(perPoint) acc \(formatNumber(history[4].accuracy * 100))%")
        XCTAssertTrue(view(state).plainText.contains("E/point per epoch · dim: R1"))
        press(&state, "RRR")
        XCTAssertEqual(state.mlp?.references.count, 3)
        XCTAssertEqual(state.mlp?.references.first?.settings.batchSize, 4, "the oldest was dropped")
        press(&state, "X")
        XCTAssertEqual(state.mlp?.references.count, 0)
        XCTAssertEqual(state.mlp?.note, "references cleared")
    }

    /// The MLP's help does not fit 80×24: ↓ and PgDn scroll it (to its end, no further), ↑ back, and any
    /// other key closes it. A help that fits (the perceptron's) closes on ↓ as before.
    func testHelpScrolls() throws {
        var state = AppState(size: small, scenario: mlpScenario())
        press(&state, "?")
        let most = state.help.maxScroll(area: Rect(x: 0, y: 0, width: 80, height: 24), glyphs: .unicode)
        XCTAssertGreaterThan(most, 0)
        XCTAssertTrue(view(state).plainText.contains("more ↓ · ↑↓ PgUp PgDn scroll · other keys close"))
        update(&state, .key(.down))
        XCTAssertTrue(state.showHelp)
        XCTAssertEqual(state.helpScroll, 1)
        for _ in 0..<10 { update(&state, .key(.pageDown)) }
        XCTAssertEqual(state.helpScroll, most)
        let end = view(state).plainText
        XCTAssertTrue(end.contains("more ↑ · "), end)
        XCTAssertTrue(end.contains("q      back to the list"), end)
        update(&state, .key(.up))
        XCTAssertEqual(state.helpScroll, most - 1)
        press(&state, "x")
        XCTAssertFalse(state.showHelp)
        XCTAssertNil(state.mlp?.restarts, "the key that closes the help does nothing else")
        press(&state, "?")
        XCTAssertEqual(state.helpScroll, 0)

        var big = AppState(size: large, scenario: try builtin("perceptron-and"))
        press(&big, "?")
        XCTAssertEqual(big.help.maxScroll(area: Rect(x: 0, y: 0, width: 120, height: 40), glyphs: .unicode), 0)
        update(&big, .key(.down))
        XCTAssertFalse(big.showHelp)
    }

    /// `W` puts the loss, the accuracy and every weight in a table: XOR's 2-2-1 with hand-set first weights
    /// shows exactly those weights, bias row first, and E and accuracy as the trainer has them.
    func testNumbersShowEveryWeight() throws {
        var scenario = mlpScenario()
        scenario.mlp.initialWeights = [[[0.1, -0.2], [0.3, 0.4], [0.5, -0.6]], [[0.7], [0.8], [-0.9]]]
        var state = AppState(size: large, scenario: scenario)
        press(&state, "W")
        var m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.numbersScroll, 0)
        let lines = m.numberLines(width: 200, glyphs: .unicode).map(\.text)
        let e = m.trainer.evaluate(m.trainer.trainingSet).loss
        XCTAssertEqual(lines, ["w(bias → h1) = 0.1; E now \(formatNumber(e, digits: 4)) (←↑↓→ pick, + − by 0.1, or type a number)", "epoch 0: the first weights (no loss yet)", "",
                               "weights into hidden layer 1 (3×2)",
                               "to            h1        h2",
                               "bias         0.1      −0.2",
                               "x1           0.3       0.4",
                               "x2           0.5      −0.6",
                               "",
                               "weights into the output (3×1)",
                               "to             o",
                               "bias         0.7",
                               "h1           0.8",
                               "h2          −0.9",
                               "", "outputs on the training points",
                               "x = (0, 0)  class 0: ŷ = 0.6715 → class 1"] + lines.suffix(3))
        // σ(0.7 + 0.8 σ(0.1) − 0.9 σ(−0.2)) at (0, 0), worked by hand: 0.6714684…
        XCTAssertEqual(lines.count, 20)
        press(&state, "WeW")
        m = try XCTUnwrap(state.mlp)
        let h = try XCTUnwrap(m.trainer.history.last)
        XCTAssertEqual(m.numberLines(width: 200, glyphs: .unicode)[1].text,
                       "epoch 1: E = \(formatNumber(h.loss, digits: 4)), \(formatNumber(h.loss / 4, digits: 4)) a point; accuracy \(formatNumber(h.accuracy * 100))%")
        XCTAssertEqual(m.numberLines(width: 200, glyphs: .unicode)[5].text,
                       "bias  " + m.trainer.network.weights[0].prefix(2).map { formatNumber($0, digits: 4).leftPadded(to: 10) }.joined())
        XCTAssertTrue(view(state).plainText.contains("numbers at epoch 1 · W closes"))
        press(&state, "W")
        XCTAssertNil(state.mlp?.numbersScroll)
        update(&state, .key(.down))
        XCTAssertEqual(state.mlp?.note, "press W for the numbers first")
    }

    /// A 2-8-8-1 network's table is longer than the box at 80×24: PgDn scrolls it to its last line, no
    /// further; wide layers go on in blocks of the columns that fit.
    func testNumbersScroll() throws {
        var state = AppState(size: small, scenario: mlpScenario(kind: .circles, sizes: [2, 8, 8, 1], seed: 1))
        press(&state, "eW")
        let m = try XCTUnwrap(state.mlp)
        let box = MLPLayout(size: small).plotBox.inset(1)
        let count = m.numberLines(width: box.width - 1, glyphs: .unicode).count
        XCTAssertGreaterThan(count, box.height)
        XCTAssertTrue(view(state).plainText.contains("more ↓: PgUp PgDn"))
        update(&state, .key(.pageDown))
        XCTAssertEqual(state.mlp?.numbersScroll, box.height - 1)
        for _ in 0..<20 { update(&state, .key(.pageDown)) }
        XCTAssertEqual(state.mlp?.numbersScroll, count - box.height)
        XCTAssertTrue(view(state).plainText.contains("more ↑: PgUp PgDn"))
        update(&state, .key(.pageUp))
        XCTAssertEqual(state.mlp?.numbersScroll, count - box.height - (box.height - 1))
    }

    /// Editing a weight by hand: ↓ three times from x1's row 0 reaches the output's bias (0.7); `+` makes it
    /// 0.8, so at x = (0, 0) the output's net rises by exactly 0.1: ŷ goes from σ(0.7148339…) = 0.6714684…
    /// to σ(0.8148339…) = 0.6931386… (worked by hand from σ(0.1) and σ(−0.2)). Training goes on from the
    /// edited weights, exactly as from a network given them as its first weights.
    func testEditingAWeight() throws {
        var scenario = mlpScenario()
        scenario.mlp.initialWeights = [[[0.1, -0.2], [0.3, 0.4], [0.5, -0.6]], [[0.7], [0.8], [-0.9]]]
        var state = AppState(size: large, scenario: scenario)
        press(&state, "+")
        XCTAssertEqual(state.mlp?.playback.speedIndex, 4, "without the numbers view + is the speed")
        press(&state, "-W")
        for _ in 0..<3 { update(&state, .key(.down)) }
        XCTAssertEqual(state.mlp?.note, "w(bias → o) = 0.7")
        let before = try XCTUnwrap(state.mlp).trainer.network.predict([0, 0])[0]
        XCTAssertEqual(before, 0.6714684043358922, accuracy: 1e-12)
        press(&state, "+")
        var m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.playback.speedIndex, 3, "in the numbers view + is the weight's")
        XCTAssertEqual(m.trainer.network.weights[1][0], 0.8)
        XCTAssertEqual(m.trainer.network.predict([0, 0])[0], 0.6931386315259341, accuracy: 1e-12)
        let e = m.trainer.evaluate(m.trainer.trainingSet).loss
        XCTAssertEqual(m.note, "w(bias → o): 0.7 → 0.8; E now \(formatNumber(e, digits: 4))")
        press(&state, "--")
        XCTAssertEqual(state.mlp?.trainer.network.weights[1][0], 0.6)
        update(&state, .key(.right))   // one output unit: the column stays
        update(&state, .key(.up))
        XCTAssertEqual(state.mlp?.note, "w(x2 → h1) = 0.5")
        m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.weightPick.layer, 0)
        XCTAssertTrue(m.numberLines(width: 60, glyphs: .unicode)[0].text.hasPrefix("w(x2 → h1) = 0.5; E now "))

        // Typed: digits and '.', '-' flips the sign, Backspace takes a digit back, Enter sets; Esc drops.
        press(&state, "1.25")
        update(&state, .key(.backspace))
        press(&state, "-")
        XCTAssertEqual(state.mlp?.weightInput, "-1.2")
        XCTAssertTrue(try XCTUnwrap(state.mlp).numberLines(width: 80, glyphs: .unicode)[0].text.hasPrefix("w(x2 → h1) := -1.2_"))
        update(&state, .key(.enter))
        XCTAssertEqual(state.mlp?.trainer.network.weights[0][4], -1.2)
        XCTAssertNil(state.mlp?.weightInput)
        press(&state, "3")
        update(&state, .key(.escape))
        XCTAssertEqual(state.mlp?.note, "typing dropped: w(x2 → h1) stays −1.2")
        press(&state, "..")
        update(&state, .key(.enter))
        XCTAssertEqual(state.mlp?.note, "\"..\" is not a number: the weight stays")
        update(&state, .key(.enter))
        XCTAssertEqual(state.mlp?.note, "press x for the restarts first")
        press(&state, "0.5")
        update(&state, .key(.enter))
        XCTAssertEqual(state.mlp?.trainer.network.weights[0][4], 0.5)

        var edited = scenario
        edited.mlp.initialWeights = [[[0.1, -0.2], [0.3, 0.4], [0.5, -0.6]], [[0.6], [0.8], [-0.9]]]
        var fresh = MLPTrainer(samples: m.dataset.samples, settings: edited.mlp, seed: edited.seed)
        press(&state, "ee")
        fresh.run(maxEpochs: 2)
        XCTAssertEqual(state.mlp?.trainer.network.parameters, fresh.network.parameters)
    }

    /// In the numbers view a click on the diagram picks the unit's bias (then ↓ walks its incoming weights);
    /// a click on the table adds no point.
    func testClickingTheDiagramPicksAUnit() throws {
        var scenario = mlpScenario()
        scenario.mlp.initialWeights = [[[0.1, -0.2], [0.3, 0.4], [0.5, -0.6]], [[0.7], [0.8], [-0.9]]]
        var state = AppState(size: large, scenario: scenario)
        press(&state, "W")
        let area = MLPLayout(size: large).networkBox.inset(1)
        let m = try XCTUnwrap(state.mlp)
        let output = networkDiagram(m, area: area, glyphs: .unicode).position(layer: 2, unit: 0, in: area)
        update(&state, .mouse(column: output.column, row: output.row, button: .left))
        XCTAssertEqual(state.mlp?.note, "w(bias → o) = 0.7 (↓ its incoming weights)")
        update(&state, .key(.down))
        XCTAssertEqual(state.mlp?.note, "w(h1 → o) = 0.8")
        let h2 = networkDiagram(m, area: area, glyphs: .unicode).position(layer: 1, unit: 1, in: area)
        update(&state, .mouse(column: h2.column + 1, row: h2.row, button: .left))
        XCTAssertEqual(state.mlp?.note, "w(bias → h2) = −0.2 (↓ its incoming weights)")
        let points = m.dataset.samples.count
        let plot = MLPLayout(size: large).plotBox
        update(&state, .mouse(column: plot.x + plot.width / 2, row: plot.y + plot.height / 2, button: .left))
        XCTAssertEqual(state.mlp?.dataset.samples.count, points)
    }

    /// Step by step, the network diagram reverses the layer the phase is at: forward h, forward o, δ at o,
    /// δ at h, then (the update applied) none.
    func testThePhaseLayerIsHighlighted() throws {
        var state = AppState(size: large, scenario: mlpScenario())
        let box = MLPLayout(size: large).networkBox
        func reversedNodes() -> Int {
            let frame = view(state)
            return (box.y..<box.maxY).flatMap { row in (box.x..<box.maxX).map { frame[$0, row] } }
                .filter { $0.character == "●" && $0.style.attributes.contains(.reverse) }.count
        }
        var counts: [Int] = []
        for _ in 0..<5 {
            press(&state, "p")
            counts.append(reversedNodes())
        }
        XCTAssertEqual(state.mlp?.trainer.steps, 1)
        XCTAssertEqual(counts, [2, 1, 1, 2, 0])
    }

    /// Batch 16, α 0.9 and two references after 30 epochs; the help scrolled at 80×24.
    func testSnapshots() throws {
        for (size, glyphs, name) in [(small, Glyphs.unicode, "\(small)"), (large, .unicode, "\(large)"), (small, .ascii, "\(small)-ascii")] {
            var state = AppState(size: size, scenario: mlpScenario(kind: .circles, sizes: [2, 4, 1], seed: 1), glyphs: glyphs)
            for _ in 0..<10 { press(&state, "e") }
            press(&state, "RrBBAA")
            for _ in 0..<20 { press(&state, "e") }
            press(&state, "R")
            for _ in 0..<10 { press(&state, "e") }
            assertFrameSnapshots(state, named: name)
        }
        for (size, glyphs, name) in [(small, Glyphs.unicode, "\(small)"), (large, .unicode, "\(large)"), (small, .ascii, "\(small)-ascii")] {
            var state = AppState(size: size, scenario: mlpScenario(kind: .circles, sizes: [2, 8, 8, 1], seed: 1), glyphs: glyphs)
            press(&state, "eeW")
            update(&state, .key(.right))
            for _ in 0..<14 { update(&state, .key(.down)) }
            assertFrameSnapshots(state, named: "numbers-" + name)
        }
        var state = AppState(size: small, scenario: mlpScenario())
        press(&state, "?")
        assertFrameSnapshots(state, named: "help-top")
        for _ in 0..<2 { update(&state, .key(.pageDown)) }
        assertFrameSnapshots(state, named: "help-scrolled")
    }
}

/// The numbers view of a regression: E a point and each point's target beside ŷ; no accuracy, no classes.
final class RegressionNumbersTests: XCTestCase {
    func testARegressionsNumbersHaveTargetsAndNoAccuracy() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("mlp-regression-plane"))
        press(&state, "e")
        press(&state, "W")
        let text = view(state).plainText
        let first = try XCTUnwrap(state.mlp?.trainer.trainingSet.first)
        let target = try XCTUnwrap(first.target)
        XCTAssertTrue(text.contains("y = \(formatNumber(target, digits: 4)): ŷ = "), text)
        XCTAssertFalse(text.contains("accuracy"), text)
        XCTAssertFalse(text.contains("class 0:"), text)
        XCTAssertFalse(text.contains("+- speed"), "the bar shows + and - as the weight's step alone")
    }
}
