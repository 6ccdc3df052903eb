import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Lesson 3a's narration against its frames, beat by beat, at the three sizes lessons promise: every
/// claim's number is computed here and found on the frame.
final class GradientDescentLessonTests: XCTestCase {
    private let lessonName = "lesson-3a-gradient-descent"

    /// The lesson after `beats` presses at `size`, its MLP, the surface on screen and the frame.
    private struct Beat {
        let state: AppState
        let m: MLPExplorer
        let surface: SurfaceView
        let layout: SurfaceLayout
        let frame: Frame
        var text: String { frame.plainText }
        var figures: SurfaceFigures { layout.figures }
    }

    private func beat(_ beats: Int, _ size: Size) throws -> Beat {
        var state = AppState(size: size, scenario: try builtin(lessonName))
        for _ in 0..<beats { update(&state, .key(.right)) }
        let lesson = try XCTUnwrap(state.lesson)
        guard case .mlp(let m) = lesson.explorer else { throw XCTSkip("not an MLP") }
        let surface = try XCTUnwrap(m.surface)
        let picture = LessonPicture(lesson, size: size, glyphs: .unicode)
        let box = MLPLayout(size: picture.layout.explorerSize, panelsHidden: picture.panelsHidden).plotBox
        return Beat(state: state, m: m, surface: surface, layout: SurfaceLayout(m, surface, box: box, glyphs: .unicode, shades: true),
                    frame: view(state))
    }

    private func length(_ v: (a: Double, b: Double)) -> Double { (v.a * v.a + v.b * v.b).squareRoot() }

    /// The band of each pixel within `radius` pixels of the weights now.
    private func bandsAround(_ b: Beat, radius: Int) -> Set<Int> {
        let values = b.layout.values(b.surface), bands = b.layout.bands(values), w = b.layout.window
        var found = Set<Int>()
        for row in (w.rows / 2 - radius)...(w.rows / 2 + radius) {
            for column in (w.columns / 2 - radius)...(w.columns / 2 + radius) { found.insert(bands.band(values[row * w.columns + column])) }
        }
        return found
    }

    func testEachBeatShowsWhatItSays() throws {
        for size in LessonCoverageTests.sizes {
            let place = "at \(size.width)x\(size.height)"
            // 1. "w(b→o) across and w(h2→o) up, the two steepest now … ◆ … the arrow is the step −η ∂E/∂w, downhill
            //    across the bands."
            let first = try beat(1, size)
            XCTAssertEqual(first.surface.a, WeightIndex(layer: 1, from: 0, to: 0))
            XCTAssertEqual(first.surface.b, WeightIndex(layer: 1, from: 2, to: 0))
            XCTAssertEqual(first.surface.chosenBecause, "steepest at update 0")
            for shown in ["w(b→o)", "w(h2→o) · E", "→ −η ∂E/∂w = "] { XCTAssertTrue(first.text.contains(shown), "\(shown) \(place)\n\(first.text)") }
            let f1 = first.figures
            let here = try XCTUnwrap(first.layout.cell(f1.now.a, f1.now.b)), tip = try XCTUnwrap(first.layout.cell(f1.now.a + f1.step.a, f1.now.b + f1.step.b))
            XCTAssertEqual(first.frame[here.column, here.row].character, "◆", place)
            XCTAssertTrue("→↗↑↖←↙↓↘".contains(first.frame[tip.column, tip.row].character), place)
            XCTAssertLessThan(f1.surface.error(first.surface.a, f1.now.a + f1.step.a, first.surface.b, f1.now.b + f1.step.b), f1.value)
            let bands1 = first.layout.bands(first.layout.values(first.surface))
            XCTAssertGreaterThan(bands1.count, 2, place)   // bands to cross

            // 2. "E_t, the error of one sample: here the next one, (0, 0). Its landscape differs, and so does its arrow."
            let second = try beat(2, size)
            let f2 = second.figures
            XCTAssertEqual(f2.error, .nextUpdate)
            XCTAssertEqual(f2.samples, [0])
            XCTAssertEqual(second.m.trainer.trainingSet[0], Sample(0, 0, label: 0))
            XCTAssertTrue(second.text.contains("E_t of the next update's sample (0, 0)") || second.text.contains("E_t of sample (0, 0)"),
                          "\(place)\n\(second.text)")
            XCTAssertNotEqual(f2.value, f1.value)
            XCTAssertGreaterThan(abs(length(f2.step) - length(f1.step)), 0.01 * length(f1.step))

            // 3. "The update moves the weights by exactly that arrow; the next sample has a landscape of its own."
            let third = try beat(3, size)
            XCTAssertEqual(third.figures.now.a, f2.now.a + f2.step.a, accuracy: 1e-15)
            XCTAssertEqual(third.figures.now.b, f2.now.b + f2.step.b, accuracy: 1e-15)
            XCTAssertEqual(third.figures.samples, [1])
            XCTAssertTrue(third.text.contains("(0, 1)"), place)

            // 4. "Back on E: sample after sample the steps zig-zag across E's bands; only on the whole do they go
            //    downhill." Eight updates: the path turns back, E goes up on the way, and ends lower.
            let fourth = try beat(4, size)
            XCTAssertEqual(fourth.figures.error, .all)
            let path = fourth.layout.path + [fourth.figures.now]
            XCTAssertEqual(path.count, 10)   // the first weights, eight updates, now (= the last)
            let steps = zip(path, path.dropFirst()).map { (a: $1.a - $0.a, b: $1.b - $0.b) }.filter { length($0) > 0 }
            XCTAssertTrue(zip(steps, steps.dropFirst()).contains { $0.a * $1.a + $0.b * $1.b < 0 }, "no turn \(place)")
            let errors = (0..<fourth.m.weightPath.count).map { n -> Double in
                var net = fourth.m.trainer.network
                net.parameters = Array(fourth.m.weightPath.values[(n * net.parameters.count)..<((n + 1) * net.parameters.count)])
                return ErrorSurface(network: net, samples: fourth.m.trainer.trainingSet, loss: .squaredError).error
            }
            XCTAssertTrue(zip(errors, errors.dropFirst()).contains { $1 > $0 }, "E never went up \(errors)")
            XCTAssertLessThan(errors.last!, errors.first!)

            // 5. "3000 epochs later E is 0.337 and barely moves: the step −η ∂E/∂w is shorter than a pixel."
            let fifth = try beat(5, size)
            let history = fifth.m.trainer.history
            XCTAssertEqual(fifth.m.trainer.epoch, 3002)
            XCTAssertEqual(formatNumber(fifth.figures.value), "0.337")
            XCTAssertTrue(fifth.text.contains("E = \(formatSignificant(fifth.figures.value, significant: 4))"), place)
            XCTAssertLessThan(abs(history[history.count - 1].loss - history[history.count - 2].loss), 1e-5)
            XCTAssertLessThan(length(fifth.figures.step), fifth.layout.window.pixel, place)

            // 6. "the two weights momentum will move most, w(b→h2) and w(h2→o), the surface is flat around ◆: no band
            //    edge near it, and the step still shorter than a pixel. … the slope is not zero, only tiny."
            let sixth = try beat(6, size)
            XCTAssertEqual(sixth.surface.a, WeightIndex(layer: 0, from: 0, to: 1))
            XCTAssertEqual(sixth.surface.b, WeightIndex(layer: 1, from: 2, to: 0))
            for shown in ["w(b→h2)", "w(h2→o) · E"] { XCTAssertTrue(sixth.text.contains(shown), "\(shown) \(place)") }
            XCTAssertEqual(bandsAround(sixth, radius: 4).count, 1, place)
            XCTAssertLessThan(length(sixth.figures.step), sixth.layout.window.pixel, place)
            XCTAssertGreaterThan(length(sixth.figures.slope), 0)
            XCTAssertLessThan(length(sixth.figures.slope), 0.002)

            // 7. "each step also adds α Δw(t−1), 0.9 times the step before it (the ⇢ line). The last one, for (1, 1),
            //    pointed the other way, so ⇢ is shorter now; steps that keep one direction add up to ten times the
            //    plain one."
            let seventh = try beat(7, size)
            XCTAssertEqual(seventh.m.trainer.settings.momentum, 0.9)
            let momentum = try XCTUnwrap(seventh.figures.momentum), plain = seventh.figures.step
            let lastSample = try XCTUnwrap(seventh.m.trainer.lastUpdate?.samples.first)
            XCTAssertEqual([seventh.m.trainer.trainingSet[lastSample].x1, seventh.m.trainer.trainingSet[lastSample].x2], [1, 1])
            XCTAssertLessThan(length(momentum), length(plain), place)
            XCTAssertLessThan(plain.a * (momentum.a - plain.a) + plain.b * (momentum.b - plain.b), 0, "α Δw(t−1) against the step \(place)")
            XCTAssertTrue(seventh.text.contains("⇢ −η ∂E/∂w + α Δw(t−1) = "), "\(place)\n\(seventh.text)")
            XCTAssertEqual(1 / (1 - seventh.m.trainer.settings.momentum), 10, accuracy: 1e-12)

            // 8. "500 epochs on, the weights have rolled across the plateau: E is 0.0066 and XOR is learnt."
            let last = try beat(8, size)
            XCTAssertEqual(last.m.trainer.epoch, 3502)
            XCTAssertEqual(formatNumber(last.figures.value, digits: 4), "0.0066")
            XCTAssertEqual(last.m.trainer.history.last?.accuracy, 1)
            // The bands' caption holds E at ◆, which lies between pixel centres (at 80×24 below all of them).
            let lastValues = last.layout.values(last.surface), lastBands = last.layout.bands(lastValues)
            XCTAssertEqual(lastBands.low, min(lastValues.min() ?? 0, last.figures.value), place)
            XCTAssertLessThanOrEqual(lastBands.low, last.figures.value, place)
            if size.width == 80 { XCTAssertLessThan(last.figures.value, lastValues.min() ?? 0) }
            XCTAssertGreaterThan(length((last.figures.now.a - sixth.figures.now.a, last.figures.now.b - sixth.figures.now.b)), 5)
            let before = sixth.m.trainer.network.parameters, after = last.m.trainer.network.parameters
            let moved = before.indices.sorted { abs(after[$0] - before[$0]) > abs(after[$1] - before[$1]) }
            XCTAssertEqual(Set(moved.prefix(2)), [sixth.surface.a.flat(in: last.m.trainer.network), sixth.surface.b.flat(in: last.m.trainer.network)])
            let plateau = try XCTUnwrap(last.layout.cell(sixth.figures.now.a, sixth.figures.now.b))
            XCTAssertTrue(last.frame[plateau.column, plateau.row].character.unicodeScalars.allSatisfy { (0x2801...0x28FF).contains($0.value) },
                          "the path passes the plateau \(place)")
        }
    }

    /// A step on the surface, the zig-zag, the plateau and the way across it, at 80×24; the zig-zag at 120×40.
    func testSnapshots() throws {
        for k in [1, 4, 6, 8] { assertFrameSnapshots(try beat(k, Size(width: 80, height: 24)).state, named: "beat\(k)-80x24") }
        assertFrameSnapshots(try beat(4, Size(width: 120, height: 40)).state, named: "beat4-120x40")
    }
}
