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
        try parseRows(text, name: name, third: "class") { (row: borrowing CSVRow, x1, x2) throws(CSVError) in
            guard let label = row.integer(2), label >= 0, label < classes else {
                let allowed = classes == 2 ? "0 or 1" : "an integer from 0 to \(classes - 1)"
                throw CSVError(line: row.line, message: "class must be \(allowed), found \"\(row.text(2))\"")
            }
            return Sample(x1, x2, label: label)
        }
    }

    /// Reads `x1,x2,target` rows for regression, as `parseCSV` reads classes: the target is any number of
    /// the coordinates' size.
    public static func parseRegressionCSV(_ text: String, name: String) throws(CSVError) -> Dataset {
        try parseRows(text, name: name, third: "target") { (row: borrowing CSVRow, x1, x2) throws(CSVError) in
            Sample(x1, x2, target: try coordinate(row, 2, named: "target"))
        }
    }

    /// Rows of `x1,x2,<third>`, each made a sample by `sample` from its coordinates.
    private static func parseRows(_ text: String, name: String, third: String,
                                  _ sample: (borrowing CSVRow, Double, Double) throws(CSVError) -> Sample) throws(CSVError) -> Dataset {
        var samples: [Sample] = []
        var sawData = false
        try forEachCSVRow(text) { (row: borrowing CSVRow) throws(CSVError) in
            // A header names every column: each field has a letter and is no number (`x1,x2,class`).
            if !sawData && row.count == 3 && (0..<3).allSatisfy({ row.text($0).contains(where: \.isLetter) && row.decimal($0) == nil }) {
                sawData = true
                return
            }
            sawData = true
            guard row.count == 3 else {
                throw CSVError(line: row.line, message: "expected 3 values (x1,x2,\(third)), found \(row.count): \"\(row.text)\"")
            }
            let x1 = try coordinate(row, 0, named: "x1")
            let x2 = try coordinate(row, 1, named: "x2")
            samples.append(try sample(row, x1, x2))
        }
        guard !samples.isEmpty else { throw CSVError(line: 1, message: "no data rows") }
        return Dataset(name: name, samples: samples)
    }

    private static func coordinate(_ row: borrowing CSVRow, _ i: Int, named name: String) throws(CSVError) -> Double {
        let text = row.text(i)
        if text.hasPrefix("\"") || text.hasPrefix("'") {
            throw CSVError(line: row.line, message: "\(name): quoted values are not supported, found \(text)")
        }
        guard let value = row.decimal(i) else { throw CSVError(line: row.line, message: "\(name) is not a number: \"\(text)\"") }
        guard abs(value) <= Sample.coordinateLimit else {
            throw CSVError(line: row.line, message: "\(name) must be between -1000000 and 1000000, found \(text)")
        }
        return value
    }
}
