import XCTest
@testable import NNRender

/// Text on frames: lines of spans cut with an ellipsis (measured after folding to ASCII), `put(lines:)` in
/// an area, boxes and dividers with titles, centring, word wrap; widths down to 0.
final class TextTests: XCTestCase {
    func testBoxWithTitle() {
        var frame = Frame(width: 10, height: 3)
        frame.drawBox(frame.bounds, title: "plot", glyphs: .ascii)
        XCTAssertEqual(frame.plainText, "+ plot --+\n|        |\n+--------+\n")
    }

    func testTruncationAddsEllipsis() {
        XCTAssertEqual(Line("abcdef").truncated(to: 4, glyphs: .unicode).text, "abc…")
        XCTAssertEqual(Line("abc").truncated(to: 4, glyphs: .unicode).text, "abc")
    }

    func testWrap() {
        XCTAssertEqual(wrap("the weights are cycling and will never converge", width: 16),
                       ["the weights are", "cycling and will", "never converge"])
    }

    /// One line a row, each cut at the area's edge keeping its spans' styles (the ellipsis in the last
    /// one's); lines past the area's height are left out.
    func testPutLinesInAnArea() {
        var frame = Frame(width: 10, height: 3)
        let mixed = Line([Span("ab", Style(.good)), Span("cdefghijk", Style(.bad))])
        frame.put(lines: ["short", "a line too long", mixed, "not shown"], in: Rect(x: 1, y: 0, width: 8, height: 3), glyphs: .unicode)
        XCTAssertEqual(frame.rows, [" short    ", " a line … ", " abcdefg… "])
        XCTAssertEqual((0..<10).map { frame[$0, 2].style.foreground },
                       [.plain, .good, .good, .bad, .bad, .bad, .bad, .bad, .bad, .plain])
        var tiny = Frame(width: 3, height: 1)
        tiny.put(lines: ["abc"], in: Rect(x: 0, y: 0, width: 0, height: 0), glyphs: .unicode)
        XCTAssertEqual(tiny.rows, ["   "])
        tiny.put(lines: ["abc"], in: Rect(x: 0, y: 0, width: 1, height: 1), glyphs: .unicode)
        XCTAssertEqual(tiny.rows, ["…  "])
    }

    /// Cut to 1 the line is only the ellipsis; to 0 or less, nothing. In ASCII the width is the folded text's.
    func testTruncationAtTheLimits() {
        XCTAssertEqual(Line("abc").truncated(to: 1, glyphs: .unicode).text, "…")
        XCTAssertEqual(Line("abc").truncated(to: 0, glyphs: .unicode), .empty)
        XCTAssertEqual(Line("abc").truncated(to: -1, glyphs: .unicode), .empty)
        XCTAssertEqual(Line("ŷ = η·x").truncated(to: 5, glyphs: .ascii).text, "y^ =~")
        XCTAssertEqual(Line("ŷ = η·x").truncated(to: 7, glyphs: .unicode).text, "ŷ = η·x")
    }

    /// Words longer than the width are split; runs of spaces count as one; nothing to wrap, or no width,
    /// gives no lines.
    func testWrapAtTheLimits() {
        XCTAssertEqual(wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(wrap("  a  b  ", width: 1), ["a", "b"])
        XCTAssertEqual(wrap("ab cd", width: 1), ["a", "b", "c", "d"])
        XCTAssertEqual(wrap("", width: 4), [])
        XCTAssertEqual(wrap("a", width: 0), [])
    }

    /// A box needs 2x2 (then only corners, no title); a title too long is cut; a divider joins the sides.
    func testBoxesAndDividers() {
        var small = Frame(width: 4, height: 3)
        small.drawBox(Rect(x: 0, y: 0, width: 1, height: 1), glyphs: .unicode)
        XCTAssertEqual(small.rows, ["    ", "    ", "    "])
        small.drawBox(Rect(x: 0, y: 0, width: 2, height: 2), title: "x", glyphs: .unicode)
        XCTAssertEqual(small.rows, ["┌┐  ", "└┘  ", "    "])
        var frame = Frame(width: 8, height: 4)
        frame.drawBox(frame.bounds, title: "a long title", glyphs: .unicode)
        frame.drawDivider(frame.bounds, row: 2, title: "mid", glyphs: .unicode)
        XCTAssertEqual(frame.rows, ["┌ a l…─┐", "│      │", "├ mid ─┤", "└──────┘"])
        XCTAssertEqual(frame[0, 0].style, Style(.border))
        XCTAssertEqual(frame[2, 0].style, Style(.panelTitle))
        XCTAssertEqual(frame[3, 2].style, Style(.panelTitle))
    }

    /// Centred in its area (the odd column on the right); cut when wider than it.
    func testPutCentered() {
        var even = Frame(width: 6, height: 1)
        even.putCentered("abc", in: even.bounds, row: 0)
        XCTAssertEqual(even.rows, [" abc  "])
        var frame = Frame(width: 7, height: 1)
        frame.putCentered("abcdefghij", in: Rect(x: 1, y: 0, width: 5, height: 1), row: 0)
        XCTAssertEqual(frame.rows, [" abcd… "])
    }
}
