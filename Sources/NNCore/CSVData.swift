/// A CSV row that could not be read, named by its 1-based line.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "row \(line): \(message)" }
}

extension Dataset {
    /// Reads `x1,x2,class` rows. Blank lines and `#` comments are skipped; a first row of names is a header.
    /// Classes are 0 to `classes − 1` (0 or 1 by default). Any other row is an error that names it.
    public static func parseCSV(_ text: String, name: String, classes: Int = 2) throws(CSVError) -> Dataset {
        var samples: [Sample] = []
        var sawData = false
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            let trimmed = raw.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            // A header names every column: each field has a letter and is no number (`x1,x2,class`).
            if !sawData && fields.count == 3 && fields.allSatisfy({ $0.contains(where: \.isLetter) && Self.decimal($0) == nil }) {
                sawData = true   // a header such as `x1,x2,class`
                continue
            }
            sawData = true
            guard fields.count == 3 else {
                throw CSVError(line: line, message: "expected 3 values (x1,x2,class), found \(fields.count): \"\(trimmed)\"")
            }
            let x1 = try coordinate(fields[0], named: "x1", line: line)
            let x2 = try coordinate(fields[1], named: "x2", line: line)
            guard let label = Int(fields[2]), label >= 0, label < classes else {
                let allowed = classes == 2 ? "0 or 1" : "an integer from 0 to \(classes - 1)"
                throw CSVError(line: line, message: "class must be \(allowed), found \"\(fields[2])\"")
            }
            samples.append(Sample(x1, x2, label: label))
        }
        guard !samples.isEmpty else { throw CSVError(line: 1, message: "no data rows") }
        return Dataset(name: name, samples: samples)
    }

    /// A plain decimal number (`-1.5`, `2e-3`): no hex, no `nan`/`inf`, no quotes.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(text)
    }

    private static func coordinate(_ text: String, named name: String, line: Int) throws(CSVError) -> Double {
        if text.hasPrefix("\"") || text.hasPrefix("'") {
            throw CSVError(line: line, message: "\(name): quoted values are not supported, found \(text)")
        }
        guard let value = decimal(text) else { throw CSVError(line: line, message: "\(name) is not a number: \"\(text)\"") }
        guard abs(value) <= Sample.coordinateLimit else {
            throw CSVError(line: line, message: "\(name) must be between -1000000 and 1000000, found \(text)")
        }
        return value
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
