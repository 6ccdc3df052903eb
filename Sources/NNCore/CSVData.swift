/// A CSV row that could not be read, named by its 1-based line.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "row \(line): \(message)" }
}

extension Dataset {
    /// Reads `x1,x2,class` rows. Blank lines and `#` comments are skipped; a first row of names is a header.
    /// Classes are 0 or 1. Any other row is an error that names it.
    public static func parseCSV(_ text: String, name: String) throws(CSVError) -> Dataset {
        var samples: [Sample] = []
        var sawData = false
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            let trimmed = raw.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            if !sawData && fields.allSatisfy({ Double($0) == nil }) && fields.count == 3 {
                sawData = true   // a header such as `x1,x2,class`
                continue
            }
            sawData = true
            guard fields.count == 3 else {
                throw CSVError(line: line, message: "expected 3 values (x1,x2,class), found \(fields.count): \"\(trimmed)\"")
            }
            guard let x1 = Double(fields[0]), x1.isFinite else {
                throw CSVError(line: line, message: "x1 is not a number: \"\(fields[0])\"")
            }
            guard let x2 = Double(fields[1]), x2.isFinite else {
                throw CSVError(line: line, message: "x2 is not a number: \"\(fields[1])\"")
            }
            guard let label = Int(fields[2]), label == 0 || label == 1 else {
                throw CSVError(line: line, message: "class must be 0 or 1, found \"\(fields[2])\"")
            }
            samples.append(Sample(x1, x2, label: label))
        }
        guard !samples.isEmpty else { throw CSVError(line: 1, message: "no data rows") }
        return Dataset(name: name, samples: samples)
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
