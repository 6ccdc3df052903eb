import NNCore
import NNRender

/// What dropout and max-norm add to the ledger: which units the update dropped, each kept unit's own f(net)
/// beside its scale, and the units max-norm clipped.
extension MLPLedger {
    /// A hidden unit's own output f(net) and, with dropout, the scale 1/(1 − p) its z carries (without
    /// dropout its z, as the update has it).
    func ownOutput(_ u: MLPUpdate, layer l: Int, unit j: Int) -> (z: Double, keep: Double?) {
        guard let mask = u.mask else { return (u.pass.activation(layer: l, unit: j), nil) }
        return (explorer.trainer.settings.activation.value(u.pass.preActivation(layer: l, unit: j)), mask.scales[l - 1][j])
    }

    /// Max-norm's rule, then the units it clipped after the update (the first few), or that none was over c.
    func maxNormLines(_ u: MLPUpdate) -> [Line] {
        guard let c = explorer.trainer.settings.maxNorm else { return [] }
        let top = explorer.trainer.network.sizes.count - 1
        let limit = 3
        let rule = "then max-norm: w_j ← c·w_j/‖w_j‖ where ‖w_j‖ > c = \(formatNumber(c, digits: 6)) (w_j: the weights into j, not its bias)"
        var lines = [Line(glyphs.fold(rule), Style(.dim))]
        lines += u.clips.prefix(limit).map { clip in
            let name = clip.layer == top ? (explorer.trainer.network.sizes[top] == 1 ? "o" : "o\(clip.unit + 1)")
                : explorer.unitName(layer: clip.layer, unit: clip.unit)
            return Line(glyphs.fold("max-norm clipped \(name): ‖w‖ \(clipLength(clip.norm, over: c)) → \(formatNumber(c, digits: 6))"),
                        Style(.warning))
        }
        if u.clips.count > limit { lines.append(Line(glyphs.fold("… and \(u.clips.count - limit) more units clipped"), Style(.warning))) }
        if u.clips.isEmpty { lines.append(Line(glyphs.fold("max-norm: no unit's ‖w‖ over \(formatNumber(c, digits: 6))"), Style(.dim))) }
        return lines
    }

    /// ‖w‖ with the decimals that tell it from c (a clip from 3.0004 must not read "3 → 3").
    func clipLength(_ value: Double, over c: Double) -> String {
        let limit = formatNumber(c, digits: 6)
        return (3...9).lazy.map { formatNumber(value, digits: $0) }.first { $0 != limit } ?? formatNumber(value, digits: 12)
    }
}
