import NNRender

/// Mapping the colours a frame asks for to ones the terminal has.
///
/// Themes speak the xterm 256-colour palette and pictures speak RGB; `TERM=xterm` (or the Linux console) has
/// only the eight basic colours, which `RGB.nearestBasic` picks by hue. ncurses under TERM=xterm-256color
/// cannot send 24-bit colour, so a picture's pixel goes to the nearest of the 256.
enum ColorDowngrade {
    /// The colour number to hand ncurses for a palette index on a terminal with `colors` colours:
    /// the index itself when the terminal has it, else the nearest basic colour (when it has the basic eight),
    /// else −1, the terminal's default colour. Never returns an index ≥ `colors`.
    static func colorNumber(_ index: UInt8, colors: Int) -> Int32 {
        if Int(index) < colors { return Int32(index) }
        guard colors >= 8 else { return -1 }
        return Int32(RGB.palette(index).nearestBasic)
    }

    /// The colour number for a picture's pixel: the nearest of the 256 when the terminal has them, else the
    /// nearest basic colour, else −1.
    static func colorNumber(_ color: RGB, colors: Int) -> Int32 {
        if colors >= 256 { return Int32(color.nearestPaletteIndex) }
        guard colors >= 8 else { return -1 }
        return Int32(color.nearestBasic)
    }
}
