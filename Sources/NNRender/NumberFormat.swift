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

/// An axis label: short even for huge or tiny values (`1e6`, `2.5e-9`), so that it fits the margin.
public func formatTick(_ value: Double, glyphs: Glyphs = .unicode) -> String {
    let magnitude = abs(value)
    guard value != 0, magnitude >= 1e4 || magnitude < 1e-3, value.isFinite else { return formatNumber(value, digits: 3, glyphs: glyphs) }
    var exponent = Int(log10(magnitude).rounded(.down))
    var mantissa = (value / pow(10, Double(exponent)) * 10).rounded() / 10
    if abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
    return formatNumber(mantissa, digits: 1, glyphs: glyphs) + "e" + formatNumber(Double(exponent), glyphs: glyphs)
}

/// A vector as `(a, b, c)`.
public func formatVector(_ values: [Double], digits: Int = 3, glyphs: Glyphs = .unicode) -> String {
    "(" + values.map { formatNumber($0, digits: digits, glyphs: glyphs) }.joined(separator: ", ") + ")"
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `significant` significant digits: `0.139`, `0.00123`, `12.3`, `1.23e−5` (e-notation below 1e−4 and from 1e6,
/// where plain decimals would be long).
public func formatSignificant(_ value: Double, significant: Int = 3, glyphs: Glyphs = .unicode) -> String {
    guard value.isFinite, value != 0 else { return formatNumber(value, glyphs: glyphs) }
    let exponent = Int(log10(abs(value)).rounded(.down))
    if exponent < -4 || exponent >= 6 {
        let scale = pow(10, Double(significant - 1))
        var mantissa = (value / pow(10, Double(exponent)) * scale).rounded() / scale, shift = exponent
        if abs(mantissa) >= 10 { mantissa /= 10; shift += 1 }   // 9.996e−5 rounds to 1e−4
        return formatNumber(mantissa, digits: significant - 1, glyphs: glyphs) + "e" + formatNumber(Double(shift), glyphs: glyphs)
    }
    return formatNumber(value, digits: max(0, significant - 1 - exponent), glyphs: glyphs)
}

/// A count with its thousands grouped, in ASCII (any locale): `262,144`.
public func formatCount(_ n: Int) -> String {
    let digits = String(n)
    var grouped = ""
    for (k, digit) in digits.enumerated() {
        if k > 0, (digits.count - k) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return grouped
}
