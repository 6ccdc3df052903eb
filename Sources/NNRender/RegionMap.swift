/// Decision regions as pixels: for every half-cell pixel of an area (row-major, two pixel rows a cell row)
/// a class and a confidence level (0–2), drawn as `▀` half blocks in the classes' region colours, or, for
/// themes without background shades (8 colours, monochrome, plain text), as a texture glyph a cell: each
/// class its own mark (`texture(class:)`, for legends too), in every other cell when confident (level 2),
/// every fourth when less so (level 1), none where the network is unsure (level 0).
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
                    // Every other cell when confident, every fourth when less so: light enough for points to stand out.
                    // (The sparser pattern is half of the denser one, so where levels meet no two marks touch.)
                    let checker = (row + column) % 2 == 0
                    let shown = upper.level >= 2 ? checker : upper.level == 1 && checker && (column - row % 2) % 4 == 0
                    let mark = shown ? Self.texture(class: upper.cls, glyphs: glyphs) : " "
                    frame[area.x + column, area.y + row] = Cell(mark, style: Style(ColorRole.region(class: upper.cls, level: upper.level)))
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

    /// The mark that fills class `c`'s region where there are no background shades: small and light, and
    /// unlike the points' shapes (● ▲ ■ ◆, O X # @).
    public static func texture(class c: Int, glyphs: Glyphs) -> Character {
        let marks: [Character] = [glyphs.unicode ? "·" : ".", "+", "~", "="]
        return marks[min(3, max(0, c))]
    }
}
