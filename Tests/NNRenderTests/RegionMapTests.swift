import XCTest
@testable import NNRender

/// Decision regions where a theme has no background shades (8 colours, monochrome, plain text).
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
}
