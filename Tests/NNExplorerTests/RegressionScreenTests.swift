import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Regression on the MLP screen: the plane shaded by ŷ and the points by y on one scale with its legend,
/// the loss curve as for classes, and the rms error where accuracy would be.
final class RegressionScreenTests: XCTestCase {
    private let small = Size(width: 80, height: 24), large = Size(width: 120, height: 40)

    /// Three bands a side of ±s: below s/3, below 2s/3, and above.
    func testValueBands() {
        XCTAssertEqual(MLPExplorer.valueBand(-1.2, scale: 1.2).cls, 0)
        XCTAssertEqual(MLPExplorer.valueBand(-1.2, scale: 1.2).level, 2)
        XCTAssertEqual(MLPExplorer.valueBand(0.5, scale: 1.2).level, 1)
        XCTAssertEqual(MLPExplorer.valueBand(0.39, scale: 1.2).level, 0)
        XCTAssertEqual(MLPExplorer.valueBand(0, scale: 1.2).cls, 1)
        XCTAssertEqual(MLPExplorer.valueBand(.nan, scale: 1.2).level, 0)
        XCTAssertEqual(MLPExplorer.rmsError(loss: 2, points: 4), 1)
    }

    /// The regions are the bands of ŷ at each pixel on the data's scale.
    func testRegionsAreTheBandsOfThePrediction() throws {
        let m = try XCTUnwrap(AppState(size: small, scenario: try builtin("mlp-regression-plane")).mlp)
        XCTAssertEqual(m.valueScale, m.trainer.trainingSet.map { abs($0.target!) }.max())
        let plot = ScatterPlot(xRange: m.xRange, yRange: m.yRange)
        let map = plot.mapping(in: MLPLayout(size: small).plotBox.inset(1))
        let pixels = m.regionPixels(map)
        let p = map.point(subColumn: 0.5, subRow: 0.25)
        let yhat = m.trainer.network.predict(m.trainer.network.inputs(p.x, p.y))[0]
        let expected = MLPExplorer.valueBand(yhat, scale: m.valueScale)
        XCTAssertEqual(pixels[0].cls, expected.cls)
        XCTAssertEqual(pixels[0].level, expected.level)
    }

    func testThePanelHasNoAccuracy() throws {
        var state = AppState(size: large, scenario: try builtin("mlp-regression-plane"))
        press(&state, "e")
        let text = view(state).plainText
        let m = try XCTUnwrap(state.mlp), loss = try XCTUnwrap(m.trainer.history.last).loss
        XCTAssertTrue(text.contains("predicted value ŷ"), text)
        XCTAssertTrue(text.contains("rms error √(2E/N) = " + formatNumber(MLPExplorer.rmsError(loss: loss, points: 200), digits: 3)), text)
        XCTAssertFalse(text.contains("accuracy"), text)
        XCTAssertTrue(text.contains("ŷ, y: −1.1"), text)
    }

    /// `d` and `s` keep a regression scenario's own set (with new draws); a click adds no point of a class.
    func testDataKeysAndClicksKeepTargets() throws {
        var state = AppState(size: small, scenario: try builtin("mlp-regression-gaussians"))
        let first = try XCTUnwrap(state.mlp).dataset.samples
        press(&state, "ds")
        let m = try XCTUnwrap(state.mlp)
        XCTAssertNotEqual(m.dataset.samples, first)
        XCTAssertEqual(m.dataset.count, 300)
        XCTAssertTrue(m.dataset.samples.allSatisfy { $0.target == DatasetGenerator.gaussiansTarget($0.x1, $0.x2) })
        let plot = MLPLayout(size: small).plotBox
        update(&state, .mouse(column: plot.x + 10, row: plot.y + 5, button: .left))
        XCTAssertEqual(state.mlp?.dataset.count, 300)
        XCTAssertEqual(state.mlp?.note, "regression points carry targets: clicks add none")
    }

    /// `z` shows the sign of ŷ alone (full strength); restarts' maps are shaded on the same scale.
    func testSignsOnlyAndRestarts() throws {
        var state = AppState(size: large, scenario: try builtin("mlp-regression-plane"))
        press(&state, "ez")
        let m = try XCTUnwrap(state.mlp)
        let map = ScatterPlot(xRange: m.xRange, yRange: m.yRange).mapping(in: MLPLayout(size: large).plotBox.inset(1))
        XCTAssertTrue(m.regionPixels(map).allSatisfy { $0.level == 2 })
        XCTAssertEqual(Set(m.regionPixels(map).map(\.cls)), [0, 1])
        press(&state, "x")
        let text = view(state).plainText
        XCTAssertTrue(text.contains("restarts"), text)
        XCTAssertFalse(text.contains("% right"), text)
    }

    /// After 20 epochs at 80×24 and 120×40, in ASCII, and in the monochrome theme.
    func testSnapshots() throws {
        for name in ["mlp-regression-plane", "mlp-regression-gaussians"] {
            for (size, glyphs, theme, label) in [(small, Glyphs.unicode, Theme.standard, "\(small)"), (large, .unicode, .standard, "\(large)"),
                                                 (small, .ascii, .standard, "\(small)-ascii"), (small, .unicode, .monochrome, "\(small)-mono-theme")] {
                var state = AppState(size: size, scenario: try builtin(name), glyphs: glyphs, theme: theme)
                for _ in 0..<20 { press(&state, "e") }
                assertFrameSnapshots(state, named: "\(name)-\(label)")
            }
        }
    }
}
