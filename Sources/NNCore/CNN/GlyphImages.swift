/// Generated 16×16 images, deterministic by seed: handwritten-looking digits drawn from a small built-in
/// font (shifted, thin or bold strokes, noise), and simple shapes (bars, edges, crosses, squares) that show
/// what edge kernels respond to. Pixel values are 0 (dark) to 1 (bright).
public enum GlyphImages {
    public static let side = 16

    /// The digits 0–9 of a 5×7 font, one string a row.
    static let font: [[String]] = [
        ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
        ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
        ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
        ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
        ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
        ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
        ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
        ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
        ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
        ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
    ]

    /// The shapes' classes, in label order.
    public static let shapeNames = ["vertical bar", "horizontal bar", "vertical edge", "cross", "square"]

    /// `perClass` digits of each class 0–9, in a seeded shuffled order.
    public static func digits(perClass: Int = 100, seed: UInt64) -> [LabeledImage] {
        var rng = SplitMix64(seed: seed)
        var images: [LabeledImage] = []
        for _ in 0..<perClass {
            for digit in 0..<10 { images.append(LabeledImage(image: drawDigit(digit, &rng), label: digit)) }
        }
        return shuffled(images, &rng)
    }

    /// `perClass` shapes of each of `shapeNames`, in a seeded shuffled order.
    public static func shapes(perClass: Int = 100, seed: UInt64) -> [LabeledImage] {
        var rng = SplitMix64(seed: seed)
        var images: [LabeledImage] = []
        for _ in 0..<perClass {
            for shape in shapeNames.indices { images.append(LabeledImage(image: drawShape(shape, &rng), label: shape)) }
        }
        return shuffled(images, &rng)
    }

    /// The font's digit at twice its size (10×14), shifted anywhere it fits, one pixel bolder half the time,
    /// each font row wobbling a pixel left or right now and then (a hand is not a printer), with Gaussian
    /// noise (σ 0.15), clipped to 0…1.
    static func drawDigit(_ digit: Int, _ rng: inout SplitMix64) -> Tensor {
        var pixels = [Double](repeating: 0, count: side * side)
        let left = Int(rng.next() % UInt64(side - 10 + 1)), top = Int(rng.next() % UInt64(side - 14 + 1))
        let bold = rng.nextUnit() < 0.5
        for (r, row) in font[digit].enumerated() {
            let wobble = rng.nextUnit() < 0.3 ? (rng.nextUnit() < 0.5 ? -1 : 1) : 0
            for (c, bit) in row.enumerated() where bit == "1" {
                for dy in 0..<2 {
                    for dx in 0..<(bold ? 3 : 2) {
                        let x = left + 2 * c + dx + wobble
                        if x >= 0, x < side { pixels[(top + 2 * r + dy) * side + x] = 1 }
                    }
                }
            }
        }
        return noisy(pixels, &rng, sigma: 0.15)
    }

    static func drawShape(_ shape: Int, _ rng: inout SplitMix64) -> Tensor {
        var pixels = [Double](repeating: 0, count: side * side)
        func set(_ y: Int, _ x: Int) { if y >= 0, y < side, x >= 0, x < side { pixels[y * side + x] = 1 } }
        let a = 3 + Int(rng.next() % 10), width = 2 + Int(rng.next() % 2)
        switch shape {
        case 0: for y in 0..<side { for x in a..<(a + width) { set(y, x) } }                  // vertical bar
        case 1: for x in 0..<side { for y in a..<(a + width) { set(y, x) } }                  // horizontal bar
        case 2: for y in 0..<side { for x in a..<side { set(y, x) } }                         // dark | bright
        case 3:                                                                                // cross
            let b = 3 + Int(rng.next() % 10)
            for i in 0..<side { for w in 0..<width { set(i, a + w); set(b + w, i) } }
        default:                                                                               // square outline
            let size = 6 + Int(rng.next() % 5), top = Int(rng.next() % UInt64(side - size + 1)), left = Int(rng.next() % UInt64(side - size + 1))
            for i in 0..<size { set(top, left + i); set(top + size - 1, left + i); set(top + i, left); set(top + i, left + size - 1) }
        }
        return noisy(pixels, &rng, sigma: 0.1)
    }

    static func noisy(_ pixels: [Double], side: Int = side, _ rng: inout SplitMix64, sigma: Double) -> Tensor {
        Tensor(channels: 1, height: side, width: side, values: pixels.map { min(1, max(0, $0 + sigma * rng.gaussian())) })
    }

    static func shuffled(_ images: [LabeledImage], _ rng: inout SplitMix64) -> [LabeledImage] {
        var order = Array(images.indices)
        rng.shuffle(&order)
        return order.map { images[$0] }
    }
}
