extension Frame {
    /// The style dump used by snapshots: a legend of the distinct looks under `theme`, each with a one-letter
    /// code, then one quoted row of codes per frame row (`.` is the terminal's default look).
    public func styleDump(theme: Theme) -> String {
        let codes = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let plainLook = ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: [])
        var codeOf: [ResolvedStyle: Character] = [plainLook: "."]
        var legend: [(Character, ResolvedStyle)] = []
        var rows: [String] = []
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let look = theme.resolve(self[column, row].style)
                if let code = codeOf[look] {
                    line.append(code)
                } else {
                    let code = legend.count < codes.count ? codes[legend.count] : "?"
                    codeOf[look] = code
                    legend.append((code, look))
                    line.append(code)
                }
            }
            rows.append("\"" + line + "\"")
        }
        let header = "theme: \(theme.name)\n" + legend.map { "\($0.0) \($0.1)" }.joined(separator: "\n")
        return header + "\n" + rows.joined(separator: "\n") + "\n"
    }

    /// The frame's styles as the views name them: one code a distinct `Style` (foreground role, background
    /// role, attributes), listed above the rows. Independent of any palette, so a theme's colours can change
    /// without rewriting a snapshot; `styleDump(theme:)` shows what a theme makes of them.
    public func roleDump() -> String {
        let codes = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var codeOf: [Style: Character] = [Style(.plain): "."]
        var legend: [(Character, Style)] = []
        var rows: [String] = []
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let style = self[column, row].style
                if let code = codeOf[style] {
                    line.append(code)
                } else {
                    let code = legend.count < codes.count ? codes[legend.count] : "?"
                    codeOf[style] = code
                    legend.append((code, style))
                    line.append(code)
                }
            }
            rows.append("\"" + line + "\"")
        }
        let names = legend.map { code, style in
            var text = "\(code) \(style.foreground.rawValue)"
            if let background = style.background { text += " on \(background.rawValue)" }
            let attributes: [(Attributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline")]
            for (attribute, name) in attributes where style.attributes.contains(attribute) { text += " " + name }
            return text
        }
        return (["roles"] + names).joined(separator: "\n") + "\n" + rows.joined(separator: "\n") + "\n"
    }

    /// The frame as text with ANSI SGR colour sequences (for `nnx render --ansi`); every row ends reset.
    public func ansiText(theme: Theme) -> String {
        var out = ""
        for row in 0..<height {
            var current: ResolvedStyle?
            var line = ""
            for column in 0..<width {
                let cell = self[column, row]
                let look = theme.resolve(cell.style)
                if look != current {
                    line += Self.sgr(look)
                    current = look
                }
                line.append(cell.character)
            }
            out += line + "\u{1B}[0m\n"
        }
        return out
    }

    static func sgr(_ look: ResolvedStyle) -> String {
        var codes = ["0"]
        if look.attributes.contains(.bold) { codes.append("1") }
        if look.attributes.contains(.dim) { codes.append("2") }
        if look.attributes.contains(.underline) { codes.append("4") }
        if look.attributes.contains(.reverse) { codes.append("7") }
        if case .indexed(let i) = look.foreground { codes.append(i < 8 ? "3\(i)" : "38;5;\(i)") }
        if case .indexed(let i) = look.background { codes.append(i < 8 ? "4\(i)" : "48;5;\(i)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
