import NNCore

/// The formulas as dropout changes them: a hidden unit sends on `z_j = m_j f(net_j)/(1 − p)` (m_j = 0 when
/// dropped, else 1), so its δ carries the same factor and f′ is written in terms of net, not of z.
extension DeltaFormulas {
    /// `z_j = m_j·f(net_j)/(1 − p)` with this network's f and p.
    var droppedActivationFormula: String {
        let f = switch activation {
        case .sigmoid: "σ(net_j)"
        case .tanh: "tanh(net_j)"
        case .relu: "max(0, net_j)"
        case .linear: "net_j"
        }
        return "z_j = m_j·\(f)/(1 − p), p = \(value(dropout)), m_j = 0 if dropped"
    }

    /// f′(net_j) in terms of net_j (the unit's z is scaled or 0).
    var derivativeOfNet: String {
        switch activation {
        case .sigmoid: "σ(net_j)(1 − σ(net_j))"
        case .tanh: "(1 − tanh²(net_j))"
        case .relu: "[net_j > 0]"
        case .linear: "1"
        }
    }

    /// A dropped hidden unit's δ: nothing flows back through a unit that sent nothing.
    func droppedDelta(name: String) -> String { "\(name) = 0 (dropped: m = 0)" }
}
