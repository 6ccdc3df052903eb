/// The rows of a CSV text, read byte by byte: lines end at `\n`, `\r\n` or `\r` only (a vertical tab, a form
/// feed, U+0085 or U+2028 is part of its line, as for every CSV reader, so line numbers stay those of an
/// editor); fields are split at commas and trimmed of spaces and tabs; blank lines and `#` comments are
/// skipped. Numbers are read without making a string for each (a 3,000-row CSV of 64×64 images has 12
/// million of them).
public struct CSVRow: ~Copyable {
    /// 1-based.
    public let line: Int
    let bytes: UnsafeBufferPointer<UInt8>
    var fields: [Range<Int>]

    public var count: Int { fields.count }

    /// Field i as text (for messages).
    public func text(_ i: Int) -> String { String(decoding: bytes[fields[i]], as: UTF8.self) }

    /// The whole row as text, trimmed (for messages).
    public var text: String {
        guard let first = fields.first, let last = fields.last else { return "" }
        return String(decoding: bytes[first.lowerBound..<last.upperBound], as: UTF8.self)
    }

    /// Field i as a plain decimal number (`-1.5`, `2e-3`, `.5`): no hex, no `nan`/`inf`, no quotes, no spaces
    /// inside; the value `Double(text)` gives.
    public func decimal(_ i: Int) -> Double? { parseDecimal(bytes[fields[i]]) }

    /// Field i as a whole number (an optional sign and digits).
    public func integer(_ i: Int) -> Int? {
        let field = bytes[fields[i]]
        guard !field.isEmpty, field.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) else { return nil }
        return Int(String(decoding: field, as: UTF8.self))
    }
}

/// Calls `body` with each row of `text` that is not blank or a comment.
public func forEachCSVRow<E: Error>(_ text: String, _ body: (borrowing CSVRow) throws(E) -> Void) throws(E) {
    var text = text
    // `withUTF8` rethrows untyped errors: the row's error comes out as a value.
    let failure: E? = text.withUTF8 { bytes in
        do throws(E) {
            try forEachRow(bytes, body)
            return nil
        } catch {
            return error
        }
    }
    if let failure { throw failure }
}

private func forEachRow<E: Error>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (borrowing CSVRow) throws(E) -> Void) throws(E) {
    var line = 1, start = 0, fields: [Range<Int>] = []
    fields.reserveCapacity(16)
    while start <= bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        fields.removeAll(keepingCapacity: true)
        if let first = firstVisible(bytes, start, end), bytes[first] != UInt8(ascii: "#") {
            var fieldStart = start
            for position in start...end where position == end || bytes[position] == UInt8(ascii: ",") {
                fields.append(trimmed(bytes, fieldStart, position))
                fieldStart = position + 1
            }
            try body(CSVRow(line: line, bytes: bytes, fields: fields))
        }
        guard end < bytes.count else { break }
        // \r\n is one line end.
        start = end + (bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1)
        line += 1
    }
}

private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

private func firstVisible(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
    var i = start
    while i < end, isSpace(bytes[i]) { i += 1 }
    return i < end ? i : nil
}

private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
    var (a, b) = (start, end)
    while a < b, isSpace(bytes[a]) { a += 1 }
    while b > a, isSpace(bytes[b - 1]) { b -= 1 }
    return a..<b
}

/// Powers of ten that are exact in a Double.
private let exactPowersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

/// A plain decimal number's value, correctly rounded: the common case (at most 15 significant digits and a
/// small exponent) as one exact integer times or over one exact power of ten, a single rounding (Clinger's
/// fast path); anything else through the standard library.
func parseDecimal(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
    guard !field.isEmpty else { return nil }
    var i = field.startIndex
    var negative = false
    if field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") {
        negative = field[i] == UInt8(ascii: "-")
        i += 1
    }
    var mantissa: UInt64 = 0, digits = 0, scale = 0, sawDigit = false, sawPoint = false
    while i < field.endIndex {
        let byte = field[i]
        if isDigit(byte) {
            sawDigit = true
            if mantissa == 0 && byte == 0x30 {
                if sawPoint { scale -= 1 }   // leading zeros after the point
            } else if digits < 19 {
                mantissa = mantissa * 10 + UInt64(byte - 0x30)
                digits += 1
                if sawPoint { scale -= 1 }
            } else if !sawPoint {
                scale += 1   // digits beyond 19 before the point only scale
            }
        } else if byte == UInt8(ascii: "."), !sawPoint {
            sawPoint = true
        } else {
            break
        }
        i += 1
    }
    guard sawDigit else { return nil }
    var exponent = 0
    if i < field.endIndex {
        guard field[i] == UInt8(ascii: "e") || field[i] == UInt8(ascii: "E") else { return nil }
        i += 1
        var exponentNegative = false
        if i < field.endIndex, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") {
            exponentNegative = field[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < field.endIndex else { return nil }
        while i < field.endIndex {
            guard isDigit(field[i]) else { return nil }
            exponent = min(exponent * 10 + Int(field[i] - 0x30), 100_000)
            i += 1
        }
        if exponentNegative { exponent = -exponent }
    }
    let power = scale + exponent
    if digits <= 15, abs(power) <= 22 {
        let value = power >= 0 ? Double(mantissa) * exactPowersOfTen[power] : Double(mantissa) / exactPowersOfTen[-power]
        return negative ? -value : value
    }
    return Double(String(decoding: field, as: UTF8.self))
}
