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
    public var width: Int { spans.reduce(0) { $0 + $1.text.count } }
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
            let piece = String(span.text.prefix(remaining))
            out.append(Span(piece, span.style))
            remaining -= piece.count
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
