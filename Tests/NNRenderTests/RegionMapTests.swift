import XCTest
@testable import NNRender

/// Decision regions as half blocks, and where a theme has no background shades (8 colours, monochrome,
/// plain text) as texture glyphs; empty areas, pixels that do not fit, classes and levels out of range.
final class RegionMapTests: XCTestCase {
    /// A 8x2-cell area: the left half class 0, the right half class 1, at one confidence level.
    private func render(level: Int, glyphs: Glyphs = .unicode) -> Frame {
        let width = 8, height = 2
        let pixels = (0..<(height * 2)).flatMap { _ in (0..<width).map { (cls: $0 < width / 2 ? 0 : 1, level: level) } }
        var frame = Frame(size: Size(width: width, height: height))
        RegionMap(pixels: pixels, asGlyphs: true).render(into: &frame, area: frame.bounds, glyphs: glyphs)
        return frame
    }

    /// Each class has its own mark (once class 0 was blank, so its region looked like "unsure"), in its
    /// region colour; sure regions every other cell, less sure every fourth, unsure none.
    func testBothClassesHaveTheirOwnTexture() {
        let sure = render(level: 2)
        XCTAssertEqual([sure.text(row: 0), sure.text(row: 1)], ["· · + + ", " · · + +"])
        XCTAssertEqual(sure[0, 0].style.foreground, .regionA3)
        XCTAssertEqual(sure[4, 0].style.foreground, .regionB3)
        let lessSure = render(level: 1)
        XCTAssertEqual([lessSure.text(row: 0), lessSure.text(row: 1)], ["·   +   ", " ·   +  "])
        let unsure = render(level: 0)
        XCTAssertEqual([unsure.text(row: 0), unsure.text(row: 1)], ["        ", "        "])
        let ascii = render(level: 2, glyphs: .ascii)
        XCTAssertEqual(ascii.text(row: 0), ". . + + ")
        XCTAssertEqual((0..<4).map { RegionMap.texture(class: $0, glyphs: .unicode) }, ["·", "+", "~", "="])
    }

    /// Each cell's upper pixel in front of ▀, the lower behind, in the class's colour at its confidence; in
    /// ASCII a blank in the upper pixel's colour.
    func testHalfBlocks() {
        // Pixel rows: (0 sure, 1 less sure) over (2 unsure, 3 sure).
        let pixels = [(cls: 0, level: 2), (cls: 1, level: 1), (cls: 2, level: 0), (cls: 3, level: 2)]
        var frame = Frame(width: 2, height: 1)
        RegionMap(pixels: pixels, asGlyphs: false).render(into: &frame, area: frame.bounds, glyphs: .unicode)
        XCTAssertEqual(frame.rows, ["▀▀"])
        XCTAssertEqual(frame[0, 0].style, Style(.regionA3, background: .regionC1))
        XCTAssertEqual(frame[1, 0].style, Style(.regionB2, background: .regionD3))
        RegionMap(pixels: pixels, asGlyphs: false).render(into: &frame, area: frame.bounds, glyphs: .ascii)
        XCTAssertEqual(frame.rows, ["  "])
        XCTAssertEqual(frame[1, 0].style, Style(.plain, background: .regionB2))
    }

    /// An empty area draws nothing; a 1x1 area its one cell; pixels that do not fit the area none at all.
    func testEmptyAndMismatchedAreas() {
        var empty = Frame(width: 0, height: 0)
        RegionMap(pixels: [], asGlyphs: false).render(into: &empty, area: empty.bounds, glyphs: .unicode)
        XCTAssertEqual(empty, Frame(width: 0, height: 0))
        var one = Frame(width: 1, height: 1)
        RegionMap(pixels: [(0, 2), (0, 2)], asGlyphs: true).render(into: &one, area: one.bounds, glyphs: .unicode)
        XCTAssertEqual(one[0, 0], Cell("·", style: Style(.regionA3)))
        var mismatched = Frame(width: 2, height: 1)
        RegionMap(pixels: [(0, 2), (0, 2), (0, 2)], asGlyphs: false).render(into: &mismatched, area: mismatched.bounds, glyphs: .unicode)
        XCTAssertEqual(mismatched, Frame(width: 2, height: 1))
    }

    /// Classes beyond the four and levels beyond 0–2 take the nearest ones (a fifth class looks like the fourth).
    func testClassesAndLevelsOutOfRange() {
        var frame = Frame(width: 2, height: 1)
        RegionMap(pixels: [(-1, 7), (9, -3), (-1, 7), (9, -3)], asGlyphs: true).render(into: &frame, area: frame.bounds, glyphs: .unicode)
        XCTAssertEqual(frame[0, 0], Cell("·", style: Style(.regionA3)))
        XCTAssertEqual(frame[1, 0], Cell(" ", style: Style(.regionD1)))
        XCTAssertEqual(RegionMap.texture(class: 9, glyphs: .ascii), "=")
    }
}
