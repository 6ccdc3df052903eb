import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Thrown (a test failure, not a skip) when a lesson does not hold what a test looks for.
private struct LessonTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The built-in lessons play from the first beat to the last, say what the screen shows, and rewind exactly.
final class LessonTests: XCTestCase {
    private let size = Size(width: 80, height: 24)
    static let lessons = ["lesson-1-perceptron", "lesson-2-convergence", "lesson-2a-xor-by-hand", "lesson-3-backpropagation",
                          "lesson-3a-gradient-descent", "lesson-4-local-minima",
                          "lesson-5-overfitting", "lesson-6-convolution", "lesson-7-cnn-digits"]

    private func play(_ name: String, beats: Int? = nil, size: Size? = nil) throws -> AppState {
        try playedLesson(name, beats: beats, size: size ?? self.size)
    }

    /// Plays `name` up to the beat whose narration contains `words`.
    private func play(_ name: String, untilSaying words: String, size: Size? = nil) throws -> AppState {
        let states = try playedLessonStates(name, size: size ?? self.size)
        guard let state = states.first(where: { ($0.lesson?.narration ?? "").contains(words) }) else {
            throw LessonTestFailure("no beat of \(name) says \"\(words)\"")
        }
        return state
    }

    private func mlp(_ state: AppState) throws -> MLPExplorer {
        guard case .mlp(let m) = state.lesson?.explorer else { throw LessonTestFailure("not an MLP lesson") }
        return m
    }

    private func perceptron(_ state: AppState) throws -> PerceptronExplorer {
        guard case .perceptron(let p) = state.lesson?.explorer else { throw LessonTestFailure("not a perceptron lesson") }
        return p
    }

    private func threshold(_ state: AppState) throws -> ThresholdExplorer {
        guard case .threshold(let t) = state.lesson?.explorer else { throw LessonTestFailure("not a threshold lesson") }
        return t
    }

    func testEveryLessonPlaysToItsLastBeatAndRendersAtBothSizes() throws {
        for name in Self.lessons {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                let state = try play(name, size: size)
                let lesson = try XCTUnwrap(state.lesson, name)
                XCTAssertTrue(lesson.atEnd, name)
                XCTAssertTrue(state.fitsTerminal, "\(name) at \(size)")
                let text = view(state).plainText
                XCTAssertTrue(text.contains("beat \(lesson.beatCount) of \(lesson.beatCount) (end)"), "\(name): \(text)")
            }
        }
    }

    /// Going back replays from the start: beat k after the end and back is beat k played forwards.
    func testRewindingGivesTheFramePlayingGives() throws {
        for name in Self.lessons {
            let count = try XCTUnwrap(try play(name, beats: 0).lesson).beatCount
            let k = count / 2
            var rewound = try play(name)
            press(&rewound, "g\(k)")
            update(&rewound, .key(.enter))
            XCTAssertEqual(rewound.lesson?.position, k, name)
            XCTAssertEqual(view(rewound), view(try play(name, beats: k)), name)
        }
        var back = try play("lesson-1-perceptron", beats: 6)
        update(&back, .key(.left))
        XCTAssertEqual(view(back), view(try play("lesson-1-perceptron", beats: 5)))
    }

    /// A step and the `say` after it are one key press; `set` and `focus` join the beat after them.
    func testAPressMakesAMoveAndShowsItsWords() throws {
        let lesson = try XCTUnwrap(try builtin("lesson-1-perceptron").lesson)
        XCTAssertEqual(lesson.presses.map(\.count), [1, 2, 4, 3, 2, 4, 2, 2, 2, 2])
        let state = try play("lesson-1-perceptron", beats: 4, size: Size(width: 120, height: 40))
        XCTAssertEqual(try perceptron(state).trainer.steps, 1)
        XCTAssertTrue(state.lesson?.narration?.contains("moves w by −2·(1, ½, 1)") == true)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("beat 4 of 10"), text)
        XCTAssertFalse(text.contains("step: sample"), text)   // no script tags in the bar
    }

    /// The beat after the update works out the lecture's v′ = v + η·e·‖x‖² on the panel, at every size.
    func testLesson1ShowsWhatTheUpdateDidToV() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            let state = try play("lesson-1-perceptron", untilSaying: "What the update did to this point's v", size: size)
            let u = try XCTUnwrap(try perceptron(state).trainer.lastUpdate)
            XCTAssertEqual([u.v, u.vAfterByRule, u.vAfter], [1, -3.5, -3.5])   // "= 1 + 1·(−2)·(1 + ½² + 1²) = −3.5"
            let text = view(state).plainText.replacingOccurrences(of: "│", with: " ")
            for shown in ["v′ = v + η·e·‖x‖²", "1 + 1·(−2)·(1 + 0.5² + 1²)", "= −3.5", "(w′·x = −3.5)"] {
                XCTAssertTrue(text.contains(shown), "\(shown) at \(size):\n\(text)")
            }
        }
    }

    /// `step: visit` asks the question before the answer: the visit's v, ŷ and e with the old w and line and
    /// the sample marked; the next press applies exactly that visit. At every size.
    func testLesson1ShowsTheVisitBeforeTheUpdate() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            let before = try play("lesson-1-perceptron", untilSaying: "The lecture's worked example", size: size)
            let asking = try play("lesson-1-perceptron", untilSaying: "Where will the rule move the line?", size: size)
            let answered = try play("lesson-1-perceptron", untilSaying: "moves w by −2·(1, ½, 1)", size: size)
            XCTAssertEqual(asking.lesson!.position, before.lesson!.position + 1)
            XCTAssertEqual(answered.lesson!.position, asking.lesson!.position + 1)
            let p = try perceptron(asking)
            XCTAssertEqual(p.trainer.steps, 0)
            XCTAssertEqual(p.trainer.weights, [-1, 2, 1])
            let visit = try XCTUnwrap(p.pendingVisit)
            XCTAssertEqual([visit.v, visit.yhat, visit.error], [1, 1, -2])   // "v = … = 1, so ŷ = 1 … e = −2"
            let text = view(asking).plainText
            for shown in ["next visit (sample 1 of 1)", "x = (0.5, 1)   y = −1", "= −1 + 2·0.5 + 1·1 = 1",
                          "ŷ = sign(1) = +1   e = y − ŷ = −2", "Δw = η·e·x = ?", "w = (−1, 2, 1)"] {
                XCTAssertTrue(text.contains(shown), "\(shown) at \(size):\n\(text)")
            }
            XCTAssertFalse(text.contains("−3, 1, −1"), text)
            // The plot is the one before, the old line and all, but for the visited sample's mark.
            let (a, b) = (view(before), view(asking))
            let plotWidth = PerceptronLayout(size: size).plotBox.width
            let bottom = try XCTUnwrap((1..<a.height).first { a.text(row: $0).hasPrefix("└") })
            var changed: [String] = []
            for row in 1...bottom {
                for (x, y) in zip(a.text(row: row).prefix(plotWidth), b.text(row: row).prefix(plotWidth)) where x != y { changed.append("\(x)→\(y)") }
            }
            XCTAssertEqual(changed, ["●→◆"], "at \(size)")
            // The next press applies that very visit.
            let q = try perceptron(answered)
            XCTAssertEqual(q.trainer.lastUpdate, visit)
            XCTAssertNil(q.pendingVisit)
            XCTAssertEqual(q.trainer.weights, [-3, 1, -1])
            XCTAssertTrue(view(answered).plainText.contains("w: (−1, 2, 1) → (−3, 1, −1)"), view(answered).plainText)
        }
    }

    /// Leaving a lesson at a shown visit: n makes that visit, an epoch starts with it.
    func testAShownVisitIsTheNextStepWhenExploring() throws {
        var state = try play("lesson-1-perceptron", untilSaying: "Where will the rule move the line?")
        let visit = try XCTUnwrap(try perceptron(state).pendingVisit)
        update(&state, .key(.escape))
        XCTAssertTrue(view(state).plainText.contains("next visit (sample 1 of 1)"))
        press(&state, "n")
        XCTAssertEqual(state.perceptron?.trainer.lastUpdate, visit)
        XCTAssertNil(state.perceptron?.pendingVisit)
    }

    func testLesson1WorksTheLecturesExampleThenANDAndORConverge() throws {
        let afterStep = try play("lesson-1-perceptron", untilSaying: "moves w by −2·(1, ½, 1)")
        let p = try perceptron(afterStep)
        XCTAssertEqual(p.trainer.weights, [-3, 1, -1])
        XCTAssertEqual(p.trainer.lastUpdate?.v, 1)
        XCTAssertEqual(p.trainer.lastUpdate?.error, -2)
        XCTAssertTrue(view(afterStep).plainText.contains("w: (−1, 2, 1) → (−3, 1, −1)"))
        // "The new line lies off this plot: all of the view, the point too, is now on its − side."
        let moved = try play("lesson-1-perceptron", untilSaying: "lies off this plot", size: Size(width: 120, height: 40))
        XCTAssertTrue(view(moved).plainText.contains("line off the plot: all on − side"))
        XCTAssertEqual(Perceptron.activation(try perceptron(moved).trainer.weights, 0.5, 1), -3.5)
        let andState = try play("lesson-1-perceptron", untilSaying: "in epoch 6")
        XCTAssertFalse(view(andState).plainText.contains("w = (0, 0, 0)"))   // the set's remark went with its press
        let and = try perceptron(andState)
        XCTAssertEqual(and.dataset.name, "AND")
        XCTAssertEqual(and.trainer.status, .converged(epoch: 6))
        XCTAssertEqual(and.trainer.weights, [-6, 4, 2])   // (1, 1) on the line: v = 0, counted +1
        XCTAssertEqual(Perceptron.activation(and.trainer.weights, 1, 1), 0)
        // "This line has no margin to spare; the best line's is γ = 0.243", with γ on the panel at every size.
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            let state = try play("lesson-1-perceptron", untilSaying: "the best line's is γ = 0.243", size: size)
            XCTAssertEqual(formatNumber(try XCTUnwrap(try perceptron(state).margin?.margin)), "0.243")
            XCTAssertTrue(view(state).plainText.contains("γ = max min y·w·x = 0.243 (‖w‖ = 1)"), "at \(size)")
        }
        let or = try perceptron(try play("lesson-1-perceptron"))
        XCTAssertEqual(or.dataset.name, "OR")
        XCTAssertEqual(or.trainer.status, .converged(epoch: 4))
        XCTAssertEqual([Perceptron.activation(or.trainer.weights, 0, 1), Perceptron.activation(or.trainer.weights, 1, 0)], [0, 0])
    }

    func testLesson2SeparableConvergesOverlappingDoesNotXORCycles() throws {
        let first = try perceptron(try play("lesson-2-convergence", untilSaying: "The first epoch"))
        XCTAssertEqual(first.trainer.epoch, 1)
        XCTAssertGreaterThan(first.trainer.totalUpdates, 0)
        XCTAssertEqual(try perceptron(try play("lesson-2-convergence", untilSaying: "in epoch 2")).trainer.status, .converged(epoch: 2))
        XCTAssertEqual(try perceptron(try play("lesson-2-convergence", untilSaying: "not converged")).trainer.status,
                       .notConverged(epochs: 100))
        XCTAssertEqual(try perceptron(try play("lesson-2-convergence")).trainer.status, .cycling(epoch: 3, sameAs: 2))
    }

    /// "Again from w = 0, now with η = 0.1: the same line, the same mistakes": the plot is the same cell for
    /// cell, every w is a tenth of the η = 1 one, and the mistakes are the same, at every size.
    func testLesson2ASmallerLearningRateOnlyScalesW() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            let capped = try play("lesson-2-convergence", untilSaying: "not converged", size: size)
            let scaled = try play("lesson-2-convergence", untilSaying: "now with η = **0.1**", size: size)
            let (one, tenth) = (try perceptron(capped), try perceptron(scaled))
            XCTAssertEqual(one.trainer.learningRate, 1)
            XCTAssertEqual(tenth.trainer.learningRate, 0.1)
            XCTAssertEqual(tenth.dataset, one.dataset)
            XCTAssertEqual(tenth.trainer.status, one.trainer.status)
            XCTAssertEqual(tenth.trainer.totalUpdates, one.trainer.totalUpdates)
            XCTAssertEqual(tenth.trainer.mistakesLastEpoch, one.trainer.mistakesLastEpoch)
            for i in 0..<3 { XCTAssertEqual(tenth.trainer.weights[i], 0.1 * one.trainer.weights[i], accuracy: 1e-12) }
            let (a, b) = (view(capped), view(scaled))
            for shown in ["η = 0.1", "updates \(tenth.trainer.totalUpdates)", "mistakes this epoch \(tenth.trainer.mistakesThisEpoch)"] {
                XCTAssertTrue(b.plainText.contains(shown), "\(shown) at \(size):\n\(b.plainText)")
            }
            // The plot under its top border (where the last set's note is), down to its bottom border.
            let plotWidth = PerceptronLayout(size: size).plotBox.width
            let bottom = try XCTUnwrap((1..<a.height).first { a.text(row: $0).hasPrefix("└") })
            for row in 2...bottom {
                XCTAssertEqual(String(b.text(row: row).prefix(plotWidth)), String(a.text(row: row).prefix(plotWidth)), "row \(row) at \(size)")
            }
        }
    }

    /// The bound beat names R, γ and (R/γ)² with the numbers the panel computes for this data, the panel shows
    /// them with their definitions at every size, and the updates made respect the bound. XOR shows no γ.
    func testLesson2StatesTheBoundWithItsNumbers() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            let state = try play("lesson-2-convergence", untilSaying: "The theorem's bound", size: size)
            let p = try perceptron(state)
            let m = try XCTUnwrap(p.margin)
            let (r, gamma, bound) = (formatNumber(m.radius), formatNumber(try XCTUnwrap(m.margin)), formatNumber(try XCTUnwrap(m.updateBound), digits: 1))
            XCTAssertEqual([r, gamma, bound], ["1.912", "0.276", "47.9"])
            XCTAssertEqual(p.trainer.status, .converged(epoch: 2))
            XCTAssertTrue(p.trainer.boundApplies)
            XCTAssertLessThanOrEqual(Double(p.trainer.totalUpdates), try XCTUnwrap(m.updateBound))
            let narration = try XCTUnwrap(state.lesson?.narration)
            for claim in ["epoch 2, after **\(p.trainer.totalUpdates)** updates", "(R/γ)² ≈ **\(bound)**", "R = \(r) is the largest ‖(1,\u{00A0}x1,\u{00A0}x2)‖",
                          "γ = \(gamma) the margin"] {
                XCTAssertTrue(narration.contains(claim), "\(claim) in \(narration)")
            }
            let text = view(state).plainText
            for shown in ["R = max ‖(1, x1, x2)‖ = \(r)", "γ = max min y·w·x = \(gamma) (‖w‖ = 1)",
                          "updates \(p.trainer.totalUpdates) ≤ (R/γ)² ≈ \(bound)", "status: converged"] {
                XCTAssertTrue(text.contains(shown), "\(shown) at \(size):\n\(text)")
            }
            // "No line separates them", "No single line can do it": the panel says there is no γ.
            for words in ["no line separates them", "No single line can do it"] {
                let state = try play("lesson-2-convergence", untilSaying: words, size: size)
                XCTAssertNil(try perceptron(state).margin?.margin)
                XCTAssertTrue(view(state).plainText.contains("γ: none, no line separates them"), "\(words) at \(size)")
            }
        }
    }

    /// At every beat of the perceptron lessons and every size, the panel's lines that narration names (the
    /// visit's numbers, the status, the counters with η, R and γ: ranks 0 to 2) all fit; only the distance,
    /// data name, last epoch and legend may give way.
    func testPerceptronLessonPanelsKeepWhatMatters() throws {
        for name in ["lesson-1-perceptron", "lesson-2-convergence"] {
            for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
                var state = AppState(size: size, scenario: try builtin(name))
                let lesson = try XCTUnwrap(state.lesson).lesson
                let wanted = lesson.beats.reduce(1) { rows, beat in
                    guard case .say(let text) = beat else { return rows }
                    return max(rows, wrapWords(narrationWords(text, glyphs: .unicode), width: size.width - 2).count)
                }
                let explorerSize = LessonLayout(size: size, explorerMinimum: PerceptronLayout.minimum, wantedRows: wanted).explorerSize
                let box = PerceptronLayout(size: explorerSize).panelBox.inset(1)
                repeat {
                    update(&state, .key(.right))
                    let beat = "\(name) beat \(state.lesson!.position) at \(size)"
                    let panel = PerceptronPanel(explorer: try perceptron(state), glyphs: .unicode, width: box.width - 1, keyHints: false)
                    let needed = (panel.updateGroups + panel.progressGroups).filter { $0.rank <= 1 }.reduce(1) { $0 + $1.lines.count }
                    XCTAssertLessThanOrEqual(needed, box.height, beat)
                    // Of rank 2, v′ stays before R and γ; each is on screen whenever the narration names it.
                    let fitted = PanelGroup.fit(panel.updateGroups, panel.progressGroups, rows: box.height)
                    let shown = (fitted.first + fitted.second).map(\.text).joined(separator: "\n")
                    let narration = state.lesson!.narration ?? ""
                    if narration.contains("γ") { XCTAssertTrue(shown.contains("γ = max min"), "\(beat)\n\(shown)") }
                    if narration.contains("v′") { XCTAssertTrue(shown.contains("v′ = v + η·e·‖x‖²"), "\(beat)\n\(shown)") }
                } while !state.lesson!.atEnd
            }
        }
    }

    /// Lesson 2a's claims with the numbers the panel works out: each beat's point, its hidden values and ŷ;
    /// the hidden plane's three spots and the output unit's line; the band where the network outputs +1.
    func testLesson2aWorksOutXORByHand() throws {
        let name = "lesson-2a-xor-by-hand"
        let points: [(words: String, index: Int, hidden: [Double], net: Double, shown: [String])] = [
            ("At (0, 0), y = −1", 0, [-1, -1], -1, ["x = (0, 0)   y = −1", "= sign(0 + 0 − 0.5) = sign(−0.5) = −1",
                                                    "= sign(0 + 0 − 1.5) = sign(−1.5) = −1", "= sign((−1) − (−1) − 1) = sign(−1) = −1"]),
            ("(0, 1), y = +1", 1, [1, -1], 1, ["x = (0, 1)   y = +1", "= sign(0 + 1 − 0.5) = sign(0.5) = +1",
                                               "= sign(0 + 1 − 1.5) = sign(−0.5) = −1", "= sign(1 − (−1) − 1) = sign(1) = +1"]),
            ("(1, 0) is above", 2, [1, -1], 1, ["x = (1, 0)   y = +1", "= sign(1 − (−1) − 1) = sign(1) = +1"]),
            ("(1, 1), y = −1", 3, [1, 1], -1, ["x = (1, 1)   y = −1", "= sign(1 + 1 − 0.5) = sign(1.5) = +1",
                                               "= sign(1 + 1 − 1.5) = sign(0.5) = +1", "= sign(1 − 1 − 1) = sign(−1) = −1"]),
        ]
        for size in LessonCoverageTests.sizes {
            for point in points {
                let state = try play(name, untilSaying: point.words, size: size)
                let t = try threshold(state)
                let s = try XCTUnwrap(t.selection)
                XCTAssertEqual(s.index, point.index)
                XCTAssertEqual(s.pass.hidden, point.hidden)
                XCTAssertEqual(s.pass.outputNet, point.net)
                XCTAssertEqual(s.pass.yhat, s.sample.signedTarget)   // "right"
                let text = view(state).plainText
                // The worked lines as the narration says them from 100 columns; at 80 without the sum's value where
                // that does not fit.
                for shown in point.shown {
                    let narrow = shown.replacingOccurrences(of: #" = sign\([−0-9.]+\)"#, with: "", options: .regularExpression)
                    XCTAssertTrue(text.contains(shown) || size.width < 100 && text.contains(narrow), "\(shown) at \(size):\n\(text)")
                }
            }
            // "Right on all four points: on 0/1 inputs h1 is OR and h2 is AND."
            let all = try play(name, untilSaying: "Right on all four points", size: size)
            XCTAssertEqual(try threshold(all).rightCount, 4)
            XCTAssertTrue(view(all).plainText.contains("ŷ = y: right · 4 of 4 points right"), "at \(size)")
            XCTAssertTrue(view(all).plainText.contains("h1 = x1 OR x2, h2 = x1 AND x2,"), "at \(size)")
            // The hidden plane: three spots, the positive points together at (+1, −1), and the output unit's line.
            let plane = try play(name, untilSaying: "The **third line**", size: size)
            let t = try threshold(plane)
            XCTAssertEqual(plane.lesson?.focus, .hidden)
            let spots = t.dataset.samples.map { t.network.forward($0.x1, $0.x2).hidden }
            XCTAssertEqual(spots, [[-1, -1], [1, -1], [1, -1], [1, 1]])
            XCTAssertEqual(t.network.output, [-1, 1, -1])   // h1 − h2 − 1
            XCTAssertTrue(view(plane).plainText.contains("h2 (hidden plane)"), "at \(size)")
            // "ŷ = +1 only at (+1, −1), that is h1 AND NOT h2 … which is XOR."
            let xor = try play(name, untilSaying: "There **one line**", size: size)
            XCTAssertEqual([[-1, -1], [-1, 1], [1, -1], [1, 1]].map { t.network.outputNet(hidden: $0) }, [-1, -3, 1, -1])
            XCTAssertEqual(t.network.outputFunction?.name("h1", "h2"), "h1 AND NOT h2")
            XCTAssertTrue(view(xor).plainText.contains("ŷ = h1 AND NOT h2 = x1 XOR x2"), "at \(size)")
            // "The network outputs +1 in the shaded band between the two lines."
            let band = try play(name, untilSaying: "band between the two lines", size: size)
            XCTAssertEqual(band.lesson?.focus, .plot)
            XCTAssertTrue(view(band).plainText.contains("shaded: ŷ = +1"), "at \(size)")
        }
        let network = try threshold(try play(name)).network
        for x1 in stride(from: -0.25, through: 1.25, by: 0.125) {
            for x2 in stride(from: -0.25, through: 1.25, by: 0.125) {
                XCTAssertEqual(network.forward(x1, x2).yhat == 1, x1 + x2 >= 0.5 && x1 + x2 < 1.5, "(\(x1), \(x2))")
            }
        }
    }

    func testLesson3StepsThroughThePhasesThenLearnsXOR() throws {
        let phases: [MLPExplorer.Phase?] = try ["**Forward**, hidden", "**Forward**, output", "**Output δ**", "**Hidden δ**"].map {
            try mlp(try play("lesson-3-backpropagation", untilSaying: $0)).currentPhase
        }
        XCTAssertEqual(phases, [.forward(layer: 1), .forward(layer: 2), .outputDeltas, .hiddenDeltas(layer: 1)])
        let flat = try mlp(try play("lesson-3-backpropagation", untilSaying: "A hundred epochs"))
        XCTAssertEqual(flat.trainer.epoch, 100)
        XCTAssertLessThan(try XCTUnwrap(flat.trainer.history.last).accuracy, 1)
        let xor: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [Double] = [0, 1, 1, 0]
        // "For the first time all four points are on the right side of ŷ = 0.5, two of them only just."
        let justRight = try mlp(try play("lesson-3-backpropagation", untilSaying: "For the first time"))
        let early = xor.map { justRight.trainer.network.predict($0)[0] }
        XCTAssertEqual(early.map { $0 >= 0.5 }, targets.map { $0 == 1 })
        XCTAssertEqual(early.filter { abs($0 - 0.5) < 0.06 }.count, 2, "\(early)")   // "two of them only just"
        // "(0, 1) at 0.551 and (1, 1) just under 0.5 (ŷ now, in the update panel)", on screen at 80×24 too.
        XCTAssertEqual(early[1], 0.551, accuracy: 0.0005)
        XCTAssertLessThan(early[3], 0.5)
        let justRightFrame = view(try play("lesson-3-backpropagation", untilSaying: "For the first time")).plainText
        for shown in ["ŷ now: (0,0) 0.121", "(0,1) 0.551", "(1,1) 0.49999"] { XCTAssertTrue(justRightFrame.contains(shown), "\(shown) in\n\(justRightFrame)") }
        // "A thousand epochs more: the outputs are near 0 and 1 and E is small."
        let learnt = try mlp(try play("lesson-3-backpropagation", untilSaying: "XOR is learnt"))
        let outputs = xor.map { learnt.trainer.network.predict($0)[0] }
        for (output, target) in zip(outputs, targets) { XCTAssertEqual(output, target, accuracy: 0.15) }
        XCTAssertLessThan(try XCTUnwrap(learnt.trainer.history.last).loss, 0.02)
    }

    /// The lecture's order: a plateau, momentum carries the same first weights across it, restarts second.
    func testLesson4PlateauMomentumThenRestarts() throws {
        let stuck = try play("lesson-4-local-minima", untilSaying: "about **1/3**")
        let m3000 = try mlp(stuck)
        XCTAssertEqual(m3000.trainer.epoch, 3000)
        XCTAssertEqual(try XCTUnwrap(m3000.trainer.history.last).loss, 1.0 / 3, accuracy: 0.01)
        // "the hidden units' sums are large (net ≈ −12 and −8)", on screen at 80×24.
        let u = try XCTUnwrap(m3000.trainer.lastUpdate)
        XCTAssertEqual(u.pass.preActivation(layer: 1, unit: 0), -12, accuracy: 0.5)
        XCTAssertEqual(u.pass.preActivation(layer: 1, unit: 1), -8, accuracy: 0.5)
        XCTAssertTrue(view(stuck).plainText.contains("h1: net −12.298"), view(stuck).plainText)
        XCTAssertTrue(view(stuck).plainText.contains("h2: net −8.043"), view(stuck).plainText)
        let largest = { (m: MLPExplorer) in m.trainer.network.weights.joined().map(abs).max()! }
        XCTAssertEqual(largest(m3000), 6.48, accuracy: 0.005)
        // "3000 epochs more: E is a little lower still (0.334), the largest weight has grown to 7.61": a plateau.
        let later = try play("lesson-4-local-minima", untilSaying: "**plateau**, not a minimum")
        let m6000 = try mlp(later)
        XCTAssertEqual(m6000.trainer.epoch, 6000)
        let e3000 = try XCTUnwrap(m3000.trainer.history.last).loss, e6000 = try XCTUnwrap(m6000.trainer.history.last).loss
        XCTAssertLessThan(e6000, e3000)
        XCTAssertEqual(e6000, 0.3337, accuracy: 0.00005)
        XCTAssertEqual(largest(m6000), 7.61, accuracy: 0.005)
        XCTAssertTrue(view(later).plainText.contains("weights up to"), view(later).plainText)
        XCTAssertTrue(view(later).plainText.contains("7.607"), view(later).plainText)
        XCTAssertTrue(view(later).plainText.contains("E = 0.334"), view(later).plainText)
        // "three of the four points share one side".
        let regions = try mlp(try play("lesson-4-local-minima", untilSaying: "One boundary where XOR needs two"))
        let sides = [[0.0, 0], [0, 1], [1, 0], [1, 1]].map { regions.trainer.network.predict($0)[0] >= 0.5 }
        XCTAssertEqual(max(sides.filter { $0 }.count, sides.filter { !$0 }.count), 3)
        // Side by side from the same first weights: stuck without momentum, XOR learnt with α = 0.9.
        let side = try play("lesson-4-local-minima", untilSaying: "**momentum**")
        let runs = try XCTUnwrap(try mlp(side).momentumRuns)
        XCTAssertEqual(runs.map(\.settings.momentum), [0, 0.9])
        XCTAssertEqual(runs.map(\.seed), [5, 5])
        XCTAssertEqual(runs.map(\.epoch), [6000, 6000])
        XCTAssertEqual(try XCTUnwrap(runs[0].history.last).loss, 0.3337, accuracy: 0.00005)
        XCTAssertEqual(try XCTUnwrap(runs[0].history.last).accuracy, 0.75)
        XCTAssertLessThan(try XCTUnwrap(runs[1].history.last).loss, 2e-4)
        XCTAssertEqual(try XCTUnwrap(runs[1].history.last).accuracy, 1)
        XCTAssertTrue(view(side).plainText.contains("α=0 E=0.334"), view(side).plainText)
        XCTAssertTrue(view(side).plainText.contains("α=0.9 E=9.8e−5"), view(side).plainText)
        // Restarts come after, and the best learns XOR without momentum.
        let end = try play("lesson-4-local-minima", size: Size(width: 120, height: 40))
        XCTAssertTrue(view(end).plainText.contains("restarts (left): best s"), view(end).plainText)   // which numbers are whose
        let restarts = try XCTUnwrap(try mlp(end).restarts)
        XCTAssertEqual(try XCTUnwrap(restarts.runs[restarts.best].history.last).accuracy, 1)
        XCTAssertEqual(restarts.runs[restarts.best].settings.momentum, 0)
    }

    func testLesson5OverfitsThenEarlyStoppingAndWeightDecayHelp() throws {
        let overfit = try mlp(try play("lesson-5-overfitting", untilSaying: "**overfitting**"))
        let stopped = try mlp(try play("lesson-5-overfitting", untilSaying: "**Early stopping**"))
        let decayed = try mlp(try play("lesson-5-overfitting", untilSaying: "**Weight decay**"))
        let last = try XCTUnwrap(overfit.trainer.history.last)
        let lowest = try XCTUnwrap(overfit.trainer.history.compactMap(\.validationLoss).min())
        XCTAssertEqual(last.accuracy, 1)
        XCTAssertGreaterThan(try XCTUnwrap(last.validationLoss), 1.5 * lowest)   // the validation loss turned up
        // "was lowest at epoch 288 (0.044 a point) and is twice that now (0.09, in the update panel)", at 80×24.
        let points = Double(overfit.trainer.validationSet.count)
        let lowestEpoch = try XCTUnwrap(overfit.trainer.history.min { ($0.validationLoss ?? .infinity) < ($1.validationLoss ?? .infinity) })
        XCTAssertEqual(lowestEpoch.epoch, 288)
        XCTAssertEqual(lowest / points, 0.044, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(last.validationLoss) / points, 0.09, accuracy: 0.0005)
        let overfitFrame = view(try play("lesson-5-overfitting", untilSaying: "**overfitting**")).plainText
        for shown in ["(0.09 a", "lowest 0.044, epoch 288)"] { XCTAssertTrue(overfitFrame.contains(shown), "\(shown) in\n\(overfitFrame)") }
        // "After 1500 epochs the validation loss is 0.072 a point, against 0.09 without it."
        XCTAssertEqual(try XCTUnwrap(decayed.trainer.history.last?.validationLoss) / points, 0.072, accuracy: 0.0005)
        guard case .earlyStopped(let best, _) = stopped.trainer.status else { return XCTFail("\(stopped.trainer.status)") }
        XCTAssertEqual(best, 288)
        XCTAssertEqual(decayed.trainer.settings.weightDecay, 0.001)
        XCTAssertLessThan(try XCTUnwrap(decayed.trainer.history.last?.validationLoss), try XCTUnwrap(last.validationLoss))
    }

    /// Lesson 5's last beats, the lecture's new training techniques: each number the narration gives is the
    /// trainer's and on screen at 80×24, 100×30 and 120×40.
    func testLesson5DropoutMaxNormAndReLU() throws {
        let phrases = ["**max-norm** (c = 3) together", "(h1 and h2 in this one)", "h41's incoming weights", "The first update with **sigmoid**",
                       "The same first update with **ReLU**", "the sigmoid network has barely learned", "After 100 epochs with ReLU"]
        // The shared play (the lesson trains for long), each beat whose narration has a phrase drawn at each size.
        var found: [String: (explorer: MLPExplorer, texts: [String])] = [:]
        for played in try PlayedLessons.states("lesson-5-overfitting").dropFirst() {
            guard let phrase = phrases.first(where: { (played.lesson?.narration ?? "").contains($0) }) else { continue }
            let texts = LessonCoverageTests.sizes.map { size in
                var state = played
                state.size = size
                return view(state).plainText
            }
            found[phrase] = (try found[phrase]?.explorer ?? mlp(played), (found[phrase]?.texts ?? []) + texts)
        }
        func frames(_ words: String) throws -> (MLPExplorer, [String]) { try XCTUnwrap(found[words], words) }
        func assertShown(_ texts: [String], _ shown: [String], file: StaticString = #filePath, line: UInt = #line) {
            for (text, size) in zip(texts, LessonCoverageTests.sizes) {
                for words in shown { XCTAssertTrue(text.contains(words), "\(words) at \(size.width)x\(size.height):\n\(text)", file: file, line: line) }
            }
        }
        // "the training points are no longer learned by heart (E = 0.028 a point) and after 1500 epochs the
        // validation loss is 0.068 a point"
        let (together, togetherTexts) = try frames("**max-norm** (c = 3) together")
        let t = together.trainer
        XCTAssertEqual(t.settings.dropout, 0.3)
        XCTAssertEqual(t.settings.maxNorm, 3)
        XCTAssertEqual(t.settings.weightDecay, 0)
        XCTAssertEqual(t.epoch, 1500)
        let last = try XCTUnwrap(t.history.last)
        XCTAssertEqual(last.loss / Double(t.trainingSet.count), 0.028, accuracy: 0.0005)
        XCTAssertEqual(try XCTUnwrap(last.validationLoss) / Double(t.validationSet.count), 0.068, accuracy: 0.0005)
        assertShown(togetherTexts, ["(0.028 a point)", "(0.068 a"])
        // "crossed out, without its lines (h1 and h2 in this one). The kept ones count 1/(1 − 0.3) = 1.43 times"
        let (dropped, droppedTexts) = try frames("(h1 and h2 in this one)")
        let mask = try XCTUnwrap(dropped.trainer.lastUpdate?.mask)
        XCTAssertEqual(mask.dropped[0].prefix(2), [1, 1])
        XCTAssertEqual(try XCTUnwrap(mask.scales[0].first { $0 > 0 }), 1.43, accuracy: 0.005)
        XCTAssertEqual(dropped.droppedUnits[1]?.isSuperset(of: [0, 1]), true)
        for text in droppedTexts { XCTAssertGreaterThanOrEqual(text.filter { $0 == "⊗" }.count, 2, text) }
        // "dropped h1 sends z = 0 and gets δ = 0. Then max-norm: h41's incoming weights had grown to length
        // 3.0002, and are scaled back to 3"
        let (clipped, clippedTexts) = try frames("h41's incoming weights")
        let update = try XCTUnwrap(clipped.trainer.lastUpdate)
        XCTAssertTrue(clipped.showingUpdatePhase)
        XCTAssertTrue(try XCTUnwrap(update.mask).isDropped(layer: 1, unit: 0))
        XCTAssertEqual(update.pass.activation(layer: 1, unit: 0), 0)
        XCTAssertEqual(update.pass.delta(layer: 1, unit: 0), 0)
        XCTAssertEqual(update.clips.map { [$0.layer, $0.unit] }, [[1, 40]])
        XCTAssertEqual(try XCTUnwrap(update.clips.first).norm, 3.0002, accuracy: 0.00005)
        assertShown(clippedTexts, ["h1 (dropped): net", "z 0  δ 0", "max-norm clipped h41: ‖w‖ 3.0002 →"])
        // "h1 gets ∂E_t/∂z_h1 = 0.014 from above, times σ′ = z(1 − z), at most a quarter (z = 0.51 here: 0.25),
        // and δ = −∂E_t/∂net: δ_h1 = −0.00349"; then the same first update with ReLU: "passes ∂E_t/∂z_h1 =
        // 0.0116 whole …, so δ_h1 = −0.0116, over three times the
        // sigmoid's; where net ≤ 0 (h2 to h4) it passes nothing".
        let (sigmoid, sigmoidTexts) = try frames("The first update with **sigmoid**")
        let (relu, reluTexts) = try frames("The same first update with **ReLU**")
        let s = try XCTUnwrap(sigmoid.pending?.update), r = try XCTUnwrap(relu.pending?.update)
        XCTAssertEqual(s.weightsBefore, r.weightsBefore)
        XCTAssertEqual(s.samples, r.samples)
        let flowing = s.weightsBefore[1][1] * s.pass.delta(layer: 2, unit: 0)
        XCTAssertEqual(flowing, -0.014, accuracy: 0.0005)
        XCTAssertEqual(s.pass.activation(layer: 1, unit: 0), 0.51, accuracy: 0.005)
        let z = s.pass.activation(layer: 1, unit: 0)
        XCTAssertEqual(z * (1 - z), 0.25, accuracy: 0.005)
        XCTAssertEqual(s.pass.delta(layer: 1, unit: 0), -0.00349, accuracy: 0.000005)
        XCTAssertEqual(r.pass.delta(layer: 1, unit: 0), -0.0116, accuracy: 0.00005)
        XCTAssertGreaterThan(r.pass.delta(layer: 1, unit: 0) / s.pass.delta(layer: 1, unit: 0), 3)
        for j in 1...3 {
            XCTAssertLessThanOrEqual(r.pass.preActivation(layer: 1, unit: j), 0)
            XCTAssertEqual(r.pass.delta(layer: 1, unit: j), 0)
        }
        assertShown(sigmoidTexts, ["z 0.51  δ −0.00349", "= 0.014"])
        XCTAssertEqual(r.weightsBefore[1][1] * r.pass.delta(layer: 2, unit: 0), -0.0116, accuracy: 0.00005)   // −∂E_t/∂z_h1
        assertShown(reluTexts, ["= 0.0116", "h1: net 0.04  z 0.0398  δ −0.0116", "h2: net −0.529  z 0  δ 0", "h4: net −0.1  z 0  δ 0"])
        // "After 100 epochs the sigmoid network has barely learned: E = 3.682, 57.1% right"; ReLU: "E = 0.886 and
        // 89.3% right".
        let (slow, slowTexts) = try frames("the sigmoid network has barely learned")
        let (fast, fastTexts) = try frames("After 100 epochs with ReLU")
        XCTAssertEqual(slow.trainer.settings.activation, .sigmoid)
        XCTAssertEqual(fast.trainer.settings.activation, .relu)
        for (m, loss, accuracy) in [(slow, 3.682, 0.571), (fast, 0.886, 0.893)] {
            XCTAssertEqual(m.trainer.epoch, 100)
            XCTAssertEqual(try XCTUnwrap(m.trainer.history.last).loss, loss, accuracy: 0.0005)
            XCTAssertEqual(try XCTUnwrap(m.trainer.history.last).accuracy, accuracy, accuracy: 0.0005)
        }
        assertShown(slowTexts, ["E = 3.682", "57.1%"])
        assertShown(fastTexts, ["E = 0.886", "89.3%"])
    }

    /// The lesson computes the lecture's convolution (the kernel flipped): the window's sums have the signs the
    /// narration gives, and correlation on the same kernel gives their negatives (the vertical-edge kernel
    /// flipped is its own negative).
    func testLesson6TheWindowsSumsHaveTheSignsTheNarrationGives() throws {
        for (words, positive) in [("Row 4, column 9", true), ("Two cells on", false)] {
            let state = try play("lesson-6-convolution", untilSaying: words, size: Size(width: 120, height: 40))
            guard case .cnn(let c) = state.lesson?.explorer, let window = c.slidingWindow else { return XCTFail() }
            XCTAssertEqual(window.mode, .convolution)
            XCTAssertEqual(window.sum > 1, positive)
            XCTAssertEqual(window.sum < -1, !positive)
            XCTAssertEqual(window.otherModeSum, -window.sum, accuracy: 1e-12)
        }
        guard case .cnn(let last) = try play("lesson-6-convolution").lesson?.explorer else { return XCTFail() }
        XCTAssertEqual(last.network.layers[2], .pooling(.max, size: 3, stride: 1, padding: .same))
        XCTAssertNil(last.window)   // back on the maps
        XCTAssertNil(last.shift)
    }

    /// The numbers lesson 6's narration gives are the network's: correlation's −2.76, the dashed box's a = 3 at
    /// (9, 10), 40 parameters and 9,216 multiply-adds against 263,168, 28× fewer, and the shift's changes.
    func testLesson6NumbersTheNarrationGives() throws {
        func cnn(_ words: String) throws -> CNNExplorer {
            guard case .cnn(let c) = try play("lesson-6-convolution", untilSaying: words).lesson?.explorer else { throw LessonTestFailure("not a CNN") }
            return c
        }
        let round = { (v: Double) in (v * 100).rounded() / 100 }
        XCTAssertEqual(round(try XCTUnwrap(try cnn("**Correlation**").slidingWindow).otherModeSum), -2.76)
        let sharing = try XCTUnwrap(try cnn("**parameter sharing**").slidingWindow)
        XCTAssertEqual(sharing.uses, 256)
        XCTAssertEqual(sharing.elsewhere?.row, 9)
        XCTAssertEqual(sharing.elsewhere?.column, 10)
        XCTAssertEqual(round(try XCTUnwrap(sharing.elsewhere?.sum)), 3)
        let costs = try cnn("What sharing saves").network.stageCosts
        XCTAssertEqual(costs[0].parameters, 40)
        XCTAssertEqual(costs[0].multiplyAdds, 9_216)
        let full = try XCTUnwrap(costs[0].fullyConnected)
        XCTAssertEqual(full.weights + full.biases, 263_168)
        XCTAssertEqual((Double(full.multiplyAdds) / Double(costs[0].multiplyAdds)).rounded(), 28)
        let shifted = try XCTUnwrap(try cnn("The input changed by 0.97").shiftComparison)
        XCTAssertEqual(shifted.shift, InputShift(right: 1, down: 0))
        XCTAssertEqual(shifted.changes.map { round($0 ?? .nan) }, [0.97, 1.25, 0.99, 0.7])
        let centred = try XCTUnwrap(try cnn("centred 3×3 max pooling on the same shift").shiftComparison)
        XCTAssertEqual(round(try XCTUnwrap(centred.changes[3])), 0.58)
    }

    func testLesson7ReachesTheTestAccuracyAndShowsTheConfusionMatrix() throws {
        let state = try play("lesson-7-cnn-digits", untilSaying: "The **confusion matrix**")
        guard case .cnn(let c) = state.lesson?.explorer else { return XCTFail() }
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(c.trainer?.history.last?.testAccuracy), 0.98)
        XCTAssertTrue(c.showConfusion)
    }

    /// The numbers lesson 7's dropout beats give are the trainer's: training again from the same first weights
    /// and test split, one epoch with p = 0.3 drops 79 of its last image's 256 pooled values and scales the
    /// rest ×1/(1 − 0.3); after ten epochs the training loss and accuracy are worse than without dropout, the
    /// test accuracy one image lower.
    func testLesson7DropoutNumbersTheNarrationGives() throws {
        func trainer(_ words: String) throws -> CNNTrainer {
            guard case .cnn(let c) = try play("lesson-7-cnn-digits", untilSaying: words).lesson?.explorer, let t = c.trainer else {
                throw LessonTestFailure("not a trained CNN")
            }
            return t
        }
        let plain = try trainer("The **confusion matrix**"), oneEpoch = try trainer("lost 79 of its 256 values")
        XCTAssertEqual(oneEpoch.settings.dropout, 0.3)
        XCTAssertEqual(oneEpoch.history.count, 1)
        XCTAssertEqual(oneEpoch.testSet, plain.testSet)
        let mask = try XCTUnwrap(oneEpoch.lastMasks[4])   // the dense stage's 256 inputs
        XCTAssertEqual(mask.count, 256)
        XCTAssertEqual(mask.filter { $0 == 0 }.count, 79)
        XCTAssertEqual(Set(mask.filter { $0 != 0 }), [1 / 0.7])
        XCTAssertEqual(formatNumber(1 / 0.7, digits: 2), "1.43")
        let dropped = try trainer("Ten epochs: with values dropped")
        XCTAssertEqual(dropped.settings.dropout, 0.3)
        let (with, without) = (try XCTUnwrap(dropped.history.last), try XCTUnwrap(plain.history.last))
        XCTAssertEqual([with.epoch, without.epoch], [10, 10])
        XCTAssertEqual(try trainer("The test accuracy barely moves").history.last, with)
        // "loss 0.075 against 0.01 without dropout, accuracy 97.7% against 99.9%", then "98.4% against 98.7%"
        XCTAssertEqual(with.loss, 0.07458, accuracy: 0.000005)
        XCTAssertEqual(without.loss, 0.00952, accuracy: 0.000005)
        XCTAssertEqual(with.accuracy, 1317 / 1348)
        XCTAssertEqual(without.accuracy, 1347 / 1348)
        XCTAssertEqual(with.testAccuracy, 442 / 449)
        XCTAssertEqual(without.testAccuracy, 443 / 449)
        for (value, shown) in [(with.loss, "0.075"), (without.loss, "0.01")] { XCTAssertEqual(formatNumber(value, digits: 3), shown) }
        for (value, shown) in [(with.accuracy, "97.7"), (without.accuracy, "99.9"), (with.testAccuracy!, "98.4"), (without.testAccuracy!, "98.7")] {
            XCTAssertEqual(formatNumber(value * 100, digits: 1), shown)
        }
    }

    func testKeys() throws {
        var state = try play("lesson-2-convergence", beats: 3)
        press(&state, "g")
        XCTAssertTrue(view(state).plainText.contains("go to beat: _"))
        press(&state, "x")            // not a digit: cancels
        XCTAssertNil(state.lesson?.goTo)
        XCTAssertEqual(state.lesson?.position, 3)
        update(&state, .key(.left))
        XCTAssertEqual(state.lesson?.position, 2)
        press(&state, "?")
        XCTAssertTrue(view(state).plainText.contains("keys: lesson"))
        press(&state, " ")            // closes the help only
        XCTAssertEqual(state.lesson?.position, 2)
        press(&state, " ")
        XCTAssertEqual(state.lesson?.position, 3)
        update(&state, .key(.escape))   // explore freely from here
        XCTAssertNil(state.lesson)
        XCTAssertEqual(state.perceptron?.trainer.epoch, 2)
        XCTAssertTrue(state.shouldQuit == false)
    }

    /// In a lesson the explorer's own key hints are hidden (its keys do not apply); exploring brings them back.
    /// At the last beat → says the lesson is over, over the whole bar.
    func testExplorerHintsOnlyWhenExploringAndTheEnd() throws {
        var state = try play("lesson-1-perceptron", beats: 0, size: Size(width: 120, height: 40))
        XCTAssertFalse(view(state).plainText.contains("press n to visit the first sample"))
        XCTAssertFalse(view(state).plainText.contains("(c switches)"))
        update(&state, .key(.escape))
        XCTAssertTrue(view(state).plainText.contains("press n to visit the first sample"))
        XCTAssertTrue(view(state).plainText.contains("(c switches)"))
        var end = try play("lesson-2-convergence")
        update(&end, .key(.right))
        XCTAssertEqual(view(end).text(row: size.height - 1).trimmingCharacters(in: .whitespaces),
                       "the end of the lesson: Esc explores from here, q goes back")
        XCTAssertEqual(end.lesson?.position, end.lesson?.beatCount)
    }

    func testSnapshotsOfTwoBeatsALesson() throws {
        let beats = ["lesson-1-perceptron": [4, 8], "lesson-2-convergence": [6, 8], "lesson-3-backpropagation": [5, 11],
                     "lesson-4-local-minima": [5], "lesson-5-overfitting": [3], "lesson-6-convolution": [7, 16],
                     "lesson-7-cnn-digits": [8]]
        for (name, list) in beats.sorted(by: { $0.key < $1.key }) {
            for k in list { assertFrameSnapshots(try play(name, beats: k), named: "\(name)-beat\(k)") }
        }
        assertFrameSnapshots(try play("lesson-3-backpropagation", beats: 5, size: Size(width: 120, height: 40)),
                             named: "lesson-3-backpropagation-beat5-120x40")
    }
}
