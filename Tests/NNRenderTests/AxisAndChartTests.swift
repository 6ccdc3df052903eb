import XCTest
@testable import NNRender

/// Axis names and labels that must stay readable: the scatter plot's x axis, the line chart's y range.
final class AxisAndChartTests: XCTestCase {
    private func plotRows(_ plot: ScatterPlot, width: Int, height: Int = 12, glyphs: Glyphs = .unicode) -> [String] {
        var frame = Frame(size: Size(width: width, height: height))
        plot.render(into: &frame, area: frame.bounds, glyphs: glyphs)
        return (0..<height).map { frame.text(row: $0) }
    }

    /// With room after the last tick label the name sits there, on the label row.
    func testXAxisNameAfterTheLastLabel() {
        let rows = plotRows(ScatterPlot(xRange: -0.25...1.25, yRange: 0...1), width: 40)
        XCTAssertEqual(rows[11], "           0          0.5         1   x1")
        XCTAssertFalse(rows[10].contains("x1"))
    }

    /// When the last tick sits at the right edge its label takes the end of the label row: the name moves
    /// into the axis line, between the last two ticks, instead of vanishing (it did at 80x24 on the
    /// worked example and on MLP plots from -0.5 to 1.5).
    func testXAxisNameMovesIntoTheAxisLineWhenTheLastTickIsAtTheEdge() {
        let rows = plotRows(ScatterPlot(xRange: -1...2, yRange: 0...1), width: 40)
        XCTAssertEqual(rows[10], "     └┬──────────┬──────────┬───── x1 ─┬")
        XCTAssertEqual(rows[11], "     −1          0          1          2")
        let ascii = plotRows(ScatterPlot(xRange: -1...2, yRange: 0...1), width: 40, glyphs: .ascii)
        XCTAssertEqual(ascii[10], "     ++----------+----------+----- x1 -+")
    }

    /// At every width and for ranges whose ticks land anywhere, the name is on one of the two axis rows.
    func testXAxisNameIsAlwaysShown() {
        let ranges: [ClosedRange<Double>] = [-1...2, -0.5...1.5, 0...1, -0.25...1.25, -3...3, 0...100, -1.5...1.5, 0.1...0.9]
        for range in ranges {
            for width in 16...160 {
                var plot = ScatterPlot(xRange: range, yRange: 0...1)
                plot.xLabel = "x1"
                let rows = plotRows(plot, width: width)
                XCTAssertTrue(rows[10].contains(" x1 ") || rows[11].hasSuffix(" x1"), "\(range) at width \(width):\n\(rows[10])\n\(rows[11])")
                // Every label is a whole tick value: none cut at the right edge ("100" once showed as "10").
                let ticks = Set((1...40).flatMap { niceTicks(range, target: $0) }.map { formatTick($0) })
                for token in rows[11].split(separator: " ") where token != "x1" {
                    XCTAssertTrue(ticks.contains(String(token)), "\(range) at width \(width): '\(token)' in \(rows[11])")
                }
            }
        }
    }
}
