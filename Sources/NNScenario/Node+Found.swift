import Yams

extension Node {
    /// How a value is described after "found" in messages: `a string "fast"`, `a list`, `nothing`.
    var found: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch scalar.type {
            case .null: return "nothing"
            case .bool: return "a boolean \(scalar.string)"
            case .int: return "an integer \(scalar.string)"
            case .float: return "a number \(scalar.string)"
            case .string:
                let text = scalar.string.count > 40 ? scalar.string.prefix(39) + "…" : scalar.string
                return "a string \(String(text).debugDescription)"
            }
        }
    }

    /// A scalar as written (for "found -1"), else the same as `found`.
    var scalarText: String {
        if case .scalar(let scalar) = self { return scalar.string }
        return found
    }
}

/// A word as a message quotes it, `'fast'`; one with line breaks, tabs or other controls (a block scalar) as
/// Swift writes it, `"block\n"`, so that a message stays on one line; a long one cut.
func quotedForMessage(_ text: String) -> String {
    let short = text.count > 40 ? String(text.prefix(39)) + "…" : text
    return short.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }
        ? short.debugDescription : "'\(short)'"
}
