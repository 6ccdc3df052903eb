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

    private func chartRows(_ values: [Double], logScale: Bool = false, glyphs: Glyphs = .unicode) -> [String] {
        var chart = LineChart(series: [.init(values: values, style: Style(.trainingCurve))])
        chart.logScale = logScale
        var frame = Frame(size: Size(width: 40, height: 6))
        chart.render(into: &frame, area: frame.bounds, glyphs: glyphs)
        return (0..<6).map { frame.text(row: $0) }
    }

    /// The label column (the first 6 characters) of each plot row, trimmed.
    private func labels(_ rows: [String]) -> [String] {
        rows.dropLast().map { String($0.prefix(6)).trimmingCharacters(in: .whitespaces) }
    }

    /// A flat curve (a saturated run whose E stays 10) shows its one value once, on its own row, across the
    /// middle: not "10" at both ends of an axis.
    func testFlatCurveShowsItsValueOnce() {
        let rows = chartRows([10, 10, 10, 10])
        XCTAssertEqual(labels(rows), ["", "", "10", "", ""])
        XCTAssertTrue(rows[2].dropFirst(7).allSatisfy { $0 == "⠒" }, rows[2])
        XCTAssertEqual(labels(chartRows([0.5])), ["", "", "0.5", "", ""])
    }

    /// Labels that would read the same get more decimals; when even six characters cannot tell them apart,
    /// the top one is the difference.
    func testRangeLabelsDiffer() {
        XCTAssertEqual(labels(chartRows([0.5060, 0.5058])), ["0.506", "", "", "", "0.5058"])
        XCTAssertEqual(labels(chartRows([0.51, 0.5])), ["0.51", "", "", "", "0.5"])
        XCTAssertEqual(labels(chartRows([123_456, 123_999])), ["1.24e5", "", "", "", "1.23e5"])
        XCTAssertEqual(labels(chartRows([690.775528, 690.775530])), ["+2e−6", "", "", "", "690.78"])
        XCTAssertEqual(labels(chartRows([690.775528, 690.775530], glyphs: .ascii)), ["+2e-6", "", "", "", "690.78"])
        XCTAssertEqual(labels(chartRows([100, 0.01], logScale: true)), ["100", "", "", "", "0.01"])
    }

    /// Values that overflowed are not drawn, and the chart says from which step they start.
    func testOverflowIsNamed() {
        let rows = chartRows([1, 2, .nan, .nan])
        XCTAssertTrue(rows[0].hasSuffix("overflow: NaN from 3"), rows[0])
        XCTAssertEqual(labels(rows), ["2", "", "", "", "1"])
        XCTAssertTrue(chartRows([.infinity]).joined().contains("overflow: ∞ from 1"))
        XCTAssertTrue(chartRows([]).joined().contains("no epochs yet"))
    }
}
