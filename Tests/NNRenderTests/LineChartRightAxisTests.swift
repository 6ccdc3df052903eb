import NNRender
import XCTest

/// A series of another quantity goes on a right axis of its own: its own range, labels and unit, so it never
/// reads on the left one's scale.
final class LineChartRightAxisTests: XCTestCase {
    private func render(_ chart: LineChart) -> Frame {
        var frame = Frame(width: 40, height: 6)
        chart.render(into: &frame, area: frame.bounds, glyphs: .unicode)
        return frame
    }

    private func dotRows(_ frame: Frame, _ role: ColorRole) -> Set<Int> {
        Set((0..<frame.height).filter { row in
            (0..<frame.width).contains { frame[$0, row].style.foreground == role && frame[$0, row].character.unicodeScalars.first!.value > 0x2800 }
        })
    }

    func testRightSeriesHasItsOwnRangeAndLabels() {
        var chart = LineChart(series: [.init(values: [0.7, 0.2, 0.01], style: Style(.trainingCurve)),
                                       .init(values: [94.7, 98.2, 98.9], style: Style(.validationCurve), dashed: true, rightAxis: true)])
        chart.rightAxisUnit = "%"
        let frame = render(chart)
        // Left labels: the loss's range; right labels: the accuracy's, in the accuracy's colour.
        XCTAssertTrue(frame.text(row: 0).hasPrefix("0.7 "), frame.plainText)
        XCTAssertTrue(frame.text(row: 4).hasPrefix("0.01 "), frame.plainText)
        XCTAssertTrue(frame.text(row: 0).hasSuffix("│98.9% "), frame.plainText)
        XCTAssertTrue(frame.text(row: 4).hasSuffix("│94.7% "), frame.plainText)
        XCTAssertEqual(frame[35, 0].style.foreground, .validationCurve)
        // Each curve spans the plot's height on its own scale: on the loss's scale the accuracy (94.7–98.9)
        // would lie far above the plot.
        XCTAssertEqual(dotRows(frame, .validationCurve).min(), 0)
        XCTAssertEqual(dotRows(frame, .validationCurve).max(), 4)
        XCTAssertEqual(dotRows(frame, .trainingCurve).min(), 0)
        XCTAssertEqual(dotRows(frame, .trainingCurve).max(), 4)
    }

    /// Without a right series the chart is as before: no right axis, the plot to the area's edge.
    func testNoRightAxisWithoutARightSeries() {
        let frame = render(LineChart(series: [.init(values: [3, 2, 1], style: Style(.trainingCurve))]))
        XCTAssertFalse(frame.text(row: 0).hasSuffix("│ "), frame.plainText)
        XCTAssertFalse(frame.plainText.contains("%"))
        XCTAssertEqual(dotRows(frame, .trainingCurve).max(), 4)
    }
}
