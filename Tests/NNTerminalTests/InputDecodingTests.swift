import NNRender
import XCTest
@testable import NNTerminal

/// Key codes are written as the numbers ncurses 6 uses (curses.h gives them in octal), so these tests also
/// check that the mapping matches the real library.
final class InputDecodingTests: XCTestCase {
    private func character(_ value: UInt32) -> DecodedInput { InputDecoding.decode(isKeyCode: false, value: value) }
    private func keyCode(_ value: UInt32) -> DecodedInput { InputDecoding.decode(isKeyCode: true, value: value) }

    func testPrintableCharactersIncludingNonASCII() {
        XCTAssertEqual(character(UInt32(UInt8(ascii: "a"))), .key(.character("a")))
        XCTAssertEqual(character(32), .key(.character(" ")))
        XCTAssertEqual(character(UInt32(UInt8(ascii: "?"))), .key(.character("?")))
        XCTAssertEqual(character(0xE9), .key(.character("é")))
        XCTAssertEqual(character(0x03B7), .key(.character("η")))
        XCTAssertEqual(character(0x1F600), .key(.character("😀")))
    }

    func testControlCharactersWithAMeaning() {
        XCTAssertEqual(character(10), .key(.enter))
        XCTAssertEqual(character(13), .key(.enter))
        XCTAssertEqual(character(27), .key(.escape))
        XCTAssertEqual(character(127), .key(.backspace))
        XCTAssertEqual(character(8), .key(.backspace))
        XCTAssertEqual(character(9), .key(.tab))
    }

    func testOtherControlCharactersAreIgnored() {
        for value: UInt32 in [0, 1, 3, 4, 7, 12, 26, 31, 0x80, 0x9F] {
            XCTAssertEqual(character(value), .ignored, "\(value)")
        }
        XCTAssertEqual(character(0xD800), .ignored, "a lone surrogate is not a scalar")
    }

    func testFunctionKeys() {
        XCTAssertEqual(keyCode(0o402), .key(.down))
        XCTAssertEqual(keyCode(0o403), .key(.up))
        XCTAssertEqual(keyCode(0o404), .key(.left))
        XCTAssertEqual(keyCode(0o405), .key(.right))
        XCTAssertEqual(keyCode(0o406), .key(.home))
        XCTAssertEqual(keyCode(0o407), .key(.backspace))
        XCTAssertEqual(keyCode(0o522), .key(.pageDown))
        XCTAssertEqual(keyCode(0o523), .key(.pageUp))
        XCTAssertEqual(keyCode(0o527), .key(.enter))
        XCTAssertEqual(keyCode(0o550), .key(.end))
        XCTAssertEqual(keyCode(0o512), .key(.delete), "KEY_DC (erases on the CNN screen's canvas)")
    }

    func testHomeAndEndFromTheKeypadAndVT220Keys() {
        XCTAssertEqual(keyCode(0o534), .key(.home), "KEY_A1")
        XCTAssertEqual(keyCode(0o537), .key(.end), "KEY_C1")
        XCTAssertEqual(keyCode(0o552), .key(.home), "KEY_FIND (ESC [1~)")
        XCTAssertEqual(keyCode(0o601), .key(.end), "KEY_SELECT (ESC [4~)")
    }

    func testResizeAndMouseNeedTheLoop() {
        XCTAssertEqual(keyCode(0o632), .resize)
        XCTAssertEqual(keyCode(0o631), .mouse)
    }

    func testUnknownKeyCodesAreIgnored() {
        XCTAssertEqual(keyCode(0o411), .ignored, "F1")
        XCTAssertEqual(keyCode(0o541), .ignored, "Shift-Tab")
        XCTAssertEqual(keyCode(0o777), .ignored)
    }

    func testTheSameNumberMeansDifferentThingsAsCharacterAndAsKeyCode() {
        // 0o403 as a character is U+0103 'ă', as a key code KEY_UP.
        XCTAssertEqual(character(0o403), .key(.character("ă")))
        XCTAssertEqual(keyCode(0o403), .key(.up))
    }

    // ncurses 6 mouse masks (NCURSES_MOUSE_VERSION 2): 5 bits per button; released 1, pressed 2, clicked 4.
    func testMousePressesMapToButtons() {
        XCTAssertEqual(InputDecoding.mouseButton(bstate: 0x2), .left)
        XCTAssertEqual(InputDecoding.mouseButton(bstate: 0x2 << 5), .middle)
        XCTAssertEqual(InputDecoding.mouseButton(bstate: 0x2 << 10), .right)
        XCTAssertEqual(InputDecoding.mouseButton(bstate: 0x4), .left, "a click (when the click interval is not 0)")
        XCTAssertEqual(InputDecoding.mouseButton(bstate: 0x4 << 10), .right)
    }

    func testReleasesMotionAndWheelAreNotPresses() {
        XCTAssertNil(InputDecoding.mouseButton(bstate: 0))
        XCTAssertNil(InputDecoding.mouseButton(bstate: 0x1), "button 1 released")
        XCTAssertNil(InputDecoding.mouseButton(bstate: 0x1 << 10), "button 3 released")
        XCTAssertNil(InputDecoding.mouseButton(bstate: 0x2 << 15), "wheel up (button 4 pressed)")
        XCTAssertNil(InputDecoding.mouseButton(bstate: 0x2 << 20), "wheel down (button 5 pressed)")
        XCTAssertNil(InputDecoding.mouseButton(bstate: 0o10 << 25), "REPORT_MOUSE_POSITION (motion)")
    }

    func testAPressWithModifiersStillCounts() {
        // BUTTON_CTRL / BUTTON_SHIFT / BUTTON_ALT are bits of button 6's slot.
        XCTAssertEqual(InputDecoding.mouseButton(bstate: 0x2 | (0o1 << 25)), .left)
    }

    /// A drag: motion reports carry no button, so a move counts while the last pressed button is held, until
    /// its release; a move with none held (any-motion tracking) is nothing.
    func testMovesWithAButtonHeldAreDrags() {
        let motion: UInt32 = 0o10 << 25
        var held: MouseButton? = nil
        XCTAssertNil(InputDecoding.mouseEvent(bstate: motion, column: 3, row: 4, held: &held))
        XCTAssertEqual(InputDecoding.mouseEvent(bstate: 0x2 << 10, column: 3, row: 4, held: &held), .mouse(column: 3, row: 4, button: .right))
        XCTAssertEqual(held, .right)
        XCTAssertEqual(InputDecoding.mouseEvent(bstate: motion, column: 5, row: 6, held: &held), .drag(column: 5, row: 6, button: .right))
        XCTAssertNil(InputDecoding.mouseEvent(bstate: 0x1 << 10, column: 5, row: 6, held: &held), "released")
        XCTAssertNil(held)
        XCTAssertNil(InputDecoding.mouseEvent(bstate: motion, column: 7, row: 6, held: &held))
        XCTAssertNil(InputDecoding.mouseEvent(bstate: 0x2 << 15, column: 7, row: 6, held: &held), "the wheel")
    }
}
