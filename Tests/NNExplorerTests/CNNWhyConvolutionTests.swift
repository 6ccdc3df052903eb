import Foundation
import NNCore
import NNRender
@testable import NNScenario
import XCTest
@testable import NNExplorer

/// Why convolution, on the CNN screen: the parameter counts (`P`), the shift view (`t`) and the sliding
/// window's convolution against correlation and parameter sharing, with hand-worked numbers.
final class CNNWhyConvolutionTests: XCTestCase {
    /// One bright pixel at (0, 0) of a 4×4 image, 2×2 max pooling, and a hand-set dense layer that answers
    /// class 0 to the top-left pooled cell and class 1 to the top-right one (p = e / (e + 1) either way).
    private func dot() -> Scenario {
        var image = Tensor(channels: 1, height: 4, width: 4)
        image[0, 0, 0] = 1
        var training = CNNSettings()
        training.testSplit = 0
        var scenario = Scenario(title: "CNN: a dot", summary: "s", seed: 1, model: .cnn, data: .images, source: "test")
        scenario.cnn = CNNScenario(imagesName: "test", images: [LabeledImage(image: image, label: 0)], probe: 0,
                                   layers: [.pooling(.max, size: 2, stride: 2), .flatten, .dense(units: 2), .softmax],
                                   fixed: [2: .init(weights: [1, 0, 0, 1, 0, 0, 0, 0], biases: [0, 0], frozen: true)], training: training)
        return scenario
    }

    /// Moved within its pooling window the dot changes the input by √2 and nothing after the pooling; moved
    /// into the next window it changes the pooled map, the dense layer and the prediction.
    func testShiftModeNumbers() throws {
        let root2 = Double(2).squareRoot()
        var state = AppState(size: Size(width: 120, height: 40), scenario: dot())
        press(&state, "t")
        XCTAssertEqual(state.cnn?.shift, InputShift(right: 0, down: 0))
        XCTAssertTrue(view(state).plainText.contains("the input not moved yet: the arrows move it a pixel"), view(state).plainText)
        update(&state, .key(.right))
        var comparison = try XCTUnwrap(state.cnn?.shiftComparison)
        XCTAssertEqual(comparison.shifted[0][0, 0, 1], 1)
        XCTAssertEqual(comparison.changes, [root2, 0, 0, 0, 0])
        XCTAssertEqual(comparison.predictions?.original, 0)
        XCTAssertEqual(comparison.predictions?.shifted, 0)
        var text = view(state).plainText
        for words in ["the input moved 1 right, 0 down; zeros moved in", "input 1.41   1 max pool 0   3 dense 0   4 softmax 0",
                      "prediction 0 (p 0.73) → 0 (p 0.73): the same"] {
            XCTAssertTrue(text.contains(words), "\(words)\n\(text)")
        }
        update(&state, .key(.right))
        comparison = try XCTUnwrap(state.cnn?.shiftComparison)
        let e = Foundation.exp(1.0)
        let a = e / (e + 1), b = 1 / (e + 1)
        let softmax = root2 * (a - b) / (a * a + b * b).squareRoot()
        XCTAssertEqual(Array(comparison.changes[0...3]), [root2, root2, root2, root2])
        XCTAssertEqual(try XCTUnwrap(comparison.changes[4]), softmax, accuracy: 1e-12)
        XCTAssertEqual(formatNumber(softmax, digits: 2), "0.84")
        text = view(state).plainText
        for words in ["input 1.41   1 max pool 1.41   3 dense 1.41   4 softmax 0.84", "prediction 0 (p 0.73) → 1 (p 0.73): changed"] {
            XCTAssertTrue(text.contains(words), "\(words)\n\(text)")
        }
        // The arrows stay within the image; ↑↓ move it up and down; t closes and the arrows browse again.
        for _ in 0..<10 { update(&state, .key(.left)) }
        update(&state, .key(.down))
        XCTAssertEqual(state.cnn?.shift, InputShift(right: -3, down: 1))
        XCTAssertTrue(view(state).plainText.contains("the input moved 3 left, 1 down"), view(state).plainText)
        press(&state, "t")
        XCTAssertNil(state.cnn?.shift)
        update(&state, .key(.right))
        XCTAssertEqual(state.cnn?.note, "one image only: nothing to browse")
    }

    /// The window, the shift view and the counts take the maps' place one at a time.
    func testTheViewsReplaceEachOther() throws {
        var state = AppState(size: Size(width: 100, height: 30), scenario: try builtin("cnn-edge-shapes"))
        press(&state, "k")
        press(&state, "t")
        XCTAssertNil(state.cnn?.window)
        XCTAssertNotNil(state.cnn?.shift)
        press(&state, "P")
        XCTAssertNil(state.cnn?.shift)
        XCTAssertEqual(state.cnn?.showParameters, true)
        press(&state, "k")
        XCTAssertEqual(state.cnn?.showParameters, false)
        XCTAssertNotNil(state.cnn?.window)
        press(&state, "k")
        press(&state, "to")
        XCTAssertEqual(state.cnn?.shiftMap, 1)
        XCTAssertTrue(view(state).plainText.contains("┌ shift · map 2 · not shown: 2 relu (100×35) ─"), view(state).plainText)
    }

    /// The edge kernels on a 12×12 image: 4 × 9 weights + 4 biases, 4 maps × 10×10 cells × 9 products; fully
    /// connected, 144 × 400 weights + 400 biases. As a table where it fits, stage by stage beside the panel.
    func testParameterCounts() throws {
        var wide = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-edge-kernels"))
        press(&wide, "P")
        var text = view(wide).plainText
        for words in ["┌ parameters and multiply-adds an image ─", "                         this network       fully connected",
                      "stage           output   params  mult-adds  params  mult-adds", "1 conv 3×3      4×10×10      40      3,600  58,000     57,600",
                      "2 relu          4×10×10       0          0", "3 max pool 2×2  4×5×5         0          0",
                      "total                        40      3,600  58,000     57,600",
                      "stage 1: 4 kernels × 1 input map × 3×3 + 4 biases = 40 parameters, the same at", "all 10×10 = 100 cells of a map",
                      "4 maps × 100 cells × 9 = 3,600 multiply-adds", "144 × 400 + 400 = 58,000 parameters and 57,600 multiply-adds, 1,450× and 16×"] {
            XCTAssertTrue(text.contains(words), "\(words)\n\(text)")
        }
        XCTAssertTrue(text.contains("40 parameters, 3,600 multiply-adds"), "the panel's totals\n\(text)")
        assertFrameSnapshots(wide, named: "parameters-120x40")
        var narrow = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-edge-kernels"))
        press(&narrow, "P")
        text = view(narrow).plainText
        for words in ["│1 conv 3×3 → 4×10×10", "│  40 params · 3,600 mult-adds", "│  fully connected: 58,000 · 57,600",
                      "│2 relu → 4×10×10: 0 params, 0 mult-adds", "│total"] {
            XCTAssertTrue(text.contains(words), "\(words)\n\(text)")
        }
        assertFrameSnapshots(narrow, named: "parameters-80x24")
        // A deeper network's lines do not all fit beside the panel: the title says how many more, and where.
        var deep = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-glyphs"))
        press(&deep, "P")
        let title = try XCTUnwrap(view(deep).plainText.split(separator: "\n").first { $0.contains("┌ parameters") })
        let more = try XCTUnwrap(title.firstMatch(of: /(\d+) more lines at 80×(\d+)/), String(title))
        XCTAssertEqual(Int(more.2)! - 24, Int(more.1)!)
        update(&deep, .resize(Size(width: 80, height: Int(more.2)!)))
        XCTAssertTrue(view(deep).plainText.contains("┌ parameters and multiply-adds an image ─"), view(deep).plainText)
    }

    /// The shift view at the two sizes, in colour roles and in monochrome.
    func testShiftSnapshots() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: try builtin("cnn-edge-shapes"))
            update(&state, .key(.character("t")))
            update(&state, .key(.right))
            update(&state, .key(.down))
            assertFrameSnapshots(state, named: "shift-\(size.width)x\(size.height)")
        }
    }

    /// Convolution mode beside correlation on the same kernel, and the kernel's uses, in the sliding window.
    func testTheWindowComparesTheModesAndCountsTheUses() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-edge-kernels"))
        press(&state, "k")
        for _ in 0..<3 { update(&state, .key(.down)) }
        for _ in 0..<1 { update(&state, .key(.right)) }
        let c = try XCTUnwrap(state.cnn)
        let w = try XCTUnwrap(c.slidingWindow)
        // Correlation of [1 0 −1] × 3 at the square's left side: −27; flipped, +27.
        XCTAssertEqual(w.sum, -27)
        XCTAssertEqual(w.otherModeSum, 27)
        XCTAssertEqual(w.uses, 100)
        // The largest value of the map at a window a pixel apart from this one: the square's right side.
        let conv = c.probeOutputs[1]
        var best: (Int, Int, Double)?
        for i in 0..<10 {
            for j in 0..<10 where (abs(i - 3) > 3 || abs(j - 1) > 3) && conv[0, i, j] > best?.2 ?? -.infinity { best = (i, j, conv[0, i, j]) }
        }
        XCTAssertEqual(w.elsewhere?.row, best?.0)
        XCTAssertEqual(w.elsewhere?.column, best?.1)
        XCTAssertEqual(w.elsewhere?.sum, 27)
        let text = view(state).plainText
        for words in ["convolution (flipped): a = 27", "the same 9 weights and bias at all 100 cells",
                      "dashed: the largest, a = 27 at (\(best!.0), \(best!.1))", "┄┄┄┄┄┄┄┄"] {
            XCTAssertTrue(text.contains(words), "\(words)\n\(text)")
        }
    }

    /// The new views in ASCII hold ASCII only (the dashed box in dots and colons).
    func testASCIIFramesAreASCIIOnly() throws {
        for keys in ["P", "t", "kjjj"] {
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                var state = AppState(size: size, scenario: try builtin("lesson-6-convolution"), glyphs: .ascii)
                update(&state, .key(.escape))   // explore the lesson's network
                for key in keys { update(&state, key == "j" ? .key(.down) : .key(.character(key))) }
                if keys != "P" { update(&state, .key(.right)) }
                let text = view(state).plainText
                XCTAssertTrue(text.allSatisfy(\.isASCII), "\(keys) \(size)\n\(text)")
                if keys == "kjjj", size.width == 120 { XCTAssertTrue(text.contains("........"), text) }
            }
        }
        var ascii = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-edge-shapes"), glyphs: .ascii)
        press(&ascii, "t")
        update(&ascii, .key(.right))
        assertFrameSnapshots(ascii, named: "shift-ascii-80x24")
    }
}
