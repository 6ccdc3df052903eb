import XCTest
@testable import NNRender

/// Text is measured in terminal columns: a CJK character or an emoji takes two, so a line of them is cut and
/// placed by the columns it covers, never overflowing the frame.
final class WideCharacterTests: XCTestCase {
    func testColumns() {
        XCTAssertEqual("abc".columns, 3)
        XCTAssertEqual("日本語".columns, 6)
        XCTAssertEqual("한국".columns, 4)
        XCTAssertEqual("ｱA".columns, 2)   // halfwidth katakana is one column
        XCTAssertEqual("Ａ".columns, 2)   // fullwidth Latin is two
        XCTAssertEqual("👩‍🏫".columns, 2)
        XCTAssertEqual("é".columns, 1)      // e and a combining accent: one character
        XCTAssertEqual("→·─│█▀".columns, 6)
        XCTAssertEqual(Line([Span("日本"), Span("x")]).width, 5)
    }

    func testAWideCharacterTakesTwoCellsAndIsCutWhole() {
        var frame = Frame(width: 6, height: 1)
        XCTAssertEqual(frame.put("a日本b", column: 0, row: 0), 6)
        XCTAssertEqual(frame.plainText, "a日本b\n")
        XCTAssertEqual(frame[2, 0].character, Cell.wideTail)
        // Half of a wide character at the edge is a blank, not an overflow.
        var edge = Frame(width: 4, height: 1)
        edge.put("abc日", column: 0, row: 0)
        XCTAssertEqual(edge.plainText, "abc\n")
        XCTAssertEqual(edge.text(row: 0), "abc ")
        // Writing over half of one blanks the other half.
        frame.put("z", column: 2, row: 0)
        XCTAssertEqual(frame.text(row: 0), "a z本b")
        frame.put("y", column: 3, row: 0)
        XCTAssertEqual(frame.text(row: 0), "a zy b")
        XCTAssertEqual(Line("日本語です").truncated(to: 6, glyphs: .unicode).text, "日本…")
        XCTAssertEqual(Line("日本語です").truncated(to: 6, glyphs: .unicode).width, 5)
    }

    func testAnsiTextHasNoTailCells() {
        var frame = Frame(width: 4, height: 1)
        frame.put("日本", column: 0, row: 0)
        XCTAssertFalse(frame.ansiText(theme: Theme(.standard)).contains(Cell.wideTail))
        XCTAssertTrue(frame.ansiText(theme: Theme(.standard)).contains("日本"))
    }
}
