/// A function of two variables as contour bands: for every half-cell pixel of an area (row-major, two pixel
/// rows a cell row) the band its value falls in, 0 (lowest) to `count − 1`. Drawn as `▀` half blocks in a
/// grey ramp, dark for low; or, for themes without background shades, as contour lines: the band's digit
/// (dim) in each cell whose band differs from a neighbour's, the rest left blank, so that marks drawn on top
/// stay legible.
public struct ContourBands: Sendable {
    public var bands: [Int]
    public var count: Int
    public init(bands: [Int], count: Int) { self.bands = bands; self.count = max(1, count) }

    /// The grey level (0–5) of a band: spread over the ramp, distinct for up to six bands.
    public func level(_ band: Int) -> Int { count == 1 ? 0 : Int((Double(band) * 5 / Double(count - 1)).rounded()) }

    public func render(into frame: inout Frame, area: Rect, shades: Bool, glyphs: Glyphs) {
        let width = area.width, pixelRows = area.height * 2
        guard width > 0, bands.count == width * pixelRows else { return }
        func band(_ column: Int, _ pixelRow: Int) -> Int? {
            column >= 0 && column < width && pixelRow >= 0 && pixelRow < pixelRows ? bands[pixelRow * width + column] : nil
        }
        for row in 0..<area.height {
            for column in 0..<width {
                let upper = band(column, 2 * row)!, lower = band(column, 2 * row + 1)!
                let cell: Cell
                if shades {
                    cell = glyphs.unicode ? Cell("▀", style: Style(.grey(level(upper)), background: .grey(level(lower))))
                        : Cell(" ", style: Style(.plain, background: .grey(level(upper))))
                } else {
                    let neighbours = [band(column - 1, 2 * row), band(column + 1, 2 * row), band(column, 2 * row - 2), lower,
                                      band(column, 2 * row + 2)].compactMap { $0 }
                    let edge = neighbours.contains { $0 != upper }
                    cell = Cell(edge ? Character(String(upper % 10)) : " ", style: Style(.dim))
                }
                frame[area.x + column, area.y + row] = cell
            }
        }
    }
}
