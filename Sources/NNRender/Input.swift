/// A key as the app sees it, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, escape, backspace, delete, tab
    case pageUp, pageDown, home, end

    /// How the key is written in hint bars and help (`space`, `←`, `Enter` …).
    public var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .tab: "Tab"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        }
    }
}

public enum MouseButton: Sendable, Hashable { case left, middle, right }

/// What a front end reports: a key, a mouse press at a cell, the pointer moved with a button held down
/// (`drag`, the button pressed last), or a new terminal size.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(column: Int, row: Int, button: MouseButton)
    case drag(column: Int, row: Int, button: MouseButton)
    case resize(Size)
}
