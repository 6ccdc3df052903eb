import NNCore
import NNRender
import NNScenario
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import NNExplorer

/// The ledger's δ: each network's own formula (activation, output unit, loss), and the numbers put into it
/// reproduce the value shown, which is the δ the network computed.
final class DeltaFormulaTests: XCTestCase {
    /// Every activation × output × loss the scenario format accepts.
    static let combinations: [(Activation, OutputActivation, Loss)] = Activation.allCases.flatMap { a in
        // A linear output (regression) is checked with squared error only, as scenarios allow.
        OutputActivation.allCases.flatMap { o in Loss.allCases.filter { o != .linear || $0 == .squaredError }.map { (a, o, $0) } }
    }

    static func explorer(_ activation: Activation, _ output: OutputActivation, _ loss: Loss, seed: UInt64 = 3) -> MLPExplorer {
        var scenario = mlpScenario(kind: output == .softmax ? .blobs : .xor, sizes: output == .softmax ? [2, 3, 3] : [2, 3, 1],
                                   classes: output == .softmax ? 3 : 2, seed: seed)
        scenario.mlp.activation = activation
        scenario.mlp.output = output
        scenario.mlp.loss = loss
        scenario.mlp.learningRate = 0.3
        return MLPExplorer(scenario: scenario)
    }

    func testTheFormulasAreTheNetworksOwn() {
        let hidden: [Activation: String] = [.sigmoid: "δ^h_j = z_j(1 − z_j)·Σ_k w_jk δ_k", .tanh: "δ^h_j = (1 − z_j²)·Σ_k w_jk δ_k",
                                            .relu: "δ^h_j = [net_j > 0]·Σ_k w_jk δ_k", .linear: "δ^h_j = 1·Σ_k w_jk δ_k"]
        for (a, o, l) in Self.combinations {
            var m = Self.explorer(a, o, l)
            m.stepUpdate()
            let text = MLPLedger(explorer: m, glyphs: .unicode, width: 200).updateLines.map(\.text)
            let outputFormula = switch (l, o) {
            case (.squaredError, .sigmoid): "δ^o_k = ŷ_k(1 − ŷ_k)(y_k − ŷ_k)"
            case (.squaredError, .softmax): "δ^o_k = ŷ_k((y_k − ŷ_k) − s), s = Σ_m (y_m − ŷ_m)ŷ_m"
            case (.crossEntropy, .sigmoid): "δ^o_k = y_k − ŷ_k (cross-entropy of a sigmoid)"
            case (.crossEntropy, .softmax): "δ^o_k = y_k − ŷ_k (cross-entropy of a softmax)"
            case (_, .linear): "δ^o = y − ŷ (linear output: ŷ = net)"
            }
            XCTAssertTrue(text.contains(outputFormula), "\(a) \(o) \(l): \(text)")
            XCTAssertTrue(text.contains(hidden[a]!), "\(a) \(o) \(l): \(text)")
            // The same formulas in the phases of `p`.
            var phased = Self.explorer(a, o, l)
            var seen: [String] = []
            for _ in phased.phases {
                phased.stepPhase()
                seen += MLPLedger(explorer: phased, glyphs: .unicode, width: 200).updateLines.map(\.text)
            }
            XCTAssertTrue(seen.contains(outputFormula), "\(a) \(o) \(l): \(seen)")
            XCTAssertTrue(seen.contains(hidden[a]!), "\(a) \(o) \(l): \(seen)")
            XCTAssertFalse(seen.contains { $0.contains("f'") }, "a generic f' is left: \(seen)")
        }
    }

    /// Every `δ_… = numbers = value` line: the numbers give the value (to the rounding of three significant
    /// digits), and the value is the δ the network computed.
    func testTheNumbersPutInReproduceTheValueShown() throws {
        for (a, o, l) in Self.combinations {
            for seed: UInt64 in [3, 4, 5] {
                var m = Self.explorer(a, o, l, seed: seed)
                // A few updates in, so the units are not all near their first values.
                for _ in 0..<(Int(seed) * 7) { m.stepUpdate() }
                let u = try XCTUnwrap(m.trainer.lastUpdate)
                let lines = MLPLedger(explorer: m, glyphs: .unicode, width: 200).updateLines.map(\.text)
                let worked = lines.filter { $0.hasPrefix("δ_") || $0.hasPrefix("s = ") }
                let sizes = m.trainer.network.sizes
                XCTAssertEqual(worked.filter { $0.hasPrefix("δ_") }.count, sizes[2] + sizes[1], "\(a) \(o) \(l): \(lines)")
                for line in worked {
                    let parts = line.components(separatedBy: " = ")
                    XCTAssertEqual(parts.count, 3, line)
                    let computed = try LedgerArithmetic.interval(parts[1]), shown = try LedgerArithmetic.evaluate(parts[2])
                    XCTAssertTrue(LedgerArithmetic.overlap(computed, try LedgerArithmetic.interval(parts[2])),
                                  "\(a) \(o) \(l): \(line) gives \(computed)")
                    // The value shown is the network's own δ.
                    let name = parts[0]
                    let actual: Double? = switch name {
                    case "δ_o": u.pass.delta(layer: 2, unit: 0)
                    case "δ_o1", "δ_o2", "δ_o3": u.pass.delta(layer: 2, unit: Int(String(name.last!))! - 1)
                    case "δ_h1", "δ_h2", "δ_h3": u.pass.delta(layer: 1, unit: Int(String(name.last!))! - 1)
                    default: nil
                    }
                    if let actual { XCTAssertEqual(shown, actual, accuracy: 0.005 * abs(actual) + 1e-12, "\(a) \(o) \(l): \(line)") }
                }
            }
        }
    }

    /// The evaluator itself: a wrong formula's numbers would not pass.
    func testTheEvaluator() throws {
        XCTAssertEqual(try LedgerArithmetic.evaluate("0.567·(1−0.567)·(0−0.567)"), 0.567 * (1 - 0.567) * (0 - 0.567), accuracy: 1e-12)
        XCTAssertEqual(try LedgerArithmetic.evaluate("(1−(−0.5)²)·((−0.19)·0.1+2·3)"), (1 - 0.25) * (-0.019 + 6), accuracy: 1e-12)
        XCTAssertEqual(try LedgerArithmetic.evaluate("1.6e−4"), 1.6e-4, accuracy: 1e-18)
        XCTAssertThrowsError(try LedgerArithmetic.evaluate("0.5·"))
        // 0.139 stands for [0.1385, 0.1395]; 1 is exact.
        let i = try LedgerArithmetic.interval("1−0.139")
        XCTAssertEqual(i.lo, 0.8605, accuracy: 1e-12)
        XCTAssertEqual(i.hi, 0.8615, accuracy: 1e-12)
        // z(1 − z) where the formula wanted 1 − z²: not within the rounding.
        XCTAssertFalse(LedgerArithmetic.overlap(try LedgerArithmetic.interval("0.5·(1−0.5)"), try LedgerArithmetic.interval("0.75")))
    }

    func testSignificantDigits() {
        XCTAssertEqual(formatSignificant(0.0012345), "0.00123")
        XCTAssertEqual(formatSignificant(-0.139213), "−0.139")
        XCTAssertEqual(formatSignificant(12.345), "12.3")
        XCTAssertEqual(formatSignificant(0.000016), "1.6e−5")
        XCTAssertEqual(formatSignificant(0.0000099996), "1e−5")
        let f = DeltaFormulas(MLPSettings(), glyphs: .unicode)
        // A saturated output keeps its distance from 1: 1 − 0.99937 = 0.00063.
        XCTAssertEqual(f.value(0.999371, nearOne: true), "0.999371")
        XCTAssertEqual(f.factor(-0.19), "(−0.19)")
    }
}

/// A tiny evaluator for the ledger's worked lines: numbers (with `−` and e-notation), `+`, `−`, `·`, `²`,
/// parentheses. It computes an interval: each decimal number stands for every value that rounds to it
/// (whole numbers, like the 1 in 1 − z and the targets, are exact), so "reproduces the value shown" means
/// the value the numbers allow overlaps the value shown.
/// Evaluates the arithmetic a ledger line writes out (also as intervals over its rounding).
struct LedgerArithmetic {
    struct Malformed: Error { let text: String }
    typealias Interval = (lo: Double, hi: Double)
    let chars: [Character]
    /// Every number taken exactly as written (no rounding interval).
    var exact = false
    var at = 0

    static func interval(_ text: String, exact: Bool = false) throws -> Interval {
        var e = LedgerArithmetic(chars: Array(text.filter { $0 != " " }), exact: exact)
        let value = try e.sum()
        guard e.at == e.chars.count else { throw Malformed(text: text) }
        return value
    }

    /// The value with every number taken as written.
    static func evaluate(_ text: String) throws -> Double {
        try interval(text, exact: true).lo
    }

    static func overlap(_ a: Interval, _ b: Interval) -> Bool { a.lo <= b.hi && b.lo <= a.hi }

    mutating func sum() throws -> Interval {
        var value = try product()
        while at < chars.count, chars[at] == "+" || chars[at] == "−" {
            let plus = chars[at] == "+"; at += 1
            let next = try product()
            value = plus ? (value.lo + next.lo, value.hi + next.hi) : (value.lo - next.hi, value.hi - next.lo)
        }
        return value
    }

    mutating func product() throws -> Interval {
        var value = try power()
        while at < chars.count, chars[at] == "·" {
            at += 1
            let next = try power()
            let corners = [value.lo * next.lo, value.lo * next.hi, value.hi * next.lo, value.hi * next.hi]
            value = (corners.min()!, corners.max()!)
        }
        return value
    }

    mutating func power() throws -> Interval {
        let v = try unary()
        guard at < chars.count, chars[at] == "²" else { return v }
        at += 1
        let squares = [v.lo * v.lo, v.hi * v.hi]
        return (v.lo <= 0 && v.hi >= 0 ? 0 : squares.min()!, squares.max()!)
    }

    mutating func unary() throws -> Interval {
        guard at < chars.count else { throw Malformed(text: String(chars)) }
        if chars[at] == "−" { at += 1; let v = try unary(); return (-v.hi, -v.lo) }
        if chars[at] == "(" {
            at += 1
            let value = try sum()
            guard at < chars.count, chars[at] == ")" else { throw Malformed(text: String(chars)) }
            at += 1
            return value
        }
        var number = ""
        while at < chars.count, (chars[at].isASCII && chars[at].isNumber) || chars[at] == "." || chars[at] == "e"
                || (chars[at] == "−" && number.last == "e") {
            number.append(chars[at] == "−" ? "-" : chars[at]); at += 1
        }
        guard let value = Double(number) else { throw Malformed(text: String(chars)) }
        // Half a unit in the last place written.
        let mantissa = number.split(separator: "e").first.map(String.init) ?? number
        let exponent = number.split(separator: "e").dropFirst().first.flatMap { Int($0) } ?? 0
        guard !exact, let point = mantissa.firstIndex(of: ".") else { return (value, value) }
        let decimals = mantissa.distance(from: point, to: mantissa.endIndex) - 1
        let half = 0.5 * pow(10, Double(exponent - decimals))
        return (value - half, value + half)
    }
}
