import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Dropout on the CNN screen: the panel's figures, the rows before the dense stage, the dropped inputs (`P`)
/// and `D`, against the trainer's own masks.
final class CNNDropoutScreenTests: XCTestCase {
    /// The digits network (flatten 256 → dense 10) with dropout p before its dense stage.
    private func digits(dropout p: Double) throws -> Scenario {
        var scenario = try builtin("cnn-digits")
        scenario.cnn?.training.dropout = p
        return scenario
    }

    /// The counts on screen are the last mask's: the values it set to 0 before the dense stage (layer 4), and
    /// the scale 1/(1 − p) of the ones it kept; `P` crosses out exactly those inputs.
    /// The panel's dropout words, each part's lines joined.
    private func sentences(_ c: CNNExplorer) -> (summary: String, note: String) {
        let lines = dropoutLines(c, width: 1000, glyphs: .unicode)
        return (lines?.summary.map(\.text).joined(separator: " ") ?? "", lines?.note.map(\.text).joined(separator: " ") ?? "")
    }

    func testTheNumbersShownAreTheTrainersMask() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try digits(dropout: 0.3))
        XCTAssertEqual(sentences(try XCTUnwrap(state.cnn)).summary,
                       "dropout p = 0.3 before dense (training only): no batch yet, nothing dropped")
        press(&state, "nn")
        let c = try XCTUnwrap(state.cnn)
        let mask = try XCTUnwrap(c.trainer?.lastMasks[4])
        XCTAssertEqual(c.trainer?.lastMasks.keys.sorted(), [4])
        let dropped = mask.count { $0 == 0 }
        XCTAssertEqual(mask.count, 256)
        XCTAssertEqual(Set(mask), [0, 1 / 0.7])
        XCTAssertEqual(c.lastDropped, [DroppedInputs(layer: 4, dropped: dropped, inputs: 256, keptScale: 1 / 0.7)])
        let (summary, note) = sentences(c)
        XCTAssertEqual(summary, "dropout p = 0.3 before dense (training only): last image trained dropped \(dropped) of 256 values (kept ×1.43)")
        XCTAssertEqual(note, "maps and test accuracy use all values, unscaled (inverted dropout)")
        // On screen, line by line in the panel (38 columns inside at 120×40).
        let text = view(state).plainText
        let lines = try XCTUnwrap(dropoutLines(c, width: 38, glyphs: .unicode))
        for line in lines.summary + lines.note { XCTAssertTrue(text.contains("││" + line.text), "\(line.text)\n\(text)") }
        press(&state, "P")
        let params = view(state).plainText
        XCTAssertTrue(params.contains("last image trained, 5 dense's inputs by map: ⊗ dropped (\(dropped) of 256), · kept"), params)
        // The strip: one mark an input, in the mask's order, a space after each 4×4 map.
        let strip = params.split(separator: "\n").filter { $0.contains("⊗") || $0.contains("···") }.dropFirst()
            .map { $0.dropFirst().prefix { $0 != "│" }.filter { $0 == "⊗" || $0 == "·" } }.joined()
        XCTAssertEqual(strip, String(mask.map { $0 == 0 ? "⊗" : "·" }))
    }

    /// Without dropout nothing of it is on screen; with it, the stage list and the parameter table have it
    /// before the dense stage, with no parameters.
    func testTheRowsAppearOnlyWithDropout() throws {
        for p in [0, 0.3] {
            var state = AppState(size: Size(width: 120, height: 40), scenario: try digits(dropout: p))
            press(&state, "n")
            XCTAssertEqual(view(state).plainText.contains("dropout"), p > 0)
            XCTAssertEqual(view(state).plainText.contains("││dropout 0.3, dense 10, softmax 10"), p > 0, view(state).plainText)
            press(&state, "P")
            let text = view(state).plainText
            XCTAssertEqual(text.contains("dropout"), p > 0, text)
            XCTAssertEqual(text.contains("│4 flatten                    256          0          0"), p > 0, text)
            XCTAssertEqual(text.contains("│dropout 0.3 (training only)  256          0          0"), p > 0, text)
            XCTAssertEqual(text.contains("│total                                 2,730     11,776  69,130     68,096"), p > 0, text)
        }
        var narrow = AppState(size: Size(width: 80, height: 24), scenario: try digits(dropout: 0.3))
        press(&narrow, "P")
        XCTAssertTrue(view(narrow).plainText.contains("│dropout 0.3 → 256: 0 params (training only)"), view(narrow).plainText)
    }

    /// D: off, 0.1, 0.3, 0.5, off, from the next batch on (the weights stay); reset keeps the rate.
    func testDSetsTheRateFromTheNextBatchOn() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-digits"))
        press(&state, "n")
        let weights = try XCTUnwrap(state.cnn?.network.weights)
        press(&state, "D")
        XCTAssertEqual(state.cnn?.note, "dropout p = 0.1 from the next batch on (r: from the start)")
        XCTAssertEqual(state.cnn?.network.weights, weights)
        XCTAssertEqual(state.cnn?.trainer?.lastMasks, [:])
        press(&state, "n")
        XCTAssertEqual(state.cnn?.lastDropped.first?.keptScale, 1 / 0.9)
        press(&state, "D")
        XCTAssertEqual(state.cnn?.dropoutRate, 0.3)
        // The mask shown is the one the last batch met, drawn with p = 0.1.
        XCTAssertTrue(view(state).plainText.contains("(kept ×1.11)"), view(state).plainText)
        press(&state, "r")
        XCTAssertEqual(state.cnn?.trainer?.settings.dropout, 0.3)
        XCTAssertEqual(state.cnn?.trainer?.steps, 0)
        press(&state, "D")
        XCTAssertEqual(state.cnn?.dropoutRate, 0.5)
        press(&state, "D")
        XCTAssertEqual(state.cnn?.note, "dropout off from the next batch on (r: from the start)")
        XCTAssertFalse(view(state).plainText.contains("dropout p ="), view(state).plainText)
        XCTAssertFalse(view(state).plainText.contains("dropout 0.5"), view(state).plainText)
        var handSet = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-edge-kernels"))
        press(&handSet, "D")
        XCTAssertEqual(handSet.cnn?.note, "hand-set kernels: nothing to train")
    }

    /// Below 80×24 the note gives way, and the panel's title says the size that shows it.
    func testTheNoteGivesWayAndSaysWhere() throws {
        var small = AppState(size: Size(width: 70, height: 22), scenario: try digits(dropout: 0.3))
        press(&small, "e")
        let text = view(small).plainText
        XCTAssertTrue(text.contains("┌ training · note at 70×24 ─"), text)
        XCTAssertFalse(text.contains("inverted dropout"), text)
        update(&small, .resize(Size(width: 70, height: 24)))
        XCTAssertTrue(view(small).plainText.contains("(inverted dropout)"), view(small).plainText)
        XCTAssertTrue(view(small).plainText.contains("┌ training ─"), view(small).plainText)
    }

    func testSnapshots() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: try digits(dropout: 0.3))
            press(&state, "nnn")
            assertFrameSnapshots(state, named: "panel-\(size)")
            press(&state, "P")
            assertFrameSnapshots(state, named: "parameters-\(size)")
            var ascii = AppState(size: size, scenario: try digits(dropout: 0.3), glyphs: .ascii)
            press(&ascii, "nnn")
            XCTAssertTrue(view(ascii).plainText.allSatisfy(\.isASCII), view(ascii).plainText)
            press(&ascii, "P")
            XCTAssertTrue(view(ascii).plainText.allSatisfy(\.isASCII), view(ascii).plainText)
            assertFrameSnapshots(ascii, named: "parameters-ascii-\(size)")
        }
    }
}
