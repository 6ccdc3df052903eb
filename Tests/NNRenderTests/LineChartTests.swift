import XCTest
@testable import NNRender

/// The line chart in small areas, written out: curves, range labels, the marker, the log scale, a right
/// axis; areas too small for it; values it cannot draw. (Label precision and overflow notes at one size:
/// AxisAndChartTests; the right axis's own range: LineChartRightAxisTests.)
final class LineChartTests: XCTestCase {
    private func render(_ values: [Double], width: Int = 20, height: Int = 5, glyphs: Glyphs = .unicode,
                        configure: (inout LineChart) -> Void = { _ in }) -> Frame {
        var chart = LineChart(series: [.init(values: values, style: Style(.trainingCurve))])
        configure(&chart)
        var frame = Frame(width: width, height: height)
        chart.render(into: &frame, area: frame.bounds, glyphs: glyphs)
        return frame
    }

    func testCurveLabelsAndSteps() {
        let frame = render([3, 2, 1])
        XCTAssertEqual(frame.rows, [
            "3     │⠑⠢⢄          ",
            "      │   ⠉⠒⠤⡀      ",
            "      │      ⠈⠑⠢⢄   ",
            "1     │          ⠉⠒⢄",
            "       1           3",
        ])
        XCTAssertEqual(frame[7, 0].style, Style(.trainingCurve))
        XCTAssertEqual(frame[6, 0].style, Style(.axis))
        XCTAssertEqual(frame[0, 0].style, Style(.label))
        XCTAssertEqual(frame[19, 4].style, Style(.label))
        XCTAssertEqual(render([3, 2, 1], glyphs: .ascii).rows, [
            "3     |---          ",
            "      |   ----      ",
            "      |      ----   ",
            "1     |          ---",
            "       1           3",
        ])
    }

    /// The marker is a dotted column at its step, under the curve.
    func testMarker() {
        let frame = render([3, 2, 1]) { $0.marker = 2 }
        XCTAssertEqual(frame.rows[0], "3     │⠑⠢⢄   ┊      ")
        XCTAssertEqual(frame.rows[3], "1     │      ┊   ⠉⠒⢄")
        XCTAssertEqual(frame[13, 0].style, Style(.marker))
        XCTAssertEqual(frame[13, 1].character, "⡀")
        XCTAssertEqual(render([3, 2, 1]) { $0.marker = 4 }, render([3, 2, 1]), "a marker past the last step is not drawn")
    }

    /// On a log scale values ≤ 0 are left out, the labels are the values (not their logarithms), and the
    /// corner says "log".
    func testLogScale() {
        let frame = render([0, 0.1, 1, 10, 100]) { $0.logScale = true }
        XCTAssertEqual(frame.rows, [
            "100   │          ⡠⠔⠉",
            "      │       ⢀⡔⠊   ",
            "      │     ⡠⠔⠁     ",
            "0.1   │   ⡠⠋        ",
            "log    1           5",
        ])
        XCTAssertEqual(frame[0, 4].style, Style(.dim))
    }

    /// A flat right-axis series: its one value across the middle, labelled once on the right, dashed.
    func testFlatRightAxis() {
        let frame = render([3, 2, 1], width: 30) {
            $0.series.append(.init(values: [50, 50, 50], style: Style(.validationCurve), dashed: true, rightAxis: true))
        }
        XCTAssertEqual(frame.rows, [
            "3     │⠉⠒⠤⣀            │      ",
            "      │⣀ ⣀ ⣀⠒⣀⣀⣀ ⣀ ⣀ ⣀ │50    ",
            "      │        ⠈⠑⠢⢄⡀   │      ",
            "1     │            ⠈⠑⠢⢄│      ",
            "       1              3       ",
        ])
        XCTAssertEqual(frame[24, 1].style, Style(.validationCurve))
    }

    /// Below 12x3 (the labels, the axis and 5 columns of plot) nothing is drawn; at 12x3, one plot row less.
    func testAreasTooSmallDrawNothing() {
        for (width, height) in [(0, 0), (1, 1), (11, 3), (12, 2)] {
            XCTAssertEqual(render([3, 2, 1], width: width, height: height), Frame(width: width, height: height), "\(width)x\(height)")
        }
        XCTAssertEqual(render([3, 2, 1], width: 12, height: 3).rows, [
            "3     │⠑⠤⡀  ",
            "1     │  ⠈⠑⢄",
            "       1   3",
        ])
    }

    /// One step: a dot at the left, its value once across the middle, and the step axis labelled once (not
    /// "1 … 1"). A flat run too large for ±1 to widen its range (1e300; this trapped converting NaN to a row)
    /// is drawn the same way.
    func testSingleValueAndFlatHugeValues() {
        XCTAssertEqual(render([5]).rows, [
            "      │             ",
            "5     │⡀            ",
            "      │             ",
            "      │             ",
            "       1            ",
        ])
        XCTAssertEqual(render([1e300, 1e300]).rows, [
            "      │             ",
            "1e300 │⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀",
            "      │             ",
            "      │             ",
            "       1           2",
        ])
        XCTAssertEqual(render([1e-300, 1e300]).rows, [
            "1e300 │         ⢀⡠⠒⠉",
            "      │      ⣀⠤⠊⠁   ",
            "      │   ⡠⠔⠊       ",
            "1e−300│⡠⠒⠉          ",
            "       1           2",
        ])
    }

    /// Values that overflowed are left out of the curve and its range; a note in the top row says from
    /// which step, in the warning style.
    func testOverflowedValues() {
        let frame = render([-.infinity, 1, 2], width: 30)
        XCTAssertEqual(frame.rows, [
            "2     │    overflow: −∞ from 1",
            "      │                ⢀⡠⠒⠁   ",
            "      │             ⢀⡠⠒⠁      ",
            "1     │           ⡠⠒⠁         ",
            "       1                     3",
        ])
        XCTAssertEqual(frame[14, 0].style, Style(.warning))
        // Nothing left to draw: only the note, in the middle row.
        let overflowed = render([.nan, .nan], width: 30)
        XCTAssertEqual(overflowed.rows, [
            "                              ",
            "                              ",
            "        overflow: NaN from 1  ",
            "                              ",
            "                              ",
        ])
        XCTAssertEqual(overflowed[8, 2].style, Style(.warning))
        let empty = render([], width: 30)
        XCTAssertEqual(empty.rows[2], "        no epochs yet         ")
        XCTAssertEqual(empty[8, 2].style, Style(.dim))
    }

    /// A dashed series leaves gaps a solid one does not (so two curves differ without colour), and uses ":"
    /// in ASCII.
    func testDashedSeriesHasGaps() {
        func render(dashed: Bool, glyphs: Glyphs) -> Frame {
            var chart = LineChart(series: [.init(values: (0..<40).map { Double($0) }, style: Style(.validationCurve), dashed: dashed)])
            chart.marker = nil
            var frame = Frame(width: 40, height: 10)
            chart.render(into: &frame, area: frame.bounds, glyphs: glyphs)
            return frame
        }
        func dots(_ frame: Frame) -> Int {
            frame.cells.filter { $0.style.foreground == .validationCurve }.compactMap { $0.character.unicodeScalars.first?.value }
                .filter { (0x2801...0x28FF).contains($0) }.reduce(0) { $0 + ($1 - 0x2800).nonzeroBitCount }
        }
        let solid = dots(render(dashed: false, glyphs: .unicode)), dashed = dots(render(dashed: true, glyphs: .unicode))
        XCTAssertGreaterThan(solid, 0)
        XCTAssertLessThan(dashed, solid * 2 / 3)
        XCTAssertGreaterThan(dashed, solid / 4)
        XCTAssertTrue(render(dashed: true, glyphs: .ascii).cells.contains { $0.character == ":" && $0.style.foreground == .validationCurve })
    }
}
