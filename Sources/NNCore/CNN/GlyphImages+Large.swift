/// The glyph digits at LeNet-5's input size, 32×32: the same 5×7 font drawn with more of a hand's variety
/// (each digit's size, place, stroke width and slant drawn with the seed), then noise.
extension GlyphImages {
    public static let largeSide = 32

    /// How one digit is drawn: each font pixel becomes a `cellWidth × cellHeight` block, `bold` pixels wider
    /// to the right; the font's top-left corner at (`left`, `top`); each row shifted right by
    /// `slant × (rows above the glyph's middle row)`, rounded (a forward slant when positive).
    public struct Placement: Sendable, Equatable {
        public var left: Int, top: Int, cellWidth: Int, cellHeight: Int, bold: Int, slant: Double

        public init(left: Int, top: Int, cellWidth: Int, cellHeight: Int, bold: Int, slant: Double) {
            self.left = left; self.top = top; self.cellWidth = cellWidth; self.cellHeight = cellHeight
            self.bold = bold; self.slant = slant
        }
    }

    /// `perClass` 32×32 digits of each class 0–9, in a seeded shuffled order.
    public static func largeDigits(perClass: Int, seed: UInt64) -> [LabeledImage] {
        var rng = SplitMix64(seed: seed)
        var images: [LabeledImage] = []
        images.reserveCapacity(perClass * 10)
        for _ in 0..<perClass {
            for digit in 0..<10 {
                let ink = drawLargeDigit(digit, placement: randomPlacement(&rng), side: largeSide)
                images.append(LabeledImage(image: noisy(ink, side: largeSide, &rng, sigma: 0.15), label: digit))
            }
        }
        return shuffled(images, &rng)
    }

    /// Cells of 3 or 4 pixels each way (a glyph 15–20 wide, 21–28 tall), slant up to ±0.35 pixel a row, one
    /// pixel bolder half the time, anywhere the upright glyph fits.
    static func randomPlacement(_ rng: inout SplitMix64) -> Placement {
        let cellWidth = 3 + rng.index(below: 2), cellHeight = 3 + rng.index(below: 2), bold = rng.index(below: 2)
        let slant = rng.uniform(-0.35, 0.35)
        let width = 5 * cellWidth + bold, height = 7 * cellHeight
        // Room for the slant's widest shift, so the glyph stays inside the frame.
        let shift = Int((abs(slant) * Double(height) / 2).rounded(.up))
        let left = shift + rng.index(below: largeSide - width - 2 * shift + 1)
        let top = rng.index(below: largeSide - height + 1)
        return Placement(left: left, top: top, cellWidth: cellWidth, cellHeight: cellHeight, bold: bold, slant: slant)
    }

    /// The digit's ink (1) on black (0), `side × side`, clipped to the frame.
    public static func drawLargeDigit(_ digit: Int, placement p: Placement, side: Int) -> [Double] {
        var pixels = [Double](repeating: 0, count: side * side)
        let middle = Double(p.top) + Double(7 * p.cellHeight) / 2
        for (r, row) in font[digit].enumerated() {
            for (c, bit) in row.enumerated() where bit == "1" {
                for y in (p.top + r * p.cellHeight)..<(p.top + (r + 1) * p.cellHeight) where y >= 0 && y < side {
                    let shift = Int((p.slant * (middle - Double(y) - 0.5)).rounded())
                    let start = p.left + c * p.cellWidth + shift
                    for x in start..<(start + p.cellWidth + p.bold) where x >= 0 && x < side { pixels[y * side + x] = 1 }
                }
            }
        }
        return pixels
    }
}
