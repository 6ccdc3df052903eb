import NNCore
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import NNExplorer

/// The ledger's chain-rule derivation of δ = −∂E_t/∂net: each factor is the derivative it names (checked
/// by finite differences), their product is the network's δ, and the numbers on the last line give it.
final class ChainRuleTests: XCTestCase {
    private let step = 1e-6

    private func loss(_ l: Loss, _ o: OutputActivation, _ y: [Double], _ yhat: [Double]) -> Double {
        y.withUnsafeBufferPointer { yp in yhat.withUnsafeBufferPointer { l.value(target: yp, output: $0, outputKind: o) } }
    }

    private func outputs(_ o: OutputActivation, _ net: [Double]) -> [Double] {
        switch o {
        case .sigmoid: return net.map { 1 / (1 + exp(-$0)) }
        case .softmax:
            let top = net.max()!, e = net.map { exp($0 - top) }, total = e.reduce(0, +)
            return e.map { $0 / total }
        case .linear: return net
        }
    }

    func testEachFactorIsTheDerivativeItNames() {
        for (a, o, l) in DeltaFormulaTests.combinations {
            let net = o == .softmax ? [0.3, -0.8, 1.1] : [0.4]
            let y: [Double] = o == .softmax ? [0, 1, 0] : [1]
            let yhat = outputs(o, net)
            for m in yhat.indices {
                var up = yhat, down = yhat
                up[m] += step; down[m] -= step
                let numeric = (loss(l, o, y, up) - loss(l, o, y, down)) / (2 * step)
                XCTAssertEqual(DeltaFormulas.lossSlope(l, o, target: y[m], output: yhat[m]), numeric, accuracy: 1e-6, "\(l) \(o) ∂E/∂ŷ_\(m)")
                for k in yhat.indices {
                    var netUp = net, netDown = net
                    netUp[k] += step; netDown[k] -= step
                    let slope = (outputs(o, netUp)[m] - outputs(o, netDown)[m]) / (2 * step)
                    XCTAssertEqual(DeltaFormulas.outputSlope(o, outputs: yhat, m: m, k: k), slope, accuracy: 1e-8, "\(o) ∂ŷ_\(m)/∂net_\(k)")
                }
            }
            for x in [-1.3, 0.2, 0.9] {
                let slope = (a.value(x + step) - a.value(x - step)) / (2 * step)
                XCTAssertEqual(DeltaFormulas.activationSlope(a, net: x, z: a.value(x)), slope, accuracy: 1e-8, "\(a) at \(x)")
            }
        }
    }

    /// In the δ phases of `p`, the derivation's factors multiply to the network's δ, and its last line's
    /// numbers give the value shown.
    func testTheDerivationGivesTheNetworksDelta() throws {
        for (a, o, l) in DeltaFormulaTests.combinations {
            var m = DeltaFormulaTests.explorer(a, o, l)
            for _ in 0..<5 { m.stepUpdate() }
            var derived: [String: [String]] = [:]
            for _ in m.phases.dropLast() {
                m.stepPhase()
                let lines = MLPLedger(explorer: m, glyphs: .unicode, width: 200).updateLines.map(\.text)
                guard let start = lines.firstIndex(where: { $0.hasPrefix("chain rule: ") }) else { continue }
                derived[String(lines[start].dropFirst("chain rule: ".count).prefix { $0 != " " })] = Array(lines[start...])
            }
            XCTAssertEqual(Set(derived.keys), [o == .softmax ? "δ_o1" : "δ_o", "δ_h1"], "\(a) \(o) \(l)")
            let u = try XCTUnwrap(m.pending).update
            for (name, lines) in derived {
                let actual = name == "δ_h1" ? u.pass.delta(layer: 1, unit: 0) : u.pass.delta(layer: 2, unit: 0)
                let last = try XCTUnwrap(lines.first { $0.hasPrefix(" \(name) = ") }, "\(a) \(o) \(l): \(lines)")
                let parts = last.dropFirst().components(separatedBy: " = ")
                XCTAssertGreaterThanOrEqual(parts.count, 3, last)
                XCTAssertTrue(LedgerArithmetic.overlap(try LedgerArithmetic.interval(parts[1]), try LedgerArithmetic.interval(parts[2])),
                              "\(a) \(o) \(l): \(last)")
                XCTAssertEqual(try LedgerArithmetic.evaluate(parts[2]), actual, accuracy: 0.005 * abs(actual) + 1e-12, "\(a) \(o) \(l): \(last)")
            }
            // The factors themselves, unrounded: −∂E_t/∂z · ∂z/∂net for h1.
            let sizes = m.trainer.network.sizes
            let terms = (0..<sizes[2]).map { k in u.weightsBefore[1][sizes[2] + k] * u.pass.delta(layer: 2, unit: k) }
            let product = terms.reduce(0, +) * DeltaFormulas.activationSlope(a, net: u.pass.preActivation(layer: 1, unit: 0),
                                                                            z: u.pass.activation(layer: 1, unit: 0))
            XCTAssertEqual(product, u.pass.delta(layer: 1, unit: 0), accuracy: 1e-12, "\(a) \(o) \(l)")
        }
    }

    /// The lecture's case, by hand: sigmoid output, squared error, y = 0, ŷ = 0.567.
    func testTheLecturesOutputDerivation() {
        var settings = MLPSettings()
        settings.sizes = [2, 2, 1]
        let formulas = DeltaFormulas(settings, glyphs: .unicode)
        let yhat = 0.567, delta = -yhat * (1 - yhat) * yhat
        XCTAssertEqual(formulas.outputChain(name: "o", k: 0, target: [0], output: [yhat], delta: delta), [
            "chain rule: δ_o = −∂E_t/∂net_o", "  = −∂E_t/∂ŷ·∂ŷ/∂net_o",
            " ∂E_t/∂ŷ = −(y − ŷ) = −(0−0.567) = 0.567",
            " ∂ŷ/∂net_o = ŷ(1 − ŷ) = 0.567·(1−0.567) = 0.246",
            " δ_o = −0.567·0.246 = −0.139",
        ])
    }
}
