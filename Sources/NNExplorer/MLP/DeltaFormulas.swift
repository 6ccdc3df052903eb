#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNCore
import NNRender

/// The δ of a unit as this network computes it: the general formula for its hidden activation, output unit
/// and loss, and the same formula with one update's numbers put in, so that a student can recompute the
/// value shown. The numbers go in without spaces, so a long line breaks only at its "=". The factors carry three significant digits (a δ of 0.0012 must not read 0.001), and an
/// output near 0 or 1 as many as its distance from them needs (z(1 − z) of a saturated unit is that distance).
struct DeltaFormulas {
    let activation: Activation
    let output: OutputActivation
    let loss: Loss
    /// p: with dropout a hidden unit's z is its scaled or dropped f(net), so f′ is written in terms of net.
    let dropout: Double
    let glyphs: Glyphs

    init(_ settings: MLPSettings, glyphs: Glyphs) {
        activation = settings.activation; output = settings.output; loss = settings.loss; dropout = settings.dropout
        self.glyphs = glyphs
    }

    // MARK: The general formulas

    /// `δ^o_k = …`, by output unit and loss (`−∂E_t/∂net_k`).
    var outputFormula: String {
        switch (loss, output) {
        case (.squaredError, .sigmoid): "δ^o_k = ŷ_k(1 − ŷ_k)(y_k − ŷ_k)"
        case (.squaredError, .softmax): "δ^o_k = ŷ_k((y_k − ŷ_k) − s), s = Σ_m (y_m − ŷ_m)ŷ_m"
        case (.crossEntropy, .sigmoid): "δ^o_k = y_k − ŷ_k (cross-entropy of a sigmoid)"
        case (.crossEntropy, .softmax): "δ^o_k = y_k − ŷ_k (cross-entropy of a softmax)"
        case (_, .linear): "δ^o = y − ŷ (linear output: ŷ = net)"
        }
    }

    /// f′(net_j) written as the lecture does, in terms of the output where it can be.
    var derivativeFormula: String {
        if dropout > 0 { return derivativeOfNet }
        return switch activation {
        case .sigmoid: "z_j(1 − z_j)"
        case .tanh: "(1 − z_j²)"
        case .relu: "[net_j > 0]"
        case .linear: "1"
        }
    }

    /// `δ^h_j = f′(net_j) Σ_k w_jk δ_k` with this network's f′.
    var hiddenFormula: String { "δ^h_j = \(dropout > 0 ? "m_j/(1 − p)·" : "")\(derivativeFormula)·Σ_k w_jk δ_k" }

    /// `z_j = f(net_j)` with this network's f.
    var activationFormula: String {
        if dropout > 0 { return droppedActivationFormula }
        return switch activation {
        case .sigmoid: "z_j = σ(net_j)"
        case .tanh: "z_j = tanh(net_j)"
        case .relu: "z_j = max(0, net_j)"
        case .linear: "z_j = net_j"
        }
    }

    // MARK: The numbers put in

    /// `name = formula-with-numbers = value` for output unit `k` of one sample.
    func outputSubstituted(name: String, k: Int, target y: [Double], output yhat: [Double], delta: Double) -> String {
        let body: String
        switch (loss, output) {
        case (.squaredError, .sigmoid):
            body = "\(value(yhat[k], nearOne: true))·(1−\(value(yhat[k], nearOne: true)))·(\(value(y[k]))−\(value(yhat[k], nearOne: true)))"
        case (.squaredError, .softmax):
            body = "\(value(yhat[k], nearOne: true))·((\(value(y[k]))−\(value(yhat[k], nearOne: true)))−\(factor(softmaxSum(y, yhat))))"
        case (.crossEntropy, _), (.squaredError, .linear):
            body = "\(value(y[k]))−\(value(yhat[k], nearOne: true))"
        }
        return "\(name) = \(body) = \(value(delta))"
    }

    /// With softmax and squared error: `s = Σ_m (y_m − ŷ_m)ŷ_m` with its numbers (nil otherwise).
    func softmaxSumLine(target y: [Double], output yhat: [Double]) -> String? {
        guard loss == .squaredError, output == .softmax else { return nil }
        let terms = y.indices.map { "(\(value(y[$0]))−\(value(yhat[$0], nearOne: true)))·\(value(yhat[$0], nearOne: true))" }
        return "s = " + terms.joined(separator: "+") + " = \(value(softmaxSum(y, yhat)))"
    }

    private func softmaxSum(_ y: [Double], _ yhat: [Double]) -> Double {
        var s = 0.0
        for m in y.indices { s += (y[m] - yhat[m]) * yhat[m] }
        return s
    }

    /// `name = f′·Σ w δ with numbers = value` for a hidden unit, from its input sum and output and the
    /// (old) weights and δ of the units it feeds. More than `termLimit` terms: the sum's value stands for them.
    /// With dropout, `z` is the unit's own f(net) and `keep` its scale 1/(1 − p), written first.
    func hiddenSubstituted(name: String, net: Double, z: Double, terms: [(weight: Double, delta: Double)], delta: Double,
                           termLimit: Int = 3, keep: Double? = nil) -> String {
        let derivative: String = switch activation {
        case .sigmoid: "\(value(z, nearOne: true))·(1−\(value(z, nearOne: true)))"
        case .tanh: "(1−\(factor(z, nearOne: true))²)"
        case .relu: net > 0 ? "1" : "0"
        case .linear: "1"
        }
        let sum: String
        if terms.count == 1 {
            sum = "\(factor(terms[0].weight))·\(factor(terms[0].delta))"
        } else if terms.count <= termLimit {
            sum = "(" + terms.map { "\(factor($0.weight))·\(factor($0.delta))" }.joined(separator: "+") + ")"
        } else {
            sum = factor(terms.reduce(0) { $0 + $1.weight * $1.delta })
        }
        return "\(name) = \(keep.map { value($0) + "·" } ?? "")\(derivative)·\(sum) = \(value(delta))"
    }

    /// Three significant digits; with `nearOne`, enough that 1 − |v| keeps three too. Outputs get four with
    /// softmax and squared error, whose s is a small difference of products of them.
    func value(_ v: Double, nearOne: Bool = false) -> String {
        guard v.isFinite, v != 0 else { return formatNumber(v, glyphs: glyphs) }
        let significant = nearOne && loss == .squaredError && output == .softmax ? 4 : 3
        let gap = 1 - abs(v)
        if nearOne, gap > 0, gap < 0.1 {
            return formatNumber(v, digits: min(12, significant - 1 - Int(log10(gap).rounded(.down))), glyphs: glyphs)
        }
        return formatSignificant(v, significant: significant, glyphs: glyphs)
    }

    /// A value as a factor: negative ones in parentheses, so that `·(−0.19)` cannot read as a subtraction.
    func factor(_ v: Double, nearOne: Bool = false) -> String {
        let text = value(v, nearOne: nearOne)
        return v < 0 ? "(\(text))" : text
    }
}
