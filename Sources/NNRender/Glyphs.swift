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
    public var teeDown: Character { unicode ? "┬" : "+" }
    /// Class 0 and class 1 markers: shape tells them apart without colour.
    // The same shapes as the MLP's first two classes (there, hollow ones are held out), so a class looks the
    // same from the perceptron's lessons to the network's.
    public var classA: Character { unicode ? "●" : "O" }
    public var classB: Character { unicode ? "▲" : "X" }
    public var visited: Character { unicode ? "◆" : "@" }
    /// A unit dropout left out of an update: crossed out.
    public var dropped: Character { unicode ? "⊗" : "x" }
    public var cursor: Character { "+" }
    public var arrow: String { unicode ? "→" : "->" }
    /// The separator between items of a status line.
    public var middleDot: String { unicode ? "·" : "|" }
    /// Multiplication in formulas (`η·e·x`).
    public var multiply: String { unicode ? "·" : "*" }
    public var play: String { unicode ? "▶" : ">" }
    public var pause: String { unicode ? "‖" : "=" }
    public var minus: String { unicode ? "−" : "-" }
}

extension Glyphs {
    /// ASCII spellings of the Unicode symbols nnx writes (maths, arrows, markers). The class markers are
    /// spelled as the plots draw them in ASCII (`classA`, `classB`; NNExplorer's `classGlyph` for the MLP's
    /// four classes, filled and hollow), so a legend reads like the plot beside it.
    static let asciiSpellings: [Character: String] = [
        "·": "*", "ŷ": "y^", "Δ": "d", "η": "eta", "α": "alpha", "δ": "delta", "σ": "sigma", "Σ": "sum",
        "‖": "||", "−": "-", "–": "-", "—": "--", "→": "->", "←": "<-", "↑": "^", "↓": "v", "…": "...",
        "×": "x", "±": "+/-", "≥": ">=", "≤": "<=", "≠": "!=", "½": "1/2", "²": "^2",
        "●": "O", "▲": "X", "■": "#", "◆": "@", "○": "o", "△": "x", "□": "+", "◇": "a",
        "▸": ">", "▶": ">", "°": "deg", "’": "'", "‘": "'", "“": "\"", "”": "\"", "≈": "~", "⊗": "x", "γ": "gamma", "λ": "lambda", "′": "'", "∂": "d", "\u{00A0}": " ",
        "₀": "0", "⌊": "floor(", "⌋": ")", "√": "sqrt",
    ]

    /// `text` as this glyph set can show it: unchanged in Unicode; in ASCII every symbol spelled out
    /// (`ŷ` → `y^`, `η` → `eta`, `−` → `-`) and anything else unknown as `?`.
    public func fold(_ text: String) -> String {
        guard !unicode, !text.allSatisfy(\.isASCII) else { return text }
        var out = ""
        for ch in text {
            if ch.isASCII { out.append(ch) } else { out += Self.asciiSpellings[ch] ?? "?" }
        }
        return out
    }

    public func fold(_ line: Line) -> Line {
        unicode ? line : Line(line.spans.map { Span(fold($0.text), $0.style) })
    }
}
