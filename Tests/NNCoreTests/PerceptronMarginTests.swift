import XCTest
@testable import NNCore

/// R and γ of the convergence theorem, on x = (1, x1, x2) with a unit w that includes w0: hand-worked
/// examples, a check against an independent brute-force hard-margin solve, and the theorem itself.
final class PerceptronMarginTests: XCTestCase {
    private func margin(_ samples: [Sample], file: StaticString = #filePath, line: UInt = #line) throws -> PerceptronMargin {
        try XCTUnwrap(PerceptronMargin(samples: samples), file: file, line: line)
    }

    private func assertEqual(_ a: [Double]?, _ b: [Double], file: StaticString = #filePath, line: UInt = #line) {
        guard let a else { return XCTFail("no weights", file: file, line: line) }
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-12, file: file, line: line) }
    }

    /// AND: min ½‖w‖² with y·w·x ≥ 1 gives w = (−3, 2, 2) (by symmetry w1 = w2; active at (0, 1), (1, 0) and
    /// (1, 1), with multipliers 10, 10, 14 ≥ 0), so γ = 1/√17 and the unit w is (−3, 2, 2)/√17; R = ‖(1, 1, 1)‖.
    func testAND() throws {
        let m = try margin(PerceptronTests.andTable)
        XCTAssertEqual(m.radius, 3.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(m.margin), 1 / 17.0.squareRoot(), accuracy: 1e-12)
        assertEqual(m.weights, [-3, 2, 2].map { $0 / 17.0.squareRoot() })
        XCTAssertEqual(m.closest, [1, 2, 3])
        XCTAssertEqual(try XCTUnwrap(m.updateBound), 51, accuracy: 1e-9)   // 3 · 17
    }

    /// OR: w = (−1, 2, 2), active at (0, 0), (0, 1), (1, 0) ((1, 1) has y·w·x = 3), so γ = 1/3 and (R/γ)² = 27.
    func testOR() throws {
        let m = try margin(PerceptronTests.orTable)
        XCTAssertEqual(try XCTUnwrap(m.margin), 1.0 / 3, accuracy: 1e-12)
        assertEqual(m.weights, [-1, 2, 2].map { $0 / 3 })
        XCTAssertEqual(m.closest, [0, 1, 2])
        XCTAssertEqual(try XCTUnwrap(m.updateBound), 27, accuracy: 1e-9)
    }

    /// Two points: (0, 0) of class 0 and (1, 1) of class 1. z = (−1, 0, 0) and (1, 1, 1); the nearest point of
    /// the segment between them to the origin is (−1, 1, 1)/3, so γ = 1/√3 and w = (−1, 1, 1)/√3.
    func testTwoPoints() throws {
        let m = try margin([Sample(0, 0, label: 0), Sample(1, 1, label: 1)])
        XCTAssertEqual(try XCTUnwrap(m.margin), 1 / 3.0.squareRoot(), accuracy: 1e-12)
        assertEqual(m.weights, [-1, 1, 1].map { $0 / 3.0.squareRoot() })
        XCTAssertEqual(m.closest, [0, 1])
        XCTAssertEqual(try XCTUnwrap(m.updateBound), 9, accuracy: 1e-9)
    }

    /// One point (the lecture's x = (½, 1), y = −1): the best w points away from it, γ = R = ‖(1, ½, 1)‖ = 1.5.
    func testOnePoint() throws {
        let m = try margin([Sample(0.5, 1, label: 0)])
        XCTAssertEqual(m.radius, 1.5)
        XCTAssertEqual(try XCTUnwrap(m.margin), 1.5, accuracy: 1e-15)
        assertEqual(m.weights, [-1, -0.5, -1].map { $0 / 1.5 })
        XCTAssertEqual(try XCTUnwrap(m.updateBound), 1, accuracy: 1e-12)
    }

    /// XOR: the four z = y·(1, x1, x2) add up to 0, so the origin is in their hull: no γ, no bound.
    func testXORHasNoMargin() throws {
        let m = try margin(PerceptronTests.xorTable)
        XCTAssertNil(m.margin)
        XCTAssertNil(m.weights)
        XCTAssertNil(m.updateBound)
        XCTAssertEqual(m.radius, 3.0.squareRoot(), accuracy: 1e-15)
        // The same point in both classes.
        XCTAssertNil(try margin([Sample(0.3, 0.7, label: 0), Sample(0.3, 0.7, label: 1), Sample(2, 2, label: 1)]).margin)
        XCTAssertNil(PerceptronMargin(samples: []))
    }

    /// Against an independent solve of min ½‖w‖² with y·w·x ≥ 1 by enumeration: the optimum is held up by at
    /// most three points, on which the constraints are equalities (a tiny linear system each); the feasible
    /// candidate with the smallest ‖w‖ is optimal and γ = 1/‖w‖; none feasible: not separable.
    func testMatchesABruteForceHardMarginSolve() throws {
        var random = SplitMix64(seed: 11)
        var separable = 0, inseparable = 0
        for trial in 0..<300 {
            let count = 2 + Int(random.next() % 11)
            // A random line; points labelled by it, or, one trial in three, at random. Every other trial on a
            // small integer grid, where points repeat, line up and sit on the line (degenerate cases).
            let (a, b, c) = (random.uniform(-1, 1), random.uniform(-1, 1), random.uniform(-0.5, 0.5))
            let labelled = trial % 3 != 0, grid = trial % 2 == 0
            let samples = (0..<count).map { _ -> Sample in
                let x1 = grid ? Double(random.next() % 4) : random.uniform(-2, 2), x2 = grid ? Double(random.next() % 4) : random.uniform(-2, 2)
                let label = labelled ? (c + a * x1 + b * x2 >= 0 ? 1 : 0) : Int(random.next() % 2)
                return Sample(x1, x2, label: label)
            }
            let expected = bruteForceMargin(samples)
            let m = try margin(samples)
            if let expected {
                separable += 1
                let got = try XCTUnwrap(m.margin, "trial \(trial)")
                XCTAssertEqual(got, expected, accuracy: 1e-9 * max(1, expected), "trial \(trial)")
                let w = try XCTUnwrap(m.weights)
                XCTAssertEqual(w.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-12)
                let worst = samples.map { $0.signedTarget * Perceptron.activation(w, $0.x1, $0.x2) }.min()!
                XCTAssertEqual(worst, got, accuracy: 1e-15)   // γ is what this w achieves
            } else {
                inseparable += 1
                XCTAssertNil(m.margin, "trial \(trial): \(samples)")
            }
        }
        XCTAssertGreaterThan(separable, 150)
        XCTAssertGreaterThan(inseparable, 50)
    }

    /// The theorem on screen: from w = 0 the updates never exceed (R/γ)², whatever η and order.
    func testUpdatesStayWithinTheBound() throws {
        let sets = [PerceptronTests.andTable, PerceptronTests.orTable]
            + (1...6).map { DatasetGenerator(kind: .separable, count: 40, noise: 0.35, margin: 0.2).generate(seed: UInt64($0)).samples }
        for samples in sets {
            let bound = try XCTUnwrap(try margin(samples).updateBound)
            for eta in [1, 0.1] {
                for order in SampleOrder.allCases {
                    var trainer = PerceptronTrainer(samples: samples, settings: PerceptronSettings(learningRate: eta, order: order, maxEpochs: 10_000), seed: 5)
                    trainer.run()
                    guard case .converged = trainer.status else { return XCTFail("\(trainer.status)") }
                    XCTAssertLessThanOrEqual(Double(trainer.totalUpdates), bound)
                }
            }
        }
    }

    /// min ½‖w‖² subject to y_t·w·x_t ≥ 1, by trying every set of one to three points as the active ones.
    private func bruteForceMargin(_ samples: [Sample]) -> Double? {
        let z = samples.map { s in [1, s.x1, s.x2].map { $0 * s.signedTarget } }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        var best: Double?
        var subsets: [[Int]] = []
        for i in z.indices {
            subsets.append([i])
            for j in (i + 1)..<z.count {
                subsets.append([i, j])
                for k in (j + 1)..<z.count { subsets.append([i, j, k]) }
            }
        }
        for subset in subsets {
            // w = Σ α_i z_i with z_j·w = 1 on the subset: the Gram system G α = 1.
            let rows = subset.map { z[$0] }
            let gram = rows.map { r in rows.map { dot(r, $0) } }
            guard let alpha = solve(gram, Array(repeating: 1, count: rows.count)) else { continue }
            var w = [0.0, 0, 0]
            for (a, r) in zip(alpha, rows) { for d in 0..<3 { w[d] += a * r[d] } }
            guard z.allSatisfy({ dot($0, w) >= 1 - 1e-9 }) else { continue }
            let norm = dot(w, w).squareRoot()
            if best == nil || norm < best! { best = norm }
        }
        return best.map { 1 / $0 }
    }

    /// Gaussian elimination; nil when singular.
    private func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
        var a = zip(matrix, rhs).map { $0 + [$1] }
        let n = a.count
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            if abs(a[pivot][col]) < 1e-10 { return nil }
            a.swapAt(col, pivot)
            for row in 0..<n where row != col {
                let f = a[row][col] / a[col][col]
                for k in col...n { a[row][k] -= f * a[col][k] }
            }
        }
        return (0..<n).map { a[$0][n] / a[$0][$0] }
    }
}
