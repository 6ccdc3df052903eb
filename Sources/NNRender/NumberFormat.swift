/// Numbers as the lecture writes them: no trailing zeros, at most `digits` decimals, a real minus sign in Unicode.
public func formatNumber(_ value: Double, digits: Int = 3, glyphs: Glyphs = .unicode) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    var rounded = (value * scale).rounded() / scale
    if rounded == 0 { rounded = 0 }   // no "-0"
    var text: String
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
        text = String(Int64(rounded))
    } else {
        text = String(rounded)
    }
    if text.hasPrefix("-") { text = glyphs.minus + text.dropFirst() }
    return text
}

/// A vector as `(a, b, c)`.
public func formatVector(_ values: [Double], digits: Int = 3, glyphs: Glyphs = .unicode) -> String {
    "(" + values.map { formatNumber($0, digits: digits, glyphs: glyphs) }.joined(separator: ", ") + ")"
}
