import Yams

extension Node {
    /// How a value is described after "found" in messages: `a string "fast"`, `a list`, `nothing`.
    var found: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tag.rawValue {
            case Tag.Name.null.rawValue: return "nothing"
            case Tag.Name.bool.rawValue: return "a boolean \(scalar.string)"
            case Tag.Name.int.rawValue: return "an integer \(scalar.string)"
            case Tag.Name.float.rawValue: return "a number \(scalar.string)"
            case Tag.Name.timestamp.rawValue: return "a date \(scalar.string)"
            default:
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
