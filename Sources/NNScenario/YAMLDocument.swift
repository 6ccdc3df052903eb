import Yams

/// Turns YAML text into a node tree, mapping Yams' errors to located `ScenarioError`s.
enum YAMLDocument {
    static func compose(_ yaml: String, file: String) throws(ScenarioError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic)   // scalars typed by `ScalarType`
        } catch let error as YamlError {
            throw scenarioError(error, yaml: yaml, file: file)
        } catch {
            throw ScenarioError(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        guard let root else {
            throw ScenarioError(file: file, line: 1, column: 1,
                                message: "the file is empty; a scenario needs title, summary, model and data")
        }
        try AliasExpansion.check(root, file: file)
        return root
    }

    private static func scenarioError(_ error: YamlError, yaml: String, file: String) -> ScenarioError {
        func located(_ mark: Position, _ message: String) -> ScenarioError {
            ScenarioError(file: file, line: mark.line, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(Position(mark), "invalid YAML: " + describe(problem: problem, context: context))
        case .reader(let problem, let offset, _, _):
            return located(mark(ofCharacterOffset: offset ?? 0, in: yaml), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = Position(context.mark)
            if let repeated = DuplicateKeys.secondOccurrence(of: key, firstAt: first, in: yaml) {
                return located(repeated, "duplicate key '\(key)' (first set at \(first.line):\(first.column))")
            }
            return located(first, "duplicate key '\(key)'")
        default:
            return ScenarioError(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    /// libyaml's problem, with its context ("while parsing a block mapping") and where that started.
    private static func describe(problem: String, context: YamlError.Context?) -> String {
        guard let context else { return problem }
        if problem.hasPrefix("but ") { return "\(context.text), \(problem)" }   // "expected …, but found …"
        return "\(problem) (\(context.text) that starts at \(context.mark.line):\(context.mark.column))"
    }

    /// Reader errors come as a character offset; marks count columns in Unicode scalars.
    private static func mark(ofCharacterOffset offset: Int, in yaml: String) -> Position {
        var line = 1, column = 1
        for character in yaml.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1; column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return Position(line: line, column: column)
    }
}

/// A 1-based line and column (Yams' `Mark` cannot be made outside Yams).
struct Position: Equatable {
    var line: Int
    var column: Int
    init(line: Int, column: Int) { self.line = line; self.column = column }
    init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }
}

/// Yams reports a repeated key at its first occurrence; messages should point at the repeat. To find it, the
/// first occurrence is hidden (one character swapped for a private-use one, so no column moves) and the text
/// is composed again; other keys repeated elsewhere are hidden the same way, one by one, until it composes.
enum DuplicateKeys {
    static func secondOccurrence(of key: String, firstAt mark: Position, in yaml: String) -> Position? {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard hide(key, at: mark, in: &lines, as: 0) else { return nil }
        // Each round hides one more key, and a file has no more repeated keys than lines.
        for round in 1...(lines.count + 1) {
            let hidden = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            do {
                guard let root = try Yams.compose(yaml: hidden, .basic) else { return nil }
                return find(key, inMappingWithKeyAt: mark, in: root)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let at = Position(context.mark)
                if duplicates.first == key { return at }   // the key appears three times or more: this is the second
                guard let other = duplicates.first, hide(other, at: at, in: &lines, as: round) else { return nil }
            } catch {
                return nil
            }
        }
        return nil
    }

    /// Swaps the first character of `key` at `mark` (after an opening quote) for private-use character n, a
    /// different one each time (two hidden copies of a key must not become a repeated key of their own).
    private static func hide(_ key: String, at mark: Position, in lines: inout [[Unicode.Scalar]], as n: Int) -> Bool {
        guard !key.isEmpty, mark.line >= 1, mark.line <= lines.count else { return false }
        var line = lines[mark.line - 1]
        let keyScalars = Array(key.unicodeScalars)
        var start = mark.column - 1
        if start >= 0, start < line.count, line[start] == "\"" || line[start] == "'" { start += 1 }   // a quoted key
        guard start >= 0, start + keyScalars.count <= line.count,
              Array(line[start..<start + keyScalars.count]) == keyScalars else { return false }
        guard let hiding = Unicode.Scalar(0xF0000 + n) else { return false }   // plane 15: private use
        line[start] = hiding
        lines[mark.line - 1] = line
        return true
    }

    /// The first key equal to `key` in the mapping that has a key at `mark`.
    private static func find(_ key: String, inMappingWithKeyAt mark: Position, in node: Node) -> Position? {
        switch node {
        case .mapping(let mapping):
            let here = mapping.keys.contains { $0.mark?.line == mark.line && $0.mark?.column == mark.column }
            if here, let match = mapping.keys.first(where: { $0.scalar?.string == key }) {
                return match.mark.map(Position.init)
            }
            for (_, value) in mapping {
                if let found = find(key, inMappingWithKeyAt: mark, in: value) { return found }
            }
            return nil
        case .sequence(let sequence):
            return sequence.lazy.compactMap { find(key, inMappingWithKeyAt: mark, in: $0) }.first
        case .scalar, .alias:
            return nil
        }
    }
}
