/// A colour as a sink draws it: the terminal's default, an index into the 256-colour palette (0–7 are the
/// eight basic colours, 8–15 their bright forms), or a picture's colour (24-bit where the sink can, else
/// the nearest of the palette).
public enum PaletteColor: Sendable, Hashable, CustomStringConvertible {
    case terminalDefault
    case indexed(UInt8)
    case rgb(RGB)
    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .indexed(let i): String(i)
        case .rgb(let c): c.description
        }
    }
}

/// What a cell looks like after a theme resolved its roles.
public struct ResolvedStyle: Sendable, Hashable, CustomStringConvertible {
    public var foreground: PaletteColor
    public var background: PaletteColor
    public var attributes: Attributes
    public var description: String {
        var parts = ["fg=\(foreground)", "bg=\(background)"]
        if attributes.contains(.bold) { parts.append("bold") }
        if attributes.contains(.dim) { parts.append("dim") }
        if attributes.contains(.reverse) { parts.append("reverse") }
        if attributes.contains(.underline) { parts.append("underline") }
        return parts.joined(separator: " ")
    }
}

/// Maps colour roles to a palette. Every theme keeps classes apart by glyph too, so none relies on colour alone.
public struct Theme: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable { case standard, highContrast = "high-contrast", light, eightColor = "8-color", monochrome }
    public let kind: Kind
    public var name: String { kind.rawValue }
    public var usesColor: Bool { kind != .monochrome }
    /// Whether a background colour can shade an area visibly. Eight colours have no colour light enough to
    /// sit behind points on a dark terminal, and monochrome has none: views draw a dot texture instead.
    public var shadesWithBackground: Bool { kind == .standard || kind == .highContrast || kind == .light }
    public init(_ kind: Kind) { self.kind = kind }
    public static let standard = Theme(.standard)
    public static let highContrast = Theme(.highContrast)
    public static let light = Theme(.light)
    public static let eightColor = Theme(.eightColor)
    public static let monochrome = Theme(.monochrome)

    /// Resolves roles to palette colours. A foreground role that carries its own background (keys, selection,
    /// cursor) brings it along unless the style names a background role.
    public func resolve(_ style: Style) -> ResolvedStyle {
        let fg = entry(for: style.foreground)
        let bg = style.background.map(entry(for:))
        var attributes = style.attributes.union(fg.attributes)
        guard usesColor else {
            if bg?.attributes.contains(.reverse) == true { attributes.insert(.reverse) }
            return ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: attributes)
        }
        let background = bg.map { $0.background ?? $0.foreground } ?? fg.background ?? .terminalDefault
        return ResolvedStyle(foreground: style.foregroundRGB.map(direct) ?? fg.foreground,
                             background: style.backgroundRGB.map(direct) ?? background, attributes: attributes)
    }

    /// A picture's colour: itself, or the nearest basic colour where the theme has only eight.
    private func direct(_ color: RGB) -> PaletteColor { kind == .eightColor ? .indexed(color.nearestBasic) : .rgb(color) }

    private struct Entry {
        var foreground: PaletteColor
        var background: PaletteColor?
        var attributes: Attributes
        init(_ fg: PaletteColor, bg: PaletteColor? = nil, _ attributes: Attributes = []) {
            foreground = fg; background = bg; self.attributes = attributes
        }
    }

    private func entry(for role: ColorRole) -> Entry {
        switch kind {
        case .standard: Self.standardEntry(role)
        case .highContrast: Self.highContrastEntry(role)
        case .light: Self.lightEntry(role)
        case .eightColor: Self.eightColorEntry(role)
        case .monochrome: Self.monochromeEntry(role)
        }
    }

    // Blue (33) vs orange (208): the pair most colour-blind viewers still tell apart.
    private static func standardEntry(_ role: ColorRole) -> Entry {
        switch role {
        case .plain, .label: Entry(.terminalDefault)
        case .title: Entry(.indexed(255), [.bold])
        case .border: Entry(.indexed(244))
        case .panelTitle: Entry(.indexed(117), [.bold])
        case .axis: Entry(.indexed(245))
        case .emphasis: Entry(.indexed(229), [.bold])
        case .dim: Entry(.indexed(242))
        case .classA: Entry(.indexed(33), [.bold])
        case .classB: Entry(.indexed(208), [.bold])
        case .visited: Entry(.indexed(226), [.bold])
        case .cursor: Entry(.indexed(231), bg: .indexed(240), [.bold])
        case .hyperplane: Entry(.indexed(231), [.bold])
        case .ghost: Entry(.indexed(240))
        case .positiveSide: Entry(.indexed(237), bg: .indexed(236))
        case .pointHalo: Entry(.indexed(16), bg: .indexed(16))
        case .good: Entry(.indexed(114), [.bold])
        case .bad: Entry(.indexed(203), [.bold])
        case .warning: Entry(.indexed(221), [.bold])
        case .hintKey: Entry(.indexed(16), bg: .indexed(117), [.bold])
        case .hintLabel: Entry(.indexed(252))
        case .hintDisabled: Entry(.indexed(240))
        case .playing: Entry(.indexed(114), [.bold])
        case .paused: Entry(.indexed(221), [.bold])
        case .selection: Entry(.indexed(16), bg: .indexed(117), [.bold])
        case .overlay: Entry(.indexed(255), bg: .indexed(235))
        case .classC: Entry(.indexed(78), [.bold])
        case .classD: Entry(.indexed(170), [.bold])
        case .positiveWeight: Entry(.indexed(39))
        case .negativeWeight: Entry(.indexed(209))
        case .trainingCurve: Entry(.indexed(117))
        case .validationCurve: Entry(.indexed(215))
        case .marker: Entry(.indexed(226), [.bold])
        // Dark, low-saturation shades so that bright points stay readable on top.
        case .regionA1: Entry(.indexed(236), bg: .indexed(236))
        case .regionA2: Entry(.indexed(17), bg: .indexed(17))
        case .regionA3: Entry(.indexed(18), bg: .indexed(18))
        case .regionB1: Entry(.indexed(236), bg: .indexed(236))
        case .regionB2: Entry(.indexed(94), bg: .indexed(94))      // brown, then dark orange: no red band
        case .regionB3: Entry(.indexed(130), bg: .indexed(130))
        case .regionC1: Entry(.indexed(236), bg: .indexed(236))
        case .regionC2: Entry(.indexed(22), bg: .indexed(22))
        case .regionC3: Entry(.indexed(28), bg: .indexed(28))
        case .regionD1: Entry(.indexed(236), bg: .indexed(236))
        case .regionD2: Entry(.indexed(53), bg: .indexed(53))
        case .regionD3: Entry(.indexed(90), bg: .indexed(90))
        case .grey0: Entry(.indexed(232), bg: .indexed(232))
        case .grey1: Entry(.indexed(236), bg: .indexed(236))
        case .grey2: Entry(.indexed(240), bg: .indexed(240))
        case .grey3: Entry(.indexed(245), bg: .indexed(245))
        case .grey4: Entry(.indexed(250), bg: .indexed(250))
        case .grey5: Entry(.indexed(255), bg: .indexed(255))
        case .heatNegative3: Entry(.indexed(208), bg: .indexed(208))
        case .heatNegative2: Entry(.indexed(166), bg: .indexed(166))
        case .heatNegative1: Entry(.indexed(94), bg: .indexed(94))
        case .heatZero: Entry(.indexed(236), bg: .indexed(236))
        case .heatPositive1: Entry(.indexed(24), bg: .indexed(24))
        case .heatPositive2: Entry(.indexed(31), bg: .indexed(31))
        case .heatPositive3: Entry(.indexed(39), bg: .indexed(39))
        }
    }

    // For projectors: saturated colours, bold everywhere, no subtle greys.
    private static func highContrastEntry(_ role: ColorRole) -> Entry {
        switch role {
        case .plain, .label: Entry(.indexed(231), [.bold])
        case .title, .emphasis: Entry(.indexed(231), [.bold, .underline])
        case .border, .axis: Entry(.indexed(231))
        case .panelTitle: Entry(.indexed(51), [.bold])
        case .dim, .ghost, .hintDisabled: Entry(.indexed(248))
        case .classA: Entry(.indexed(39), [.bold])
        case .classB: Entry(.indexed(214), [.bold])
        case .visited: Entry(.indexed(226), [.bold])
        case .cursor: Entry(.indexed(16), bg: .indexed(226), [.bold])
        case .hyperplane: Entry(.indexed(226), [.bold])
        case .positiveSide: Entry(.indexed(238), bg: .indexed(238))
        case .pointHalo: Entry(.indexed(16), bg: .indexed(16))
        case .good: Entry(.indexed(46), [.bold])
        case .bad: Entry(.indexed(196), [.bold])
        case .warning: Entry(.indexed(226), [.bold])
        case .hintKey, .selection: Entry(.indexed(16), bg: .indexed(231), [.bold])
        case .hintLabel: Entry(.indexed(231), [.bold])
        case .playing: Entry(.indexed(46), [.bold])
        case .paused: Entry(.indexed(226), [.bold])
        case .overlay: Entry(.indexed(231), bg: .indexed(16))
        case .classC: Entry(.indexed(46), [.bold])
        case .classD: Entry(.indexed(201), [.bold])
        case .positiveWeight: Entry(.indexed(39), [.bold])
        case .negativeWeight: Entry(.indexed(208), [.bold])
        case .trainingCurve: Entry(.indexed(51), [.bold])
        case .validationCurve: Entry(.indexed(214), [.bold])
        case .marker: Entry(.indexed(226), [.bold])
        case .regionA1, .regionB1, .regionC1, .regionD1: Entry(.indexed(237), bg: .indexed(237))
        case .regionA2: Entry(.indexed(18), bg: .indexed(18))
        case .regionA3: Entry(.indexed(19), bg: .indexed(19))
        case .regionB2: Entry(.indexed(88), bg: .indexed(88))
        case .regionB3: Entry(.indexed(130), bg: .indexed(130))
        case .regionC2: Entry(.indexed(22), bg: .indexed(22))
        case .regionC3: Entry(.indexed(28), bg: .indexed(28))
        case .regionD2: Entry(.indexed(54), bg: .indexed(54))
        case .regionD3: Entry(.indexed(91), bg: .indexed(91))
        case .grey0: Entry(.indexed(16), bg: .indexed(16))
        case .grey1: Entry(.indexed(238), bg: .indexed(238))
        case .grey2: Entry(.indexed(243), bg: .indexed(243))
        case .grey3: Entry(.indexed(248), bg: .indexed(248))
        case .grey4: Entry(.indexed(252), bg: .indexed(252))
        case .grey5: Entry(.indexed(231), bg: .indexed(231))
        case .heatNegative3: Entry(.indexed(214), bg: .indexed(214))
        case .heatNegative2: Entry(.indexed(202), bg: .indexed(202))
        case .heatNegative1: Entry(.indexed(130), bg: .indexed(130))
        case .heatZero: Entry(.indexed(16), bg: .indexed(16))
        case .heatPositive1: Entry(.indexed(25), bg: .indexed(25))
        case .heatPositive2: Entry(.indexed(33), bg: .indexed(33))
        case .heatPositive3: Entry(.indexed(51), bg: .indexed(51))
        }
    }

    // For terminals (and projectors) with a light background: dark ink, pale shading.
    private static func lightEntry(_ role: ColorRole) -> Entry {
        switch role {
        case .plain, .label: Entry(.terminalDefault)
        case .title: Entry(.indexed(16), [.bold])
        case .border: Entry(.indexed(244))
        case .panelTitle: Entry(.indexed(25), [.bold])
        case .axis: Entry(.indexed(243))
        case .emphasis: Entry(.indexed(18), [.bold])
        case .dim, .ghost, .hintDisabled: Entry(.indexed(246))
        case .classA: Entry(.indexed(26), [.bold])
        case .classB: Entry(.indexed(166), [.bold])
        case .classC: Entry(.indexed(28), [.bold])
        case .classD: Entry(.indexed(127), [.bold])
        case .visited: Entry(.indexed(94), bg: .indexed(229), [.bold])
        case .cursor: Entry(.indexed(16), bg: .indexed(250), [.bold])
        case .hyperplane: Entry(.indexed(16), [.bold])
        case .positiveSide: Entry(.indexed(254), bg: .indexed(254))
        case .pointHalo: Entry(.indexed(231), bg: .indexed(231))
        case .good: Entry(.indexed(28), [.bold])
        case .bad: Entry(.indexed(160), [.bold])
        case .warning: Entry(.indexed(130), [.bold])
        case .hintKey, .selection: Entry(.indexed(231), bg: .indexed(25), [.bold])
        case .hintLabel: Entry(.indexed(238))
        case .playing: Entry(.indexed(28), [.bold])
        case .paused: Entry(.indexed(130), [.bold])
        case .overlay: Entry(.indexed(16), bg: .indexed(254))
        case .positiveWeight, .trainingCurve: Entry(.indexed(25))
        case .negativeWeight, .validationCurve: Entry(.indexed(166))
        case .marker: Entry(.indexed(127), [.bold])
        case .regionA1, .regionB1, .regionC1, .regionD1: Entry(.indexed(255), bg: .indexed(255))
        case .regionA2: Entry(.indexed(189), bg: .indexed(189))
        case .regionA3: Entry(.indexed(153), bg: .indexed(153))
        case .regionB2: Entry(.indexed(224), bg: .indexed(224))
        case .regionB3: Entry(.indexed(223), bg: .indexed(223))
        case .regionC2: Entry(.indexed(194), bg: .indexed(194))
        case .regionC3: Entry(.indexed(157), bg: .indexed(157))
        case .regionD2: Entry(.indexed(225), bg: .indexed(225))
        case .regionD3: Entry(.indexed(219), bg: .indexed(219))
        case .grey0: Entry(.indexed(255), bg: .indexed(255))
        case .grey1: Entry(.indexed(251), bg: .indexed(251))
        case .grey2: Entry(.indexed(247), bg: .indexed(247))
        case .grey3: Entry(.indexed(243), bg: .indexed(243))
        case .grey4: Entry(.indexed(238), bg: .indexed(238))
        case .grey5: Entry(.indexed(233), bg: .indexed(233))
        case .heatNegative3: Entry(.indexed(166), bg: .indexed(166))
        case .heatNegative2: Entry(.indexed(215), bg: .indexed(215))
        case .heatNegative1: Entry(.indexed(223), bg: .indexed(223))
        case .heatZero: Entry(.indexed(255), bg: .indexed(255))
        case .heatPositive1: Entry(.indexed(153), bg: .indexed(153))
        case .heatPositive2: Entry(.indexed(74), bg: .indexed(74))
        case .heatPositive3: Entry(.indexed(25), bg: .indexed(25))
        }
    }

    private static func eightColorEntry(_ role: ColorRole) -> Entry {
        switch role {
        case .plain, .label: Entry(.terminalDefault)
        case .title, .emphasis: Entry(.indexed(7), [.bold])
        case .border, .axis: Entry(.indexed(7))
        case .panelTitle: Entry(.indexed(6), [.bold])
        case .dim, .ghost, .hintDisabled: Entry(.indexed(7), [.dim])
        case .classA: Entry(.indexed(4), [.bold])
        case .classB: Entry(.indexed(3), [.bold])
        case .visited: Entry(.indexed(6), [.bold])   // cyan: blue and yellow points both read on it
        case .cursor: Entry(.indexed(0), bg: .indexed(7))
        case .hyperplane: Entry(.indexed(7), [.bold])
        case .positiveSide: Entry(.indexed(7), [.dim])
        case .pointHalo: Entry(.terminalDefault)
        case .good: Entry(.indexed(2), [.bold])
        case .bad: Entry(.indexed(1), [.bold])
        case .warning: Entry(.indexed(3), [.bold])
        case .hintKey, .selection: Entry(.indexed(0), bg: .indexed(6))
        case .hintLabel: Entry(.indexed(7))
        case .playing: Entry(.indexed(2), [.bold])
        case .paused: Entry(.indexed(3), [.bold])
        case .overlay: Entry(.indexed(7), bg: .indexed(4))
        case .classC: Entry(.indexed(2), [.bold])
        case .classD: Entry(.indexed(5), [.bold])
        case .positiveWeight: Entry(.indexed(4), [.bold])
        case .negativeWeight: Entry(.indexed(3), [.bold])
        case .trainingCurve: Entry(.indexed(6))
        case .validationCurve: Entry(.indexed(3))
        case .marker: Entry(.indexed(5), [.bold])
        // Eight colours have no dark shades: regions use glyphs (see shadesWithBackground).
        case .regionA1, .regionA2, .regionA3: Entry(.indexed(4), [.dim])
        case .regionB1, .regionB2, .regionB3: Entry(.indexed(3), [.dim])
        case .regionC1, .regionC2, .regionC3: Entry(.indexed(2), [.dim])
        case .regionD1, .regionD2, .regionD3: Entry(.indexed(5), [.dim])
        // Heatmaps use glyphs here too (see shadesWithBackground); the sign shows in the glyph's colour.
        case .grey0, .grey1, .grey2, .grey3, .grey4, .grey5, .heatZero: Entry(.indexed(7))
        case .heatNegative1, .heatNegative2, .heatNegative3: Entry(.indexed(3))
        case .heatPositive1, .heatPositive2, .heatPositive3: Entry(.indexed(4))
        }
    }

    // No colour at all: attributes carry the meaning, glyphs carry the classes.
    private static func monochromeEntry(_ role: ColorRole) -> Entry {
        switch role {
        case .title, .emphasis, .panelTitle, .classB, .classD, .hyperplane, .good, .bad, .warning, .playing, .paused,
             .positiveWeight, .marker, .validationCurve:
            Entry(.terminalDefault, [.bold])
        case .dim, .ghost, .hintDisabled, .border, .axis, .negativeWeight,
             .regionA1, .regionA2, .regionA3, .regionB1, .regionB2, .regionB3,
             .regionC1, .regionC2, .regionC3, .regionD1, .regionD2, .regionD3: Entry(.terminalDefault, [.dim])
        case .visited: Entry(.terminalDefault, [.bold, .underline])
        case .cursor, .hintKey, .selection: Entry(.terminalDefault, [.reverse])
        default: Entry(.terminalDefault)
        }
    }
}
