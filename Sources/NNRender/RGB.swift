/// A colour given directly rather than by role: a picture's pixel, 8 bits a channel.
public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8, green: UInt8, blue: UInt8
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red; self.green = green; self.blue = blue
    }

    /// Channels given from 0 to 1 (clamped), each rounded to the nearest of 0…255: a byte b read as b / 255
    /// comes back as b.
    public init(unitRed red: Double, green: Double, blue: Double) {
        func byte(_ v: Double) -> UInt8 { v.isNaN ? 0 : UInt8((min(1, max(0, v)) * 255).rounded()) }
        self.init(byte(red), byte(green), byte(blue))
    }

    public var description: String { "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    /// Lightness from 0 to 1 (Rec. 601 weights), for the glyph a picture's pixel gets without colour.
    public var lightness: Double { (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255 }

    /// The RGB of an xterm-256 palette entry (xterm's defaults for 0–15, the 6×6×6 cube, the 24 greys).
    public static func palette(_ index: UInt8) -> RGB {
        let basic: [RGB] = [
            RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205),
            RGB(229, 229, 229), RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0), RGB(92, 92, 255),
            RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
        ]
        switch index {
        case 0..<16:
            return basic[Int(index)]
        case 16..<232:
            let i = Int(index) - 16
            return RGB(cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return RGB(grey, grey, grey)
        }
    }

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The nearest xterm-256 entry by RGB distance among 16–255 (the cube and the greys: entries 0–15 are
    /// whatever the user's terminal makes of them); the lower index on a tie.
    public var nearestPaletteIndex: UInt8 {
        var best: UInt8 = 16, bestDistance = Int.max
        for index in UInt8(16)...UInt8(255) {
            let c = RGB.palette(index)
            let dr = Int(c.red) - Int(red), dg = Int(c.green) - Int(green), db = Int(c.blue) - Int(blue)
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance { best = index; bestDistance = distance }
        }
        return best
    }

    /// The nearest of the basic colours 0–7. "Nearest" is taken by hue for coloured ones and by lightness for
    /// greys, not by plain RGB distance: with RGB distance pastel entries (114 light green, 117 light blue,
    /// 229 light yellow) all land on white (basic 7) and "good" would look like plain text. Greys (saturation
    /// below 25 %) go to black when dark (brightest channel below 80) and to white (7) otherwise; coloured
    /// ones to the basic colour nearest in hue.
    public var nearestBasic: UInt8 {
        let r = Int(red), g = Int(green), b = Int(blue)
        let maxC = max(r, g, b), minC = min(r, g, b)
        let chroma = maxC - minC
        if maxC == 0 || Double(chroma) / Double(maxC) < 0.25 {
            return maxC < 80 ? 0 : 7
        }
        let c = Double(chroma)
        var hue: Double   // in sixths of a turn, 0..<6
        if maxC == r {
            hue = Double(g - b) / c
            if hue < 0 { hue += 6 }
        } else if maxC == g {
            hue = Double(b - r) / c + 2
        } else {
            hue = Double(r - g) / c + 4
        }
        // The basic colours in hue order, 60° apart starting at red: red, yellow, green, cyan, blue, magenta.
        return [1, 3, 2, 6, 4, 5][Int(hue.rounded()) % 6]
    }
}
