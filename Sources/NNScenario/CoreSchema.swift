import Yams

/// What a scalar is, by YAML 1.2's core schema: a plain (unquoted) `~`, `null` or nothing is null; `true` and
/// `false` (also capitalised or in capitals) are booleans; `12`, `-3`, `0o17`, `0x1F` are integers; `1.5`,
/// `-2e-3`, `.5`, `.inf`, `.nan` are numbers; everything else, and anything quoted, is a string. YAML 1.1's
/// forms (`1_000`, `12:30`, `yes`/`no`, `on`/`off`) are strings, so a scenario means what it says.
/// Scenarios are composed with Yams' basic resolver (every scalar a string) and typed here, without the
/// regular expressions Yams' default resolver runs for every scalar.
enum ScalarType: Equatable {
    case null
    case bool(Bool)
    /// An integer; nil when it does not fit 64 bits.
    case int(Int?)
    case float(Double)
    case string
}

extension Node.Scalar {
    var type: ScalarType {
        guard style == .plain else { return .string }
        return coreType(string)
    }
}

extension Node {
    /// A scalar's core-schema type; nil for a mapping, a list or an alias.
    var scalarType: ScalarType? {
        if case .scalar(let scalar) = self { return scalar.type }
        return nil
    }

    var isNull: Bool { scalarType == .null }

    /// A scalar that is an integer (in 64 bits or not).
    var isInteger: Bool {
        if case .int = scalarType { return true }
        return false
    }
}

func coreType(_ text: String) -> ScalarType {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    default: break
    }
    let bytes = Array(text.utf8)
    func all(_ range: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool { !range.isEmpty && range.allSatisfy(allowed) }
    let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
    if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
        let rest = bytes[2...]
        if bytes[1] == UInt8(ascii: "o"), all(rest, { $0 >= 0x30 && $0 <= 0x37 }) { return .int(Int(String(decoding: rest, as: UTF8.self), radix: 8)) }
        if bytes[1] == UInt8(ascii: "x"), all(rest, { isDigit($0) || (0x61...0x66).contains($0 | 0x20) }) {
            return .int(Int(String(decoding: rest, as: UTF8.self), radix: 16))
        }
    }
    let unsigned = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
    if all(unsigned, isDigit) { return .int(Int(text)) }
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    var i = unsigned.startIndex
    let whole = unsigned[i...].prefix(while: isDigit).count
    i += whole
    var fraction = 0
    if i < unsigned.endIndex, unsigned[i] == UInt8(ascii: ".") {
        i += 1
        fraction = unsigned[i...].prefix(while: isDigit).count
        i += fraction
        guard whole > 0 || fraction > 0 else { return .string }
    } else if whole == 0 {
        return .string
    }
    if i < unsigned.endIndex {
        guard unsigned[i] == UInt8(ascii: "e") || unsigned[i] == UInt8(ascii: "E") else { return .string }
        i += 1
        if i < unsigned.endIndex, unsigned[i] == UInt8(ascii: "-") || unsigned[i] == UInt8(ascii: "+") { i += 1 }
        guard all(unsigned[i...], isDigit) else { return .string }
    }
    return Double(text).map { .float($0) } ?? .string
}
