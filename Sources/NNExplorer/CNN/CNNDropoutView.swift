import NNCore
import NNRender

/// What the last trained image's dropout mask did before one dense stage (layer index `layer`): `dropped` of
/// its `inputs` values set to 0, the rest multiplied by `keptScale` (1/(1 − p) of the p it was drawn with).
public struct DroppedInputs: Sendable, Hashable {
    public let layer: Int
    public let dropped: Int
    public let inputs: Int
    public let keptScale: Double?
}

extension CNNExplorer {
    /// The dense stages (layer indices): the ones dropout acts before.
    public var denseLayers: [Int] {
        network.layers.indices.filter { if case .dense = network.layers[$0] { true } else { false } }
    }

    /// The dropout rate the trainer uses from the next batch on (0: off, and for a network that is not trained).
    public var dropoutRate: Double { trainer?.settings.dropout ?? 0 }

    /// Per dense stage, what the trainer's last mask dropped; empty before the first batch and without dropout.
    public var lastDropped: [DroppedInputs] {
        guard let masks = trainer?.lastMasks else { return [] }
        return masks.keys.sorted().map { l in
            let mask = masks[l]!
            return DroppedInputs(layer: l, dropped: mask.count { $0 == 0 }, inputs: mask.count, keptScale: mask.first { $0 != 0 })
        }
    }

    /// The next rate `D` sets (`nextDropoutRate(after:)`, as on the MLP screen).
    var nextDropoutRate: Double { NNExplorer.nextDropoutRate(after: dropoutRate) }
}

/// The training panel's dropout lines (nil without dropout): p, where and when it acts and what the last
/// trained image dropped before each dense stage; then a `note` (which may give way) on what uses every value.
func dropoutLines(_ p: CNNExplorer, width: Int, glyphs g: Glyphs) -> (summary: [Line], note: [Line])? {
    let rate = p.dropoutRate
    guard rate > 0 else { return nil }
    let before = p.denseLayers.count == 1 ? "before dense" : "before each dense stage"
    let last = p.lastDropped
    // One dense stage: "41 of 256 values"; several: "9 of 120 values before stage 10, 9 of 84 before stage 12".
    let counts = last.enumerated().map { k, d in
        "\(d.dropped) of \(d.inputs)" + (k == 0 ? " values" : "") + (last.count > 1 ? " before stage \(d.layer + 1)" : "")
    }.joined(separator: ", ")
    // The scale kept values met is the mask's own (a batch before `D` changed p used the p it was drawn with).
    let scale = last.compactMap(\.keptScale).first.map { " (kept \(g.unicode ? "×" : "x")\(formatNumber($0, digits: 2)))" } ?? ""
    let dropped = last.isEmpty ? "no batch yet, nothing dropped" : "last image trained dropped \(counts)\(scale)"
    let summary = "dropout p = \(formatNumber(rate)) \(before) (training only): \(dropped)"
    let note = "maps and test accuracy use all values, unscaled (inverted dropout)"
    return (wrap(g.fold(summary), width: width).map { Line($0) }, wrap(g.fold(note), width: width).map { Line($0, Style(.dim)) })
}
