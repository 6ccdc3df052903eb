import NNCore
import NNRender

/// The decision regions the MLP screen draws: the network (or one hidden unit) evaluated over the plot.
extension MLPExplorer {
    /// Class and confidence level (0–2) of the network's output at every pixel centre of `map`'s area,
    /// two pixel rows a cell row; under regression the side and band of ŷ on the targets' scale.
    func regionPixels(_ map: PlotMapping) -> [(cls: Int, level: Int)] {
        Self.regionPixels(of: trainer.network, map, unit: selectedUnit, discretize: discretize, valueScale: valueScale)
    }

    /// The same for any network (the restarts view draws several). The network is evaluated at all pixel
    /// centres at once (single precision, vectorised); past a budget, at one pixel of every block.
    static func regionPixels(of net: MLP, _ map: PlotMapping, unit selectedUnit: (layer: Int, unit: Int)? = nil,
                             discretize: Bool = false, valueScale: Double = 1) -> [(cls: Int, level: Int)] {
        let width = map.area.width, pixelRows = map.area.height * 2
        guard width > 0, pixelRows > 0 else { return [] }
        // A big network would freeze the screen: past a budget of multiply-adds a frame, evaluate one pixel
        // in every `block × block` square and repeat it.
        let block = regionBlock(net: net, pixels: width * pixelRows)
        let columns = (width + block - 1) / block, rows = (pixelRows + block - 1) / block
        var xs: [Float] = [], ys: [Float] = []
        xs.reserveCapacity(columns * rows); ys.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let p = map.point(subColumn: Double(column * block) + 0.5, subRow: (Double(row * block) + 0.5) / 2)
                xs.append(Float(p.x)); ys.append(Float(p.y))
            }
        }
        let evaluated = evaluate(net, xs: xs, ys: ys, unit: selectedUnit, discretize: discretize, valueScale: valueScale)
        var pixels: [(cls: Int, level: Int)] = []
        pixels.reserveCapacity(width * pixelRows)
        for pixelRow in 0..<pixelRows {
            for column in 0..<width { pixels.append(evaluated[(pixelRow / block) * columns + column / block]) }
        }
        return pixels
    }

    /// Class and confidence level at each point: of the network's output, or of one hidden unit ("on", class
    /// 1, where its output is in the upper half of its range: above 0.5 for sigmoid, above 0 otherwise; ReLU
    /// is on wherever it is not 0).
    private static func evaluate(_ net: MLP, xs: [Float], ys: [Float], unit selectedUnit: (layer: Int, unit: Int)?,
                                 discretize: Bool, valueScale: Double) -> [(cls: Int, level: Int)] {
        // An output that overflowed (NaN after divergence) is no confidence at all: the unsure shade, not class 0's strongest.
        func level(_ confidence: Double) -> Int {
            guard confidence.isFinite else { return 0 }
            return discretize ? 2 : (confidence < 0.3 ? 0 : confidence < 0.7 ? 1 : 2)
        }
        let count = xs.count
        if let unit = selectedUnit {
            let values = net.pictureValues(xs: xs, ys: ys, layer: unit.layer, unit: unit.unit)
            return values.map { value in
                let z = Double(value), cls: Int, confidence: Double
                switch net.activation {
                case .sigmoid: (cls, confidence) = (z >= 0.5 ? 1 : 0, min(1, abs(z - 0.5) * 2))
                case .tanh, .linear: (cls, confidence) = (z >= 0 ? 1 : 0, min(1, abs(z)))
                case .relu: (cls, confidence) = (z > 0 ? 1 : 0, z > 0 ? min(1, z) : 1)
                }
                return (cls, level(confidence))
            }
        }
        let top = net.sizes.count - 1, outputs = net.outputCount
        let values = net.pictureValues(xs: xs, ys: ys, layer: top, unit: 0, units: outputs)
        if net.isRegression {
            // `z` (shades off): the sign of ŷ only, at full strength.
            return values.map { value in
                let band = valueBand(Double(value), scale: valueScale)
                return discretize && value.isFinite ? (band.cls, 2) : band
            }
        }
        if outputs == 1 {
            return values.map { value in
                let yhat = Double(value)
                return (yhat >= 0.5 ? 1 : 0, level(abs(yhat - 0.5) * 2))
            }
        }
        let classes = Double(net.classCount)
        return (0..<count).map { p in
            let (cls, probability) = MLP.softmaxConfidence((0..<outputs).map { Double(values[$0 * count + p]) })
            return (cls, level((probability - 1 / classes) / (1 - 1 / classes)))
        }
    }

    /// Multiply-adds a frame's regions may cost, so that a big network does not freeze the screen.
    static let regionBudget = 100_000_000

    /// The side of the square of pixels one evaluation stands for: 1 unless the network is too big.
    static func regionBlock(net: MLP, pixels: Int) -> Int {
        let perPixel = zip(net.sizes, net.sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
        let affordable = max(1, regionBudget / max(1, perPixel))
        return pixels <= affordable ? 1 : Int((Double(pixels) / Double(affordable)).squareRoot().rounded(.up))
    }
}
