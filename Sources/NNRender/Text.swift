/// A run of text in one style.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

/// A line made of styled spans.
public struct Line: Sendable, Hashable, ExpressibleByStringLiteral {
    public var spans: [Span]
    public init(_ spans: [Span]) { self.spans = spans }
    public init(_ text: String, _ style: Style = .plain) { spans = [Span(text, style)] }
    public init(stringLiteral value: String) { spans = [Span(value)] }
    public var text: String { spans.map(\.text).joined() }
    /// Terminal columns (a wide character, such as 日 or 👩, takes two).
    public var width: Int { spans.reduce(0) { $0 + $1.text.columns } }
    public static let empty = Line([])
}

extension Frame {
    /// Draws a line of spans from (column, row), clipped to `clip`; returns the column after it.
    @discardableResult
    public mutating func put(_ line: Line, column: Int, row: Int, clip: Rect? = nil) -> Int {
        var c = column
        for span in line.spans { c = put(span.text, column: c, row: row, style: span.style, clip: clip) }
        return c
    }

    /// Draws lines top-down inside `area`, one per row, cut at its right edge with an ellipsis.
    public mutating func put(lines: [Line], in area: Rect, glyphs: Glyphs) {
        for (i, line) in lines.prefix(area.height).enumerated() {
            put(line.truncated(to: area.width, glyphs: glyphs), column: area.x, row: area.y + i, clip: area)
        }
    }

    /// A box around `area` with an optional title in its top edge (`┌ title ───┐`).
    public mutating func drawBox(_ area: Rect, title: String? = nil, glyphs: Glyphs,
                                 style: Style = Style(.border), titleStyle: Style = Style(.panelTitle)) {
        guard area.width >= 2, area.height >= 2 else { return }
        let horizontal = String(repeating: glyphs.horizontal, count: area.width - 2)
        put(String(glyphs.topLeft) + horizontal + String(glyphs.topRight), column: area.x, row: area.y, style: style)
        put(String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), column: area.x, row: area.maxY - 1, style: style)
        for row in (area.y + 1)..<(area.maxY - 1) {
            put(String(glyphs.vertical), column: area.x, row: row, style: style)
            put(String(glyphs.vertical), column: area.maxX - 1, row: row, style: style)
        }
        if let title, area.width > 4 {
            let text = Line(" " + title + " ").truncated(to: area.width - 3, glyphs: glyphs)
            put(Line(text.spans.map { Span($0.text, titleStyle) }), column: area.x + 1, row: area.y)
        }
    }

    /// A horizontal divider across a box at `row` (`├──┤`), with an optional title.
    public mutating func drawDivider(_ area: Rect, row: Int, title: String? = nil, glyphs: Glyphs,
                                     style: Style = Style(.border), titleStyle: Style = Style(.panelTitle)) {
        guard area.width >= 2 else { return }
        let horizontal = String(repeating: glyphs.horizontal, count: area.width - 2)
        put(String(glyphs.teeLeft) + horizontal + String(glyphs.teeRight), column: area.x, row: row, style: style)
        if let title, area.width > 4 {
            let text = Line(" " + title + " ").truncated(to: area.width - 3, glyphs: glyphs)
            put(Line(text.spans.map { Span($0.text, titleStyle) }), column: area.x + 1, row: row)
        }
    }

    /// `text` centred in `area` on `row`.
    public mutating func putCentered(_ line: Line, in area: Rect, row: Int, glyphs: Glyphs = .unicode) {
        let shown = line.truncated(to: area.width, glyphs: glyphs)
        put(shown, column: area.x + max(0, (area.width - shown.width) / 2), row: row, clip: area)
    }
}

extension Line {
    /// The line cut to `width` columns, ending in an ellipsis when something was cut.
    /// Folded to ASCII first when `glyphs` is ASCII, so the width is measured on what will be shown.
    public func truncated(to width: Int, glyphs: Glyphs) -> Line {
        let line = glyphs.fold(self)
        return line.cut(to: width, glyphs: glyphs)
    }

    private func cut(to width: Int, glyphs: Glyphs) -> Line {
        guard self.width > width else { return self }
        guard width > 0 else { return .empty }
        let mark = glyphs.unicode ? "…" : "~"
        var remaining = width - 1
        var out: [Span] = []
        for span in spans where remaining > 0 {
            var piece = ""
            for character in span.text {
                guard character.columns <= remaining else { remaining = 0; break }
                piece.append(character)
                remaining -= character.columns
            }
            out.append(Span(piece, span.style))
        }
        out.append(Span(mark, spans.last?.style ?? .plain))
        return Line(out)
    }
}

/// Word-wraps plain text to `width` columns.
public func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
        while current.count > width {
            lines.append(String(current.prefix(width)))
            current = String(current.dropFirst(width))
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

extension Character {
    /// The columns a terminal gives it: 2 for East Asian wide and fullwidth characters (CJK, Hangul, kana) and
    /// emoji drawn as pictures, else 1 (a combining mark is part of its base's character).
    public var columns: Int {
        guard let first = unicodeScalars.first else { return 1 }
        if first.value < 0x1100 { return 1 }   // Latin, Greek, box drawing, arrows…: the common case, quickly
        if first.properties.isEmojiPresentation || unicodeScalars.contains("\u{FE0F}") { return 2 }
        return Self.wideRanges.contains { $0.contains(first.value) } ? 2 : 1
    }

    /// Unicode's East Asian Wide (W) and Fullwidth (F) blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension StringProtocol {
    /// Terminal columns (`Character.columns` summed).
    public var columns: Int { reduce(0) { $0 + $1.columns } }
}
