extension Frame {
    /// The style dump used by snapshots: a legend of the distinct looks under `theme`, each with a one-letter
    /// code, then one quoted row of codes per frame row (`.` is the terminal's default look). A picture's
    /// colours all read `rgb` (one code per look, not one a pixel).
    public func styleDump(theme: Theme) -> String {
        func anyPicture(_ color: PaletteColor) -> PaletteColor { if case .rgb = color { .rgb(RGB(0, 0, 0)) } else { color } }
        let plainLook = ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: [])
        return codedDump(title: "theme: \(theme.name)", plain: plainLook, key: { style in
            var look = theme.resolve(style)
            look.foreground = anyPicture(look.foreground)
            look.background = anyPicture(look.background)
            return look
        }, describe: { "\($0)".replacing("#000000", with: "rgb") })
    }

    /// The frame's styles as the views name them: one code a distinct `Style` (foreground role, background
    /// role, attributes), listed above the rows. Independent of any palette, so a theme's colours can change
    /// without rewriting a snapshot; `styleDump(theme:)` shows what a theme makes of them. A picture's colours
    /// all read `rgb`, so that a picture takes one or two codes rather than one a pixel.
    public func roleDump() -> String {
        let anyPicture = RGB(0, 0, 0)
        return codedDump(title: "roles", plain: Style(.plain), key: { style in
            var key = style
            key.foregroundRGB = style.foregroundRGB.map { _ in anyPicture }
            key.backgroundRGB = style.backgroundRGB.map { _ in anyPicture }
            return key
        }) { style in
            var text = style.foregroundRGB == nil ? style.foreground.rawValue : "rgb"
            if style.backgroundRGB != nil { text += " on rgb" } else if let background = style.background { text += " on \(background.rawValue)" }
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
    /// A picture's colours are 24-bit with `trueColor` (a terminal that says `COLORTERM=truecolor`), else the
    /// nearest of the 256.
    public func ansiText(theme: Theme, trueColor: Bool = false) -> String {
        var out = ""
        for row in 0..<height {
            var current: ResolvedStyle?
            var line = ""
            for column in 0..<width {
                let cell = self[column, row]
                let look = theme.resolve(cell.style)
                if look != current {
                    line += Self.sgr(look, trueColor: trueColor)
                    current = look
                }
                if cell.character != Cell.wideTail { line.append(cell.character) }
            }
            out += line + "\u{1B}[0m\n"
        }
        return out
    }

    static func sgr(_ look: ResolvedStyle, trueColor: Bool) -> String {
        var codes = ["0"]
        if look.attributes.contains(.bold) { codes.append("1") }
        if look.attributes.contains(.dim) { codes.append("2") }
        if look.attributes.contains(.underline) { codes.append("4") }
        if look.attributes.contains(.reverse) { codes.append("7") }
        for (color, layer) in [(look.foreground, 3), (look.background, 4)] {
            switch color {
            case .terminalDefault: break
            case .indexed(let i): codes.append(i < 8 ? "\(layer)\(i)" : "\(layer)8;5;\(i)")
            case .rgb(let c) where trueColor: codes.append("\(layer)8;2;\(c.red);\(c.green);\(c.blue)")
            case .rgb(let c): codes.append("\(layer)8;5;\(c.nearestPaletteIndex)")
            }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
