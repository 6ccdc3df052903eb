/// Decision regions as pixels: for every half-cell pixel of an area (row-major, two pixel rows a cell row)
/// a class and a confidence level (0–2), drawn as `▀` half blocks in the classes' region colours, or as one
/// texture glyph a cell by class for themes without background shades.
public struct RegionMap: Sendable {
    public var pixels: [(cls: Int, level: Int)]
    public var asGlyphs: Bool
    public init(pixels: [(cls: Int, level: Int)], asGlyphs: Bool) { self.pixels = pixels; self.asGlyphs = asGlyphs }

    public func render(into frame: inout Frame, area: Rect, glyphs: Glyphs) {
        let width = area.width
        guard pixels.count == width * area.height * 2 else { return }
        for row in 0..<area.height {
            for column in 0..<width {
                let upper = pixels[(2 * row) * width + column], lower = pixels[(2 * row + 1) * width + column]
                if asGlyphs {
                    let texture: [Character] = glyphs.unicode ? [" ", "·", ":", "+"] : [" ", ".", ":", "+"]
                    let mark = upper.level == 0 ? " " : texture[min(3, max(0, upper.cls))]
                    frame[area.x + column, area.y + row] = Cell(mark, style: Style(.dim))
                } else {
                    let top = ColorRole.region(class: upper.cls, level: upper.level)
                    let bottom = ColorRole.region(class: lower.cls, level: lower.level)
                    frame[area.x + column, area.y + row] = glyphs.unicode
                        ? Cell("▀", style: Style(top, background: bottom))
                        : Cell(" ", style: Style(.plain, background: top))
                }
            }
        }
    }
}
