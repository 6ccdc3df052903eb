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
