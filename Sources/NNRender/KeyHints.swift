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

/// The `?` overlay: a centred box listing every key with its help; unavailable keys are dimmed.
public struct HelpOverlay: Sendable {
    public var title: String
    public var hints: [KeyHint]
    public var footer: String
    public init(title: String, hints: [KeyHint], footer: String = "press any key to close") {
        self.title = title; self.hints = hints; self.footer = footer
    }

    public func render(into frame: inout Frame, area: Rect, glyphs: Glyphs) {
        let hints = self.hints.map { h in
            KeyHint(keys: glyphs.fold(h.keys), label: h.label, help: glyphs.fold(h.help), enabled: h.enabled, essential: h.essential)
        }
        let footer = glyphs.fold(self.footer)
        let keyWidth = min(12, hints.map(\.keys.count).max() ?? 1)
        let longest = hints.map(\.help.count).max() ?? 10
        let rowsAvailable = max(1, area.height - 4)
        // The fewest columns in which every help text fits whole, wrapped onto rows of its own where needed;
        // else the fewest in which each fits in two rows (a longer one cut); else as many columns as the keys
        // need, each text cut to its column.
        func layout(columns: Int, maxLines: Int = .max) -> (width: Int, placed: [[(hint: KeyHint, lines: [String])]])? {
            let columnWidth = min(keyWidth + longest + 4, (area.width - 2) / columns)
            let textWidth = columnWidth - keyWidth - 4
            guard textWidth >= 12 else { return nil }
            var placed: [[(hint: KeyHint, lines: [String])]] = [[]]
            var used = 0
            for hint in hints {
                var lines = wrap(hint.help, width: textWidth)
                if lines.count > maxLines {
                    lines = Array(lines.prefix(maxLines))
                    lines[maxLines - 1] = String(lines[maxLines - 1].prefix(textWidth - 2)) + (glyphs.unicode ? " …" : " ...")
                }
                if used + lines.count > rowsAvailable {
                    guard placed.count < columns else { return nil }
                    placed.append([])
                    used = 0
                }
                placed[placed.count - 1].append((hint, lines))
                used += lines.count
            }
            return (columnWidth, placed)
        }
        let wrapped = (1...4).lazy.compactMap { layout(columns: $0) }.first ?? (1...4).lazy.compactMap { layout(columns: $0, maxLines: 2) }.first
        let columns = wrapped?.placed.count ?? max(1, (hints.count + rowsAvailable - 1) / rowsAvailable)
        let rows = wrapped.map { $0.placed.map { $0.reduce(0) { $0 + $1.lines.count } }.max() ?? 1 }
            ?? (hints.count + columns - 1) / columns
        let columnWidth = wrapped?.width ?? keyWidth + longest + 4
        let width = min(area.width, max(title.count + 6, columns * columnWidth + 2, footer.count + 4))
        let height = min(area.height, rows + 3)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        frame.fill(box, with: Cell(" ", style: Style(.overlay)))
        frame.drawBox(box, title: title, glyphs: glyphs, style: Style(.overlay), titleStyle: Style(.overlay, attributes: [.bold]))
        let inner = box.inset(1)
        let shownWidth = inner.width / columns
        let placed = wrapped?.placed ?? stride(from: 0, to: hints.count, by: max(1, rows)).map { start in
            hints[start..<min(hints.count, start + rows)].map { (hint: $0, lines: [$0.help]) }
        }
        for (c, column) in placed.enumerated() {
            let x = inner.x + c * shownWidth
            let clip = Rect(x: x, y: inner.y, width: shownWidth - 1, height: inner.height - 1)
            var row = inner.y
            for (hint, lines) in column {
                let style = Style(hint.enabled ? .overlay : .hintDisabled, background: .overlay)
                for (k, text) in lines.enumerated() {
                    let keys = k == 0 ? hint.keys.padding(to: keyWidth) : String(repeating: " ", count: keyWidth)
                    frame.put(Line([Span(" " + keys + "  ", style.adding(.bold)), Span(text, style)])
                        .truncated(to: clip.width, glyphs: glyphs), column: x, row: row, clip: clip)
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
