import NNCore
import XCTest

/// The error surface over two weights: its grid (single precision, from cached values) against E computed
/// directly with the two weights set, its slope against finite differences, and E at the current weights
/// against the trainer's own loss.
final class ErrorSurfaceTests: XCTestCase {
    private func network(_ sizes: [Int], _ activation: Activation, output: OutputActivation = .sigmoid, seed: UInt64 = 3) -> MLP {
        var rng = SplitMix64(seed: seed)
        return MLP(sizes: sizes, activation: activation, output: output, initialization: .uniform(range: 1.5), rng: &rng)
    }

    /// Every kind of pair (same unit, same layer, layers apart, into the output, either order), activation,
    /// output and loss: each grid value within single precision of E computed directly.
    func testTheGridIsTheErrorWithTheTwoWeightsSet() {
        let data = DatasetGenerator(kind: .moons, count: 37).generate(seed: 2).samples
        let blobs = DatasetGenerator(kind: .blobs, count: 29, classes: 3).generate(seed: 2).samples
        let bumps = DatasetGenerator(kind: .gaussians, count: 31).generate(seed: 2).samples
        let cases: [(MLP, [Sample], Loss)] = [
            (network([2, 3, 1], .sigmoid), data, .squaredError),
            (network([2, 4, 3, 1], .tanh), data, .squaredError),
            (network([2, 3, 3, 2, 1], .relu), data, .crossEntropy),
            (network([2, 3, 2, 1], .linear), data, .squaredError),
            (network([2, 4, 3], .tanh, output: .softmax), blobs, .crossEntropy),
            (network([2, 3, 3], .sigmoid, output: .softmax), blobs, .squaredError),
            (network([2, 4, 3, 1], .tanh, output: .linear), bumps, .squaredError),   // regression: ŷ = net
        ]
        for (net, samples, loss) in cases {
            let surface = ErrorSurface(network: net, samples: samples, loss: loss)
            // The first pair of each kind: into one unit, into two units of a layer, a layer apart, further apart,
            // into the output, and the higher weight first.
            let weights = WeightIndex.all(in: net), top = net.sizes.count - 2
            var kinds: [String: (WeightIndex, WeightIndex)] = [:]
            for a in weights {
                for b in weights where a != b && a.from != 0 {
                    let kind = a.layer > b.layer ? "reversed" : b.layer == top ? "output \(a.layer == b.layer)"
                        : a.layer == b.layer ? (a.to == b.to ? "one unit" : "two units") : b.layer - a.layer == 1 ? "apart" : "further"
                    if kinds[kind] == nil { kinds[kind] = (a, b) }
                }
            }
            let pairs = kinds.keys.sorted().map { kinds[$0]! }
            XCTAssertGreaterThanOrEqual(pairs.count, 5)
            let offsetsA = [-0.7, 0, 0.45], offsetsB = [-1.1, 0, 0.3, 1.6]
            for (a, b) in pairs {
                let grid = surface.grid(a, b, offsetsA: offsetsA, offsetsB: offsetsB)
                let wa = net.parameters[a.flat(in: net)], wb = net.parameters[b.flat(in: net)]
                for (r, db) in offsetsB.enumerated() {
                    for (c, da) in offsetsA.enumerated() {
                        let direct = surface.error(a, wa + da, b, wb + db)
                        XCTAssertEqual(grid[r * offsetsA.count + c], direct, accuracy: 2e-5 * max(1, direct),
                                       "\(net.sizes) \(net.activation) \(loss) \(a) \(b) at (\(da), \(db))")
                    }
                }
            }
        }
    }

    /// ∂E/∂w by backpropagation against central differences of E, for every weight.
    func testTheSlopeIsTheFiniteDifference() {
        let data = DatasetGenerator(kind: .circles, count: 23).generate(seed: 4).samples
        for (net, loss) in [(network([2, 3, 2, 1], .tanh), Loss.squaredError), (network([2, 3, 3], .sigmoid, output: .softmax), .crossEntropy)] {
            let samples = net.outputCount == 1 ? data : data.map { Sample($0.x1, $0.x2, label: $0.label + ($0.x1 > 0 ? 1 : 0)) }
            let surface = ErrorSurface(network: net, samples: samples, loss: loss)
            let slope = surface.gradient()
            let h = 1e-6
            for w in WeightIndex.all(in: net) {
                let other = w == WeightIndex(layer: 0, from: 0, to: 0) ? WeightIndex(layer: 0, from: 1, to: 0) : WeightIndex(layer: 0, from: 0, to: 0)
                let value = net.parameters[w.flat(in: net)], held = net.parameters[other.flat(in: net)]
                let difference = (surface.error(w, value + h, other, held) - surface.error(w, value - h, other, held)) / (2 * h)
                XCTAssertEqual(slope[w.flat(in: net)], difference, accuracy: 1e-6 * max(1, abs(difference)), "\(w)")
            }
        }
    }

    /// At the current weights E is the trainer's loss for the epoch just ended, to the bit.
    func testTheErrorHereIsTheTrainersLoss() {
        var settings = MLPSettings()
        settings.sizes = [2, 5, 1]
        settings.activation = .tanh
        let samples = DatasetGenerator(kind: .xor, count: 40).generate(seed: 1).samples
        var trainer = MLPTrainer(samples: samples, settings: settings, seed: 2)
        for _ in 0..<3 { trainer.runEpoch() }
        let surface = ErrorSurface(network: trainer.network, samples: trainer.trainingSet, loss: settings.loss)
        XCTAssertEqual(surface.error, trainer.history.last?.loss)
    }

    /// A grid big enough to be split over cores has the same bits as its columns computed one at a time.
    func testASplitGridIsTheSameAsItsColumns() {
        var rng = SplitMix64(seed: 9)
        let net = MLP(sizes: [2, 16, 16, 1], activation: .tanh, output: .sigmoid, initialization: .xavier, rng: &rng)
        let surface = ErrorSurface(network: net, samples: DatasetGenerator(kind: .moons, count: 300).generate(seed: 1).samples, loss: .squaredError)
        let a = WeightIndex(layer: 0, from: 1, to: 3), b = WeightIndex(layer: 0, from: 2, to: 5)
        let offsetsA = (0..<40).map { Double($0) / 20 - 1 }, offsetsB = (0..<30).map { Double($0) / 15 - 1 }
        XCTAssertGreaterThan(surface.cost(a, b, columns: 40, rows: 30), 50_000_000)   // split
        let whole = surface.grid(a, b, offsetsA: offsetsA, offsetsB: offsetsB)
        for (c, da) in offsetsA.enumerated() {
            let column = surface.grid(a, b, offsetsA: [da], offsetsB: offsetsB)
            XCTAssertEqual((0..<30).map { whole[$0 * 40 + c] }, column, "column \(c)")
        }
    }
}
