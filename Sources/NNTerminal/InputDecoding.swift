import CNCurses
import NNRender

/// What one `wget_wch` result means, before the loop asks ncurses for more (mouse state, new size).
enum DecodedInput: Equatable, Sendable {
    case key(Key)
    /// `KEY_RESIZE`: the window already has its new size.
    case resize
    /// `KEY_MOUSE`: read the event with `getmouse`.
    case mouse
    /// Keys nnx does not use (function keys, control characters, Shift-Tab …).
    case ignored
}

enum InputDecoding {
    /// Maps a `wget_wch` result to a key. `isKeyCode` is true when `wget_wch` returned `KEY_CODE_YES`
    /// (`value` is then a `KEY_*` code), false when it returned `OK` (`value` is a character).
    static func decode(isKeyCode: Bool, value: UInt32) -> DecodedInput {
        isKeyCode ? decodeKeyCode(Int32(truncatingIfNeeded: value)) : decodeCharacter(value)
    }

    static func decodeCharacter(_ value: UInt32) -> DecodedInput {
        switch value {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 9: return .key(.tab)
        case 0..<32, 0x80..<0xA0: return .ignored      // other C0/C1 controls (Ctrl-letters)
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_ENTER: .key(.enter)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_DC: .key(.delete)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        // Home/End arrive as khome/kend, as the keypad's corners (A1/C1) or, on vt220-style terminals
        // (tmux, screen), as "Find"/"Select" (ESC [1~ / ESC [4~).
        case KEY_HOME, KEY_A1, KEY_FIND: .key(.home)
        case KEY_END, KEY_C1, KEY_SELECT: .key(.end)
        case KEY_RESIZE: .resize
        case KEY_MOUSE: .mouse
        default: .ignored
        }
    }

    /// The button of a mouse *press* (a click too, in case the click interval is not 0); nil for releases,
    /// motion, the wheel and everything else.
    static func mouseButton(bstate: UInt32) -> MouseButton? {
        if bstate & (nnx_button1_pressed() | nnx_button1_clicked()) != 0 { return .left }
        if bstate & (nnx_button2_pressed() | nnx_button2_clicked()) != 0 { return .middle }
        if bstate & (nnx_button3_pressed() | nnx_button3_clicked()) != 0 { return .right }
        return nil
    }

    /// What a `getmouse` report means, given the button held down before it (`held`, updated): a press, a
    /// move with a button held (`drag`; the terminal reports no button with a move, so the last pressed one),
    /// or nothing (a release, the wheel, a move with no button held).
    static func mouseEvent(bstate: UInt32, column: Int, row: Int, held: inout MouseButton?) -> InputEvent? {
        if let button = mouseButton(bstate: bstate) {
            held = button
            return .mouse(column: column, row: row, button: button)
        }
        if bstate & nnx_buttons_released() != 0 { held = nil; return nil }
        guard bstate & nnx_report_mouse_position() != 0, let button = held else { return nil }
        return .drag(column: column, row: row, button: button)
    }
}
