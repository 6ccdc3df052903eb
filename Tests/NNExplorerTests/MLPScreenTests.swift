import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// An MLP scenario built in code, so these tests do not depend on any scenario file.
func mlpScenario(kind: DatasetKind = .xor, sizes: [Int] = [2, 2, 1], classes: Int = 2, seed: UInt64 = 3,
                 validation: Double = 0, patience: Int? = nil, momentum: Double = 0) -> Scenario {
    var settings = MLPSettings()
    settings.sizes = sizes
    settings.maxEpochs = 3000
    settings.validationSplit = validation
    settings.patience = patience
    settings.momentum = momentum
    if sizes.last! > 1 { settings.output = .softmax; settings.loss = .crossEntropy }
    return Scenario(title: "MLP: test", summary: "test", seed: seed, model: .mlp,
                    data: .generator(DatasetGenerator(kind: kind, classes: classes)), mlp: settings, source: "test")
}

final class MLPScreenTests: XCTestCase {
    let size = Size(width: 100, height: 30)

    /// A learning rate far too large: the loss overflows, training stops with the status on screen, the keys
    /// that train do nothing more, and every panel still draws (no NaN reaches the picture as garbage).
    func testDivergenceIsShownAndStopsTraining() throws {
        var scenario = mlpScenario(kind: .separable, sizes: [2, 8, 8, 1])
        scenario.mlp.activation = .linear
        scenario.mlp.loss = .crossEntropy
        scenario.mlp.learningRate = 1e6
        scenario.mlp.initialization = .uniform(range: 50)
        var state = AppState(size: Size(width: 120, height: 40), scenario: scenario)
        for _ in 0..<20 { press(&state, "e") }
        let m = try XCTUnwrap(state.mlp)
        guard case .diverged(let epoch) = m.trainer.status else { return XCTFail("\(m.trainer.status)") }
        let text = view(state).plainText
        // The status wraps in the panel: what happened, then what to do.
        XCTAssertTrue(text.contains("status: diverged at epoch \(epoch): the loss overflowed;"), text)
        XCTAssertTrue(text.contains("lower η ([) and reset (r)"), text)
        XCTAssertTrue(text.contains("loss = NaN"), text)
        // NaN outputs are drawn unsure (level 0), not as class 0 at its strongest.
        let layout = MLPLayout(size: Size(width: 120, height: 40))
        let map = ScatterPlot(xRange: m.xRange, yRange: m.yRange).mapping(in: layout.plotBox.inset(1))
        XCTAssertTrue(m.regionPixels(map).allSatisfy { $0.level == 0 })
        let steps = m.trainer.steps
        press(&state, "ne ")
        XCTAssertEqual(state.mlp?.trainer.steps, steps)
        press(&state, "r")
        XCTAssertEqual(state.mlp?.trainer.status, .running)
    }

    /// w steps the weight decay λ through off, 0.0001, 0.001, 0.01 and back; training uses it from the next update.
    func testWeightDecayKey() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario())
        press(&state, "w")
        XCTAssertEqual(state.mlp?.trainer.settings.weightDecay, 0.0001)
        XCTAssertEqual(state.mlp?.note, "weight decay λ = 0.0001: each update also moves every weight but the biases by −η λ w")
        press(&state, "e")
        XCTAssertTrue(view(state).plainText.contains("λ = 0.0001"))
        press(&state, "ww")
        XCTAssertEqual(state.mlp?.trainer.settings.weightDecay, 0.01)
        press(&state, "w")
        XCTAssertEqual(state.mlp?.trainer.settings.weightDecay, 0)
        XCTAssertEqual(state.mlp?.note, "weight decay off")
    }

    func testKeysStepTrainAndShowTheLedger() throws {
        var state = AppState(size: size, scenario: mlpScenario())
        XCTAssertNotNil(state.mlp)
        press(&state, "n")
        XCTAssertEqual(state.mlp?.trainer.steps, 1)
        state.size = Size(width: 120, height: 40)   // room for every line of the update
        let text = view(state).plainText
        XCTAssertTrue(text.contains("x = (0, 0)   y = 0"), text)
        XCTAssertTrue(text.contains("h1: net "), text)
        XCTAssertTrue(text.contains("δ^o_k = ŷ_k(1 − ŷ_k)(y_k − ŷ_k)"), text)
        XCTAssertTrue(text.contains("δ^h_j = z_j(1 − z_j)·Σ_k w_jk δ_k"), text)
        press(&state, "e")
        XCTAssertEqual(state.mlp?.trainer.epoch, 1)
        XCTAssertEqual(state.mlp?.trainer.history.count, 1)
        XCTAssertTrue(view(state).plainText.contains("E = "), view(state).plainText)
    }

    /// The update panel's numbers are the trainer's: net, output and δ of the last sample.
    func testLedgerNumbersAreTheTrainers() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario())
        press(&state, "nn")
        let u = try XCTUnwrap(state.mlp?.trainer.lastUpdate)
        let text = view(state).plainText
        let o = "o: net \(formatNumber(u.pass.preActivations[2][0]))  ŷ \(formatNumber(u.pass.activations[2][0]))  δ \(formatNumber(u.pass.deltas[2][0]))"
        XCTAssertTrue(text.contains(o), "missing \(o) in\n\(text)")
    }

    func testPlayTrainsWholeEpochsAndStopsAtTheEnd() throws {
        var state = AppState(size: size, scenario: mlpScenario())
        press(&state, " ")
        XCTAssertEqual(state.tickInterval, 33)
        for _ in 0..<10 { update(&state, .tick) }   // 10 epochs a second at 33 ms a tick: 3.3 epochs
        XCTAssertEqual(state.mlp?.trainer.epoch, 3)
        press(&state, "+++++++++")   // 1000 epochs a second
        for _ in 0..<200 { update(&state, .tick) }
        XCTAssertEqual(state.mlp?.trainer.status, .finished(epochs: 3000))
        XCTAssertEqual(state.mlp?.playing, false)
    }

    func testLearningRateMomentumAndToggles() throws {
        var state = AppState(size: size, scenario: mlpScenario())
        press(&state, "]")
        XCTAssertEqual(state.mlp?.trainer.learningRate, 1)
        press(&state, "m")
        XCTAssertEqual(state.mlp?.trainer.settings.momentum, 0.9)
        press(&state, "m")
        XCTAssertEqual(state.mlp?.trainer.settings.momentum, 0)
        press(&state, "lz")
        XCTAssertEqual(state.mlp?.logScale, true)
        XCTAssertEqual(state.mlp?.discretize, true)
        // The scenario's own data is the built-in XOR: d skips it, and says so.
        press(&state, "d")
        XCTAssertEqual(state.mlp?.dataset.name, "circles")
        XCTAssertEqual(state.mlp?.note, "dataset: circles (XOR = scenario's)")
        press(&state, "d")
        XCTAssertEqual(state.mlp?.dataset.name, "two moons")
    }

    /// The regions are the network's: each pixel's class is what the network predicts there.
    func testRegionPixelsFollowTheNetwork() throws {
        var state = AppState(size: size, scenario: mlpScenario(kind: .blobs, sizes: [2, 6, 3], classes: 3))
        press(&state, "eeeee")
        let m = try XCTUnwrap(state.mlp)
        let map = ScatterPlot(xRange: m.xRange, yRange: m.yRange).mapping(in: MLPLayout(size: size).plotBox.inset(1))
        let pixels = m.regionPixels(map)
        XCTAssertEqual(pixels.count, map.area.width * map.area.height * 2)
        let p = map.point(subColumn: 3.5, subRow: 2.25)   // pixel row 4, column 3
        let outputs = m.trainer.network.predict([p.x, p.y])
        XCTAssertEqual(pixels[4 * map.area.width + 3].cls, outputs.indices.max { outputs[$0] < outputs[$1] })
    }

    /// Every panel is there at the smallest and a large size, in colour and without: the title with the
    /// epoch and step, the regions (half blocks, or textures) under every class's points, the network, the
    /// status and the key bar.
    func testEveryMLPFrameRendersAtBothSizes() throws {
        for scenario in [mlpScenario(), mlpScenario(kind: .blobs, sizes: [2, 8, 3], classes: 3, validation: 0.3, patience: 5),
                         mlpScenario(kind: .moons, sizes: [2, 8, 8, 1], momentum: 0.5)] {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                for theme in [Theme.standard, .monochrome] {
                    var state = AppState(size: size, scenario: scenario, theme: theme)
                    press(&state, "nneee")
                    let frame = view(state), text = frame.plainText, m = try XCTUnwrap(state.mlp)
                    let context = "\(scenario.mlp.sizes) at \(size), \(theme.name):\n\(text)"
                    XCTAssertEqual(frame.width, size.width)
                    XCTAssertTrue(frame.text(row: 0).contains("MLP: test"), context)
                    XCTAssertTrue(frame.text(row: 0).contains("epoch 3 · step \(m.trainer.steps)"), context)
                    XCTAssertTrue(frame.text(row: 1).hasPrefix("┌ x2 · decision regions"), context)
                    let map = ScatterPlot(xRange: m.xRange, yRange: m.yRange).mapping(in: MLPLayout(size: size).plotBox.inset(1))
                    let plot = (map.area.y..<map.area.maxY)
                        .map { String(frame.text(row: $0).dropFirst(map.area.x).prefix(map.area.width)) }.joined()
                    // Half blocks in colour; without shades a texture wherever the network is sure (nowhere, yet, for XOR).
                    XCTAssertEqual(plot.contains("▀"), theme == .standard, context)
                    let textures = Set((0..<4).map { RegionMap.texture(class: $0, glyphs: .unicode) })
                    let sure = m.regionPixels(map).contains { $0.level == 2 }
                    XCTAssertEqual(plot.contains { textures.contains($0) }, theme == .monochrome && sure, context)
                    for label in Set(m.trainer.trainingSet.map(\.label)) {
                        XCTAssertTrue(plot.contains(classGlyph(label, hollow: false, .unicode)), "class \(label) in " + context)
                    }
                    let sizes = m.trainer.network.sizes.map(String.init).joined(separator: "-")
                    XCTAssertTrue(text.contains("┌ network \(sizes) · sigmoid"), context)
                    XCTAssertTrue(text.contains("status: paused between epochs"), context)
                    XCTAssertFalse(text.contains("NaN"), context)
                    XCTAssertTrue(frame.text(row: size.height - 1).hasPrefix("space play  +- speed  p phase  n sample  e epoch"), context)
                }
            }
        }
    }

    /// The hidden-delta phase works each δ out with the (old) weights it uses; after `e` the panel shows the
    /// epoch's last update.
    func testHiddenDeltaPhaseShowsTheWeightsAndEpochRecordsItsLastUpdate() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario())
        press(&state, "pppp")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("phase 4 of 5: deltas of hidden layer 1"), text)
        let m = try XCTUnwrap(state.mlp), w = m.trainer.network.weights[1]   // not yet changed: the old weights
        let delta = try XCTUnwrap(m.pending?.update.pass.delta(layer: 2, unit: 0))
        for j in 0..<2 {
            let weight = DeltaFormulas(m.trainer.settings, glyphs: .unicode).factor(w[j + 1])
            XCTAssertTrue(text.contains("δ_h\(j + 1) = "), text)
            XCTAssertTrue(text.contains("\(weight)·\(DeltaFormulas(m.trainer.settings, glyphs: .unicode).factor(delta))"), "\(weight) in \(text)")
        }
        var epoch = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario())
        press(&epoch, "nne")
        XCTAssertEqual(epoch.mlp?.trainer.lastUpdate?.samples, [3])
        XCTAssertEqual(epoch.mlp?.trainer.lastUpdate?.step, 4)
    }

    /// `p` walks one update phase by phase; the weights change only at the last phase, and exactly as `n` would.
    func testPhaseStepping() throws {
        var phased = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario())
        var direct = phased
        XCTAssertEqual(phased.mlp?.phases, [.forward(layer: 1), .forward(layer: 2), .outputDeltas, .hiddenDeltas(layer: 1), .update])
        press(&phased, "p")
        var text = view(phased).plainText
        XCTAssertTrue(text.contains("phase 1 of 5: forward to hidden layer 1"), text)
        XCTAssertTrue(text.contains("h1: net "), text)
        XCTAssertFalse(text.contains("o: net "), text)
        XCTAssertFalse(text.contains("δ "), text)
        XCTAssertTrue(text.contains("net_j = Σ_i w_ij x_i (x_0 = 1: bias)"), text)
        press(&phased, "p")
        text = view(phased).plainText
        // Into the output the lecture's indices: ȳ_k = Σ w_jk z_j.
        XCTAssertTrue(text.contains("net_k = Σ_j w_jk z_j (z_0 = 1: bias), ŷ_k ="), text)
        press(&phased, "p")
        text = view(phased).plainText
        XCTAssertTrue(text.contains("phase 3 of 5: output deltas"), text)
        XCTAssertFalse(text.contains("h1: net "), text)   // only the layer being computed
        XCTAssertTrue(text.contains("δ^o_k = ŷ_k(1 − ŷ_k)(y_k − ŷ_k)"), text)
        XCTAssertEqual(phased.mlp?.trainer.steps, 0)
        press(&phased, "pp")
        XCTAssertEqual(phased.mlp?.trainer.steps, 1)
        XCTAssertNil(phased.mlp?.pending)
        press(&direct, "n")
        XCTAssertEqual(phased.mlp?.trainer.network, direct.mlp?.trainer.network)
        text = view(phased).plainText
        XCTAssertTrue(text.contains("phase 5 of 5: weight changes"), text)
        XCTAssertTrue(text.contains("Δw_ij = η δ_j z_i"), text)
        XCTAssertFalse(text.contains("α Δw_ij(t−1)"), text)   // no momentum here, so no momentum term
        var withMomentum = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario(momentum: 0.5))
        press(&withMomentum, "ppppp")
        XCTAssertTrue(view(withMomentum).plainText.contains("Δw_ij = η δ_j z_i + α Δw_ij(t−1)"))
        XCTAssertTrue(text.contains("Δw into o: b "), text)
        XCTAssertTrue(text.contains("Δw into h1: b "), text)   // the input→hidden changes too
        XCTAssertTrue(text.contains("Δw into h2: b "), text)
        press(&phased, "pn")   // another action leaves step-by-step mode
        XCTAssertNil(phased.mlp?.pending)
        XCTAssertEqual(phased.mlp?.trainer.steps, 2)
    }

    func testSnapshots() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: mlpScenario())
            press(&state, "eeeeeeeeeen")
            assertFrameSnapshots(state, named: "xor-\(size)")
        }
        var blobs = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario(kind: .blobs, sizes: [2, 6, 3], classes: 3, validation: 0.25))
        press(&blobs, "eeeeeeeeeen")
        assertFrameSnapshots(blobs, named: "blobs")
    }
}

final class MLPScreenEditingTests: XCTestCase {
    let size = Size(width: 120, height: 40)

    func testArchitectureAndActivationKeys() throws {
        var state = AppState(size: size, scenario: mlpScenario())
        press(&state, "J")
        XCTAssertEqual(state.mlp?.trainer.network.sizes, [2, 3, 1])
        press(&state, "K")
        XCTAssertEqual(state.mlp?.trainer.network.sizes, [2, 3, 3, 1])
        press(&state, "jk")
        XCTAssertEqual(state.mlp?.trainer.network.sizes, [2, 2, 1])
        press(&state, "a")
        XCTAssertEqual(state.mlp?.trainer.settings.activation, .tanh)
        XCTAssertEqual(state.mlp?.trainer.epoch, 0)
        XCTAssertTrue(view(state).plainText.contains("network 2-2-1 · tanh"))
        // h hides the side panels: the regions take the whole width; again, they come back.
        press(&state, "h")
        XCTAssertTrue(state.panelsHidden)
        XCTAssertFalse(view(state).plainText.contains("network 2-2-1"))
        XCTAssertEqual(MLPLayout(size: size, panelsHidden: true).plotBox.width, size.width)
        press(&state, "h")
        XCTAssertTrue(view(state).plainText.contains("network 2-2-1 · tanh"))
    }

    /// C cycles the colour themes this terminal can show, and says which one it is.
    func testThemeKeyCyclesTheAvailableThemes() throws {
        var state = AppState(size: size, scenario: mlpScenario())
        state.availableThemes = [.standard, .highContrast, .monochrome]
        press(&state, "C")
        XCTAssertEqual(state.theme.kind, .highContrast)
        XCTAssertTrue(view(state).plainText.contains("colours: high-contrast"))
        press(&state, "C")
        XCTAssertEqual(state.theme.kind, .monochrome)
        press(&state, "C")
        XCTAssertEqual(state.theme.kind, .standard)
        press(&state, "n")   // the remark lasts one frame
        XCTAssertFalse(view(state).plainText.contains("colours:"))
    }

    /// `u` shows each hidden unit's own output: its pixels follow that unit, not the network.
    func testHiddenUnitView() throws {
        var state = AppState(size: size, scenario: mlpScenario())
        press(&state, "eeeeeu")
        let m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.selectedUnit?.layer, 1)
        XCTAssertEqual(m.selectedUnit?.unit, 0)
        XCTAssertTrue(view(state).plainText.contains("output of hidden unit h1"))
        let map = ScatterPlot(xRange: m.xRange, yRange: m.yRange).mapping(in: MLPLayout(size: size).plotBox.inset(1))
        let pixels = m.regionPixels(map)
        var pass = ForwardPass(sizes: m.trainer.network.sizes)
        let p = map.point(subColumn: 10.5, subRow: 3.25)   // pixel row 6, column 10
        m.trainer.network.forward([p.x, p.y], into: &pass)
        XCTAssertEqual(pixels[6 * map.area.width + 10].cls, pass.activations[1][0] >= 0.5 ? 1 : 0)
        press(&state, "uu")
        XCTAssertNil(state.mlp?.selectedUnit)
    }

    func testClicksAddAndRemovePoints() throws {
        var state = AppState(size: size, scenario: mlpScenario())
        let m = try XCTUnwrap(state.mlp)
        let map = ScatterPlot(xRange: m.xRange, yRange: m.yRange).mapping(in: MLPLayout(size: size).plotBox.inset(1))
        let cell = (column: map.area.x + 3, row: map.area.y + 3)
        update(&state, .mouse(column: cell.column, row: cell.row, button: .left))
        XCTAssertEqual(state.mlp?.dataset.count, 5)
        XCTAssertEqual(state.mlp?.trainer.trainingSet.count, 5)
        XCTAssertEqual(state.mlp?.dataset.samples.last?.label, 1)
        update(&state, .mouse(column: cell.column, row: cell.row, button: .left))
        XCTAssertEqual(state.mlp?.dataset.count, 4)
        update(&state, .mouse(column: cell.column, row: cell.row, button: .right))
        XCTAssertEqual(state.mlp?.classToAdd, 0)
    }
}

final class MLPRestartsViewTests: XCTestCase {
    /// x trains K runs and shows them with their losses; Enter continues with the one of lowest loss.
    func testRestartsViewAndKeepingTheBest() throws {
        var scenario = mlpScenario()
        scenario.mlp.maxEpochs = 300
        var state = AppState(size: Size(width: 120, height: 40), scenario: scenario)
        press(&state, "x")
        let restarts = try XCTUnwrap(state.mlp?.restarts)
        XCTAssertEqual(restarts.runs.count, 4)
        let losses = restarts.runs.map(MLPRestarts.finalLoss)
        XCTAssertEqual(losses[restarts.best], losses.min())
        let text = view(state).plainText
        XCTAssertTrue(text.contains("★s\(restarts.runs[restarts.best].seed) E="), text)
        update(&state, .key(.enter))
        XCTAssertNil(state.mlp?.restarts)
        XCTAssertEqual(state.mlp?.trainer.network, restarts.runs[restarts.best].network)
        XCTAssertEqual(state.mlp?.seed, restarts.runs[restarts.best].seed)
    }
}

final class MLPDataKeysTests: XCTestCase {
    func testCountNoiseAndValidationKeys() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario(kind: .moons))
        XCTAssertEqual(state.mlp?.dataset.count, 200)
        press(&state, "T")
        XCTAssertEqual(state.mlp?.dataset.count, 400)
        press(&state, "tt")
        XCTAssertEqual(state.mlp?.dataset.count, 100)
        press(&state, "O")
        XCTAssertEqual(state.mlp?.generator?.noise, 0.15)
        press(&state, "VV")
        XCTAssertEqual(state.mlp?.trainer.settings.validationSplit, 0.2)
        XCTAssertEqual(state.mlp?.trainer.validationSet.count, 20)
        XCTAssertEqual(state.mlp?.trainer.trainingSet.count, 80)
        press(&state, "vv")
        XCTAssertEqual(state.mlp?.trainer.validationSet.count, 0)
    }

    func testFixedPointsCannotBeRegenerated() throws {
        var scenario = mlpScenario()
        scenario.data = .points([Sample(0, 0, label: 0), Sample(1, 1, label: 1)])
        var state = AppState(size: Size(width: 120, height: 40), scenario: scenario)
        press(&state, "T")
        XCTAssertEqual(state.mlp?.dataset.count, 2)
        XCTAssertEqual(state.mlp?.note, "these points are fixed (inline or CSV)")
    }
}

final class MLPBudgetTests: XCTestCase {
    /// Small nets get every pixel; a big one is evaluated in blocks, and the pixels stay consistent.
    func testRegionsOfABigNetworkAreComputedInBlocks() {
        var rng = SplitMix64(seed: 1)
        let small = MLP(sizes: [2, 8, 8, 1], activation: .tanh, output: .sigmoid, initialization: .xavier, rng: &rng)
        let big = MLP(sizes: [2, 256, 256, 256, 1], activation: .tanh, output: .sigmoid, initialization: .xavier, rng: &rng)
        XCTAssertEqual(MLPExplorer.regionBlock(net: small, pixels: 20_000), 1)
        let block = MLPExplorer.regionBlock(net: big, pixels: 20_000)
        XCTAssertGreaterThan(block, 1)
        let map = PlotMapping(area: Rect(x: 0, y: 0, width: 40, height: 20), xRange: -1...1, yRange: -1...1)
        let pixels = MLPExplorer.regionPixels(of: big, map)
        XCTAssertEqual(pixels.count, 40 * 40)
        let blockHere = MLPExplorer.regionBlock(net: big, pixels: 1_600)
        if blockHere > 1 { XCTAssertTrue(pixels[1] == pixels[0]) }
    }

    func testPlayingABigNetworkIsCappedPerTick() {
        var scenario = mlpScenario(kind: .spirals, sizes: [2, 64, 64, 1])
        scenario.mlp.maxEpochs = 100_000
        var state = AppState(size: Size(width: 100, height: 30), scenario: scenario)
        press(&state, " +++++++")   // 1000 epochs a second: 33 an unbounded tick
        update(&state, .tick)
        let epochs = state.mlp!.trainer.epoch
        XCTAssertGreaterThanOrEqual(epochs, 1)
        XCTAssertLessThan(epochs, 33)
    }
}

final class MLPHiddenUnitsViewTests: XCTestCase {
    func testAllUnitsViewShowsOneMapPerHiddenUnit() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario(sizes: [2, 3, 2, 1]))
        press(&state, "eU")
        XCTAssertEqual(state.mlp?.showUnits, true)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("hidden units: each one's output over the plane"), text)
        for name in ["h1.1", "h1.2", "h1.3", "h2.1", "h2.2"] { XCTAssertTrue(text.contains("┌ \(name) "), name) }
        press(&state, "uU")   // a unit selected, then back: the network's own regions
        XCTAssertNil(state.mlp?.selectedUnit)
        XCTAssertTrue(view(state).plainText.contains("decision regions"))
    }
}

final class MLPLedgerFocusTests: XCTestCase {
    /// With a hidden unit selected, the update panel shows that unit, the outputs and the weights into it.
    func testSelectedUnitFocusesTheLedger() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario(sizes: [2, 6, 1]))
        press(&state, "nnnuu")   // the third sample, x = (1, 0): the weight from x1 changes
        let text = view(state).plainText
        XCTAssertTrue(text.contains("h2: net "), text)
        XCTAssertFalse(text.contains("h1: net "), text)
        XCTAssertFalse(text.contains("h3: net "), text)
        XCTAssertTrue(text.contains("o: net "), text)
        let u = try XCTUnwrap(state.mlp?.trainer.lastUpdate)
        let change = u.weightChanges[0][1 * 6 + 1]   // from x1 to h2
        XCTAssertTrue(text.contains("Δw into h2: b "), text)
        XCTAssertNotEqual(formatNumber(change), "0")
        XCTAssertTrue(text.contains("x1 \(change > 0 ? "+" : "")\(formatNumber(change))"), text)
    }

    /// 2-50-1: the panel lists the first hidden units and says which are not listed (never a silent cut), the
    /// network draws "+N" for the units it has no row for, and a panel too short says how many lines are left.
    func testBigLayersSayWhatTheyLeaveOut() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario(sizes: [2, 50, 1]))
        press(&state, "n")
        var text = view(state).plainText
        XCTAssertTrue(text.contains("h4: net "), text)
        XCTAssertFalse(text.contains("h5: net "), text)
        XCTAssertTrue(text.contains("… h5…h50 not listed: u shows one unit"), text)
        XCTAssertTrue(text.contains("… 46 more"), text)   // the output's Δw from h5 on
        XCTAssertTrue(text.contains("+4"), text)
        // One unit selected: its numbers and its δ worked out.
        press(&state, "u")
        text = view(state).plainText
        XCTAssertTrue(text.contains("h1: net "), text)
        XCTAssertTrue(text.contains("δ_h1 = "), text)
        state.size = Size(width: 80, height: 24)
        XCTAssertTrue(view(state).plainText.contains(" more lines (taller window)"), view(state).plainText)
        // The weight-change phase lists a big layer's first few changes into each unit, so walking the phases
        // at 120x40 keeps the loss curve and the network.
        state.size = Size(width: 120, height: 40)
        press(&state, "ppppp")
        text = view(state).plainText
        XCTAssertTrue(text.contains("phase 5 of 5: weight changes"), text)
        XCTAssertTrue(text.contains("… 46 more"), text)
        XCTAssertNil(MLPLayout(try XCTUnwrap(state.mlp), size: state.size, glyphs: .unicode).givenWay, text)
    }

    /// At 80×24 the phases of `p` take the loss curve's rows (and the network's) rather than cutting their own
    /// numbers, and the panel says what is hidden and how many more rows show it.
    func testPhasesAtSmallSizesShowTheirNumbers() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: mlpScenario())
        press(&state, "ppppp")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("phase 5 of 5: weight changes"), text)
        for unit in ["o", "h1", "h2"] { XCTAssertTrue(text.contains("Δw into \(unit): b "), text) }
        let layout = MLPLayout(try XCTUnwrap(state.mlp), size: state.size, glyphs: .unicode)
        let gone = try XCTUnwrap(layout.givenWay)
        // The hidden δ's chain-rule derivation is the longest phase: both boxes give way while stepping.
        XCTAssertEqual(gone.boxes, ["loss curve", "network"])
        XCTAssertTrue(text.contains("+\(gone.rowsMissing) rows show all"), text)
        // With those rows more, both show.
        state.size = Size(width: 80, height: 24 + gone.rowsMissing)
        XCTAssertNil(MLPLayout(try XCTUnwrap(state.mlp), size: state.size, glyphs: .unicode).givenWay)
        XCTAssertTrue(view(state).plainText.contains("E per epoch"))
        XCTAssertTrue(view(state).plainText.contains("Δw into h2: b "))
    }

}

final class MLPMomentumViewTests: XCTestCase {
    /// M trains this run's first weights twice, without momentum and with α (0.9 while momentum is off), and
    /// shows them side by side; M again, or a key that trains, closes the view.
    func testMomentumSideBySide() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario(seed: 5))
        press(&state, "M")
        let m = try XCTUnwrap(state.mlp)
        let runs = try XCTUnwrap(m.momentumRuns)
        XCTAssertEqual(runs.map(\.settings.momentum), [0, 0.9])
        XCTAssertEqual(runs[0].seed, m.trainer.seed)
        // The same first weights: a fresh trainer of this seed starts where both runs started.
        let fresh = MLPTrainer(samples: m.dataset.samples, settings: m.trainer.settings, seed: m.trainer.seed)
        XCTAssertEqual(fresh.network.weights, m.trainer.network.weights)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("momentum: same first weights, \(runs[0].epoch) epochs each"), text)
        XCTAssertTrue(text.contains("α=0 E="), text)
        XCTAssertTrue(text.contains("side by side (left)"), text)
        press(&state, "M")
        XCTAssertNil(state.mlp?.momentumRuns)
        press(&state, "Mn")
        XCTAssertNil(state.mlp?.momentumRuns)
    }

    /// The status line agrees with the header: not started, paused in or after an epoch, training while playing.
    func testStatusSaysWhatTheHeaderSays() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario())
        XCTAssertTrue(view(state).plainText.contains("status: not started"))
        press(&state, "n")
        XCTAssertTrue(view(state).plainText.contains("status: paused mid-epoch, 1 of 4 samples done"), view(state).plainText)
        press(&state, "e")
        XCTAssertTrue(view(state).plainText.contains("status: paused between epochs"), view(state).plainText)
        press(&state, " ")
        XCTAssertTrue(view(state).plainText.contains("status: training"), view(state).plainText)
        XCTAssertFalse(view(state).plainText.contains("paused"), view(state).plainText)
    }

}

final class MLPPointTests: XCTestCase {
    /// Every class point sits on the halo background, never on its region's colour (▲ orange on the orange
    /// region vanished), on every theme that shades regions with backgrounds.
    func testPointsStandOutFromTheirRegions() throws {
        for theme in [Theme.standard, .highContrast, .light] {
            var state = AppState(size: Size(width: 100, height: 30), scenario: mlpScenario(kind: .circles), theme: theme)
            press(&state, "eeeee")
            let frame = view(state)
            let area = MLPLayout(size: state.size).plotBox.inset(1)   // not the legend on its border
            let points = (area.y..<area.maxY).flatMap { row in (area.x..<area.maxX).map { frame[$0, row] } }
                .filter { "●▲○△".contains($0.character) && [.classA, .classB].contains($0.style.foreground) }
            XCTAssertGreaterThan(points.count, 20)
            XCTAssertTrue(points.allSatisfy { $0.style.background == .pointHalo }, "\(theme.kind)")
            XCTAssertNotEqual(theme.resolve(Style(.classB, background: .pointHalo)).background, theme.resolve(Style(.classB, background: .regionB3)).background)
        }
    }

}

final class MLPDataKeyTests: XCTestCase {
    /// `d` skips a built-in set equal to the scenario's own data (it would look as if nothing happened).
    func testDataKeySkipsTheScenariosOwnData() throws {
        var state = AppState(size: Size(width: 100, height: 30), scenario: mlpScenario(kind: .circles))
        let own = try XCTUnwrap(state.mlp).dataset.samples
        var names: [String] = []
        for _ in 0..<(try XCTUnwrap(state.mlp).data.choices.count) {
            press(&state, "d")
            let m = try XCTUnwrap(state.mlp)
            if case .builtin = m.dataChoice { XCTAssertNotEqual(m.dataset.samples, own, "\(m.dataset.name) is the scenario's data again") }
            names.append(m.note ?? "")
        }
        XCTAssertTrue(names.contains { $0.hasSuffix("(circles = scenario's)") }, "\(names)")
    }
}
