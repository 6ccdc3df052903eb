import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Dropout and max-norm on the MLP screen: the ledger's formulas and worked numbers with a dropout mask,
/// max-norm's clips, the settings line, and the network diagram with the dropped units.
final class RegularizationScreenTests: XCTestCase {
    private func explorer(_ activation: Activation, dropout: Double, maxNorm: Double? = nil, seed: UInt64 = 3) -> MLPExplorer {
        var scenario = mlpScenario(sizes: [2, 4, 1], seed: seed)
        scenario.mlp.activation = activation
        scenario.mlp.dropout = dropout
        scenario.mlp.maxNorm = maxNorm
        scenario.mlp.learningRate = 0.3
        return MLPExplorer(scenario: scenario)
    }

    /// Lesson 5's overfitting network (50 tanh units, 28 noisy XOR points) with dropout 0.3 and max-norm 3,
    /// as the lesson ends up training it, to explore.
    private func dropoutScenario() throws -> Scenario {
        var scenario = try builtin("lesson-5-overfitting")
        scenario.lesson = nil
        scenario.title = "MLP: dropout and max-norm against overfitting"
        scenario.mlp.dropout = 0.3
        scenario.mlp.maxNorm = 3
        return scenario
    }

    private func ledger(_ m: MLPExplorer) -> [String] { MLPLedger(explorer: m, glyphs: .unicode, width: 200).updateLines.map(\.text) }

    /// With dropout, the formulas carry m_j/(1 − p) and f′ in terms of net_j (z_j is scaled or 0).
    func testTheFormulasSayWhatDropoutDoes() {
        let hidden: [Activation: String] = [
            .sigmoid: "δ^h_j = m_j/(1 − p)·σ(net_j)(1 − σ(net_j))·Σ_k w_jk δ_k",
            .tanh: "δ^h_j = m_j/(1 − p)·(1 − tanh²(net_j))·Σ_k w_jk δ_k",
            .relu: "δ^h_j = m_j/(1 − p)·[net_j > 0]·Σ_k w_jk δ_k", .linear: "δ^h_j = m_j/(1 − p)·1·Σ_k w_jk δ_k"]
        for a in Activation.allCases {
            var m = explorer(a, dropout: 0.5)
            m.stepPhase()
            XCTAssertTrue(ledger(m).contains { $0.contains("z_j = m_j·") && $0.hasSuffix("/(1 − p), p = 0.5, m_j = 0 if dropped") }, "\(a): \(ledger(m))")
            m.stepUpdate()
            XCTAssertTrue(ledger(m).contains(hidden[a]!), "\(a): \(ledger(m))")
        }
    }

    /// Each hidden `δ_… = numbers = value` line: a dropped unit's says 0 and why; a kept unit's numbers
    /// (its scale first) give the value shown, which is the network's δ.
    func testTheWorkedDeltasWithAMask() throws {
        for a in Activation.allCases {
            for p in [0.5, 0.3] {
                var m = explorer(a, dropout: p), dropped = 0, kept = 0
                for _ in 0..<12 {
                    m.stepUpdate()
                    let u = try XCTUnwrap(m.trainer.lastUpdate), mask = try XCTUnwrap(u.mask)
                    let lines = ledger(m)
                    for j in 0..<4 {
                        let line = try XCTUnwrap(lines.first { $0.hasPrefix("δ_h\(j + 1) = ") }, "\(lines)")
                        XCTAssertEqual(lines.contains { $0.hasPrefix("h\(j + 1) (dropped): net ") }, mask.isDropped(layer: 1, unit: j))
                        if mask.isDropped(layer: 1, unit: j) {
                            dropped += 1
                            XCTAssertEqual(line, "δ_h\(j + 1) = 0 (dropped: m = 0)")
                            XCTAssertEqual(u.pass.delta(layer: 1, unit: j), 0)
                            continue
                        }
                        kept += 1
                        let parts = line.components(separatedBy: " = ")
                        XCTAssertEqual(parts.count, 3, line)
                        XCTAssertTrue(parts[1].hasPrefix(p == 0.5 ? "2·" : "1.43·"), line)
                        XCTAssertTrue(LedgerArithmetic.overlap(try LedgerArithmetic.interval(parts[1]), try LedgerArithmetic.interval(parts[2])),
                                      "\(a) p = \(p): \(line)")
                        let actual = u.pass.delta(layer: 1, unit: j)
                        XCTAssertEqual(try LedgerArithmetic.evaluate(parts[2]), actual, accuracy: 0.005 * abs(actual) + 1e-12, line)
                    }
                }
                XCTAssertGreaterThan(dropped, 0, "\(a) \(p)")
                XCTAssertGreaterThan(kept, 0, "\(a) \(p)")
            }
        }
    }

    /// In the hidden δ phase the chain rule's ∂z/∂net carries the scale, and its last line gives the δ; a
    /// selected dropped unit's derivation is that its δ is 0.
    func testTheChainRuleWithAMask() throws {
        for a in Activation.allCases {
            var m = explorer(a, dropout: 0.5, seed: 4)
            for _ in 0..<3 { m.stepUpdate() }
            for _ in 0..<3 { m.stepPhase() }   // forward ×2, output δ: the next is the hidden δ
            m.stepPhase()
            let u = try XCTUnwrap(m.pending).update, mask = try XCTUnwrap(u.mask)
            XCTAssertEqual(m.currentPhase, .hiddenDeltas(layer: 1))
            let lines = ledger(m)
            let kept = try XCTUnwrap((0..<4).first { !mask.isDropped(layer: 1, unit: $0) })
            let name = "δ_h\(kept + 1)"
            XCTAssertTrue(lines.contains("chain rule: \(name) = −∂E_t/∂net_h\(kept + 1)"), "\(a): \(lines)")
            XCTAssertTrue(lines.contains { $0.hasPrefix(" ∂z_h\(kept + 1)/∂net_h\(kept + 1) = m/(1 − p)") && ($0.contains(" = 2·") || $0.hasSuffix(" = 2")) }, "\(a): \(lines)")
            let last = try XCTUnwrap(lines.first { $0.hasPrefix(" \(name) = −") }, "\(lines)")
            let parts = last.dropFirst().components(separatedBy: " = ")
            XCTAssertEqual(try LedgerArithmetic.evaluate(parts[2]), u.pass.delta(layer: 1, unit: kept),
                           accuracy: 0.005 * abs(u.pass.delta(layer: 1, unit: kept)) + 1e-12, last)
            if let droppedUnit = (0..<4).first(where: { mask.isDropped(layer: 1, unit: $0) }) {
                while m.selectedUnit?.unit != droppedUnit { m.selectNextUnit() }
                XCTAssertTrue(ledger(m).contains("chain rule: δ_h\(droppedUnit + 1) = 0 (dropped: m = 0)"), "\(ledger(m))")
            }
        }
    }

    /// Hand-worked: the weights into h1 are (3, 4), 5 long; with c = 1 the update's clip says so (‖w‖ after
    /// the update's own small change) and leaves them 1 long. A c no weight reaches says nothing was clipped.
    func testMaxNormClipsAreShown() throws {
        var scenario = mlpScenario()
        scenario.mlp.initialWeights = [[[0.1, -0.2], [3, 0.3], [4, 0.2]], [[0.05], [0.6], [-0.4]]]
        scenario.mlp.maxNorm = 1
        var m = MLPExplorer(scenario: scenario)
        m.stepUpdate()
        let u = try XCTUnwrap(m.trainer.lastUpdate)
        XCTAssertEqual(u.clips.map(\.unit), [0])
        let before = u.weightsBefore[0], change = u.weightChanges[0]
        let norm = ((before[2] + change[2]) * (before[2] + change[2]) + (before[4] + change[4]) * (before[4] + change[4])).squareRoot()
        XCTAssertEqual(u.clips[0].norm, norm, accuracy: 1e-15)
        XCTAssertEqual(hypot(m.trainer.network.weight(layer: 0, from: 1, to: 0), m.trainer.network.weight(layer: 0, from: 2, to: 0)), 1,
                       accuracy: 1e-15)
        let lines = ledger(m)
        XCTAssertTrue(lines.contains("then max-norm: w_j ← c·w_j/‖w_j‖ where ‖w_j‖ > c = 1 (w_j: the weights into j, not its bias)"), "\(lines)")
        XCTAssertTrue(lines.contains("max-norm clipped h1: ‖w‖ \(formatNumber(norm, digits: 3)) → 1"), "\(lines)")
        let settings = MLPLedger(explorer: m, glyphs: .unicode, width: 200).progressLines.map(\.text)
        XCTAssertTrue(settings.contains { $0.hasPrefix("η = 0.5 · batch 1 · max-norm 1 (reference path: slower) · ") }, "\(settings)")
        // The update phase puts what max-norm did right under its rule.
        var phased = MLPExplorer(scenario: scenario)
        for _ in phased.phases { phased.stepPhase() }
        let phaseLines = ledger(phased)
        let rule = try XCTUnwrap(phaseLines.firstIndex { $0.hasPrefix("then max-norm:") })
        XCTAssertEqual(phaseLines[rule + 1], "max-norm clipped h1: ‖w‖ 5 → 1")
        scenario.mlp.maxNorm = 1000
        var loose = MLPExplorer(scenario: scenario)
        loose.stepUpdate()
        XCTAssertTrue(ledger(loose).contains("max-norm: no unit's ‖w‖ over 1000"))
    }

    /// A clip's length keeps the digits that tell it from c: 3.0004 must not read "3 → 3".
    func testAClipsLengthIsNeverShownAsC() {
        let ledger = MLPLedger(explorer: explorer(.tanh, dropout: 0), glyphs: .unicode, width: 80)
        XCTAssertEqual(ledger.clipLength(3.4, over: 3), "3.4")
        XCTAssertEqual(ledger.clipLength(3.0004, over: 3), "3.0004")
        XCTAssertEqual(ledger.clipLength(3.00000042, over: 3), "3.0000004")
        XCTAssertEqual(ledger.clipLength(2.5000001, over: 2.5), "2.5000001")
    }

    /// The diagram crosses out the units the shown update dropped, and its legend counts them.
    func testTheDiagramShowsTheDroppedUnits() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: try dropoutScenario())
        press(&state, "nnn")
        let m = try XCTUnwrap(state.mlp)
        let mask = try XCTUnwrap(m.trainer.lastUpdate?.mask)
        XCTAssertTrue(mask.isDropped(layer: 1, unit: 0))
        let count = mask.dropped[0].reduce(0, +)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("⊗ \(count) dropped"), text)
        XCTAssertEqual(m.droppedUnits[1]?.count, count)
        // Without dropout: no crosses, no count.
        var plain = AppState(size: Size(width: 80, height: 24), scenario: try builtin("mlp-overfitting"))
        press(&plain, "nnn")
        XCTAssertFalse(view(plain).plainText.contains("⊗"))
        XCTAssertFalse(view(plain).plainText.contains("dropped"))
    }

    func testSnapshotsOfTheDroppedUnits() throws {
        var small = AppState(size: Size(width: 80, height: 24), scenario: try dropoutScenario())
        press(&small, "nnn")
        assertFrameSnapshots(small, named: "80x24")
        var ascii = AppState(size: Size(width: 80, height: 24), scenario: try dropoutScenario(), glyphs: .ascii)
        press(&ascii, "nnn")
        assertFrameSnapshots(ascii, named: "80x24-ascii")
        // Mid-update (p): the pending update's mask, phase by phase.
        var large = AppState(size: Size(width: 120, height: 40), scenario: try dropoutScenario())
        press(&large, "nnp")
        assertFrameSnapshots(large, named: "120x40-phase")
    }

    /// D steps dropout p through off, 0.1, 0.3, 0.5 and off again, N max-norm c through off, 1, 2, 3, 4 and
    /// off again; each starts training again from the same first weights, as a lesson's `set:` does, and the
    /// update panel's settings line says what is on, at 80×24 too.
    func testDropoutAndMaxNormKeysCycle() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: mlpScenario(sizes: [2, 4, 1]))
        let first = try XCTUnwrap(state.mlp).trainer.network.parameters
        let presses: [(key: String, dropout: Double, maxNorm: Double?, note: String)] = [
            ("D", 0.1, nil, "dropout p = 0.1; training starts again"), ("D", 0.3, nil, "dropout p = 0.3; training starts again"),
            ("D", 0.5, nil, "dropout p = 0.5; training starts again"), ("D", 0, nil, "dropout off; training starts again"),
            ("N", 0, 1, "max-norm c = 1; training starts again"), ("N", 0, 2, "max-norm c = 2; training starts again"),
            ("N", 0, 3, "max-norm c = 3; training starts again"), ("N", 0, 4, "max-norm c = 4; training starts again"),
            ("N", 0, nil, "max-norm off; training starts again"),
        ]
        for (key, dropout, maxNorm, note) in presses {
            press(&state, "n" + key)
            let m = try XCTUnwrap(state.mlp)
            XCTAssertEqual(m.trainer.settings.dropout, dropout, note)
            XCTAssertEqual(m.trainer.settings.maxNorm, maxNorm, note)
            XCTAssertEqual(m.note, note)
            XCTAssertEqual(m.trainer.steps, 0, note)
            XCTAssertEqual(m.trainer.network.parameters, first, note)
            let settings = boxText(state, \.ledgerBox)
            if let named = dropout > 0 ? "dropout \(formatNumber(dropout))" : maxNorm.map({ "max-norm \(formatNumber($0))" }) {
                XCTAssertTrue(settings.contains("batch 1 · \(named) (reference path: slower)"), "\(note): \(settings)")
            } else {
                XCTAssertFalse(settings.contains("reference path"), "\(note): \(settings)")
            }
        }
        // Keys a wide bar has room for, with their values; at 80 columns the bar keeps the keys it had.
        press(&state, "DDN")
        XCTAssertEqual(view(state).text(row: 23).trimmingCharacters(in: .whitespaces),
                       "space play  +- speed  p phase  n sample  e epoch  r reset  [] η  ? help  q back")
        update(&state, .resize(Size(width: 160, height: 40)))
        let bar = view(state).text(row: 39)
        XCTAssertTrue(bar.contains("w λ off  D dropout 0.3  N max-norm 1  l lin"), bar)
    }

    /// Without a hidden layer there is no unit to drop: D says so rather than doing nothing, and turns off a
    /// dropout that k left on.
    func testDropoutKeyWithoutAHiddenLayer() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: mlpScenario(sizes: [2, 1]))
        press(&state, "D")
        XCTAssertEqual(state.mlp?.trainer.settings.dropout, 0)
        XCTAssertEqual(state.mlp?.note, "dropout drops hidden units; network 2-1 has none: K adds a hidden layer")
        XCTAssertTrue(view(state).plainText.contains("dropout drops hidden units;"))
        var left = AppState(size: Size(width: 80, height: 24), scenario: mlpScenario(sizes: [2, 2, 1]))
        press(&left, "Dk")
        XCTAssertEqual(left.mlp?.trainer.network.sizes, [2, 1])
        XCTAssertEqual(left.mlp?.trainer.settings.dropout, 0.1)
        press(&left, "D")
        XCTAssertEqual(left.mlp?.trainer.settings.dropout, 0)
        XCTAssertEqual(left.mlp?.note, "dropout off; training starts again")
        // Max-norm clips the output unit's weights too: it needs no hidden layer.
        press(&state, "N")
        XCTAssertEqual(state.mlp?.trainer.settings.maxNorm, 1)
    }

    /// The help overlay lists D and N with what they step through.
    func testHelpListsDropoutAndMaxNorm() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: mlpScenario())
        let hints = try XCTUnwrap(state.mlp).help.hints
        XCTAssertEqual(hints.first { $0.keys == "D" }?.help, "dropout p: off, 0.1, 0.3, 0.5, off again (hidden units dropped at random while training; training starts again)")
        XCTAssertEqual(hints.first { $0.keys == "N" }?.help,
                       "max-norm c: off, 1, 2, 3, 4, off again (each unit's incoming weights clipped to length c; training starts again)")
        press(&state, "?")
        // The help scrolls at this size: every page of it.
        var text = view(state).plainText
        for _ in 0..<5 {
            update(&state, .key(.pageDown))
            text += view(state).plainText
        }
        XCTAssertTrue(text.contains("D      dropout p: off, 0.1,"), text)
        XCTAssertTrue(text.contains("N      max-norm c: off, 1,"), text)
    }

    /// The error surface has no dropout mask, no weight decay and no clip: with any on, a caption under the
    /// steps says the update differs (and with neither, no such caption), at 80×24 as at 120×40.
    func testTheSurfaceSaysWhatItLeavesOut() throws {
        let captions: [(Double, Double, Double?, String?)] = [
            (0, 0, nil, nil),
            (0.3, 0, nil, "no dropout mask: the update also drops units at random, so its step differs"),
            (0, 0.001, nil, "no weight decay: the update also adds −ηλw, so its step differs"),
            (0, 0, 2, "before max-norm's clip: the update also shortens any ‖w_j‖ over c = 2, so its step differs"),
            (0.3, 0, 2, "no dropout mask, before max-norm's clip: the update also drops units at random and shortens any ‖w_j‖ over c = 2, so its step differs"),
            (0.3, 0.001, 2, "no dropout mask, no weight decay, before max-norm's clip: the update also drops units at random, adds −ηλw and shortens any ‖w_j‖ over c = 2, so its step differs"),
        ]
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            for (dropout, weightDecay, maxNorm, caption) in captions {
                var scenario = mlpScenario(sizes: [2, 3, 1], momentum: 0.9)
                scenario.mlp.dropout = dropout
                scenario.mlp.weightDecay = weightDecay
                scenario.mlp.maxNorm = maxNorm
                var state = AppState(size: size, scenario: scenario)
                press(&state, "eeeennE")
                for error in ["E", "E_t"] {
                    if error == "E_t" { press(&state, "b") }
                    let text = boxText(state, \.plotBox)
                    if let caption {
                        XCTAssertTrue(text.contains(caption), "\(size) \(error): \(text)")
                    } else {
                        XCTAssertFalse(text.contains("step differs"), "\(size) \(error): \(text)")
                    }
                    XCTAssertTrue(text.contains("→ −η ∂\(error)/∂w = "), "\(size) \(error): \(text)")
                }
            }
        }
    }

    /// A box's rows inside its border, joined with spaces (wrapped lines read as one sentence).
    private func boxText(_ state: AppState, _ boxOf: KeyPath<MLPLayout, Rect>) -> String {
        let box = MLPLayout(size: state.size, panelsHidden: state.panelsHidden)[keyPath: boxOf], frame = view(state)
        return (box.y + 1..<box.maxY - 1).map { row in
            String(frame.text(row: row).dropFirst(box.x + 1).prefix(box.width - 2)).trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
    }
}
