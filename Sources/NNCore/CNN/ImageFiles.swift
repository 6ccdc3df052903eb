/// A problem in an image file, with the line it is on (1 for a file-wide problem).
public struct ImageFileError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

/// Images from plain files: a PGM picture (P2, numbers as text) or CSV rows of pixels.
public enum ImageFiles {
    public static let maxSide = 64

    /// A PGM image in its text form: `P2`, width, height, the largest value, then the pixels row by row;
    /// `#` starts a comment. Pixels are scaled to 0…1.
    public static func parsePGM(_ text: String) throws(ImageFileError) -> Tensor {
        var tokens: [(value: Substring, line: Int)] = []
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for token in content.split(whereSeparator: { $0 == " " || $0 == "\t" }) { tokens.append((token, offset + 1)) }
        }
        guard let magic = tokens.first, magic.value == "P2" else {
            throw ImageFileError(line: tokens.first?.line ?? 1, message: "a PGM file here must start with P2 (numbers as text); P5 (binary) is not read")
        }
        func integer(_ index: Int, _ name: String, _ range: ClosedRange<Int>) throws(ImageFileError) -> Int {
            guard index < tokens.count else { throw ImageFileError(line: tokens.last?.line ?? 1, message: "the file ends before its \(name)") }
            guard let value = Int(tokens[index].value), range.contains(value) else {
                throw ImageFileError(line: tokens[index].line, message: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), found \(tokens[index].value)")
            }
            return value
        }
        let width = try integer(1, "width", 1...maxSide), height = try integer(2, "height", 1...maxSide)
        let largest = try integer(3, "the largest value", 1...65535)
        var pixels: [Double] = []
        for n in 0..<(width * height) {
            pixels.append(Double(try integer(4 + n, "pixel \(n + 1) of \(width * height)", 0...largest)) / Double(largest))
        }
        if tokens.count > 4 + width * height {
            throw ImageFileError(line: tokens[4 + width * height].line, message: "more values than the \(width)×\(height) pixels")
        }
        return Tensor(channels: 1, height: height, width: width, values: pixels)
    }

    /// CSV rows of a square image's pixels, row-major, then its class (0–9): `p1,…,pN,class`. Blank lines
    /// and `#` comments are skipped; every row must have as many pixels as the first.
    public static func parseCSV(_ text: String) throws(ImageFileError) -> [LabeledImage] {
        var images: [LabeledImage] = [], side: Int?
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            let trimmed = raw.trimmingCharacters(in: " \t\r")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t") }
            let pixels = fields.count - 1
            let rowSide = Int(Double(pixels).squareRoot().rounded())
            guard pixels >= 1, rowSide * rowSide == pixels, rowSide <= maxSide else {
                throw ImageFileError(line: line, message: "a row must be the pixels of a square image (4, 9, …, \(maxSide * maxSide)) and its class; found \(fields.count) values")
            }
            if let side, side != rowSide {
                throw ImageFileError(line: line, message: "every image must be \(side)×\(side) like the first; this row has \(pixels) pixels")
            }
            side = rowSide
            var values: [Double] = []
            for (n, field) in fields.dropLast().enumerated() {
                guard let value = Double(field), value.isFinite, abs(value) <= 1e6 else {
                    throw ImageFileError(line: line, message: "pixel \(n + 1) is not a number: \"\(field)\"")
                }
                values.append(value)
            }
            guard let label = Int(fields[pixels]), (0...9).contains(label) else {
                throw ImageFileError(line: line, message: "class must be an integer from 0 to 9, found \"\(fields[pixels])\"")
            }
            images.append(LabeledImage(image: Tensor(channels: 1, height: rowSide, width: rowSide, values: values), label: label))
        }
        guard !images.isEmpty else { throw ImageFileError(line: 1, message: "no images: every row is blank or a comment") }
        return images
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }
}
