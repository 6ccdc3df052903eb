import Foundation
import Yams

/// A value read from a scenario: the node, what messages call it, and where its key is. Each typed read
/// reports a problem and returns nil when the value does not fit.
struct Field {
    let name: String
    let node: Node
    var keyMark: Mark? = nil
    let diagnostics: Diagnostics
    /// Why the value is limited, appended to every problem in parentheses ("layers ends in 3 output units").
    var note: String? = nil

    func fail(_ message: String) {
        diagnostics.report(noted(message), at: node.mark)
    }

    /// A problem with the key being there at all (it does not fit with another key), shown at the key.
    func failAtKey(_ message: String) {
        diagnostics.report(noted(message), at: keyMark ?? node.mark)
    }

    private func noted(_ message: String) -> String {
        note.map { "\(message) (\($0))" } ?? message
    }

    /// The item of a list with the given name in messages.
    func item(_ node: Node, named name: String) -> Field {
        Field(name: name, node: node, diagnostics: diagnostics)
    }

    /// A non-empty single line of text. Any scalar counts (`title: 42` is the text "42").
    func line() -> String? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            fail("\(name) must be a string, found \(node.found)")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { fail("\(name) must not be empty"); return nil }
        if text.contains("\n") { fail("\(name) must be a single line"); return nil }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            fail("\(name) must not contain control characters (tabs, escapes)"); return nil
        }
        return text
    }

    /// A finite number; integers count.
    func number() -> Double? {
        let value: Double? = switch node.scalarType {
        case .int(let int?): Double(int)
        case .int(nil): Double(node.scalarText)   // beyond 64 bits: still a number, refused by its range
        case .float(let float): float
        default: nil
        }
        guard let value else {
            fail("\(name) must be a number, found \(node.found)")
            return nil
        }
        guard value.isFinite else {
            fail("\(name) must be a finite number, found \(node.scalarText)")
            return nil
        }
        return value
    }

    /// A number greater than 0 and at most `limit`.
    func positiveNumber(atMost limit: Double) -> Double? {
        guard let value = number() else { return nil }
        guard value > 0 else {
            fail("\(name) must be greater than 0, found \(node.scalarText)")
            return nil
        }
        return atMost(limit, value)
    }

    /// A number within ±`limit` (coordinates and weights: far larger ones only overflow the arithmetic).
    func number(within limit: Double) -> Double? {
        guard let value = number() else { return nil }
        guard abs(value) <= limit else {
            fail("\(name) must be between -\(Int(limit)) and \(Int(limit)), found \(node.scalarText)")
            return nil
        }
        return value
    }

    private func atMost(_ limit: Double, _ value: Double) -> Double? {
        guard value <= limit else {
            fail("\(name) must be at most \(Int(limit)), found \(node.scalarText)")
            return nil
        }
        return value
    }

    /// A number from 0 to `limit`.
    func nonNegativeNumber(atMost limit: Double) -> Double? {
        guard let value = number() else { return nil }
        guard value >= 0 else {
            fail("\(name) must be at least 0, found \(node.scalarText)")
            return nil
        }
        return atMost(limit, value)
    }

    /// A number from `lower` up to but not including `upper` (momentum, validation_split).
    func number(from lower: Double, below upper: Double) -> Double? {
        guard let value = number() else { return nil }
        guard value >= lower else {
            fail("\(name) must be at least \(Int(lower)), found \(node.scalarText)")
            return nil
        }
        guard value < upper else {
            fail("\(name) must be less than \(Int(upper)), found \(node.scalarText)")
            return nil
        }
        return value
    }

    /// An integer within `range`.
    func integer(in range: ClosedRange<Int>) -> Int? {
        let expected: String
        if range.lowerBound == range.upperBound {
            expected = "\(range.lowerBound)"
        } else if range.upperBound - range.lowerBound == 1 {
            expected = "\(range.lowerBound) or \(range.upperBound)"
        } else if range.upperBound == .max {
            expected = "an integer of at least \(range.lowerBound)"
        } else {
            expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        }
        guard case .int(let int) = node.scalarType else {
            fail("\(name) must be \(expected), found \(node.found)")
            return nil
        }
        guard let value = int else {
            // Tagged an integer but not an Int: beyond 64 bits.
            fail("\(name) must be at most \(range.upperBound), found \(node.scalarText)")
            return nil
        }
        guard range.contains(value) else {
            fail("\(name) must be \(expected), found \(node.scalarText)")
            return nil
        }
        return value
    }

    /// One of the given words.
    func choice(_ allowed: [String]) -> String? {
        if case .scalar(let scalar) = node, allowed.contains(scalar.string) { return scalar.string }
        let list = allowed.count == 1 ? allowed[0] : "one of " + allowed.joined(separator: ", ")
        let found = if case .scalar(let scalar) = node, !node.isNull {
            quotedForMessage(scalar.string)
        } else {
            node.found
        }
        var message = "\(name) must be \(list); found \(found)"
        if case .scalar(let scalar) = node, let suggestion = KeySuggestion.closest(to: scalar.string, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        }
        fail(message)
        return nil
    }

    /// One of an enumeration's raw values.
    func choice<T: CaseIterable & RawRepresentable<String>>(_ type: T.Type) -> T? {
        choice(T.allCases.map(\.rawValue)).flatMap(T.init(rawValue:))
    }

    /// The items of a list.
    func list(_ expected: String = "a list") -> [Node]? {
        guard case .sequence(let sequence) = node else {
            fail("\(name) must be \(expected), found \(node.found)")
            return nil
        }
        return Array(sequence)
    }
}
