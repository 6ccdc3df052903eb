import XCTest
@testable import NNRender

final class ColourPictureTests: XCTestCase {
    /// A byte b read as b / 255 shows as b again: a picture's colours are its values, exactly.
    func testUnitValuesRoundTripToBytes() {
        for b in 0...255 {
            let v = Double(b) / 255
            XCTAssertEqual(RGB(unitRed: v, green: v, blue: v), RGB(UInt8(b), UInt8(b), UInt8(b)))
        }
        XCTAssertEqual(RGB(unitRed: -0.5, green: 2, blue: .nan), RGB(0, 255, 0), "clamped; NaN is 0")
        XCTAssertEqual(RGB(unitRed: 0.5, green: 0.5, blue: 0.5), RGB(128, 128, 128), "127.5 rounds up")
    }

    func testNearestOf256() {
        XCTAssertEqual(RGB(255, 0, 0).nearestPaletteIndex, 196)
        XCTAssertEqual(RGB(0, 0, 255).nearestPaletteIndex, 21)
        XCTAssertEqual(RGB(0, 0, 0).nearestPaletteIndex, 16, "the cube's black, not the user's colour 0")
        XCTAssertEqual(RGB(255, 255, 255).nearestPaletteIndex, 231)
        XCTAssertEqual(RGB(128, 128, 128).nearestPaletteIndex, 244, "grey 8 + 10·12 = 128 exactly")
        XCTAssertEqual(RGB(95, 135, 175).nearestPaletteIndex, 67, "cube levels 1, 2, 3: 16 + 36 + 12 + 3")
        XCTAssertEqual(RGB(100, 100, 100).nearestPaletteIndex, 241, "grey 98 (distance 12) beats cube 95 (75)")
        XCTAssertEqual(RGB(200, 100, 50).nearestPaletteIndex, 167, "215, 95, 95: 15² + 5² + 45²")
    }

    /// Two pixels a cell: the upper in front of `▀`, the lower behind; one row a cell without Unicode; a
    /// lightness glyph in the pixel's colour without background shades.
    func testHalfBlocks() {
        let red = RGB(255, 0, 0), blue = RGB(0, 0, 255), white = RGB(255, 255, 255)
        let picture = ColourPicture(rows: 3, columns: 2, pixels: [red, white, blue, red, white, blue])
        XCTAssertEqual(picture.size, Size(width: 2, height: 2))
        var frame = Frame(width: 2, height: 2)
        picture.render(into: &frame, at: (0, 0), shades: true, glyphs: .unicode)
        XCTAssertEqual(frame[0, 0], Cell("▀", style: .picture(red, on: blue)))
        XCTAssertEqual(frame[1, 0], Cell("▀", style: .picture(white, on: red)))
        XCTAssertEqual(frame[0, 1], Cell("▀", style: .picture(white)), "an odd last row has nothing behind")
        picture.render(into: &frame, at: (0, 0), shades: true, glyphs: .ascii)
        XCTAssertEqual(frame[0, 0], Cell(" ", style: .picture(nil, on: red)))
        picture.render(into: &frame, at: (0, 0), shades: false, glyphs: .unicode)
        XCTAssertEqual(frame[1, 0], Cell("@", style: .picture(white)))
        XCTAssertEqual(frame[0, 1], Cell("@", style: .picture(white)))
        XCTAssertEqual(frame[0, 0], Cell(":", style: .picture(red)), "lightness 0.299 → 2 of 8")
        XCTAssertEqual(picture.zoomed(2).pixels.prefix(8), [red, red, white, white, red, red, white, white])
    }

    /// Three planes (red, green, blue) make one picture.
    func testPlanes() {
        let picture = ColourPicture(rows: 1, columns: 2, planes: [1, 0, 0, 1, 0, 102.0 / 255])
        XCTAssertEqual(picture.pixels, [RGB(255, 0, 0), RGB(0, 255, 102)])
    }

    /// The dumps keep a picture readable: every colour reads `rgb`, one code a kind of cell; the text keeps
    /// its half blocks and monochrome drops the colours.
    func testDumpsNamePictureColoursRGB() {
        var frame = Frame(width: 3, height: 1)
        frame[0, 0] = Cell("▀", style: .picture(RGB(10, 10, 10), on: RGB(20, 20, 20)))
        frame[1, 0] = Cell("▀", style: .picture(RGB(30, 30, 30), on: RGB(40, 40, 40)))
        frame[2, 0] = Cell("@", style: .picture(RGB(200, 100, 50)))
        XCTAssertEqual(frame.textDump, "\"▀▀@\"\n")
        XCTAssertEqual(frame.roleDump(), "roles\nA rgb on rgb\nB rgb\n\"AAB\"\n")
        XCTAssertEqual(frame.styleDump(theme: .standard), "theme: standard\nA fg=rgb bg=rgb\nB fg=rgb bg=default\n\"AAB\"\n")
        XCTAssertEqual(frame.styleDump(theme: .eightColor), "theme: 8-color\nA fg=0 bg=0\nB fg=1 bg=default\n\"AAB\"\n")
        XCTAssertEqual(frame.styleDump(theme: .monochrome), "theme: monochrome\n\"...\"\n")
    }

    /// 24-bit SGR with true colour, else the nearest of the 256; the basic eight in the 8-color theme; none in monochrome.
    func testANSI() {
        var frame = Frame(width: 1, height: 1)
        frame[0, 0] = Cell("▀", style: .picture(RGB(200, 100, 50), on: RGB(0, 0, 255)))
        XCTAssertEqual(frame.ansiText(theme: .standard, trueColor: true), "\u{1B}[0;38;2;200;100;50;48;2;0;0;255m▀\u{1B}[0m\n")
        XCTAssertEqual(frame.ansiText(theme: .standard), "\u{1B}[0;38;5;167;48;5;21m▀\u{1B}[0m\n")
        XCTAssertEqual(frame.ansiText(theme: .eightColor, trueColor: true), "\u{1B}[0;31;44m▀\u{1B}[0m\n")
        XCTAssertEqual(frame.ansiText(theme: .monochrome, trueColor: true), "\u{1B}[0m▀\u{1B}[0m\n")
    }
}
