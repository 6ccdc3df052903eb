/// One key as hint bars and the help overlay show it.
public struct KeyHint: Sendable, Hashable {
    public var keys: String
    /// Short label for the bar (`play`, `η=1.0`).
    public var label: String
    /// Longer sentence for the help overlay.
    public var help: String
    public var enabled: Bool
    /// Kept in the bar even when space is short (help, quit).
    public var essential: Bool
    public init(keys: String, label: String, help: String, enabled: Bool = true, essential: Bool = false) {
        self.keys = keys; self.label = label; self.help = help; self.enabled = enabled; self.essential = essential
    }
}

/// The htop-style bottom bar: `key label  key label …`, unavailable keys dimmed, essentials always kept.
public struct KeyHintBar: Sendable {
    public var hints: [KeyHint]
    public init(hints: [KeyHint]) { self.hints = hints }

    /// Draws the hints that fit, in order; a hint too wide for what is left is skipped, later shorter ones
    /// may still fit.
    public func render(into frame: inout Frame, row: Int, area: Rect, glyphs: Glyphs = .unicode) {
        frame.fill(Rect(x: area.x, y: row, width: area.width, height: 1))
        let hints = self.hints.map { h in
            KeyHint(keys: glyphs.fold(h.keys), label: glyphs.fold(h.label), help: h.help, enabled: h.enabled, essential: h.essential)
        }
        func width(_ h: KeyHint) -> Int { h.keys.count + 1 + h.label.count + 2 }
        let essentialWidth = hints.filter(\.essential).reduce(0) { $0 + width($1) }
        // The last hint needs no gap after it.
        var budget = area.width - essentialWidth + 2
        var shown: [KeyHint] = []
        for hint in hints {
            if hint.essential { shown.append(hint); continue }
            if width(hint) <= budget { shown.append(hint); budget -= width(hint) }
        }
        var column = area.x
        for hint in shown {
            let keyStyle = hint.enabled ? Style(.hintKey) : Style(.hintDisabled, attributes: [.reverse])
            let labelStyle = hint.enabled ? Style(.hintLabel) : Style(.hintDisabled)
            column = frame.put(hint.keys, column: column, row: row, style: keyStyle, clip: area)
            column = frame.put(" " + hint.label, column: column, row: row, style: labelStyle, clip: area)
            column += 2
        }
    }
}

/// The `?` overlay: a centred box listing every key with its help; unavailable keys are dimmed. When the
/// texts do not fit whole, the columns scroll (`scroll` rows down; ↑/↓/PgUp/PgDn move it, see `maxScroll`).
public struct HelpOverlay: Sendable {
    public var title: String
    public var hints: [KeyHint]
    public var footer: String
    /// The first row of the columns shown, when they scroll.
    public var scroll = 0
    public init(title: String, hints: [KeyHint], footer: String = "press any key to close") {
        self.title = title; self.hints = hints; self.footer = footer
    }

    private typealias Placed = [[(hint: KeyHint, lines: [String])]]

    /// How the help is laid out in `area`: the key column's width, the columns' width, the hints placed in
    /// columns (texts wrapped), the rows of the longest column, and whether those rows scroll.
    private func arrangement(area: Rect, glyphs: Glyphs) -> (keyWidth: Int, columnWidth: Int, placed: Placed, rows: Int, scrolls: Bool) {
        let hints = self.hints.map { h in
            KeyHint(keys: glyphs.fold(h.keys), label: h.label, help: glyphs.fold(h.help), enabled: h.enabled, essential: h.essential)
        }
        let keyWidth = min(12, hints.map(\.keys.count).max() ?? 1)
        let longest = hints.map(\.help.count).max() ?? 10
        let rowsAvailable = max(1, area.height - 4)
        // The fewest columns in which every help text fits whole, wrapped onto rows of its own where needed;
        // else as many columns as fit, each text whole, scrolling; else as many columns as the keys need,
        // each text cut to its column.
        func layout(columns: Int, rowsPerColumn: Int) -> (width: Int, placed: Placed)? {
            let columnWidth = min(keyWidth + longest + 4, (area.width - 2) / columns)
            let textWidth = columnWidth - keyWidth - 4
            guard textWidth >= 12 else { return nil }
            var placed: Placed = [[]]
            var used = 0
            for hint in hints {
                let lines = wrap(hint.help, width: textWidth)
                if used + lines.count > rowsPerColumn, used > 0 {
                    guard placed.count < columns else { return nil }
                    placed.append([])
                    used = 0
                }
                placed[placed.count - 1].append((hint, lines))
                used += lines.count
            }
            return (columnWidth, placed)
        }
        func height(_ placed: Placed) -> Int { placed.map { $0.reduce(0) { $0 + $1.lines.count } }.max() ?? 1 }
        if let whole = (1...4).lazy.compactMap({ layout(columns: $0, rowsPerColumn: rowsAvailable) }).first,
           height(whole.placed) <= rowsAvailable {
            return (keyWidth, whole.width, whole.placed, height(whole.placed), false)
        }
        // Scrolling: the most columns whose texts are readable, balanced by growing the column height.
        if let columns = (1...4).reversed().first(where: { layout(columns: $0, rowsPerColumn: .max) != nil }) {
            var rowsPerColumn = rowsAvailable
            while true {
                if let fitted = layout(columns: columns, rowsPerColumn: rowsPerColumn) {
                    return (keyWidth, fitted.width, fitted.placed, height(fitted.placed), height(fitted.placed) > rowsAvailable)
                }
                rowsPerColumn += 1
            }
        }
        let columns = max(1, (hints.count + rowsAvailable - 1) / rowsAvailable)
        let rows = (hints.count + columns - 1) / columns
        let placed = stride(from: 0, to: hints.count, by: max(1, rows)).map { start in
            hints[start..<min(hints.count, start + rows)].map { (hint: $0, lines: [$0.help]) }
        }
        return (keyWidth, keyWidth + longest + 4, placed, rows, false)
    }

    /// The furthest `scroll` can go in `area` (0 when everything shows).
    public func maxScroll(area: Rect, glyphs: Glyphs) -> Int {
        let a = arrangement(area: area, glyphs: glyphs)
        return a.scrolls ? max(0, a.rows - max(1, area.height - 4)) : 0
    }

    public func render(into frame: inout Frame, area: Rect, glyphs: Glyphs) {
        let (keyWidth, columnWidth, placed, rows, scrolls) = arrangement(area: area, glyphs: glyphs)
        let visible = scrolls ? max(1, area.height - 4) : rows
        let first = min(max(0, scroll), max(0, rows - visible))
        var footer = glyphs.fold(self.footer)
        if scrolls {
            let marker = first == 0 ? "more ↓" : first + visible >= rows ? "more ↑" : "more ↑↓"
            footer = glyphs.fold("\(marker) · ↑↓ PgUp PgDn scroll · other keys close")
        }
        let columns = placed.count
        let width = min(area.width, max(title.count + 6, columns * columnWidth + 2, footer.count + 4))
        let height = min(area.height, visible + 3)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        frame.fill(box, with: Cell(" ", style: Style(.overlay)))
        frame.drawBox(box, title: title, glyphs: glyphs, style: Style(.overlay), titleStyle: Style(.overlay, attributes: [.bold]))
        let inner = box.inset(1)
        let shownWidth = inner.width / max(1, columns)
        for (c, column) in placed.enumerated() {
            let x = inner.x + c * shownWidth
            let clip = Rect(x: x, y: inner.y, width: shownWidth - 1, height: inner.height - 1)
            var row = inner.y - first
            for (hint, lines) in column {
                let style = Style(hint.enabled ? .overlay : .hintDisabled, background: .overlay)
                for (k, text) in lines.enumerated() {
                    let keys = k == 0 ? hint.keys.padding(to: keyWidth) : String(repeating: " ", count: keyWidth)
                    if row >= inner.y {
                        frame.put(Line([Span(" " + keys + "  ", style.adding(.bold)), Span(text, style)])
                            .truncated(to: clip.width, glyphs: glyphs), column: x, row: row, clip: clip)
                    }
                    row += 1
                }
            }
        }
        frame.putCentered(Line(footer, Style(.hintDisabled, background: .overlay)), in: inner, row: inner.maxY - 1, glyphs: glyphs)
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }
}
