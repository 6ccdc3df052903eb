import NNCore
import NNRender

/// Regression on the plane: the predicted value ŷ and the points' targets y on one diverging scale, ±s with s
/// the largest |y| of the data (fixed by the data, so a shade means the same value at every epoch). Negative
/// values take class 0's colours, positive ones class 1's, each in three bands of |v|/s (below ⅓, below ⅔,
/// above): the regions' three shades, and for the points dim, plain and bold.
extension MLPExplorer {
    /// s: the largest |y| of the points (1 when they are all 0).
    var valueScale: Double { Self.valueScale(of: trainer.trainingSet + trainer.validationSet) }

    static func valueScale(of samples: [Sample]) -> Double {
        let largest = samples.reduce(0) { max($0, abs($1.target ?? 0)) }
        return largest > 0 ? largest : 1
    }

    /// The side (0: negative, 1: positive) and band (0–2) of a value on the scale ±`scale`.
    static func valueBand(_ value: Double, scale: Double) -> (cls: Int, level: Int) {
        guard value.isFinite else { return (0, 0) }
        let size = abs(value) / scale
        return (value < 0 ? 0 : 1, size < 1.0 / 3 ? 0 : size < 2.0 / 3 ? 1 : 2)
    }

    /// A point drawn by its target: its side's shape and colour, dim, plain or bold by band.
    static func targetPoint(_ s: Sample, scale: Double, hollow: Bool, _ g: Glyphs) -> ScatterPlot.Point {
        let band = valueBand(s.target ?? 0, scale: scale)
        let attributes: Attributes = [[.dim], [], [.bold]][band.level]
        return .init(x: s.x1, y: s.x2, glyph: classGlyph(band.cls, hollow: hollow, g),
                     style: Style(ColorRole.forClass(band.cls), attributes: attributes))
    }

    /// The scale on the plot's bottom border: `ŷ, y: −1.2 ▒▒▒▒▒▒ 1.2  ● < 0  ▲ ≥ 0`, the bar one cell a band
    /// from the most negative to the most positive (texture marks without background shades); shorter forms
    /// when narrow. Nil when none fits in `width`.
    func valueLegend(width: Int, glyphs g: Glyphs, shades: Bool) -> Line? {
        let scale = valueScale
        let bands = [(0, 2), (0, 1), (0, 0), (1, 0), (1, 1), (1, 2)]
        let bar = bands.map { cls, level in
            shades ? Span(" ", Style(.plain, background: ColorRole.region(class: cls, level: level)))
                : Span(String(RegionMap.texture(class: cls, glyphs: g)), Style(ColorRole.region(class: cls, level: level),
                                                                               attributes: level == 2 ? [.bold] : level == 0 ? [.dim] : []))
        }
        let low = formatNumber(-scale, digits: 3, glyphs: g), high = formatNumber(scale, digits: 3, glyphs: g)
        func shape(_ cls: Int, _ words: String) -> [Span] {
            [Span(String(classGlyph(cls, hollow: false, g)), Style(ColorRole.forClass(cls), attributes: [.bold])), Span(words, Style(.dim))]
        }
        let scaleSpans = [Span(" ŷ, y: \(low) ", Style(.dim))] + bar + [Span(" \(high) ", Style(.dim))]
        let candidates = [
            Line(scaleSpans + shape(0, " < 0  ") + shape(1, " ≥ 0 ")),
            Line(scaleSpans),
        ].map(g.fold)
        return candidates.first { $0.width <= width }
    }

    /// The root-mean-square error of the training points, `√(2E/N)` from the summed squared error E: what the
    /// loss means in the targets' own units (regression has no accuracy).
    static func rmsError(loss: Double, points: Int) -> Double { (2 * loss / Double(max(1, points))).squareRoot() }
}
