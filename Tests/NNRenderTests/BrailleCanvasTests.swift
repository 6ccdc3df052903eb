import XCTest
@testable import NNRender

/// The dot canvas: lines and segments dot by dot, braille or ASCII slope marks, dashes; empty canvases;
/// NaN, infinite and far-away coordinates.
final class BrailleCanvasTests: XCTestCase {
    private func rows(_ canvas: BrailleCanvas, glyphs: Glyphs = .unicode) -> [String] {
        var frame = Frame(width: canvas.columns, height: canvas.rows)
        canvas.draw(into: &frame, x: 0, y: 0, style: Style(.trainingCurve), glyphs: glyphs)
        return frame.rows
    }

    func testHorizontalAndVerticalLines() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.line(a: -1.5, b: 0, c: 1)      // v = 1.5: dot row 1 in every column
        XCTAssertEqual(canvas.character(column: 0, row: 0, glyphs: .unicode), "⠒")
        XCTAssertEqual(canvas.character(column: 1, row: 0, glyphs: .ascii), "-")
        var vertical = BrailleCanvas(columns: 2, rows: 1)
        vertical.line(a: -0.5, b: 1, c: 0)    // u = 0.5: the left dot column of cell 0
        XCTAssertEqual(vertical.character(column: 0, row: 0, glyphs: .unicode), "⡇")
        XCTAssertNil(vertical.character(column: 1, row: 0, glyphs: .unicode))
        XCTAssertEqual(vertical.character(column: 0, row: 0, glyphs: .ascii), "|")
    }

    /// A line far outside the canvas draws nothing (and does not trap converting a huge coordinate).
    func testLineFarAway() {
        var canvas = BrailleCanvas(columns: 4, rows: 2)
        canvas.line(a: 1e300, b: 1, c: 1e-300)
        canvas.line(a: -1e30, b: 0, c: 1)
        XCTAssertEqual(rows(canvas), ["    ", "    "])
    }

    /// A segment without gaps along its longer direction; in ASCII the slope as it looks in cells.
    func testSegment() {
        var canvas = BrailleCanvas(columns: 3, rows: 2)
        canvas.segment(0, 0, 5, 7)
        XCTAssertEqual(rows(canvas), ["⠣⡀ ", " ⠑⢄"])
        XCTAssertEqual(rows(canvas, glyphs: .ascii), ["\\\\ ", " \\\\"])
        var point = BrailleCanvas(columns: 2, rows: 1)
        point.segment(1, 1, 1, 1)
        XCTAssertEqual(rows(point), ["⠐ "])
    }

    /// Dashed: two dots on, two off; ":" in ASCII.
    func testDashedSegment() {
        var canvas = BrailleCanvas(columns: 4, rows: 1)
        canvas.segment(0, 1, 7, 1, dashed: true)
        XCTAssertEqual(rows(canvas), ["⠒ ⠒ "])
        XCTAssertEqual(rows(canvas, glyphs: .ascii), [": : "])
    }

    /// Every dot of a cell makes ⣿; dots outside the canvas are ignored; an empty canvas takes every call.
    func testDotsAndEmptyCanvas() {
        var one = BrailleCanvas(columns: 1, rows: 1)
        for x in 0..<2 { for y in 0..<4 { one.set(dotX: x, dotY: y) } }
        one.set(dotX: 2, dotY: 0)
        one.set(dotX: -1, dotY: 0)
        XCTAssertEqual(rows(one), ["⣿"])
        var empty = BrailleCanvas(columns: 0, rows: 0)
        empty.set(dotX: 0, dotY: 0)
        empty.segment(0, 0, 5, 5, dashed: true)
        empty.line(a: 1, b: 1, c: 1)
        XCTAssertEqual(rows(empty), [])
    }

    /// NaN or infinite coordinates draw nothing, and neither does a line with no direction. A segment to a
    /// far end (1e300) no longer traps when dashed (its dashes were counted on the far end's Int); it draws
    /// only dots of its own row.
    func testNonFiniteAndFarCoordinates() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.segment(.nan, 0, 1, 1)
        canvas.segment(0, 0, .infinity, 1)
        canvas.line(a: .nan, b: 1, c: 1)
        canvas.line(a: 0, b: 0, c: 0)
        XCTAssertEqual(rows(canvas), ["  "])
        for dashed in [false, true] {
            var far = BrailleCanvas(columns: 2, rows: 1)
            far.segment(0, 1, 1e300, 1, dashed: dashed)
            XCTAssertTrue(rows(far)[0].allSatisfy { $0 == " " || $0 == "⠂" || $0 == "⠐" || $0 == "⠒" }, "\(rows(far))")
        }
    }
}
