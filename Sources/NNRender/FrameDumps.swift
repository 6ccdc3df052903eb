extension Frame {
    /// The style dump used by snapshots: a legend of the distinct looks under `theme`, each with a one-letter
    /// code, then one quoted row of codes per frame row (`.` is the terminal's default look).
    public func styleDump(theme: Theme) -> String {
        let plainLook = ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: [])
        return codedDump(title: "theme: \(theme.name)", plain: plainLook, key: { theme.resolve($0) }, describe: { "\($0)" })
    }

    /// The frame's styles as the views name them: one code a distinct `Style` (foreground role, background
    /// role, attributes), listed above the rows. Independent of any palette, so a theme's colours can change
    /// without rewriting a snapshot; `styleDump(theme:)` shows what a theme makes of them.
    public func roleDump() -> String {
        codedDump(title: "roles", plain: Style(.plain), key: { $0 }) { style in
            var text = style.foreground.rawValue
            if let background = style.background { text += " on \(background.rawValue)" }
            let attributes: [(Attributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline")]
            for (attribute, name) in attributes where style.attributes.contains(attribute) { text += " " + name }
            return text
        }
    }

    /// A legend of the distinct `key`s of the cells' styles, each with a one-letter code (`plain` is `.`),
    /// then one quoted row of codes per frame row.
    private func codedDump<Key: Hashable>(title: String, plain: Key, key: (Style) -> Key, describe: (Key) -> String) -> String {
        let codes = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var codeOf: [Key: Character] = [plain: "."]
        var legend: [String] = []
        var rows: [String] = []
        for row in 0..<height {
            var line = ""
            for column in 0..<width {
                let look = key(self[column, row].style)
                if let code = codeOf[look] {
                    line.append(code)
                } else {
                    let code = legend.count < codes.count ? codes[legend.count] : "?"
                    codeOf[look] = code
                    legend.append("\(code) \(describe(look))")
                    line.append(code)
                }
            }
            rows.append("\"" + line + "\"")
        }
        return ([title] + legend).joined(separator: "\n") + "\n" + rows.joined(separator: "\n") + "\n"
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
