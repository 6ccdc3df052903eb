import NNCore
import NNRender
import XCTest
@testable import NNExplorer

final class PerceptronScreenTests: XCTestCase {
    let size = Size(width: 100, height: 30)

    /// Results computed from rounded terms are marked `≈`, exact ones `=`.
    func testRoundedTermsGiveApproximateResults() throws {
        var exact = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&exact, "n")
        XCTAssertTrue(view(exact).plainText.contains("= 0 + 0·0 + 0·0 = 0"), view(exact).plainText)
        var rounded = AppState(size: size, scenario: try builtin("perceptron-separable"))
        press(&rounded, "nnn")
        XCTAssertTrue(view(rounded).plainText.contains(" ≈ "), view(rounded).plainText)
    }

    func testWorkedExampleShowsTheLectureNumbers() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-worked-example"))
        press(&state, "n")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("x = (0.5, 1)   y = −1"), text)
        XCTAssertTrue(text.contains("= −1 + 2·0.5 + 1·1 = 1"), text)
        XCTAssertTrue(text.contains("ŷ = sign(1) = +1   e = y − ŷ = −2"), text)
        XCTAssertTrue(text.contains("Δw = η·e·x = 1·(−2)·(1, 0.5, 1)"), text)
        XCTAssertTrue(text.contains("w: (−1, 2, 1) → (−3, 1, −1)"), text)
        XCTAssertTrue(text.contains("distance |v|/‖(w1,w2)‖ = 0.447"), text)
        XCTAssertEqual(state.perceptron?.trainer.weights, [-3, 1, -1])
    }

    func testKeysStepResetAndChangeTheLearningRate() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&state, "n")
        XCTAssertEqual(state.perceptron?.trainer.steps, 1)
        press(&state, "e")
        XCTAssertEqual(state.perceptron?.trainer.steps, 4)
        XCTAssertEqual(state.perceptron?.trainer.weights, [0, 2, 2])
        press(&state, "]")
        XCTAssertEqual(state.perceptron?.trainer.learningRate, 2)
        press(&state, "[[")
        XCTAssertEqual(state.perceptron?.trainer.learningRate, 0.5)
        press(&state, "r")
        XCTAssertEqual(state.perceptron?.trainer.steps, 0)
        XCTAssertEqual(state.perceptron?.trainer.weights, [0, 0, 0])
        press(&state, "g")
        XCTAssertEqual(state.perceptron?.showGhost, false)
    }

    /// Changing η at w = 0 says that it only scales w; later it just names the new η.
    func testLearningRateRemarkAtZeroWeights() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: try builtin("perceptron-overlapping"))
        press(&state, "[")
        XCTAssertEqual(state.perceptron?.trainer.learningRate, 0.05)
        XCTAssertTrue(view(state).plainText.contains(" η = 0.05 (w = 0: only scales w) "), view(state).plainText)
        press(&state, "e]")
        XCTAssertTrue(view(state).plainText.contains(" η = 0.1 ─"), view(state).plainText)
        press(&state, "?")
        XCTAssertTrue(view(state).plainText.contains("η (from w = 0: only scales w)"), view(state).plainText)
    }

    /// R, γ and the bound for the data on screen: this run's updates against (R/γ)² while it is the theorem's
    /// run (from w = 0, the data unchanged), else what the bound is about; no γ for XOR.
    func testRadiusMarginAndBound() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: try builtin("perceptron-and"))
        press(&state, "eee")
        var text = view(state).plainText
        for shown in ["R = max ‖(1, x1, x2)‖ = 1.732", "γ = max min y·w·x = 0.243 (‖w‖ = 1)", "updates 8 ≤ (R/γ)² ≈ 51"] {
            XCTAssertTrue(text.contains(shown), "\(shown):\n\(text)")
        }
        XCTAssertEqual(state.perceptron?.trainer.totalUpdates, 8)
        // A class-1 point added at about (1.1, 1.1) after updates: separable still, but no longer the theorem's run.
        let cell = try XCTUnwrap(PerceptronLayout(size: Size(width: 80, height: 24)).mapping(state.perceptron!).cell(x: 1.1, y: 1.1))
        update(&state, .mouse(column: cell.column, row: cell.row, button: .left))
        XCTAssertEqual(state.perceptron?.dataset.count, 5)
        text = view(state).plainText
        XCTAssertTrue(text.contains("from w = 0: updates ≤ (R/γ)²"), text)
        var worked = AppState(size: size, scenario: try builtin("perceptron-worked-example"))   // starts at w = (−1, 2, 1)
        XCTAssertTrue(view(worked).plainText.contains("from w = 0: updates ≤ (R/γ)² = 1"), view(worked).plainText)
        press(&worked, "n")
        XCTAssertTrue(view(worked).plainText.contains("best line: w = (−0.667, −0.333, −0.667)"), view(worked).plainText)
        let xor = AppState(size: Size(width: 80, height: 24), scenario: try builtin("perceptron-xor"))
        XCTAssertTrue(view(xor).plainText.contains("γ: none, no line separates them"), view(xor).plainText)
    }

    /// A short panel drops the groups that matter least (highest rank, later first), never rank 0.
    func testPanelGroupsGiveWayByRank() {
        func group(_ name: String, _ rows: Int, _ rank: Int) -> PanelGroup {
            PanelGroup((0..<rows).map { Line("\(name)\($0)") }, rank: rank)
        }
        let top = [group("a", 2, 0), group("b", 1, 4)], bottom = [group("c", 2, 0), group("d", 1, 2), group("e", 1, 4), group("f", 1, 6)]
        func names(_ rows: Int) -> String {
            let fitted = PanelGroup.fit(top, bottom, rows: rows)
            return (fitted.first + fitted.second).map(\.text).joined(separator: " ")
        }
        XCTAssertEqual(names(9), "a0 a1 b0 c0 c1 d0 e0 f0")   // 8 lines and the divider
        XCTAssertEqual(names(8), "a0 a1 b0 c0 c1 d0 e0")
        XCTAssertEqual(names(7), "a0 a1 b0 c0 c1 d0")         // of equal rank the later goes first
        XCTAssertEqual(names(5), "a0 a1 c0 c1")
        XCTAssertEqual(names(2), "a0 a1 c0 c1")               // rank 0 stays; the frame cuts it
    }

    func testANDConvergesOnScreen() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&state, "eeeeee")
        XCTAssertEqual(state.perceptron?.trainer.status, .converged(epoch: 6))
        XCTAssertTrue(view(state).plainText.contains("status: converged: epoch 6 had no"))
        // Finished: n, e and space are dimmed and do nothing.
        press(&state, "n ")
        XCTAssertEqual(state.perceptron?.trainer.steps, 24)
        XCTAssertEqual(state.perceptron?.playing, false)
    }

    func testXORSaysItCycles() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-xor"))
        press(&state, "eeee")
        XCTAssertEqual(state.perceptron?.trainer.status, .cycling(epoch: 3, sameAs: 2))
        let text = view(state).plainText
        XCTAssertTrue(text.contains("cycling"), text)
        XCTAssertTrue(text.contains("never converge"), text)
    }

    /// The status line names the state the header shows: paused, running, converged, cycling, stopped at max epochs.
    func testStatusAgreesWithTheHeader() throws {
        /// The header row, and the status sentence (its wrapped lines joined) after checking the frame shows it.
        func status(_ state: AppState, file: StaticString = #filePath, line: UInt = #line) -> (header: String, status: String) {
            let frame = view(state)
            let lines = PerceptronPanel(explorer: state.perceptron!, glyphs: state.glyphs, width: 36).statusLines.map(\.text)
            XCTAssertTrue(frame.plainText.contains(lines[0]), frame.plainText, file: file, line: line)
            return (frame.text(row: 0).trimmingCharacters(in: .whitespaces), lines.joined(separator: " "))
        }
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        XCTAssertTrue(status(state).header.hasSuffix("‖ paused"), status(state).header)
        XCTAssertEqual(status(state).status, "status: paused (no error-free epoch yet)")
        press(&state, " ")
        update(&state, .tick)
        XCTAssertTrue(status(state).header.contains("▶"), status(state).header)
        XCTAssertEqual(status(state).status, "status: running (no error-free epoch yet)")
        press(&state, " ")
        XCTAssertEqual(status(state).status, "status: paused (no error-free epoch yet)")
        press(&state, "eeeeee")
        XCTAssertEqual(status(state).status, "status: converged: epoch 6 had no mistakes")
        update(&state, .mouse(column: 10, row: 5, button: .left))   // a point added: training can go on
        XCTAssertEqual(status(state).status, "status: paused (the points changed since the error-free epoch)")

        var xor = AppState(size: size, scenario: try builtin("perceptron-xor"))
        press(&xor, "eee")
        XCTAssertEqual(status(xor).status, "status: cycling: w after epoch 3 equals w after epoch 2, so the updates repeat and will never converge")
        var overlapping = AppState(size: size, scenario: try builtin("perceptron-overlapping"))
        for _ in 0..<50 { press(&overlapping, "e") }
        XCTAssertEqual(status(overlapping).status, "status: stopped at max epochs (50): no epoch was error-free")
    }

    func testPlayingAdvancesOnTicksOnly() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        XCTAssertNil(state.tickInterval)
        press(&state, " ")
        XCTAssertEqual(state.perceptron?.playing, true)
        XCTAssertEqual(state.tickInterval, 500)        // 2 visits a second
        XCTAssertEqual(state.perceptron?.trainer.steps, 0)
        update(&state, .tick)
        update(&state, .tick)
        XCTAssertEqual(state.perceptron?.trainer.steps, 2)
        press(&state, "++++")                          // 30 a second: one per 33 ms frame
        XCTAssertEqual(state.tickInterval, 33)
        for _ in 0..<100 { update(&state, .tick) }
        XCTAssertEqual(state.perceptron?.trainer.status, .converged(epoch: 6))
        XCTAssertEqual(state.perceptron?.playing, false, "play stops when training has finished")
        XCTAssertNil(state.tickInterval)
    }

    func testMouseClickAddsThenRemovesAPoint() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        let map = PerceptronLayout(size: size).mapping(state.perceptron!)
        let column = map.area.x + 2, row = map.area.y + 1
        update(&state, .mouse(column: column, row: row, button: .left))
        XCTAssertEqual(state.perceptron?.dataset.count, 5)
        let added = try XCTUnwrap(state.perceptron?.dataset.samples.last)
        XCTAssertEqual(added.label, 1)
        XCTAssertEqual(map.cell(x: added.x1, y: added.x2)?.column, column)
        XCTAssertEqual(map.cell(x: added.x1, y: added.x2)?.row, row)
        XCTAssertEqual(state.perceptron?.trainer.sampleCount, 5)
        XCTAssertTrue(view(state).plainText.contains("added class 1"))
        update(&state, .mouse(column: column, row: row, button: .left))
        XCTAssertEqual(state.perceptron?.dataset.count, 4)
        // Outside the plot: nothing happens.
        update(&state, .mouse(column: 0, row: 0, button: .left))
        XCTAssertEqual(state.perceptron?.dataset.count, 4)
    }

    func testCursorModeAddsAPointOfTheOtherClass() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&state, "ca")
        XCTAssertNotNil(state.perceptron?.cursor)
        let start = state.perceptron!.cursor!
        update(&state, .key(.left))
        update(&state, .key(.up))
        XCTAssertEqual(state.perceptron!.cursor!.column, start.column - 1)
        XCTAssertEqual(state.perceptron!.cursor!.row, start.row - 1)
        update(&state, .key(.enter))
        XCTAssertEqual(state.perceptron?.dataset.samples.last?.label, 0)
        XCTAssertEqual(state.perceptron?.dataset.count, 5)
        update(&state, .key(.escape))
        XCTAssertNil(state.perceptron?.cursor)
        update(&state, .key(.enter))   // no cursor: Enter does nothing
        XCTAssertEqual(state.perceptron?.dataset.count, 5)
    }

    func testNextDatasetAndReseed() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        let names = (0..<6).map { _ -> String in
            press(&state, "d")
            return state.perceptron!.dataset.name
        }
        // The scenario's data is the AND table: the built-in AND is skipped, so the first d shows something new.
        XCTAssertEqual(names, ["OR", "XOR", "separable blobs", "overlapping blobs", "scenario data", "OR"])
        var small = state
        update(&small, .resize(Size(width: 80, height: 24)))
        XCTAssertTrue(view(small).plainText.contains("dataset: OR (AND = scenario's)"), view(small).plainText)
        var or = AppState(size: size, scenario: try builtin("perceptron-or"))
        let orNames = (0..<3).map { _ -> String in
            press(&or, "d")
            return or.perceptron!.dataset.name
        }
        XCTAssertEqual(orNames, ["AND", "XOR", "separable blobs"])
        press(&state, "dd")   // separable blobs
        let before = state.perceptron!.dataset
        press(&state, "s")
        XCTAssertNotEqual(state.perceptron!.dataset, before)
        XCTAssertEqual(state.perceptron!.seed, state.perceptron!.scenario.seed + 1)
    }

    func testResizeAndTooSmall() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        update(&state, .resize(Size(width: 50, height: 12)))
        let text = view(state).plainText
        XCTAssertTrue(text.contains("this terminal is 50x12"), text)
        XCTAssertTrue(text.contains("nnx needs at least 64x20"), text)
        update(&state, .resize(Size(width: 120, height: 40)))
        XCTAssertEqual(view(state).width, 120)
    }

    func testHelpOverlayListsTheKeyMapAndClosesOnAnyKey() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&state, "?")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("keys: perceptron"))
        XCTAssertTrue(text.contains("visit one sample (one step of the rule)"))
        press(&state, "n")   // closes the help, does not step
        XCTAssertFalse(state.showHelp)
        XCTAssertEqual(state.perceptron?.trainer.steps, 0)
    }

    func testQuitGoesHomeOrQuits() throws {
        var direct = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&direct, "q")
        XCTAssertTrue(direct.shouldQuit)
        var fromHome = AppState(size: size)
        update(&fromHome, .key(.enter))
        XCTAssertEqual(fromHome.lesson?.scenario.source, "lesson-1-perceptron.yaml")
        press(&fromHome, "q")
        XCTAssertNil(fromHome.lesson)
        XCTAssertFalse(fromHome.shouldQuit)
        update(&fromHome, .key(.escape))   // Esc does not quit from home: it says how to
        XCTAssertFalse(fromHome.shouldQuit)
        XCTAssertTrue(view(fromHome).text(row: size.height - 1).contains("q quits nnx"))
        press(&fromHome, "q")
        XCTAssertTrue(fromHome.shouldQuit)
    }

    func testHomeListsTheLessonsInLectureOrder() {
        let state = AppState(size: size)
        XCTAssertEqual(state.homeEntries.prefix(6).map(\.fileName),
                       ["lesson-1-perceptron.yaml", "lesson-2-convergence.yaml", "lesson-2a-xor-by-hand.yaml", "lesson-3-backpropagation.yaml",
                        "lesson-3a-gradient-descent.yaml", "lesson-4-local-minima.yaml"])
        XCTAssertEqual(state.homeEntries.dropFirst(9).prefix(4).map(\.fileName),
                       ["perceptron-worked-example.yaml", "perceptron-and.yaml", "perceptron-or.yaml", "perceptron-xor.yaml"])
        XCTAssertEqual(state.homeRows.first, .heading("Lessons, in the lecture's order"))
        XCTAssertEqual(state.homeRows[10], .heading("Explore freely"))
        XCTAssertEqual(state.homeEntries.dropFirst(15).first?.fileName, "threshold-xor.yaml")   // after the perceptron's
        var home = state
        update(&home, .key(.end))
        XCTAssertEqual(home.homeSelection, state.homeEntries.count - 1)
        update(&home, .key(.home))
        XCTAssertEqual(home.homeSelection, 0)
    }

    func testHintBarComesFromTheKeyMap() throws {
        let wide = Size(width: 160, height: 30)
        let state = AppState(size: wide, scenario: try builtin("perceptron-and"))
        let bar = view(state).text(row: wide.height - 1)
        for hint in perceptronKeyMap.barHints(state.perceptron!) {
            XCTAssertTrue(bar.contains(hint.keys + " " + hint.label), "missing \(hint.keys) in \(bar)")
        }
    }
}

final class PerceptronScreenFeedbackTests: XCTestCase {
    let size = Size(width: 80, height: 24)

    /// With ASCII glyphs (a non-UTF-8 locale, --ascii) no cell may hold anything but ASCII.
    func testASCIIFramesAreASCIIOnly() throws {
        for name in ["perceptron-worked-example", "perceptron-separable", "perceptron-xor"] {
            var state = AppState(size: size, scenario: try builtin(name), glyphs: .ascii)
            press(&state, "nnnnna")
            XCTAssertTrue(view(state).plainText.allSatisfy(\.isASCII), view(state).plainText)
            press(&state, "?")
            XCTAssertTrue(view(state).plainText.allSatisfy(\.isASCII), view(state).plainText)
        }
        var home = AppState(size: size, glyphs: .ascii)
        XCTAssertTrue(view(home).plainText.allSatisfy(\.isASCII), view(home).plainText)
        press(&home, "?")
        XCTAssertTrue(view(home).plainText.allSatisfy(\.isASCII), view(home).plainText)
    }

    func testAKeyThatCannotActSaysWhy() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-xor"))
        press(&state, "eeen")
        XCTAssertTrue(view(state).plainText.contains("training finished: r to reset"), view(state).plainText)
        update(&state, .key(.enter))
        XCTAssertTrue(view(state).plainText.contains("press a for cursor mode first"))
    }

    func testTheTitleNamesAnotherDataset() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&state, "dd")   // OR, XOR (the built-in AND is this scenario's data)
        XCTAssertTrue(view(state).text(row: 0).hasPrefix(" nnx · Perceptron on XOR "), view(state).text(row: 0))
    }

    func testALineOutsideThePlotIsNamed() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-worked-example"))
        press(&state, "n")   // w = (−3, 1, −1): x2 = x1 − 3 misses the view around (0.5, 1)
        XCTAssertTrue(view(state).plainText.contains("line off the plot: all on − side"))
        XCTAssertTrue(view(AppState(size: size, scenario: try builtin("perceptron-and"))).plainText
            .contains("no line yet: w1 = w2 = 0"))
    }

    func testKeysDoNothingWhileTheTerminalIsTooSmall() throws {
        var state = AppState(size: Size(width: 40, height: 12), scenario: try builtin("perceptron-and"))
        press(&state, "nne")
        XCTAssertEqual(state.perceptron?.trainer.steps, 0)
        press(&state, "q")
        XCTAssertTrue(state.shouldQuit)
    }

    func testLongNumbersWrapInsteadOfBeingCut() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-separable"))
        press(&state, String(repeating: "n", count: 45))
        let text = view(state).plainText
        XCTAssertFalse(text.contains("…"), text)
        let u = try XCTUnwrap(state.perceptron?.trainer.lastUpdate)
        XCTAssertTrue(text.contains("≈ " + formatNumber(u.v)), text)   // the terms shown are rounded
        XCTAssertTrue(text.contains(formatVector(u.weightsAfter)), text)
    }
}

final class PerceptronScreenEdgeTests: XCTestCase {
    let size = Size(width: 100, height: 30)

    /// The speed shown is the speed played: 60/s at 33 ms a tick is 1.98 visits a tick.
    func testPlaySpeedAboveTheFrameRateIsHonoured() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-overlapping"))
        press(&state, " +++++")                           // 60 visits a second
        XCTAssertEqual(state.perceptron?.stepsPerSecond, 60)
        XCTAssertEqual(state.tickInterval, 33)
        for _ in 0..<100 { update(&state, .tick) }         // 3.3 s of ticks
        XCTAssertEqual(state.perceptron?.trainer.steps, 198)
    }

    func testRightClickSwitchesTheClassAndHomeClickOpens() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        update(&state, .mouse(column: 10, row: 10, button: .right))
        XCTAssertEqual(state.perceptron?.classToAdd, 0)
        var home = AppState(size: size)
        // The first scenario after the lessons: its summary row is under the "Explore freely" heading.
        home.homeSelection = 8
        let placed = HomeLayout(size: size).placed(home.homeRows, selection: 8)
        let y = try XCTUnwrap(placed.first { $0.row == .entry(9) }?.y)
        update(&home, .mouse(column: 5, row: y + 1, button: .left))
        XCTAssertEqual(home.perceptron?.scenario.title, home.homeEntries[9].title)
    }

    func testTheCursorStaysInsideThePlotAfterAResize() throws {
        var state = AppState(size: Size(width: 160, height: 50), scenario: try builtin("perceptron-and"))
        press(&state, "a")
        for _ in 0..<80 { update(&state, .key(.right)) }
        update(&state, .resize(Size(width: 64, height: 20)))
        let area = PerceptronLayout(size: state.size).mapping(state.perceptron!).area
        XCTAssertLessThan(state.perceptron!.cursor!.column, area.width)
        update(&state, .key(.enter))
        let added = try XCTUnwrap(state.perceptron?.dataset.samples.last)
        XCTAssertTrue(state.perceptron!.xRange.contains(added.x1), "\(added)")
    }

    /// Huge weights: the panel shows them whole, and the line is drawn where it is: off the plot (the
    /// remark says so), on the x2 axis, or across the middle.
    func testExtremeWeightsRender() throws {
        func render(_ weights: [Double]) throws -> (frame: Frame, map: PlotMapping) {
            var scenario = try builtin("perceptron-and")
            scenario.perceptron.initialWeights = weights
            let state = AppState(size: size, scenario: scenario)
            return (view(state), PerceptronLayout(size: size).mapping(state.perceptron!))
        }
        func isDot(_ ch: Character) -> Bool { (0x2801...0x28FF).contains(ch.unicodeScalars.first!.value) }
        func dots(_ frame: Frame, _ area: Rect) -> Int {
            (area.y..<area.maxY).reduce(0) { n, row in n + (area.x..<area.maxX).filter { isDot(frame[$0, row].character) }.count }
        }
        // 1e6 + x2 = 0: the line lies a million below the plot.
        let off = try render([1e6, 0, 1])
        XCTAssertTrue(off.frame.plainText.contains("w = (1000000, 0, 1)"), off.frame.plainText)
        XCTAssertTrue(off.frame.plainText.contains("line off the plot: all on + side"), off.frame.plainText)
        XCTAssertEqual(dots(off.frame, off.map.area), 0)
        // 1e6·x1 − 1e−6·x2 = 0 is x1 = 1e−12·x2: the x2 axis, a dot in every row of its column (but the points').
        let axis = try render([0, 1e6, -1e-6])
        XCTAssertTrue(axis.frame.plainText.contains("w = (0, 1000000, 0)"), axis.frame.plainText)
        XCTAssertFalse(axis.frame.plainText.contains("line off the plot"))
        let column = try XCTUnwrap(axis.map.cell(x: 0, y: 0.5)).column
        for row in axis.map.area.y..<axis.map.area.maxY {
            XCTAssertTrue(isDot(axis.frame[column, row].character) || axis.frame[column, row].character == "●", "row \(row)")
        }
        XCTAssertEqual(dots(axis.frame, axis.map.area), dots(axis.frame, Rect(x: column, y: axis.map.area.y, width: 1, height: axis.map.area.height)))
        // −1e6 + 1e6·x1 + 1e6·x2 = 0 is x1 + x2 = 1: through the middle of the square, between its corners.
        let diagonal = try render([-1e6, 1e6, 1e6])
        XCTAssertTrue(diagonal.frame.plainText.contains("w = (−1000000, 1000000, 1000000)"), diagonal.frame.plainText)
        let middle = try XCTUnwrap(diagonal.map.cell(x: 0.5, y: 0.5))
        XCTAssertTrue(isDot(diagonal.frame[middle.column, middle.row].character), diagonal.frame.plainText)
        let corner = try XCTUnwrap(diagonal.map.cell(x: 0.9, y: 0.9))
        XCTAssertFalse(isDot(diagonal.frame[corner.column, corner.row].character), diagonal.frame.plainText)
    }

    /// Themes without a usable background colour show the positive side as a dot texture.
    func testMonochromeShadesWithDots() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"), theme: .monochrome)
        press(&state, String(repeating: "n", count: 20))
        XCTAssertTrue(view(state).plainText.contains("· · ·"))
        state.theme = .standard
        XCTAssertFalse(view(state).plainText.contains("· · ·"))
    }

    func testReseedSaysWhatItDiscarded() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        let map = PerceptronLayout(size: size).mapping(state.perceptron!)
        update(&state, .mouse(column: map.area.x + 1, row: map.area.y + 1, button: .left))
        press(&state, "s")
        XCTAssertEqual(state.perceptron?.note, "seed 2: training restarted, edits dropped")
        XCTAssertEqual(state.perceptron?.dataset.count, 4)
    }

    /// Editing points clears the last update, so the panel never describes a sample that moved or went.
    func testRemovingThePointJustVisitedClearsThePanel() throws {
        var state = AppState(size: size, scenario: try builtin("perceptron-and"))
        press(&state, "n")
        let map = PerceptronLayout(size: size).mapping(state.perceptron!)
        let cell = try XCTUnwrap(map.cell(x: 0, y: 0))
        update(&state, .mouse(column: cell.column, row: cell.row, button: .left))
        XCTAssertEqual(state.perceptron?.dataset.count, 3)
        XCTAssertNil(state.perceptron?.trainer.lastUpdate)
        XCTAssertTrue(view(state).plainText.contains("┌ update ─"))
    }
}
