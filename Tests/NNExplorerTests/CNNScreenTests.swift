import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

final class CNNScreenTests: XCTestCase {
    func testSnapshots() throws {
        let edges = try builtin("cnn-edge-kernels")
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            assertFrameSnapshots(AppState(size: size, scenario: edges), named: "edges-\(size)")
        }
        // Monochrome draws glyphs of growing density instead of shades; values mode prints the numbers.
        assertFrameSnapshots(AppState(size: Size(width: 80, height: 24), scenario: edges, theme: .monochrome), named: "edges-mono-theme")
        var values = AppState(size: Size(width: 120, height: 40), scenario: edges)
        press(&values, "v")
        assertFrameSnapshots(values, named: "edges-values")
        var digits = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits"))
        press(&digits, "nnnnn")
        assertFrameSnapshots(digits, named: "digits-after-5-batches")
    }

    /// The maps on screen are the network's: the edge kernels' numbers, ranges and shapes as computed.
    func testTheMapsAreTheNetworks() throws {
        let state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-edge-kernels"))
        let c = try XCTUnwrap(state.cnn)
        let outputs = c.probeOutputs
        XCTAssertEqual(outputs[1].shape, [4, 10, 10])
        XCTAssertEqual(outputs[1].values.min(), -27)
        XCTAssertEqual(outputs[1].values.max(), 27)
        XCTAssertEqual(outputs[1][0, 3, 1], -27)   // left side of the square: dark → light under [1, 0, −1]
        XCTAssertEqual(outputs[1][0, 3, 7], 27)    // right side
        let text = view(state).plainText
        XCTAssertTrue(text.contains("1 conv: 4 × 10×10   range −27 … 27"), text)
        XCTAssertTrue(text.contains("3 max pool 2×2: 4 × 5×5   range 0 … 27"), text)
        XCTAssertTrue(text.contains("kernels 3×3 (correlation, hand-set)"), text)
    }

    func testHandSetKernelsTrainNothingAndPoolingSwitches() throws {
        var state = AppState(size: Size(width: 100, height: 30), scenario: try builtin("cnn-pooling"))
        press(&state, "n")
        XCTAssertEqual(state.cnn?.note, "hand-set kernels: nothing to train")
        XCTAssertTrue(view(state).plainText.contains("hand-set kernels: nothing to train"))
        let relu = try XCTUnwrap(state.cnn?.probeOutputs[2])
        press(&state, "p")
        let c = try XCTUnwrap(state.cnn)
        XCTAssertEqual(c.poolingKind, .mean)
        let pooled = c.probeOutputs[3]
        // Mean of the top-left 2×2 window of map 1.
        XCTAssertEqual(pooled[1, 0, 0], (relu[1, 0, 0] + relu[1, 0, 1] + relu[1, 1, 0] + relu[1, 1, 1]) / 4)
        XCTAssertTrue(view(state).plainText.contains("3 mean pool 2×2"))
        press(&state, "p")
        XCTAssertEqual(state.cnn?.poolingKind, .max)
        press(&state, "pr")
        XCTAssertEqual(state.cnn?.poolingKind, .max)
        XCTAssertEqual(state.cnn?.note, "reset: the scenario's max pooling again")
    }

    func testTrainingAndBrowsing() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits"))
        press(&state, "n")
        XCTAssertEqual(state.cnn?.trainer?.steps, 1)
        XCTAssertEqual(state.cnn?.images.count, 449)   // the test set
        update(&state, .key(.right))
        XCTAssertEqual(state.cnn?.probe, 1)
        update(&state, .key(.left)); update(&state, .key(.left))
        XCTAssertEqual(state.cnn?.probe, 448)
        press(&state, "w")
        let c = try XCTUnwrap(state.cnn)
        let output = c.network.forward(c.probeImage.image).last!
        XCTAssertNotEqual(CNNTrainer.predictedClass(output), c.probeImage.label)
        XCTAssertTrue(view(state).plainText.contains("P(class): true \(c.probeImage.label), got \(CNNTrainer.predictedClass(output))"))
        press(&state, "mv")
        XCTAssertEqual(state.cnn?.sharedScale, false)
        XCTAssertEqual(state.cnn?.showValues, true)
        press(&state, "p")
        XCTAssertEqual(state.cnn?.note, "a trained network learned with its pooling: change it in the scenario")
        press(&state, " ")
        XCTAssertEqual(state.cnn?.playing, true)
        update(&state, .tick)
        XCTAssertEqual(state.cnn?.trainer?.steps, 1 + CNNExplorer.batchesPerTick)
        press(&state, "r")
        XCTAssertEqual(state.cnn?.trainer?.steps, 0)
        XCTAssertEqual(state.cnn?.playing, false)
    }

    /// K shows the next convolution's kernels: every (output map, input map) pair, as many as fit, "+N" for the rest.
    func testKShowsTheSecondConvolutionsKernels() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-glyphs"))
        XCTAssertTrue(view(state).plainText.contains("kernels 5×5 of stage 1 (correlation)"))
        press(&state, "K")
        XCTAssertEqual(state.cnn?.shownKernelLayer, 3)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("kernels 3×3 of stage 4 (correlation, 12×6: one per output"), text)
        XCTAssertTrue(text.contains("+58"), text)   // 14 of the 72 fit at 120 columns
        press(&state, "K")
        XCTAssertEqual(state.cnn?.shownKernelLayer, 0)
    }

    /// A key that does nothing now says why, in its own words (not "training finished" for everything).
    func testUnavailableKeysSayWhy() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits"))
        press(&state, "K")
        XCTAssertEqual(state.cnn?.note, "one convolution only: its kernels are on screen")
        press(&state, "o")
        XCTAssertEqual(state.cnn?.note, "press k for the sliding window or t for the shift view first")
        // Without the window the arrows scroll the maps, and say where they stand even when all fit.
        update(&state, .key(.up))
        XCTAssertEqual(state.cnn?.note, "maps from the input (when they do not all fit)")
        update(&state, .key(.down))
        XCTAssertEqual(state.cnn?.note, "maps from stage 1, conv (when they do not all fit)")
    }

    /// On per-map scales, each map says the span of its own values under it.
    func testPerMapScalesShowEachMapsRange() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-edge-shapes"))
        let c = try XCTUnwrap(state.cnn)
        let conv = c.network.forward(c.probeImage.image)[1]
        let plane = conv.height * conv.width
        func span(_ map: Int) -> String {
            let values = conv.values[(map * plane)..<((map + 1) * plane)]
            return formatNumber(values.min()!, digits: 1) + "…" + formatNumber(values.max()!, digits: 1)
        }
        let spans = (0..<conv.channels).map(span)
        XCTAssertGreaterThan(Set(spans).count, 1)
        XCTAssertFalse(view(state).plainText.contains(spans[0]))
        press(&state, "m")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("each map on its own scale"))
        for s in spans { XCTAssertTrue(text.contains(s), s) }
    }

    /// Each map's own range sits under it, apart from its neighbours' (the 4-wide pooled maps' ranges ran
    /// together), at the three sizes; a pooled map is shaded on the scale of the map it pools, and says so.
    func testPerMapRangesAreApart() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            var state = AppState(size: size, scenario: try builtin("cnn-digits"))
            press(&state, "m")
            let c = try XCTUnwrap(state.cnn)
            let outputs = c.probeOutputs
            let frame = view(state)
            let rows = (0..<frame.height).map { frame.text(row: $0) }
            var checked = 0
            for case .stage(let l) in c.mapsBlocks {
                let maps = outputs[l + 1], plane = maps.height * maps.width
                let spans = (0..<maps.channels).map { m in
                    let values = maps.values[(m * plane)..<((m + 1) * plane)]
                    return formatNumber(values.min()!, digits: 1) + "…" + formatNumber(values.max()!, digits: 1)
                }
                guard let label = rows.firstIndex(where: { $0.contains("│\(l + 1) ") }) else { continue }
                let under = try XCTUnwrap(rows[label...].first { $0.hasPrefix("│" + spans[0]) }, "\(size): stage \(l + 1)")
                // The row holds the first maps' ranges in order, each a word of its own.
                let words = under.dropFirst().prefix { $0 != "│" }.split(separator: " ").map(String.init)
                XCTAssertGreaterThanOrEqual(words.count, 4, "\(size): \(under)")
                XCTAssertEqual(words, Array(spans.prefix(words.count)), "\(size): \(under)")
                checked += 1
            }
            XCTAssertGreaterThanOrEqual(checked, 2, "\(size)")
            if size.width == 120 {
                XCTAssertTrue(rows.contains { $0.contains("3 max pool 2×2: 16 × 4×4   each on its relu map's scale (all: 0 … ") }, frame.plainText)
            }
        }
    }

    /// When not every band of maps fits, the title says which are left out and the size that shows them
    /// all, ↑/↓ scroll, and switching the pooling brings it on screen.
    func testMapsThatDoNotFitAreNamedAndScroll() throws {
        var state = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-edge-shapes"))
        // The maps box is 50 columns wide beside the panel: the shortest title.
        XCTAssertTrue(view(state).plainText.contains("┌ hidden: 2 relu ↓, 3 max pool ↓ (80×36) ─"), view(state).plainText)
        var tall = state
        update(&tall, .resize(Size(width: 80, height: 36)))
        XCTAssertTrue(view(tall).plainText.contains("┌ feature maps · image 5 of 500 ─"), view(tall).plainText)
        XCTAssertTrue(view(tall).plainText.contains("3 max pool 2×2"))
        update(&tall, .resize(Size(width: 80, height: 35)))
        XCTAssertTrue(view(tall).plainText.contains("┌ not shown: 3 max pool ↓ (80×36 shows all) ─"), view(tall).plainText)
        update(&state, .key(.down))
        XCTAssertEqual(state.cnn?.mapsFrom, 1)
        XCTAssertTrue(view(state).plainText.contains("hidden: input ↑, 3 max pool ↓ (80×36)"), view(state).plainText)
        update(&state, .key(.down)); update(&state, .key(.down)); update(&state, .key(.down))
        XCTAssertEqual(state.cnn?.mapsFrom, 3)   // the last band; more presses stay there
        update(&state, .key(.up)); update(&state, .key(.up)); update(&state, .key(.up))
        XCTAssertEqual(state.cnn?.mapsFrom, 0)
        press(&state, "p")
        XCTAssertEqual(state.cnn?.mapsFrom, 3)   // the pooling, and above it the relu maps it pools
        XCTAssertTrue(view(state).plainText.contains("3 mean pool 2×2"), view(state).plainText)
        // Many bands left out in a narrow box: a range of stages, and the size is still exact.
        var deep = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-glyphs"))
        XCTAssertTrue(view(deep).plainText.contains("┌ hidden: stages 2–6 ↓ (80×39) ─"), view(deep).plainText)
        update(&deep, .resize(Size(width: 80, height: 39)))
        XCTAssertTrue(view(deep).plainText.contains("┌ feature maps · image 1 of 250 ─"), view(deep).plainText)
        update(&deep, .resize(Size(width: 80, height: 38)))
        XCTAssertTrue(view(deep).plainText.contains("┌ not shown: 6 max pool ↓ (80×39 shows all) ─"), view(deep).plainText)
    }

    /// The step-by-step window: its numbers are the network's, and the keys move it.
    func testSlidingWindow() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-pooling"))
        press(&state, "k")
        var w = try XCTUnwrap(state.cnn?.slidingWindow)
        XCTAssertEqual(w.position, WindowPosition(map: 0, row: 0, column: 0))
        // Same padding: at the corner 5 of the 9 positions fall outside the image.
        XCTAssertEqual(w.terms.count, 4)
        XCTAssertEqual(w.terms.reduce(0) { $0 + $1.weight * $1.input } + w.bias, w.sum)
        press(&state, "o")
        update(&state, .key(.down)); update(&state, .key(.down)); update(&state, .key(.right)); update(&state, .key(.right))
        w = try XCTUnwrap(state.cnn?.slidingWindow)
        XCTAssertEqual(w.position, WindowPosition(map: 1, row: 2, column: 2))
        XCTAssertEqual(w.sum, 54)               // three 9s under the kernel's three 2s
        XCTAssertEqual(w.activation?.value, 54)
        XCTAssertEqual(w.pooling?.result, 54)   // max of its 2×2 window
        XCTAssertEqual(w.pooling?.row, 1)
        let text = view(state).plainText
        XCTAssertTrue(text.contains("step by step · kernel 2, output cell (2, 2)"), text)
        XCTAssertTrue(text.contains("a = 54 + b (0) = 54"), text)
        XCTAssertTrue(text.contains("relu(54) = 54"), text)
        XCTAssertTrue(text.contains("max of the pooling window [54, 0, 0, 54] = 54"), text)
        press(&state, "n")
        XCTAssertEqual(state.cnn?.window, WindowPosition(map: 1, row: 2, column: 3))
        update(&state, .key(.up)); update(&state, .key(.up)); update(&state, .key(.up))
        XCTAssertEqual(state.cnn?.window?.row, 0)   // stays on the map
        press(&state, "k")
        XCTAssertNil(state.cnn?.window)
        assertFrameSnapshots({ var s = state; press(&s, "k"); return s }(), named: "window")
        var small = AppState(size: Size(width: 80, height: 24), scenario: try builtin("cnn-pooling"))
        press(&small, "kn")
        assertFrameSnapshots(small, named: "window-80x24")
    }

    /// After an epoch the test set's confusion matrix is kept and drawn; with room for only one, c picks it
    /// over the loss curves.
    func testConfusionMatrix() throws {
        var state = AppState(size: Size(width: 100, height: 30), scenario: try builtin("cnn-digits"))
        XCTAssertNil(state.cnn?.confusion)
        press(&state, "e")
        let c = try XCTUnwrap(state.cnn)
        let matrix = try XCTUnwrap(c.confusion)
        XCTAssertEqual(matrix.flatMap { $0 }.reduce(0, +), 449)
        XCTAssertEqual(Double((0..<10).map { matrix[$0][$0] }.reduce(0, +)) / 449, c.trainer?.history.last?.testAccuracy ?? 0, accuracy: 1e-12)
        XCTAssertTrue(view(state).plainText.contains("loss per epoch"))
        XCTAssertFalse(view(state).plainText.contains("test: rows true"))
        press(&state, "c")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("test: rows true, cols predicted"), "confusion title")
        let cells = matrix[2].map { $0 == 0 ? "  ·" : String(repeating: " ", count: 3 - String($0).count) + String($0) }.joined()
        XCTAssertTrue(text.contains(" 2 " + cells), "row 2 of the matrix")
        var tall = state
        update(&tall, .resize(Size(width: 100, height: 40)))
        press(&tall, "c")
        XCTAssertTrue(view(tall).plainText.contains("loss per epoch"))
        XCTAssertTrue(view(tall).plainText.contains("test: rows true"))
        // At 80 columns the panel is narrower than the matrix: c widens it, and every row is whole.
        var narrow = state
        update(&narrow, .resize(Size(width: 80, height: 24)))
        press(&narrow, "c")   // back to the curves
        XCTAssertFalse(view(narrow).plainText.contains("test: rows true"))
        press(&narrow, "c")
        let rows = view(narrow).plainText.split(separator: "\n").map(String.init)
        XCTAssertTrue(rows.contains { $0.contains(" 2 " + cells + "│") }, "row 2 whole, up to the panel's border")
        XCTAssertTrue(rows.contains { $0.contains("     0  1  2  3  4  5  6  7  8  9│") }, view(narrow).plainText)
    }

    /// A learning rate far too large: the loss overflows, the status says so, and nothing crashes drawing NaN
    /// probabilities.
    func testDivergenceIsShown() throws {
        let images = (0..<40).map { n in
            LabeledImage(image: Tensor(channels: 1, height: 4, width: 4, values: (0..<16).map { Double(($0 * 7 + n) % 5) * 1e300 }), label: n % 2)
        }
        var training = CNNSettings()
        training.learningRate = 1000; training.momentum = 0.99; training.batchSize = 1; training.maxEpochs = 5
        var scenario = Scenario(title: "CNN: diverges", summary: "s", seed: 1, model: .cnn, data: .images, source: "test")
        scenario.cnn = CNNScenario(imagesName: "test", images: images, probe: 0, layers: [.flatten, .dense(units: 2), .softmax], training: training)
        var state = AppState(size: Size(width: 100, height: 30), scenario: scenario)
        for _ in 0..<5 { press(&state, "e") }
        guard case .diverged = state.cnn?.trainer?.status else { return XCTFail("\(String(describing: state.cnn?.trainer?.status))") }
        XCTAssertTrue(view(state).plainText.contains("diverged at epoch"))
    }

    /// Browsing for mistakes only makes sense for a network that classifies.
    func testNoMistakesToLookForWithoutASoftmax() throws {
        var state = AppState(size: Size(width: 100, height: 30), scenario: try builtin("cnn-edge-shapes"))
        XCTAssertFalse(view(state).plainText.contains("w wrong"))
        press(&state, "w")
        XCTAssertEqual(state.cnn?.note, "this network does not classify (no softmax)")
    }
}
