/// Numbers as the lecture writes them: no trailing zeros, at most `digits` decimals, a real minus sign in Unicode.
public func formatNumber(_ value: Double, digits: Int = 3, glyphs: Glyphs = .unicode) -> String {
    guard value.isFinite else {
        if value.isNaN { return "NaN" }
        let infinity = glyphs.unicode ? "∞" : "inf"
        return value > 0 ? infinity : glyphs.minus + infinity
    }
    var text: String
    if abs(value) >= 1e15 {
        text = String(value)   // no rounding to do at this size (and scaling could overflow)
    } else {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }   // no "-0"
        text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
    if text.hasPrefix("-") { text = glyphs.minus + text.dropFirst() }
    return text
}

/// A vector as `(a, b, c)`.
public func formatVector(_ values: [Double], digits: Int = 3, glyphs: Glyphs = .unicode) -> String {
    "(" + values.map { formatNumber($0, digits: digits, glyphs: glyphs) }.joined(separator: ", ") + ")"
}
