/// Semantic colour roles: views say what a cell *means*; a `Theme` decides how it looks.
public enum ColorRole: String, CaseIterable, Sendable, Hashable {
    case plain, title, border, panelTitle, axis, label, emphasis, dim
    case classA, classB          // class 0 and class 1 (colour-blind-safe pair in the default theme)
    case visited, cursor         // the sample being visited, the keyboard cursor
    case hyperplane, ghost       // the current decision line, the previous one
    case positiveSide            // light shading of the side where w·x ≥ 0
    case pointHalo               // the background of a data point's cell: a contrasting outline on any region
    case good, bad, warning      // converged / error / not converging
    case hintKey, hintLabel, hintDisabled
    case playing, paused
    case selection               // highlighted row in a list
    case overlay                 // help overlay background
    case classC, classD          // third and fourth classes (multi-class data)
    case positiveWeight, negativeWeight
    case trainingCurve, validationCurve, marker
    // Decision regions: a class's colour at three confidences (weak, medium, strong), as backgrounds.
    case regionA1, regionA2, regionA3, regionB1, regionB2, regionB3
    case regionC1, regionC2, regionC3, regionD1, regionD2, regionD3
    // Heatmaps (images, kernels, feature maps), as backgrounds: a grey ramp from low to high, and a
    // diverging scale from strongly negative (orange) through zero to strongly positive (blue).
    case grey0, grey1, grey2, grey3, grey4, grey5
    case heatNegative3, heatNegative2, heatNegative1, heatZero, heatPositive1, heatPositive2, heatPositive3

    /// Grey level 0 (lowest) to 5 (highest).
    public static func grey(_ level: Int) -> ColorRole { [.grey0, .grey1, .grey2, .grey3, .grey4, .grey5][min(5, max(0, level))] }

    /// Diverging level −3 (strongly negative) to 3 (strongly positive).
    public static func heat(_ level: Int) -> ColorRole {
        [.heatNegative3, .heatNegative2, .heatNegative1, .heatZero, .heatPositive1, .heatPositive2, .heatPositive3][min(6, max(0, level + 3))]
    }

    /// The region role of class `c` (0–3) at confidence `level` (0–2).
    public static func region(class c: Int, level: Int) -> ColorRole {
        let table: [[ColorRole]] = [[.regionA1, .regionA2, .regionA3], [.regionB1, .regionB2, .regionB3],
                                    [.regionC1, .regionC2, .regionC3], [.regionD1, .regionD2, .regionD3]]
        return table[min(3, max(0, c))][min(2, max(0, level))]
    }

    /// The point colour of class `c` (0–3).
    public static func forClass(_ c: Int) -> ColorRole { [.classA, .classB, .classC, .classD][min(3, max(0, c))] }
}

/// Text attributes independent of colour (what a monochrome terminal can still show).
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let reverse = Attributes(rawValue: 4)
    public static let underline = Attributes(rawValue: 8)
}

/// A cell's style as roles: foreground role, background role (nil = terminal default) and attributes; a
/// picture's cell names its colours directly instead (`foregroundRGB`, `backgroundRGB`, over the roles).
public struct Style: Sendable, Hashable {
    public var foreground: ColorRole
    public var background: ColorRole?
    public var attributes: Attributes
    public var foregroundRGB: RGB?
    public var backgroundRGB: RGB?

    public init(_ foreground: ColorRole = .plain, background: ColorRole? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// A picture's cell: `ink` in front, `paper` behind (nil = terminal default).
    public static func picture(_ ink: RGB?, on paper: RGB? = nil) -> Style {
        var style = Style()
        style.foregroundRGB = ink
        style.backgroundRGB = paper
        return style
    }
    public func with(background: ColorRole?) -> Style {
        var copy = self
        copy.background = background
        return copy
    }
    public func adding(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}

/// One terminal cell: a single-width character and its style.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style
    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }
    public static let blank = Cell()
    /// The second column of a wide character (日, 👩), which the terminal fills with it: nothing is drawn there.
    public static let wideTail: Character = "\u{10FFFD}"
}
