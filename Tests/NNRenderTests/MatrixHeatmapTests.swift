import XCTest
@testable import NNRender

/// The heatmap written out: half blocks in a grey ramp (two matrix rows a cell row), glyphs of growing
/// density without shades, the numbers themselves; empty and 1x1 matrices; NaN, ±∞ and scales without width.
final class MatrixHeatmapTests: XCTestCase {
    private func render(_ map: MatrixHeatmap, shades: Bool, glyphs: Glyphs = .unicode) -> Frame {
        var frame = Frame(size: map.size())
        map.render(into: &frame, at: (0, 0), shades: shades, glyphs: glyphs)
        return frame
    }

    /// 0…8 in three rows: 0 1 2 / 3 4 5 / 6 7 8.
    private let ramp = MatrixHeatmap(rows: 3, columns: 3, values: (0...8).map(Double.init), scale: .grey(low: 0, high: 8))

    /// Each cell is ▀: the upper value in front, the lower behind; an odd last row has nothing behind it.
    func testHalfBlocks() {
        let frame = render(ramp, shades: true)
        XCTAssertEqual(frame.rows, ["▀▀▀", "▀▀▀"])
        XCTAssertEqual((0..<3).map { frame[$0, 0].style }, [Style(.grey0, background: .grey2), Style(.grey1, background: .grey3),
                                                           Style(.grey1, background: .grey3)])
        XCTAssertEqual((0..<3).map { frame[$0, 1].style }, [Style(.grey4), Style(.grey4), Style(.grey5)])
        // In ASCII a blank in the upper value's shade.
        let ascii = render(ramp, shades: true, glyphs: .ascii)
        XCTAssertEqual(ascii.rows, ["   ", "   "])
        XCTAssertEqual(ascii[2, 1].style, Style(.plain, background: .grey5))
    }

    /// Without shades: the upper row of each pair, as glyphs from blank to dense; below zero a second family.
    func testGlyphs() {
        let frame = render(ramp, shades: false)
        XCTAssertEqual(frame.rows, [" .:", "#%@"])
        XCTAssertEqual(frame[2, 1].style, Style(.grey5))
        let signed = MatrixHeatmap(rows: 1, columns: 6, values: [-3, -1, 0, 1, 3, .nan], scale: .diverging(limit: 3))
        let diverging = render(signed, shades: false)
        XCTAssertEqual(diverging.rows, ["X- :@ "])
        XCTAssertEqual((0..<6).map { diverging[$0, 0].style.foreground },
                       [.heatNegative3, .heatNegative1, .heatZero, .heatPositive1, .heatPositive3, .heatZero])
    }

    /// The numbers right-aligned in columns of five, coloured by sign; one too wide is cut with an ellipsis.
    func testValues() {
        var map = MatrixHeatmap(rows: 2, columns: 3, values: [-3, -1, 0, 1, 3, .nan], scale: .diverging(limit: 3))
        map.showValues = true
        let frame = render(map, shades: false)
        XCTAssertEqual(frame.rows, ["   −3   −1    0", "    1    3  NaN"])
        XCTAssertEqual([frame[4, 0].style, frame[14, 0].style, frame[4, 1].style, frame[14, 1].style],
                       [Style(.negativeWeight), Style(.dim), Style(.positiveWeight), Style(.dim)])
        var wide = MatrixHeatmap(rows: 1, columns: 2, values: [12345.678, -1e300], scale: .grey(low: 0, high: 1))
        wide.showValues = true
        XCTAssertEqual(render(wide, shades: false).rows, ["1234…−1e+…"])
        XCTAssertEqual(render(wide, shades: false, glyphs: .ascii).rows, ["1234~-1e+~"])
        XCTAssertEqual(render(wide.zoomed(2), shades: false).rows, ["1234…1234…−1e+…−1e+…", "1234…1234…−1e+…−1e+…"])
    }

    /// An empty matrix takes no cells and draws nothing; a 1x1 one takes one cell.
    func testEmptyAndSingleCell() {
        let empty = MatrixHeatmap(rows: 0, columns: 0, values: [], scale: MatrixHeatmap.fittingScale([]))
        XCTAssertEqual(empty.size(), Size(width: 0, height: 0))
        XCTAssertEqual(render(empty, shades: true), Frame(width: 0, height: 0))
        let one = MatrixHeatmap(rows: 1, columns: 1, values: [1e300], scale: .grey(low: 0, high: 1))
        XCTAssertEqual(render(one, shades: false).rows, ["@"])
        XCTAssertEqual(render(one, shades: true)[0, 0], Cell("▀", style: Style(.grey5)))
    }

    /// A value past the scale saturates, ∞ included (it once read as 0, the colour of nothing); NaN is 0; a
    /// scale without width (all values equal, or a NaN limit from a diverged network) puts every value at 0.
    func testExtremeValuesAndScales() {
        let infinities = MatrixHeatmap(rows: 1, columns: 4, values: [.infinity, -.infinity, 1e300, -1e300],
                                       scale: MatrixHeatmap.fittingScale([.infinity, -.infinity, 1e300, -1e300]))
        XCTAssertEqual(infinities.scale, .diverging(limit: 1e300))
        XCTAssertEqual(render(infinities, shades: false).rows, ["@X@X"])
        let grey = MatrixHeatmap(rows: 1, columns: 3, values: [.infinity, -.infinity, .nan], scale: .grey(low: 0, high: 1))
        XCTAssertEqual(render(grey, shades: false).rows, ["@  "])
        XCTAssertEqual(MatrixHeatmap.fittingScale([2, 2, 2, 2]), .grey(low: 2, high: 3))
        let equal = MatrixHeatmap(rows: 1, columns: 2, values: [2, 2], scale: MatrixHeatmap.fittingScale([2, 2]))
        XCTAssertEqual(render(equal, shades: false).rows, ["  "])
        XCTAssertEqual(MatrixHeatmap(rows: 1, columns: 1, values: [2], scale: .grey(low: 2, high: 2)).level(2), 0)
        XCTAssertEqual(MatrixHeatmap(rows: 1, columns: 1, values: [2], scale: .diverging(limit: .nan)).level(2), 0)
        XCTAssertEqual(MatrixHeatmap(rows: 1, columns: 1, values: [2], scale: .diverging(limit: 0)).level(2), 1)
    }
}
