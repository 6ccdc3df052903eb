import Yams

/// One YAML mapping read against the keys a block allows. Keys it does not know are reported when it is
/// made (with a suggestion); a required key that is absent is reported when asked for. A new block is one
/// `MappingReader` and a few typed `Field` reads.
struct MappingReader {
    /// The block's name in messages ("perceptron"); nil at the top level.
    let name: String?
    let node: Node
    let diagnostics: Diagnostics
    /// Known keys present, in document order.
    private(set) var presentKeys: [String] = []
    private var entries: [String: (key: Node, value: Node)] = [:]
    private let keys: [String]

    /// Reads `field` as a mapping with the given keys; reports and returns nil when it is not a mapping.
    init?(_ field: Field, keys: [String]) {
        guard case .mapping = field.node else {
            field.fail("\(field.name) must be a mapping, found \(field.node.found)")
            return nil
        }
        self.init(node: field.node, name: field.name, keys: keys, diagnostics: field.diagnostics)
    }

    /// Reads `node`, already known to be a mapping.
    init(node: Node, name: String?, keys: [String], diagnostics: Diagnostics) {
        self.node = node
        self.name = name
        self.keys = keys
        self.diagnostics = diagnostics
        guard case .mapping(let mapping) = node else { preconditionFailure("not a mapping") }
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.report("keys must be names, found \(key.found)", at: key.mark)
                continue
            }
            guard keys.contains(scalar.string) else {
                diagnostics.report(unknownKeyMessage(scalar.string), at: key.mark)
                continue
            }
            entries[scalar.string] = (key, value)   // Yams has already rejected duplicates
            presentKeys.append(scalar.string)
        }
    }

    /// " in perceptron", or nothing at the top level.
    var inName: String { name.map { " in \($0)" } ?? "" }

    private func unknownKeyMessage(_ key: String) -> String {
        if let suggestion = KeySuggestion.closest(to: key, in: keys) {
            return "unknown key '\(key)'\(inName); did you mean '\(suggestion)'?"
        }
        return "unknown key '\(key)'\(inName) (allowed: \(keys.joined(separator: ", ")))"
    }

    /// The value under `key`, or nil when absent (reported as missing when `required`).
    func field(_ key: String, required: Bool = false) -> Field? {
        precondition(keys.contains(key), "'\(key)' is not declared for \(name ?? "the top level")")
        guard let entry = entries[key] else {
            if required { reportMissing("missing required key '\(key)'\(inName)") }
            return nil
        }
        return Field(name: key, node: entry.value, keyMark: entry.key.mark, diagnostics: diagnostics)
    }

    /// A problem with the mapping as a whole: shown at its start, ordered after everything inside it.
    func reportMissing(_ message: String) {
        diagnostics.report(message, at: node.mark, sortedAt: .end(of: node))
    }
}
