/// The characters widgets draw with: Unicode (box drawing, braille, blocks) or plain ASCII for terminals whose
/// locale is not UTF-8 and for portable text dumps.
public struct Glyphs: Sendable, Hashable {
    public let unicode: Bool
    public static let unicode = Glyphs(unicode: true)
    public static let ascii = Glyphs(unicode: false)

    public var horizontal: Character { unicode ? "─" : "-" }
    public var vertical: Character { unicode ? "│" : "|" }
    public var topLeft: Character { unicode ? "┌" : "+" }
    public var topRight: Character { unicode ? "┐" : "+" }
    public var bottomLeft: Character { unicode ? "└" : "+" }
    public var bottomRight: Character { unicode ? "┘" : "+" }
    public var teeLeft: Character { unicode ? "├" : "+" }
    public var teeRight: Character { unicode ? "┤" : "+" }
    public var teeUp: Character { unicode ? "┴" : "+" }
    public var teeDown: Character { unicode ? "┬" : "+" }
    /// Class 0 and class 1 markers: shape tells them apart without colour.
    public var classA: Character { unicode ? "○" : "o" }
    public var classB: Character { unicode ? "●" : "x" }
    public var visited: Character { unicode ? "◆" : "@" }
    public var cursor: Character { "+" }
    public var arrow: String { unicode ? "→" : "->" }
    public var leftArrow: String { unicode ? "←" : "<-" }
    public var ellipsis: String { unicode ? "…" : "..." }
    public var middleDot: String { unicode ? "·" : "-" }
    public var play: String { unicode ? "▶" : ">" }
    public var pause: String { unicode ? "‖" : "||" }
    public var minus: String { unicode ? "−" : "-" }
    public var times: String { unicode ? "×" : "x" }
    /// The shade ramp for monochrome heatmaps, light to dark.
    public static let shadeRamp: [Character] = Array(" .:-=+*#%@")
}
