/// A colour picture (an RGB image, a 3-channel kernel): one column a pixel, two rows a cell (`▀`, the upper
/// pixel in front, the lower behind), in the pixels' own colours; without Unicode one row a cell (the upper
/// pixel as the background); for themes without background shades (8 colours, monochrome), a glyph of the
/// upper pixel's lightness from the grey ramp of `MatrixHeatmap`, in its colour where the theme has colour.
public struct ColourPicture: Sendable, Hashable {
    public var rows: Int, columns: Int
    /// Row after row.
    public var pixels: [RGB]

    public init(rows: Int, columns: Int, pixels: [RGB]) {
        precondition(pixels.count == rows * columns, "pixels do not fit the picture")
        self.rows = rows; self.columns = columns; self.pixels = pixels
    }

    /// Three planes of `rows × columns` values (red, green, blue, each row after row) from 0 to 1.
    public init(rows: Int, columns: Int, planes values: [Double]) {
        let n = rows * columns
        precondition(values.count == 3 * n, "values are not three planes of the picture")
        self.init(rows: rows, columns: columns,
                  pixels: (0..<n).map { RGB(unitRed: values[$0], green: values[n + $0], blue: values[2 * n + $0]) })
    }

    /// Cells the picture takes: its width, and half its rows (rounded up).
    public var size: Size { Size(width: columns, height: (rows + 1) / 2) }

    public func render(into frame: inout Frame, at origin: (column: Int, row: Int), shades: Bool, glyphs: Glyphs) {
        for cellRow in 0..<((rows + 1) / 2) {
            for c in 0..<columns {
                let upper = pixels[2 * cellRow * columns + c]
                let lower = 2 * cellRow + 1 < rows ? pixels[(2 * cellRow + 1) * columns + c] : nil
                let cell: Cell
                if !shades {
                    let ramp = MatrixHeatmap.greyRamp
                    cell = Cell(ramp[Int((upper.lightness * Double(ramp.count - 1)).rounded())], style: .picture(upper))
                } else if glyphs.unicode {
                    cell = Cell("▀", style: .picture(upper, on: lower))
                } else {
                    cell = Cell(" ", style: .picture(nil, on: upper))
                }
                frame[origin.column + c, origin.row + cellRow] = cell
            }
        }
    }

    /// Each pixel repeated `factor` times across and down (small pictures stay visible).
    public func zoomed(_ factor: Int) -> ColourPicture {
        guard factor > 1 else { return self }
        let big = (0..<(rows * factor * columns * factor)).map { i in
            pixels[(i / (columns * factor) / factor) * columns + (i % (columns * factor)) / factor]
        }
        return ColourPicture(rows: rows * factor, columns: columns * factor, pixels: big)
    }
}
