import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// The error-surface view (E): its arrow is the slope, its E the trainer's, its bands the error at each
/// pixel, its keys and notes, and its frames.
final class SurfaceTests: XCTestCase {
    private let size = Size(width: 120, height: 40)

    /// XOR on a 2-3-1 net with momentum, a few epochs and updates in, the surface open.
    private func opened(_ keys: String = "eeeenn", size: Size? = nil, momentum: Double = 0.9) -> AppState {
        var state = AppState(size: size ?? self.size, scenario: mlpScenario(sizes: [2, 3, 1], momentum: momentum))
        press(&state, keys + "E")
        return state
    }

    private func surfaceLayout(_ state: AppState) throws -> (MLPExplorer, SurfaceView, SurfaceLayout) {
        let m = try XCTUnwrap(state.mlp), surface = try XCTUnwrap(m.surface)
        let box = MLPLayout(size: state.size, panelsHidden: state.panelsHidden).plotBox
        return (m, surface, SurfaceLayout(m, surface, box: box, glyphs: state.glyphs, shades: state.theme.shadesWithBackground))
    }

    /// ∂E/∂w (and ∂E_t/∂w) against central differences of the error with the two weights moved, and the
    /// arrow −η ∂E/∂w drawn from ◆ to its tip.
    func testTheArrowIsTheSlopeTimesMinusEta() throws {
        var state = opened()
        for error in [SurfaceError.all, .nextUpdate] {
            if error == .nextUpdate { press(&state, "b") }
            let (m, surface, layout) = try surfaceLayout(state)
            let f = layout.figures
            XCTAssertEqual(f.error, error)
            let h = 1e-6
            let slopeA = (f.surface.error(surface.a, f.now.a + h, surface.b, f.now.b) - f.surface.error(surface.a, f.now.a - h, surface.b, f.now.b)) / (2 * h)
            let slopeB = (f.surface.error(surface.a, f.now.a, surface.b, f.now.b + h) - f.surface.error(surface.a, f.now.a, surface.b, f.now.b - h)) / (2 * h)
            XCTAssertEqual(f.slope.a, slopeA, accuracy: 1e-7 * max(1, abs(slopeA)))
            XCTAssertEqual(f.slope.b, slopeB, accuracy: 1e-7 * max(1, abs(slopeB)))
            XCTAssertEqual(f.step.a, -m.learningRate * f.slope.a)
            XCTAssertEqual(f.step.b, -m.learningRate * f.slope.b)
            // Drawn: ◆ at the weights, the head at the arrow's tip, at least a pixel away.
            let frame = view(state)
            let now = try XCTUnwrap(layout.cell(f.now.a, f.now.b)), tip = try XCTUnwrap(layout.cell(f.now.a + f.step.a, f.now.b + f.step.b))
            XCTAssertEqual(frame[now.column, now.row].character, "◆")
            XCTAssertNotEqual(now.column * 1000 + now.row, tip.column * 1000 + tip.row)
            XCTAssertTrue("→↗↑↖←↙↓↘".contains(frame[tip.column, tip.row].character), "\(frame[tip.column, tip.row].character)")
        }
    }

    /// E_t's arrow is the next update's own step, and the dashed one with momentum is all of it:
    /// `−η ∂E_t/∂w + α Δw(t−1)` = Δw of the update that n makes next.
    func testTheSampleErrorsStepsAreTheNextUpdate() throws {
        var state = opened()
        press(&state, "b")
        let (m, surface, layout) = try surfaceLayout(state)
        let f = layout.figures
        var ahead = m.trainer
        let u = try XCTUnwrap(ahead.step())
        XCTAssertEqual(f.samples, u.samples)
        func change(_ w: WeightIndex, _ values: [[Double]]) -> Double { values[w.layer][w.from * m.trainer.network.sizes[w.layer + 1] + w.to] }
        XCTAssertEqual(f.step.a, change(surface.a, u.weightChanges) - change(surface.a, u.momentumTerms), accuracy: 1e-15)
        XCTAssertEqual(f.step.b, change(surface.b, u.weightChanges) - change(surface.b, u.momentumTerms), accuracy: 1e-15)
        let both = try XCTUnwrap(f.momentumStep)
        XCTAssertEqual(both.a, change(surface.a, u.weightChanges), accuracy: 1e-15)
        XCTAssertEqual(both.b, change(surface.b, u.weightChanges), accuracy: 1e-15)
        // n makes that update: the weights move by the dashed arrow.
        press(&state, "n")
        let moved = try XCTUnwrap(state.mlp).trainer.network
        XCTAssertEqual(moved.parameters[surface.a.flat(in: moved)], f.now.a + both.a, accuracy: 1e-15)
        XCTAssertEqual(moved.parameters[surface.b.flat(in: moved)], f.now.b + both.b, accuracy: 1e-15)
    }

    /// At an epoch's end E at the weights is the trainer's loss for it, to the bit, and the caption says it.
    func testTheErrorHereIsTheTrainersLoss() throws {
        let state = opened("eeeee")
        let (m, _, layout) = try surfaceLayout(state)
        let loss = try XCTUnwrap(m.trainer.history.last).loss
        XCTAssertEqual(layout.figures.value, loss)
        XCTAssertTrue(view(state).plainText.contains("◆ now: E = \(formatSignificant(loss, significant: 4)) at (w_a, w_b) = "))
    }

    /// Each pixel's band is that of E computed directly at the pixel's centre.
    func testTheBandsAreTheErrorAtEachPixel() throws {
        let state = opened()
        let (_, surface, layout) = try surfaceLayout(state)
        let f = layout.figures, w = layout.window
        let values = layout.values(surface)
        let bands = layout.bands(values)
        let frame = view(state)
        for (column, pixelRow) in [(0, 0), (3, 17), (w.columns / 2, w.rows / 2), (w.columns - 1, w.rows - 1), (w.columns / 3, 5)] {
            let direct = f.surface.error(surface.a, f.now.a + w.offsetA(column), surface.b, f.now.b + w.offsetB(pixelRow))
            let value = values[pixelRow * w.columns + column]
            XCTAssertEqual(value, direct, accuracy: 2e-5 * direct)
            // Away from a cut, the drawn shade is the direct value's band.
            guard !bands.cuts.contains(where: { abs($0 - direct) < 1e-4 }) else { continue }
            let cell = frame[layout.cells.x + column, layout.cells.y + pixelRow / 2]
            guard cell.character == "▀" else { continue }   // a mark drawn over the band
            let role = pixelRow % 2 == 0 ? cell.style.foreground : cell.style.background
            XCTAssertEqual(role, .grey(ContourBands(bands: [], count: bands.count).level(bands.band(direct))), "pixel (\(column), \(pixelRow))")
        }
        // The window: centred on the weights, the same scale across and up, a 1, 2 or 5 × 10ᵏ half-width.
        XCTAssertEqual((w.aRange.lowerBound + w.aRange.upperBound) / 2, f.now.a, accuracy: 1e-12)
        XCTAssertEqual((w.aRange.upperBound - w.aRange.lowerBound) / Double(w.columns), (w.bRange.upperBound - w.bRange.lowerBound) / Double(w.rows),
                       accuracy: 1e-12)
        XCTAssertTrue([1.0, 2, 5].contains { m in (0...8).contains { e in abs(w.halfWidth - m * pow(10, Double(e - 4))) < 1e-12 } }, "\(w.halfWidth)")
        // The path from the first weights is in the window, with the first weights marked.
        let first = try XCTUnwrap(layout.path.first)
        let start = try XCTUnwrap(layout.cell(first.a, first.b))
        XCTAssertEqual(frame[start.column, start.row].character, "○")
    }

    /// Before any update the default pair is the steepest; after training, the two that changed most since the
    /// first weights; the screen says which.
    func testTheDefaultWeights() throws {
        var state = AppState(size: size, scenario: mlpScenario(sizes: [2, 3, 1]))
        press(&state, "E")
        var m = try XCTUnwrap(state.mlp)
        let gradient = ErrorSurface(network: m.trainer.network, samples: m.trainer.trainingSet, loss: .squaredError).gradient().map(abs)
        let steepest = gradient.indices.sorted { gradient[$0] > gradient[$1] }
        XCTAssertEqual([m.surface!.a.flat(in: m.trainer.network), m.surface!.b.flat(in: m.trainer.network)], Array(steepest.prefix(2)))
        XCTAssertTrue(view(state).plainText.contains("these two: steepest at update 0"))
        press(&state, "E" + String(repeating: "e", count: 30) + "E")
        m = try XCTUnwrap(state.mlp)
        let net = m.trainer.network
        let change = net.parameters.indices.map { abs(net.parameters[$0] - m.weightPath.value(0, of: $0)) }
        let most = change.indices.sorted { change[$0] > change[$1] }
        XCTAssertEqual([m.surface!.a.flat(in: net), m.surface!.b.flat(in: net)], Array(most.prefix(2)))
        XCTAssertTrue(view(state).plainText.contains("these two: changed most by update \(m.trainer.steps)"))
    }

    /// The path: the first weights, then one entry an update (n) or an epoch (e); a reset starts it again.
    func testThePathRecordsUpdatesAndEpochs() throws {
        var state = opened("", momentum: 0)
        XCTAssertEqual(state.mlp?.weightPath.count, 1)
        press(&state, "nnne")
        let m = try XCTUnwrap(state.mlp)
        XCTAssertEqual(m.weightPath.count, 5)
        XCTAssertEqual(Array(m.weightPath.values.suffix(m.weightPath.stride)), m.trainer.network.parameters)
        press(&state, "r")
        XCTAssertEqual(state.mlp?.weightPath.count, 1)
        XCTAssertEqual(state.mlp?.weightPath.values, state.mlp?.trainer.network.parameters)
    }

    /// Every surface key, and what a key says when it cannot act.
    func testKeysAndNotes() throws {
        var state = AppState(size: size, scenario: mlpScenario(sizes: [2, 3, 1]))
        press(&state, "b")
        XCTAssertEqual(state.mlp?.note, "press E for the error surface first")
        press(&state, ",")
        XCTAssertEqual(state.mlp?.note, "press E for the error surface first")
        press(&state, "eE")
        var s = try XCTUnwrap(state.mlp?.surface)
        let weights = WeightIndex.all(in: try XCTUnwrap(state.mlp).trainer.network)
        press(&state, ".")
        let next = weights[(weights.firstIndex(of: s.a)! + 1) % weights.count]
        XCTAssertEqual(state.mlp?.surface?.a, next == s.b ? weights[(weights.firstIndex(of: s.a)! + 2) % weights.count] : next)
        XCTAssertNil(state.mlp?.surface?.chosenBecause)
        press(&state, ",")
        XCTAssertEqual(state.mlp?.surface?.a, s.a)
        press(&state, "<>")
        XCTAssertEqual(state.mlp?.surface?.b, s.b)
        // Up never lands on the weight across.
        for _ in weights.indices { press(&state, ">"); XCTAssertNotEqual(state.mlp?.surface?.a, state.mlp?.surface?.b) }
        press(&state, "b")
        XCTAssertEqual(state.mlp?.surface?.error, .nextUpdate)
        XCTAssertTrue(view(state).plainText.contains("E_t of the next update's sample"))
        press(&state, "b")
        XCTAssertEqual(state.mlp?.surface?.error, .all)
        // Zoom: one step of 1, 2, 5 × 10ᵏ from the fitted window.
        let fitted = try surfaceLayout(state).2.window.halfWidth
        press(&state, "}")
        XCTAssertEqual(state.mlp?.surface?.zoom, 1)
        XCTAssertEqual(state.mlp?.note, "window 1 step wider than the fitted one")
        XCTAssertEqual(try surfaceLayout(state).2.window.halfWidth, niceAtLeast(fitted * 1.5), accuracy: fitted * 1e-12)
        press(&state, "{{")
        XCTAssertEqual(try surfaceLayout(state).2.window.halfWidth, niceAtLeast(fitted / 2.5), accuracy: fitted * 1e-12)
        press(&state, String(repeating: "{", count: 10))
        XCTAssertEqual(state.mlp?.surface?.zoom, -6)
        XCTAssertEqual(state.mlp?.note, "the window is at its narrowest (6 steps from the fitted one)")
        press(&state, "/")
        s = try XCTUnwrap(state.mlp?.surface)
        XCTAssertEqual(s.zoom, 0)
        XCTAssertEqual(s.chosenBecause, "changed most by update \(try XCTUnwrap(state.mlp).trainer.steps)")
        // A new network shape: a pair it no longer has goes back to the default.
        press(&state, "J")
        XCTAssertTrue(try XCTUnwrap(state.mlp?.surface).a.exists(in: try XCTUnwrap(state.mlp).trainer.network))
        press(&state, "E")
        XCTAssertNil(state.mlp?.surface)
        XCTAssertEqual(state.mlp?.note, "error surface closed")
    }

    /// While playing, a big net's surface takes one value for a block of pixels, and says so; paused, one a
    /// pixel (a 2-16-16-1 net on 1,000 points at 120×40 fits the budget).
    func testABigNetPlaysOnACoarserGrid() throws {
        var scenario = mlpScenario(kind: .moons, sizes: [2, 16, 16, 1])
        scenario.data = .generator(DatasetGenerator(kind: .moons, count: 1_000))
        var state = AppState(size: size, scenario: scenario)
        press(&state, "E")
        // The costliest kind of pair: both weights into the first hidden layer, every unit above them recomputed.
        var m = try XCTUnwrap(state.mlp)
        m.setSurfaceWeights(WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 0, from: 2, to: 5))
        state.screen = .mlp(m)
        XCTAssertEqual(try surfaceLayout(state).2.block, 1)
        press(&state, " ")
        XCTAssertEqual(try surfaceLayout(state).2.block, 2)
        XCTAssertTrue(view(state).plainText.contains("2×2 pixels a value (playing)"), view(state).plainText)
    }

    /// At 80×24 the words that name things stay: the weights, E there and the step; ASCII and monochrome
    /// draw contour digits instead of shades.
    func testSmallAsciiAndMonochrome() throws {
        var state = opened(size: Size(width: 80, height: 24))
        var text = view(state).plainText
        for shown in ["◆ E = ", "→ −η ∂E/∂w = ", "⇢ ", "w(", "E over "] { XCTAssertTrue(text.contains(shown), "\(shown)\n\(text)") }
        state.glyphs = .ascii
        state.theme = .monochrome
        text = view(state).plainText
        for shown in ["@ E = ", "-> -eta dE/dw = ", ":> ", "w(", "->", "0 low"] { XCTAssertTrue(text.contains(shown), "\(shown)\n\(text)") }
    }

    /// A diverged network (NaN weights): the surface still draws, and says there is no next update.
    func testADivergedNetworkStillDraws() throws {
        var scenario = mlpScenario(kind: .separable, sizes: [2, 8, 8, 1], momentum: 0.9)
        scenario.mlp.activation = .linear
        scenario.mlp.loss = .crossEntropy
        scenario.mlp.learningRate = 1e6
        scenario.mlp.initialization = .uniform(range: 50)
        var state = AppState(size: size, scenario: scenario)
        press(&state, String(repeating: "e", count: 20) + "E")
        guard case .diverged = try XCTUnwrap(state.mlp).trainer.status else { return XCTFail("not diverged") }
        let m = try XCTUnwrap(state.mlp), surface = try XCTUnwrap(m.surface)
        let text = view(state).plainText
        if m.trainer.network.parameters[surface.a.flat(in: m.trainer.network)].isFinite {
            XCTAssertTrue(text.contains("no next update: no momentum step"), text)
        } else {
            XCTAssertTrue(text.contains("that are not numbers (r resets)"), text)
        }
        press(&state, "b")
        XCTAssertEqual(state.mlp?.note, "training has ended: no next update, so E over all the points")
        XCTAssertTrue(view(state).plainText.contains("E over all"), "E_t needs a next update")
    }

    func testSnapshots() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            assertFrameSnapshots(opened(size: size), named: "xor-\(size.width)x\(size.height)")
        }
        var ascii = opened(size: Size(width: 80, height: 24))
        ascii.glyphs = .ascii
        ascii.theme = .monochrome
        assertFrameSnapshots(ascii, named: "xor-80x24-ascii")
        var sample = opened()
        press(&sample, "b")
        assertFrameSnapshots(sample, named: "xor-120x40-sample")
    }
}
