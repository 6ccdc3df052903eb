/// A network of threshold (sign) units whose weights are set by hand, as the lecture wires XOR: each hidden
/// unit draws a line in the plane, `h_j = sign(w_j0 + w_j1·x1 + w_j2·x2)`, and the output unit draws one in
/// the hidden units' space, `ŷ = sign(v0 + v1·h1 + v2·h2 + …)`. `sign(0) = +1`, as the perceptron's. Nothing
/// trains it: the sign function has no slope to follow.
public struct ThresholdNetwork: Sendable, Hashable {
    /// One row `[w0, w1, w2]` a hidden unit (w0 the bias).
    public var hidden: [[Double]]
    /// `[v0, v1, …]`: the bias, then one weight a hidden unit.
    public var output: [Double]

    public init(hidden: [[Double]], output: [Double]) {
        precondition(!hidden.isEmpty && hidden.allSatisfy { $0.count == 3 }, "each hidden unit has three weights: w0, w1, w2")
        precondition(output.count == hidden.count + 1, "the output unit has a bias and one weight a hidden unit")
        self.hidden = hidden
        self.output = output
    }

    /// Every number of one forward pass.
    public struct Pass: Sendable, Hashable {
        /// `w_j·x` and `h_j = sign(w_j·x)` of each hidden unit.
        public var hiddenNet: [Double], hidden: [Double]
        /// `v·h = v0 + Σ v_j·h_j` and `ŷ = sign(v·h)`.
        public var outputNet: Double, yhat: Double
    }

    public func forward(_ x1: Double, _ x2: Double) -> Pass {
        let nets = hidden.map { Perceptron.activation($0, x1, x2) }
        let h = nets.map(Perceptron.sign)
        let v = outputNet(hidden: h)
        return Pass(hiddenNet: nets, hidden: h, outputNet: v, yhat: Perceptron.sign(v))
    }

    /// `v0 + Σ v_j·h_j`.
    public func outputNet(hidden h: [Double]) -> Double {
        zip(output.dropFirst(), h).reduce(output[0]) { $0 + $1.0 * $1.1 }
    }

    /// What hidden unit `j` computes on the corners of the unit square (x = 0 false, 1 true).
    public func hiddenFunction(_ j: Int) -> BooleanFunction {
        BooleanFunction { a, b in Perceptron.sign(Perceptron.activation(hidden[j], a ? 1 : 0, b ? 1 : 0)) > 0 }
    }

    /// What the output unit computes of two hidden units (h = −1 false, +1 true); nil unless there are two.
    public var outputFunction: BooleanFunction? {
        guard hidden.count == 2 else { return nil }
        return BooleanFunction { a, b in Perceptron.sign(outputNet(hidden: [a ? 1 : -1, b ? 1 : -1])) > 0 }
    }

    /// What the whole network computes on the corners of the unit square.
    public var function: BooleanFunction {
        BooleanFunction { a, b in forward(a ? 1 : 0, b ? 1 : 0).yhat > 0 }
    }
}

/// A function of two truth values, known by its truth table: the outputs for (false, false), (false, true),
/// (true, false) and (true, true), +1 being true.
public struct BooleanFunction: Sendable, Hashable {
    public var table: [Bool]

    public init(_ f: (Bool, Bool) -> Bool) {
        table = [f(false, false), f(false, true), f(true, false), f(true, true)]
    }

    /// Its usual name with the inputs called `a` and `b`: `x1 OR x2`, `h1 AND NOT h2`, `x1 XOR x2`.
    public func name(_ a: String, _ b: String) -> String {
        let index = table.reduce(0) { $0 * 2 + ($1 ? 1 : 0) }
        return [
            "always −1", "\(a) AND \(b)", "\(a) AND NOT \(b)", a,
            "NOT \(a) AND \(b)", b, "\(a) XOR \(b)", "\(a) OR \(b)",
            "NOT (\(a) OR \(b))", "NOT (\(a) XOR \(b))", "NOT \(b)", "\(a) OR NOT \(b)",
            "NOT \(a)", "NOT \(a) OR \(b)", "NOT (\(a) AND \(b))", "always +1",
        ][index]
    }
}
