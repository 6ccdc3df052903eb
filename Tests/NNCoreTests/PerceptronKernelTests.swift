@testable import NNCore
import NNKernelInterface
import NNKernels
#if canImport(NNKernelsAVX2)
import NNKernelsAVX2
#endif
import XCTest

/// The perceptron's fast loops (in order, and branch-free with a speculated lane for shuffled orders, with
/// and without shuffling the next epoch's order), in both kernel builds, against the rule applied one visit
/// at a time and `SplitMix64.shuffle`.
final class PerceptronKernelTests: XCTestCase {
    private var builds: [any KernelBuild.Type] {
        var builds: [any KernelBuild.Type] = [NNKernels.Build.self]
        #if canImport(NNKernelsAVX2)
        if kernelBuildName == "avx2" { builds.append(NNKernelsAVX2.Build.self) }
        #endif
        return builds
    }

    /// Random orders with repeats, runs of mistakes and runs without, on data where `v` is often exactly 0 (the
    /// AND table from zero weights: `ŷ(0) = +1`) and on overlapping blobs; every count from 1 up.
    func testBothLoopsGiveTheRulesBitsAndMistakes() {
        let blobs = DatasetGenerator(kind: .overlapping, count: 60).generate(seed: 8).samples
        let and = [Sample(0, 0, label: 0), Sample(0, 1, label: 0), Sample(1, 0, label: 0), Sample(1, 1, label: 1)]
        var rng = SplitMix64(seed: 11)
        for (samples, eta, start) in [(blobs, 0.1, [0.05, -0.3, 0.2]), (and, 1.0, [0.0, 0.0, 0.0]), (and, 0.25, [0.0, 0.0, 0.0])] {
            let packed = PerceptronFastData.pack(samples, learningRate: eta)
            for count in [1, 2, 3, 7, 64, 500] {
                let order = (0..<count).map { _ in rng.index(below: samples.count) }
                var expected = start, expectedMistakes = 0
                for i in order {
                    let s = samples[i]
                    let result = Perceptron.update(weights: expected, x1: s.x1, x2: s.x2, y: s.signedTarget, learningRate: eta)
                    expected = result.weights
                    if result.error != 0 { expectedMistakes += 1 }
                }
                var shuffled = order, generator = SplitMix64(seed: UInt64(count))
                generator.shuffle(&shuffled)
                for build in builds {
                    for name in ["in order", "shuffled", "shuffled, shuffling the next order"] {
                        var w = start, next = order, random = UInt64(count)
                        let mistakes = switch name {
                        case "in order": build.perceptronVisitsInOrder(samples: packed, order: order, count: count, w: &w)
                        case "shuffled":
                            build.perceptronVisitsShuffled(samples: packed, order: order, count: count, w: &w, next: nil, random: &random)
                        default: build.perceptronVisitsShuffled(samples: packed, order: order, count: count, w: &w, next: &next, random: &random)
                        }
                        let context = "\(build.name) \(name) η=\(eta) \(count) visits"
                        XCTAssertEqual(w.map(\.bitPattern), expected.map(\.bitPattern), context)
                        XCTAssertEqual(mistakes, expectedMistakes, context)
                        if name.hasSuffix("next order") {
                            XCTAssertEqual(next, shuffled, context)
                            XCTAssertEqual(random, generator.state, context)
                        }
                    }
                }
            }
        }
    }
}
