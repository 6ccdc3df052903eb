/// A problem in an image file, with the line it is on (1 for a file-wide problem).
public struct ImageFileError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

/// Images from plain files: a Netpbm picture (PGM or PPM) or CSV rows of pixels.
public enum ImageFiles {
    public static let maxSide = 64
    /// A picture may be of any size up to this (it is scaled to the network's input).
    public static let maxPictureSide = 16384, maxPicturePixels = 1 << 25

    /// A Netpbm picture: PGM grey (`P2` numbers as text, `P5` binary) or PPM colour (`P3` text, `P6` binary):
    /// the magic number, width, height and largest value (up to 65535) as text, `#` comments between them,
    /// then the pixels row by row (binary: after one whitespace byte, a byte a value, or two, most
    /// significant first, when the largest value is over 255). Grey is one map, colour three (red, green,
    /// blue), each value scaled to 0…1.
    public static func parsePicture(_ bytes: [UInt8]) throws(ImageFileError) -> Tensor {
        var reader = NetpbmReader(bytes: bytes)
        guard let (magic, _) = reader.token(), ["P2", "P3", "P5", "P6"].contains(magic) else {
            throw ImageFileError(line: 1, message: "a picture must be a PGM or PPM file starting with P2, P5 (grey) or P3, P6 (colour)")
        }
        let channels = magic == "P3" || magic == "P6" ? 3 : 1
        let width = try reader.integer("width", 1...maxPictureSide)
        let height = try reader.integer("height", 1...maxPictureSide)
        guard width * height <= maxPicturePixels else {
            throw ImageFileError(line: reader.line, message: "a \(width)×\(height) picture is more than the \(maxPicturePixels) pixels nnx reads")
        }
        let largest = try reader.integer("the largest value", 1...65535)
        let total = width * height * channels, scale = 1 / Double(largest), plane = width * height
        // The file interleaves a pixel's red, green and blue; a tensor holds one map after another.
        func index(_ n: Int) -> Int { channels == 1 ? n : (n % 3) * plane + n / 3 }
        func name(_ n: Int) -> String { channels == 1 ? "pixel \(n + 1) of \(total)" : "value \(n + 1) of \(total) (red, green, blue a pixel)" }
        var values = [Double](repeating: 0, count: total)
        if magic == "P2" || magic == "P3" {
            for n in 0..<total { values[index(n)] = Double(try reader.integer(name(n), 0...largest)) * scale }
            if let (_, line) = reader.token() { throw ImageFileError(line: line, message: "more values than the \(width)×\(height) pixels") }
        } else {
            let size = largest > 255 ? 2 : 1, start = reader.position + 1
            guard start + total * size <= bytes.count else {
                throw ImageFileError(line: reader.line, message: "the file ends at byte \(bytes.count), before \(name((bytes.count - min(start, bytes.count)) / size)) "
                                     + "(binary, \(size) byte\(size == 1 ? "" : "s") a value)")
            }
            guard start + total * size == bytes.count else {
                throw ImageFileError(line: reader.line, message: "\(bytes.count - start - total * size) bytes follow the \(width)×\(height) pixels")
            }
            for n in 0..<total {
                let value = size == 1 ? Int(bytes[start + n]) : Int(bytes[start + 2 * n]) << 8 | Int(bytes[start + 2 * n + 1])
                guard value <= largest else {
                    throw ImageFileError(line: reader.line, message: "\(name(n)) at byte \(start + n * size) is \(value), more than the largest value \(largest)")
                }
                values[index(n)] = Double(value) * scale
            }
        }
        return Tensor(channels: channels, height: height, width: width, values: values)
    }

    /// CSV rows of a square image's pixels, row-major, then its class (0–9): `p1,…,pN,class`. Blank lines
    /// and `#` comments are skipped; every row must have as many pixels as the first.
    public static func parseCSV(_ text: String) throws(ImageFileError) -> [LabeledImage] {
        var images: [LabeledImage] = [], side: Int?
        try forEachCSVRow(text) { (row: borrowing CSVRow) throws(ImageFileError) in
            let pixels = row.count - 1
            let rowSide = Int(Double(pixels).squareRoot().rounded())
            guard pixels >= 1, rowSide * rowSide == pixels, rowSide <= maxSide else {
                throw ImageFileError(line: row.line, message: "a row must be the pixels of a square image (4, 9, …, \(maxSide * maxSide)) and its class; found \(row.count) values")
            }
            if let side, side != rowSide {
                throw ImageFileError(line: row.line, message: "every image must be \(side)×\(side) like the first; this row has \(pixels) pixels")
            }
            side = rowSide
            var values = [Double](repeating: 0, count: pixels)
            for n in 0..<pixels {
                guard let value = row.decimal(n), value.isFinite, abs(value) <= 1e6 else {
                    throw ImageFileError(line: row.line, message: "pixel \(n + 1) is not a number: \"\(row.text(n))\"")
                }
                values[n] = value
            }
            guard let label = row.integer(pixels), (0...9).contains(label) else {
                throw ImageFileError(line: row.line, message: "class must be an integer from 0 to 9, found \"\(row.text(pixels))\"")
            }
            images.append(LabeledImage(image: Tensor(channels: 1, height: rowSide, width: rowSide, values: values), label: label))
        }
        guard !images.isEmpty else { throw ImageFileError(line: 1, message: "no images: every row is blank or a comment") }
        return images
    }
}

/// The text tokens of a Netpbm file, with the line each is on; `position` is just after the last one.
private struct NetpbmReader {
    let bytes: [UInt8]
    var position = 0, line = 1
    /// Where the file's last text ends, for "the file ends before …".
    var lastTokenLine = 1

    mutating func token() -> (String, line: Int)? {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "#") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if Self.isSpace(byte) {
                if byte == UInt8(ascii: "\n") { line += 1 }
                position += 1
            } else {
                break
            }
        }
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: "#") { position += 1 }
        lastTokenLine = line
        return (String(decoding: bytes[start..<position], as: UTF8.self), line)
    }

    mutating func integer(_ name: String, _ range: ClosedRange<Int>) throws(ImageFileError) -> Int {
        guard let (text, line) = token() else { throw ImageFileError(line: lastTokenLine, message: "the file ends before its \(name)") }
        guard text.utf8.count <= 9, let value = Int(text), value >= 0, range.contains(value) else {
            throw ImageFileError(line: line, message: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), found \(text)")
        }
        return value
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }
}
