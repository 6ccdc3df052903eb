/// Generated 32×32 colour pictures of ten classes, deterministic by seed: five shapes, each in red and in
/// blue, on a dark background of a random colour. Neither the shape nor the colour alone tells the classes
/// apart (a red disc and a blue disc share a shape; a red disc and a red square a colour), and the
/// shapes' brightness varies as much as red's and blue's do, so a grey copy loses most of the colour.
/// Pixel values are 0…1, three maps (red, green, blue).
public enum ColourShapes {
    public static let side = 32
    public static let shapes = ["disc", "ring", "square", "triangle", "cross"]
    public static let colours = ["red", "blue"]
    /// The classes in label order: "red disc", "blue disc", "red ring", …
    public static let classNames = shapes.flatMap { shape in colours.map { "\($0) \(shape)" } }

    /// One picture: a shape of `radius` pixels centred at (`centreX`, `centreY`) in `colour` (r, g, b) on
    /// `background`.
    public struct Drawing: Sendable, Equatable {
        public var shape: Int, centreX: Double, centreY: Double, radius: Double
        public var colour: [Double], background: [Double]

        public init(shape: Int, centreX: Double, centreY: Double, radius: Double, colour: [Double], background: [Double]) {
            self.shape = shape; self.centreX = centreX; self.centreY = centreY; self.radius = radius
            self.colour = colour; self.background = background
        }
    }

    /// `perClass` pictures of each class, in a seeded shuffled order.
    public static func images(perClass: Int, seed: UInt64) -> [LabeledImage] {
        var rng = SplitMix64(seed: seed)
        var images: [LabeledImage] = []
        images.reserveCapacity(perClass * classNames.count)
        for _ in 0..<perClass {
            for label in classNames.indices {
                var image = draw(randomDrawing(label, &rng), side: side)
                // Uniform noise of ±0.08 on every value (cheaper to draw than Gaussian, three maps of it).
                for i in image.values.indices { image.values[i] = min(1, max(0, image.values[i] + 0.16 * (rng.nextUnit() - 0.5))) }
                images.append(LabeledImage(image: image, label: label))
            }
        }
        return GlyphImages.shuffled(images, &rng)
    }

    /// The class's shape and colour at a random size (radius 6–10 pixels) and place (inside the frame); the
    /// colour's own channel 0.55–1 and the others up to 0.25; the background's channels each up to 0.3.
    static func randomDrawing(_ label: Int, _ rng: inout SplitMix64) -> Drawing {
        let radius = rng.uniform(6, 10)
        let centreX = rng.uniform(radius, Double(side) - radius), centreY = rng.uniform(radius, Double(side) - radius)
        let strong = rng.uniform(0.55, 1), weak = [rng.uniform(0, 0.25), rng.uniform(0, 0.25)]
        let colour = label % 2 == 0 ? [strong, weak[0], weak[1]] : [weak[0], weak[1], strong]
        let background = (0..<3).map { _ in rng.uniform(0, 0.3) }
        return Drawing(shape: label / 2, centreX: centreX, centreY: centreY, radius: radius, colour: colour, background: background)
    }

    /// The drawing, `side × side`: a pixel takes the shape's colour when its centre is inside the shape.
    public static func draw(_ d: Drawing, side: Int) -> Tensor {
        var image = Tensor(channels: 3, height: side, width: side)
        for y in 0..<side {
            for x in 0..<side {
                let inside = covers(d.shape, dx: Double(x) + 0.5 - d.centreX, dy: Double(y) + 0.5 - d.centreY, radius: d.radius)
                for c in 0..<3 { image.values[(c * side + y) * side + x] = inside ? d.colour[c] : d.background[c] }
            }
        }
        return image
    }

    /// Whether the point (dx, dy) from the centre is inside the shape (y grows downwards).
    static func covers(_ shape: Int, dx: Double, dy: Double, radius r: Double) -> Bool {
        switch shape {
        case 0: return dx * dx + dy * dy <= r * r                                       // disc
        case 1:                                                                          // ring, a third of r thick
            let d2 = dx * dx + dy * dy
            return d2 <= r * r && d2 >= (r * 2 / 3) * (r * 2 / 3)
        case 2: return abs(dx) <= r * 0.8 && abs(dy) <= r * 0.8                          // square
        case 3: return dy >= -r && dy <= r * 0.8 && abs(dx) <= (dy + r) / 1.8 * 0.8      // triangle, apex up
        default: return (abs(dx) <= r / 3 && abs(dy) <= r) || (abs(dy) <= r / 3 && abs(dx) <= r)   // cross
        }
    }
}
