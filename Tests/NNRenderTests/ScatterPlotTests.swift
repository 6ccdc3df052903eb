import XCTest
@testable import NNRender

/// The scatter plot in small areas, written out: axes, points, decision lines, the shaded side, the cursor
/// and regions; areas too small for it; values it cannot place. (The x axis's name and labels at many widths:
/// AxisAndChartTests.)
final class ScatterPlotTests: XCTestCase {
    /// A class-0 point near (0, 0), a class-1 point near (1, 1) and the line x1 + x2 = 1 between them.
    private func unitPlot(glyphs: Glyphs = .unicode) -> ScatterPlot {
        var plot = ScatterPlot(xRange: 0...1, yRange: 0...1)
        plot.points = [.init(x: 0.05, y: 0.05, glyph: glyphs.classA, style: Style(.classA)),
                       .init(x: 0.95, y: 0.95, glyph: glyphs.classB, style: Style(.classB))]
        plot.lines = [.init(w0: -1, w1: 1, w2: 1, style: Style(.hyperplane))]
        return plot
    }

    private func render(_ plot: ScatterPlot, width: Int = 16, height: Int = 6, glyphs: Glyphs = .unicode) -> Frame {
        var frame = Frame(width: width, height: height)
        plot.render(into: &frame, area: frame.bounds, glyphs: glyphs)
        return frame
    }

    func testPointsLineAndAxes() {
        let frame = render(unitPlot())
        XCTAssertEqual(frame.rows, [
            "    1┤⠑⠤⡀      ▲",
            "     │  ⠈⠢⢄     ",
            "  0.5┤     ⠑⠤⡀  ",
            "    0┤●      ⠈⠢⢄",
            "     └┬────┬───┬",
            "      0   0.5 x1",
        ])
        // A point keeps its colour on the halo background, whatever is under it.
        XCTAssertEqual(frame[6, 3].style, Style(.classA, background: .pointHalo))
        XCTAssertEqual(frame[15, 0].style, Style(.classB, background: .pointHalo))
        XCTAssertEqual(frame[6, 0].style, Style(.hyperplane))
        XCTAssertEqual(frame[5, 0].style, Style(.axis))
        XCTAssertEqual(frame[4, 0].style, Style(.label))
        XCTAssertEqual(frame[10, 5].style, Style(.label))
        XCTAssertEqual(frame[14, 5].style, Style(.label, attributes: [.bold]))
    }

    /// In ASCII the line is drawn with slope marks, the axes with + - |.
    func testASCII() {
        XCTAssertEqual(render(unitPlot(glyphs: .ascii), glyphs: .ascii).rows, [
            "    1+---      X",
            "     |  ---     ",
            "  0.5+     ---  ",
            "    0+O      ---",
            "     ++----+---+",
            "      0   0.5 x1",
        ])
    }

    /// The side where w·x ≥ 0 takes the side's background (under the line too, not under the points); the
    /// cursor is a bold + on its own background.
    func testShadedSideAndCursor() {
        var plot = unitPlot()
        plot.shadedSide = .init(w0: -1, w1: 1, w2: 1, style: Style(.plain, background: .positiveSide))
        plot.cursor = (0.5, 0.95)
        let frame = render(plot)
        XCTAssertEqual(frame.rows[0], "    1┤⠑⠤⡀  +   ▲")
        XCTAssertEqual(frame.rows[1...], render(unitPlot()).rows[1...])
        XCTAssertEqual(frame[11, 0].style, Style(.cursor, background: .cursor, attributes: [.bold]))
        XCTAssertEqual(frame[10, 0].style, Style(.plain, background: .positiveSide))
        XCTAssertEqual(frame[7, 0].style, Style(.hyperplane, background: .positiveSide))
        XCTAssertEqual(frame[6, 0].style, Style(.hyperplane))
        XCTAssertEqual(frame[6, 1].style, .plain)
        XCTAssertEqual(frame[15, 0].style, Style(.classB, background: .pointHalo))
    }

    /// Without background shades the side is a mark in every other empty cell.
    func testShadeMark() {
        var plot = ScatterPlot(xRange: 0...1, yRange: 0...1)
        plot.shadedSide = .init(w0: -0.5, w1: 1, w2: 0, style: Style(.dim))
        plot.shadeMark = "·"
        let frame = render(plot)
        XCTAssertEqual(frame.rows[0...3], [
            "    1┤      · · ",
            "     │     · · ·",
            "  0.5┤      · · ",
            "    0┤     · · ·",
        ])
        XCTAssertEqual(frame[12, 0].style, Style(.dim))
        XCTAssertEqual(frame[11, 0].style, .plain)
    }

    /// Regions under the points, as half blocks (top pixel in front, bottom behind) or as texture glyphs.
    func testRegionsUnderThePoints() {
        var plot = ScatterPlot(xRange: 0...1, yRange: 0...1)
        plot.points = [.init(x: 0.1, y: 0.1, glyph: "●", style: Style(.classA))]
        // 6x4 cells, 8 pixel rows: class 0 (sure) on the left half, class 1 (less sure) on the right.
        plot.regionPixels = (0..<8).flatMap { _ in [(0, 2), (0, 2), (0, 2), (1, 1), (1, 1), (1, 1)] }
        let shades = render(plot, width: 12)
        XCTAssertEqual(shades.rows[0...3], ["    1┤▀▀▀▀▀▀", "     │▀▀▀▀▀▀", "  0.5┤▀▀▀▀▀▀", "    0┤●▀▀▀▀▀"])
        XCTAssertEqual(shades[8, 0].style, Style(.regionA3, background: .regionA3))
        XCTAssertEqual(shades[9, 0].style, Style(.regionB2, background: .regionB2))
        XCTAssertEqual(shades[6, 3].style, Style(.classA, background: .pointHalo))
        plot.regionsAsGlyphs = true
        XCTAssertEqual(render(plot, width: 12).rows[0...3], ["    1┤· · + ", "     │ ·   +", "  0.5┤· · + ", "    0┤●·   +"])
        // Pixels that do not fit the area are not drawn.
        plot.regionPixels?.removeLast()
        XCTAssertEqual(render(plot, width: 12).rows[0...3], ["    1┤      ", "     │      ", "  0.5┤      ", "    0┤●     "])
    }

    /// Below 2x2 cells of data area (8x4 with the axes) nothing is drawn; at 8x4 the points and the axis name.
    func testAreasTooSmallDrawNothing() {
        for (width, height) in [(0, 0), (1, 1), (7, 4), (8, 3)] {
            XCTAssertEqual(render(unitPlot(), width: width, height: height), Frame(width: width, height: height), "\(width)x\(height)")
        }
        let smallest = render(unitPlot(), width: 8, height: 4)
        XCTAssertEqual(smallest[6, 1].character, "●")
        XCTAssertEqual(smallest[7, 0].character, "▲")
        XCTAssertEqual(smallest.rows[3], "      x1")
    }

    /// Points at NaN, ±∞ or far outside the ranges are left out, and so are lines, a shaded side and a cursor
    /// with a NaN or infinite number; a line of huge but finite weights is drawn where it is (here: nowhere).
    func testValuesItCannotPlaceAreLeftOut() {
        var plot = ScatterPlot(xRange: 0...1, yRange: 0...1)
        plot.points = [(Double.nan, 0.5), (.infinity, 0.5), (0.5, -.infinity), (1e300, 0.5), (0.5, 0.5)]
            .map { .init(x: $0.0, y: $0.1, glyph: "●", style: Style(.classA)) }
        plot.lines = [.init(w0: .nan, w1: 1, w2: 1, style: Style(.hyperplane)),
                      .init(w0: .infinity, w1: 1, w2: 1, style: Style(.hyperplane)),
                      .init(w0: 1e300, w1: 1e300, w2: -1e300, style: Style(.hyperplane))]
        plot.shadedSide = .init(w0: .nan, w1: 1, w2: 1, style: Style(.plain, background: .positiveSide))
        plot.cursor = (.nan, .infinity)
        let frame = render(plot)
        XCTAssertEqual(frame.rows, [
            "    1┤          ",
            "     │          ",
            "  0.5┤     ●    ",
            "    0┤          ",
            "     └┬────┬───┬",
            "      0   0.5 x1",
        ])
        XCTAssertFalse(frame.cells.contains { $0.style.background == .positiveSide || $0.style.background == .cursor })
    }

    /// Ranges of ±1e300 place points and lines as any other; a single point's padded range puts it in the
    /// middle; a range of no width has no place for anything: only the axes.
    func testExtremeRanges() {
        var huge = ScatterPlot(xRange: -1e300...1e300, yRange: -1e300...1e300)
        huge.points = [.init(x: 0, y: 0, glyph: "●", style: Style(.classA)), .init(x: 1e300, y: 1e300, glyph: "●", style: Style(.classA))]
        huge.lines = [.init(w0: 0, w1: 1, w2: -1, style: Style(.hyperplane))]
        XCTAssertEqual(render(huge).rows, [
            "     │       ⢀⠤●",
            "     │     ⡠⠔⠁  ",
            "    0┤  ⢀⠤⠊●    ",
            "     │⡠⠔⠁       ",
            "     └─────┬───┬",
            "           0  x1",
        ])
        let padded = PlotMapping.paddedRange(0.3, 0.3)
        var single = ScatterPlot(xRange: padded, yRange: padded)
        single.points = [.init(x: 0.3, y: 0.3, glyph: "●", style: Style(.classA))]
        XCTAssertEqual(render(single).rows, [
            "     │          ",
            "     │          ",
            "    0┤     ●    ",
            "     │          ",
            "     └───┬──────",
            "         0    x1",
        ])
        var flat = ScatterPlot(xRange: 1...1, yRange: 1...1)
        flat.points = [.init(x: 1, y: 1, glyph: "●", style: Style(.classA))]
        flat.lines = [.init(w0: -1, w1: 1, w2: 0, style: Style(.hyperplane))]
        flat.cursor = (1, 1)
        XCTAssertEqual(render(flat).rows, [
            "     │          ",
            "     │          ",
            "     │          ",
            "     │          ",
            "     └──────────",
            "              x1",
        ])
    }
}
