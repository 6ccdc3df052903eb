/// Mapping palette indices a terminal does not have to ones it has.
///
/// Themes speak the xterm 256-colour palette; `TERM=xterm` (or the Linux console) has only the eight basic colours.
/// "Nearest" is taken by hue for coloured entries and by lightness for greys, not by plain RGB distance: with RGB
/// distance the pastel entries themes like (114 light green, 117 light blue, 229 light yellow) all land on white
/// (basic 7, RGB 229,229,229) and "good" would look like plain text. Hue keeps green green and red red.
enum ColorDowngrade {
    /// The basic colours in hue order, 60° apart starting at red: red, yellow, green, cyan, blue, magenta.
    private static let basicByHue: [Int32] = [1, 3, 2, 6, 4, 5]

    /// The RGB of an xterm-256 palette entry (xterm's defaults for 0–15, the 6×6×6 cube, the 24 greys).
    static func rgb(_ index: UInt8) -> (red: Int, green: Int, blue: Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
            (255, 255, 255),
        ]
        switch index {
        case 0..<16:
            return basic[Int(index)]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let i = Int(index) - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let grey = 8 + 10 * (Int(index) - 232)
            return (grey, grey, grey)
        }
    }

    /// The nearest of the basic colours 0–7 to an RGB colour: greys (saturation below 25 %) go to black when
    /// dark (brightest channel below 80) and to white (7) otherwise; coloured ones to the basic colour nearest in hue.
    static func nearestBasic(red: Int, green: Int, blue: Int) -> Int32 {
        let maxC = max(red, green, blue), minC = min(red, green, blue)
        let chroma = maxC - minC
        if maxC == 0 || Double(chroma) / Double(maxC) < 0.25 {
            return maxC < 80 ? 0 : 7
        }
        let c = Double(chroma)
        var hue: Double   // in sixths of a turn, 0..<6
        if maxC == red {
            hue = Double(green - blue) / c
            if hue < 0 { hue += 6 }
        } else if maxC == green {
            hue = Double(blue - red) / c + 2
        } else {
            hue = Double(red - green) / c + 4
        }
        return basicByHue[Int(hue.rounded()) % 6]
    }

    /// The colour number to hand ncurses for a palette index on a terminal with `colors` colours:
    /// the index itself when the terminal has it, else the nearest basic colour (when it has the basic eight),
    /// else −1, the terminal's default colour. Never returns an index ≥ `colors`.
    static func colorNumber(_ index: UInt8, colors: Int) -> Int32 {
        if Int(index) < colors { return Int32(index) }
        guard colors >= 8 else { return -1 }
        let (r, g, b) = rgb(index)
        return nearestBasic(red: r, green: g, blue: b)
    }
}
