import NNCore

/// δ = −∂E_t/∂net derived by the chain rule as the lecture does, one factor a line with its numbers:
/// for an output unit ∂E_t/∂ŷ and ∂ŷ/∂net (with softmax, a sum over the outputs it feeds), for a hidden
/// unit ∂E_t/∂z (the sum over the units it feeds, each ∂E_t/∂net_k = −δ_k times its weight) and ∂z/∂net.
/// The factors are this network's own; their product is the δ the trainer computed.
extension DeltaFormulas {
    // MARK: The factors

    /// ∂E_t/∂ŷ_m for this loss (E_t = ½Σ(y − ŷ)², or cross-entropy of a sigmoid or a softmax).
    static func lossSlope(_ loss: Loss, _ output: OutputActivation, target y: Double, output yhat: Double) -> Double {
        switch (loss, output) {
        case (.squaredError, _): -(y - yhat)
        case (.crossEntropy, .sigmoid): (yhat - y) / (yhat * (1 - yhat))
        case (.crossEntropy, .softmax): -y / yhat
        case (.crossEntropy, .linear): -(y - yhat)   // not read: a scenario's check pairs linear with squared error
        }
    }

    /// ∂ŷ_m/∂net_k: a sigmoid's ŷ(1 − ŷ) (m = k only), a softmax's ŷ_m([m = k] − ŷ_k), a linear unit's 1.
    static func outputSlope(_ output: OutputActivation, outputs yhat: [Double], m: Int, k: Int) -> Double {
        switch output {
        case .sigmoid: m == k ? yhat[k] * (1 - yhat[k]) : 0
        case .softmax: yhat[m] * ((m == k ? 1 : 0) - yhat[k])
        case .linear: m == k ? 1 : 0
        }
    }

    /// ∂z/∂net of a hidden unit, from its output where the lecture writes it so.
    static func activationSlope(_ activation: Activation, net: Double, z: Double) -> Double {
        switch activation {
        case .sigmoid: z * (1 - z)
        case .tanh: 1 - z * z
        case .relu: net > 0 ? 1 : 0
        case .linear: 1
        }
    }

    // MARK: The lines

    /// Output unit `k`'s δ by the chain rule; `name` is the unit's (o, o1, …).
    func outputChain(name: String, k: Int, target y: [Double], output yhat: [Double], delta: Double) -> [String] {
        let single = yhat.count == 1
        let yk = single ? "ŷ" : "ŷ_\(k + 1)", net = "net_\(name)"
        if output == .sigmoid {
            let dE = Self.lossSlope(loss, output, target: y[k], output: yhat[k])
            let dy = Self.outputSlope(output, outputs: yhat, m: k, k: k)
            let target = single ? "y" : "y_\(k + 1)"
            let v = value(yhat[k], nearOne: true)
            let lossLine = loss == .squaredError
                ? "∂E_t/∂\(yk) = −(\(target) − \(yk)) = −(\(value(y[k]))−\(value(yhat[k], nearOne: true))) = \(value(dE))"
                : "∂E_t/∂\(yk) = (\(yk) − \(target))/(\(yk)(1 − \(yk))) = (\(v)−\(value(y[k])))/(\(v)·(1−\(v))) = \(value(dE))"
            var lines = ["chain rule: δ_\(name) = −∂E_t/∂\(net)", "  = −∂E_t/∂\(yk)·∂\(yk)/∂\(net)",
                         " " + lossLine,
                         " ∂\(yk)/∂\(net) = \(yk)(1 − \(yk)) = \(value(yhat[k], nearOne: true))·(1−\(value(yhat[k], nearOne: true))) = \(value(dy))",
                         " δ_\(name) = −\(factor(dE))·\(factor(dy)) = \(value(delta))"]
            if loss == .crossEntropy { lines[4] += " = \(target) − \(yk): ŷ(1 − ŷ) cancels" }
            return lines
        }
        // Softmax: every output depends on net_k, so ∂E_t/∂net_k sums over them.
        let lossFormula = loss == .squaredError ? "−(y_m − ŷ_m)" : "−y_m/ŷ_m"
        var lines = ["chain rule: δ_\(name) = −∂E_t/∂\(net)", "  = −Σ_m ∂E_t/∂ŷ_m·∂ŷ_m/∂\(net)",
                     " ∂E_t/∂ŷ_m = \(lossFormula), ∂ŷ_m/∂\(net) = ŷ_m([m = \(k + 1)] − \(yk))"]
        let terms = yhat.indices.map { m in
            (loss: Self.lossSlope(loss, output, target: y[m], output: yhat[m]), output: Self.outputSlope(output, outputs: yhat, m: m, k: k))
        }
        if terms.count <= 3 {
            lines.append(" δ_\(name) = −(" + terms.map { "\(factor($0.loss))·\(factor($0.output))" }.joined(separator: "+") + ") = \(value(delta))")
        } else {
            lines.append(" δ_\(name) = −(\(terms.count) terms) = \(value(delta))")
        }
        return lines
    }

    /// Hidden unit `name`'s δ by the chain rule, from its input sum and output and the (old) weights and δ
    /// of the units it feeds. With dropout, `z` is the unit's own f(net) and `keep` its scale 1/(1 − p),
    /// a factor of ∂z/∂net.
    func hiddenChain(name: String, net: Double, z: Double, terms: [(weight: Double, delta: Double)], delta: Double,
                     termLimit: Int = 3, keep: Double? = nil) -> [String] {
        let dz = -terms.reduce(0) { $0 + $1.weight * $1.delta }
        let slope = (keep ?? 1) * Self.activationSlope(activation, net: net, z: z)
        // ∂E_t/∂net_k = −δ_k, so each term is −δ_k times the weight to unit k.
        let sum = terms.count <= termLimit
            ? " = " + terms.map { "\(factor(-$0.delta))·\(factor($0.weight))" }.joined(separator: "+")
            : ""
        var slopeText: String = switch activation {
        case .sigmoid: "z(1 − z) = \(value(z, nearOne: true))·(1−\(value(z, nearOne: true)))"
        case .tanh: "1 − z² = 1−\(factor(z, nearOne: true))²"
        case .relu: "[net > 0] = [\(value(net)) > 0]"
        case .linear: "1 (linear)"
        }
        if let keep {
            slopeText = switch activation {
            case .sigmoid: "m/(1 − p)·σ(1 − σ) = \(value(keep))·\(value(z, nearOne: true))·(1−\(value(z, nearOne: true)))"
            case .tanh: "m/(1 − p)·(1 − tanh²) = \(value(keep))·(1−\(factor(z, nearOne: true))²)"
            case .relu: "m/(1 − p)·[net > 0] = \(value(keep))·[\(value(net)) > 0]"
            case .linear: "m/(1 − p)"
            }
        }
        return ["chain rule: δ_\(name) = −∂E_t/∂net_\(name)", "  = −∂E_t/∂z_\(name)·∂z_\(name)/∂net_\(name)",
                " ∂E_t/∂z_\(name) = Σ_k ∂E_t/∂net_k·w_\(name)k",
                "  = Σ_k (−δ_k)·w_\(name)k\(sum) = \(value(dz))",
                " ∂z_\(name)/∂net_\(name) = \(slopeText)" + (activation == .linear && keep == nil ? "" : " = \(value(slope))"),
                " δ_\(name) = −\(factor(dz))·\(factor(slope)) = \(value(delta))"]
    }
}
