import Foundation
@testable import NNCore
import XCTest

/// The convolutional network's stages against hand-computed examples, and its gradients against finite
/// differences.
final class CNNLayerTests: XCTestCase {
    private func net(_ shape: [Int], _ layers: [CNNLayer], seed: UInt64 = 1) throws -> ConvNet {
        var rng = SplitMix64(seed: seed)
        return try ConvNet(inputShape: shape, layers: layers, rng: &rng)
    }

    /// A vertical edge: left half 0, right half 9. The kernel [[1, 0, −1]] × 3 rows, as correlation, gives
    /// −27 where the window straddles the edge; as true convolution (kernel flipped) +27.
    func testCorrelationAndConvolutionOnAnEdge() throws {
        let image = Tensor(channels: 1, height: 4, width: 4, values: [0, 0, 9, 9, 0, 0, 9, 9, 0, 0, 9, 9, 0, 0, 9, 9])
        var correlation = try net([1, 4, 4], [.convolution(kernels: 1, size: 3, stride: 1, padding: .valid, mode: .correlation)])
        correlation.weights[0] = [1, 0, -1, 1, 0, -1, 1, 0, -1]
        XCTAssertEqual(correlation.forward(image)[1].nested, [[[-27, -27], [-27, -27]]])
        var convolution = try net([1, 4, 4], [.convolution(kernels: 1, size: 3, stride: 1, padding: .valid, mode: .convolution)])
        convolution.weights[0] = correlation.weights[0]
        XCTAssertEqual(convolution.forward(image)[1].nested, [[[27, 27], [27, 27]]])
    }

    /// An asymmetric kernel shows the flip in both directions; the bias is added once per output.
    func testConvolutionFlipsRowsAndColumns() throws {
        let image = Tensor(channels: 1, height: 2, width: 2, values: [1, 2, 3, 4])
        var correlation = try net([1, 2, 2], [.convolution(kernels: 1, size: 2, stride: 1, padding: .valid, mode: .correlation)])
        correlation.weights[0] = [1, 10, 100, 1000]
        correlation.biases[0] = [0.5]
        XCTAssertEqual(correlation.forward(image)[1].values, [4321.5])   // 1·1 + 10·2 + 100·3 + 1000·4 + 0.5
        var convolution = try net([1, 2, 2], [.convolution(kernels: 1, size: 2, stride: 1, padding: .valid, mode: .convolution)])
        convolution.weights[0] = [1, 10, 100, 1000]
        convolution.biases[0] = [0.5]
        XCTAssertEqual(convolution.forward(image)[1].values, [1234.5])   // 1000·1 + 100·2 + 10·3 + 1·4 + 0.5
    }

    /// Stride 2 skips windows; `same` padding keeps the size with zeros outside; two input maps are summed.
    func testStridePaddingAndChannels() throws {
        let image = Tensor(channels: 1, height: 4, width: 4, values: (1...16).map(Double.init))
        var strided = try net([1, 4, 4], [.convolution(kernels: 1, size: 2, stride: 2, padding: .valid, mode: .correlation)])
        strided.weights[0] = [1, 1, 1, 1]
        let expected: [[[Double]]] = [[[14, 22], [46, 54]]]   // 1+2+5+6, 3+4+7+8; 9+10+13+14, 11+12+15+16
        XCTAssertEqual(strided.forward(image)[1].nested, expected)
        var same = try net([1, 4, 4], [.convolution(kernels: 1, size: 3, stride: 1, padding: .same, mode: .correlation)])
        same.weights[0] = [0, 0, 0, 0, 1, 0, 0, 0, 1]   // centre + lower right
        let out = same.forward(image)[1]
        XCTAssertEqual(out.shape, [1, 4, 4])
        XCTAssertEqual(out[0, 0, 0], 1 + 6)
        XCTAssertEqual(out[0, 3, 3], 16)   // the lower-right neighbour is padding
        let two = Tensor(channels: 2, height: 2, width: 2, values: [1, 2, 3, 4, 10, 20, 30, 40])
        var sum = try net([2, 2, 2], [.convolution(kernels: 2, size: 1, stride: 1, padding: .valid, mode: .correlation)])
        sum.weights[0] = [1, 1, 2, -1]   // map 0 = a + b, map 1 = 2a − b
        XCTAssertEqual(sum.forward(two)[1].nested, [[[11, 22], [33, 44]], [[-8, -16], [-24, -32]]])
    }

    func testMaxAndMeanPooling() throws {
        let maps = Tensor(channels: 1, height: 4, width: 4, values: [1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 1, 1, 0, 7, 1, 3])
        XCTAssertEqual(try net([1, 4, 4], [.pooling(.max, size: 2, stride: 2)]).forward(maps)[1].nested, [[[5, 8], [7, 3]]])
        XCTAssertEqual(try net([1, 4, 4], [.pooling(.mean, size: 2, stride: 2)]).forward(maps)[1].nested, [[[3.25, 2.75], [1.75, 1.5]]])
        XCTAssertEqual(try net([1, 4, 4], [.pooling(.max, size: 3, stride: 1)]).forward(maps)[1].nested, [[[8, 8], [8, 8]]])
    }

    /// The lecture's pooling, `x_ij = max_(|k|<τ, |l|<τ) y_(i−k, j−l)` with τ = 2: a 3×3 window centred on every
    /// value (stride 1, `same`), the values outside the map left out; its mean; and subsampling, `x_ij = y_(2i, 2j)`.
    func testCentredPoolingAndSubsampling() throws {
        let maps = Tensor(channels: 1, height: 4, width: 4, values: [1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 1, 1, 0, 7, 1, 3])
        let centredMax = try net([1, 4, 4], [.pooling(.max, size: 3, stride: 1, padding: .same)]).forward(maps)[1]
        XCTAssertEqual(centredMax.nested, [[[5, 8, 8, 8], [5, 8, 8, 8], [7, 8, 8, 8], [7, 7, 7, 3]]])
        let centredMean = try net([1, 4, 4], [.pooling(.mean, size: 3, stride: 1, padding: .same)]).forward(maps)[1]
        XCTAssertEqual(centredMean[0, 0, 0], (1 + 5 + 3 + 4) / 4)            // a corner: 4 values inside the map
        XCTAssertEqual(centredMean[0, 1, 1], (1 + 5 + 2 + 3 + 4 + 8 + 0 + 0 + 1) / 9)
        XCTAssertEqual(centredMean[0, 3, 3], (1 + 1 + 1 + 3) / 4)
        XCTAssertEqual(try net([1, 4, 4], [.pooling(.max, size: 3, stride: 2, padding: .same)]).forward(maps)[1].nested, [[[5, 8], [7, 8]]])
        for subsample in [CNNLayer.pooling(.subsample, size: 2, stride: 2), .pooling(.subsample, size: 1, stride: 2),
                          .pooling(.subsample, size: 3, stride: 2, padding: .same)] {
            XCTAssertEqual(try net([1, 4, 4], [subsample]).forward(maps)[1].nested, [[[1, 2], [0, 1]]], "\(subsample)")
        }
        XCTAssertEqual(try net([1, 5, 5], [.pooling(.max, size: 3, stride: 1, padding: .same)]).shapes[1], [1, 5, 5])
        XCTAssertEqual(try net([1, 5, 5], [.pooling(.max, size: 3, stride: 2, padding: .same)]).shapes[1], [1, 3, 3])
    }

    /// Parameters and multiply-adds of a small network, worked by hand: conv 4 × 3×3 on 1×8×8 (valid) →
    /// 4×6×6, ReLU, 2×2 max pooling → 4×3×3, flatten → 36, dense 10, softmax.
    func testStageCostsOfAHandWorkedNetwork() throws {
        let network = try net([1, 8, 8], [.convolution(kernels: 4, size: 3, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
                                          .pooling(.max, size: 2, stride: 2), .flatten, .dense(units: 10), .softmax])
        let costs = network.stageCosts
        // 4 kernels × 1 map × 9 weights + 4 biases; 4 maps × 36 cells × 9 products; each weight at 36 cells.
        XCTAssertEqual(costs[0], StageCost(weights: 36, biases: 4, multiplyAdds: 1_296, usesPerWeight: 36,
                                           fullyConnected: .init(weights: 64 * 144, biases: 144)))
        XCTAssertEqual(costs[0].fullyConnected?.multiplyAdds, 9_216)
        for l in [1, 2, 3, 5] { XCTAssertEqual(costs[l], StageCost(weights: 0, biases: 0, multiplyAdds: 0, usesPerWeight: 0), "stage \(l)") }
        XCTAssertEqual(costs[4], StageCost(weights: 360, biases: 10, multiplyAdds: 360, usesPerWeight: 1))
        XCTAssertEqual(costs.map(\.parameters).reduce(0, +), 410)
        XCTAssertEqual(costs.map(\.multiplyAdds).reduce(0, +), 1_656)
        // Same padding keeps 16×16: 4 × 256 cells × 9 (the padding's positions counted); two input maps double a kernel.
        let same = try net([1, 16, 16], [.convolution(kernels: 4, size: 3, stride: 1, padding: .same, mode: .convolution),
                                         .convolution(kernels: 8, size: 3, stride: 1, padding: .valid, mode: .correlation)])
        XCTAssertEqual(same.stageCosts[0], StageCost(weights: 36, biases: 4, multiplyAdds: 9_216, usesPerWeight: 256,
                                                     fullyConnected: .init(weights: 262_144, biases: 1_024)))
        XCTAssertEqual(same.stageCosts[1], StageCost(weights: 288, biases: 8, multiplyAdds: 8 * 196 * 36, usesPerWeight: 196,
                                                     fullyConnected: .init(weights: 1_024 * 1_568, biases: 1_568)))
    }

    /// A shift moves the values and lets zeros in; the relative change is ‖b − a‖ / ‖a‖. One bright pixel
    /// moved within a 2×2 pooling window changes the input by √2 and the pooled map not at all.
    func testShiftAndRelativeChange() throws {
        let image = Tensor(channels: 1, height: 3, width: 3, values: (1...9).map(Double.init))
        XCTAssertEqual(image.shifted(right: 1, down: 0).nested, [[[0, 1, 2], [0, 4, 5], [0, 7, 8]]])
        XCTAssertEqual(image.shifted(right: 0, down: -1).nested, [[[4, 5, 6], [7, 8, 9], [0, 0, 0]]])
        XCTAssertEqual(image.shifted(right: -2, down: 2).nested, [[[0, 0, 0], [0, 0, 0], [3, 0, 0]]])
        XCTAssertEqual(Tensor(channels: 1, height: 1, width: 2, values: [3, 4]).relativeChange(to: Tensor(channels: 1, height: 1, width: 2, values: [3, 0])), 0.8)
        XCTAssertNil(Tensor(channels: 1, height: 1, width: 2).relativeChange(to: Tensor(channels: 1, height: 1, width: 2, values: [1, 1])))
        var dot = Tensor(channels: 1, height: 4, width: 4)
        dot[0, 0, 0] = 1
        let pool = try net([1, 4, 4], [.pooling(.max, size: 2, stride: 2)])
        let moved = dot.shifted(right: 1, down: 0)
        XCTAssertEqual(dot.relativeChange(to: moved), 2.0.squareRoot())
        XCTAssertEqual(pool.forward(dot)[1].relativeChange(to: pool.forward(moved)[1]), 0)
        XCTAssertEqual(pool.forward(dot)[1].relativeChange(to: pool.forward(moved.shifted(right: 1, down: 0))[1]), 2.0.squareRoot())
    }

    func testShapesAndErrors() throws {
        let lenet = try net([1, 16, 16], [.convolution(kernels: 6, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
                                          .pooling(.max, size: 2, stride: 2), .convolution(kernels: 12, size: 3, stride: 1, padding: .valid, mode: .correlation),
                                          .activation(.relu), .pooling(.max, size: 2, stride: 2), .flatten, .dense(units: 10), .softmax])
        XCTAssertEqual(lenet.shapes, [[1, 16, 16], [6, 12, 12], [6, 12, 12], [6, 6, 6], [12, 4, 4], [12, 4, 4], [12, 2, 2], [48, 1, 1], [10, 1, 1], [10, 1, 1]])
        XCTAssertEqual(lenet.weights.map(\.count), [150, 0, 0, 648, 0, 0, 0, 480, 0])
        XCTAssertThrowsError(try net([1, 4, 4], [.convolution(kernels: 1, size: 5, stride: 1, padding: .valid, mode: .correlation)])) {
            XCTAssertEqual($0 as? ShapeError, ShapeError("a 5×5 kernel does not fit 4×4 maps"))
        }
        XCTAssertThrowsError(try net([1, 4, 4], [.pooling(.max, size: 5, stride: 1)])) {
            XCTAssertEqual($0 as? ShapeError, ShapeError("a 5×5 pooling window does not fit 4×4 maps"))
        }
    }

    // MARK: gradients

    /// The loss `L = Σ r · output` (r fixed random weights) checked by central differences for every weight,
    /// bias and input value.
    private func checkGradients(_ layers: [CNNLayer], input shape: [Int], seed: UInt64 = 3, file: StaticString = #filePath, line: UInt = #line) throws {
        var rng = SplitMix64(seed: seed)
        let network = try ConvNet(inputShape: shape, layers: layers, rng: &rng)
        // Distinct input values (no ties for max pooling).
        let input = Tensor(channels: shape[0], height: shape[1], width: shape[2],
                           values: (0..<(shape[0] * shape[1] * shape[2])).map { _ in rng.uniform(-1, 1) })
        let out = network.outputShape
        let r = Tensor(channels: out[0], height: out[1], width: out[2], values: (0..<(out[0] * out[1] * out[2])).map { _ in rng.uniform(-1, 1) })
        func loss(_ net: ConvNet, _ x: Tensor) -> Double { zip(net.forward(x).last!.values, r.values).reduce(0) { $0 + $1.0 * $1.1 } }
        var gradients = ConvNetGradients(zeroFor: network)
        let inputGradient = network.backward(network.forward(input), gradient: r, fromLayer: layers.count - 1, into: &gradients)
        let h = 1e-6
        for l in layers.indices {
            for n in network.weights[l].indices {
                var plus = network, minus = network
                plus.weights[l][n] += h; minus.weights[l][n] -= h
                XCTAssertEqual(gradients.weights[l][n], (loss(plus, input) - loss(minus, input)) / (2 * h), accuracy: 1e-6,
                               "weight \(n) of layer \(l)", file: file, line: line)
            }
            for n in network.biases[l].indices {
                var plus = network, minus = network
                plus.biases[l][n] += h; minus.biases[l][n] -= h
                XCTAssertEqual(gradients.biases[l][n], (loss(plus, input) - loss(minus, input)) / (2 * h), accuracy: 1e-6,
                               "bias \(n) of layer \(l)", file: file, line: line)
            }
        }
        for n in input.values.indices {
            var plus = input, minus = input
            plus.values[n] += h; minus.values[n] -= h
            XCTAssertEqual(inputGradient.values[n], (loss(network, plus) - loss(network, minus)) / (2 * h), accuracy: 1e-6,
                           "input \(n)", file: file, line: line)
        }
    }

    func testConvolutionGradients() throws {
        for mode in ConvolutionMode.allCases {
            try checkGradients([.convolution(kernels: 2, size: 3, stride: 1, padding: .valid, mode: mode)], input: [2, 5, 5])
            try checkGradients([.convolution(kernels: 2, size: 3, stride: 2, padding: .same, mode: mode)], input: [1, 6, 6])
            // Enough maps for the kernels' vectors of four maps (and a part-filled one), rows of odd widths.
            try checkGradients([.convolution(kernels: 5, size: 3, stride: 1, padding: .same, mode: mode)], input: [6, 5, 7])
            try checkGradients([.convolution(kernels: 9, size: 2, stride: 1, padding: .valid, mode: mode)], input: [3, 3, 4])
        }
    }

    /// The vectorised stride-1 convolution adds the same terms in the same order as the plain loops: the same
    /// bits, for widths below, at and past a vector of four and an odd number of rows.
    func testStrideOneConvolutionMatchesThePlainSums() throws {
        var rng = SplitMix64(seed: 11)
        for (channels, height, width, kernels, size) in [(1, 5, 5, 2, 3), (2, 7, 9, 3, 3), (3, 6, 4, 4, 2), (1, 9, 12, 6, 5), (2, 2, 2, 1, 1), (2, 5, 14, 3, 3), (1, 4, 12, 2, 3)] {
            let network = try net([channels, height, width], [.convolution(kernels: kernels, size: size, stride: 1, padding: .valid, mode: .correlation)])
            var biased = network
            biased.biases[0] = (0..<kernels).map { _ in rng.uniform(-1, 1) }
            let input = Tensor(channels: channels, height: height, width: width, values: (0..<(channels * height * width)).map { _ in rng.uniform(-1, 1) })
            let output = biased.forward(input)[1]
            for o in 0..<kernels {
                for i in 0..<output.height {
                    for j in 0..<output.width {
                        var sum = biased.biases[0][o]
                        for c in 0..<channels {
                            for k in 0..<size {
                                for m in 0..<size { sum += biased.weights[0][((o * channels + c) * size + k) * size + m] * input[c, i + k, j + m] }
                            }
                        }
                        XCTAssertEqual(output[o, i, j], sum, "\(channels)×\(height)×\(width), map \(o) at (\(i), \(j))")
                    }
                }
            }
        }
    }

    /// The input gradient of a stride-1 convolution: for each input value, the sum over the output cells its
    /// windows cover, in reading order of those cells, of each cell's `Σ_o w · g` (summed over the maps first):
    /// the same bits, for channels below, at and past a vector of four.
    func testConvolutionInputGradientMatchesThePlainSums() throws {
        var rng = SplitMix64(seed: 12)
        for (channels, height, width, kernels, size) in [(1, 5, 5, 2, 3), (6, 14, 14, 16, 5), (3, 7, 9, 5, 3), (5, 4, 6, 3, 2), (2, 3, 3, 4, 3)] {
            let w = (0..<(kernels * channels * size * size)).map { _ in rng.uniform(-1, 1) }
            let outHeight = height - size + 1, outWidth = width - size + 1
            let g = (0..<(kernels * outHeight * outWidth)).map { _ in rng.uniform(-1, 1) }
            var expected = [Double](repeating: 0, count: channels * height * width)
            for i in 0..<outHeight {
                for j in 0..<outWidth {
                    for c in 0..<channels {
                        for k in 0..<size {
                            for m in 0..<size {
                                var sum = 0.0
                                for o in 0..<kernels { sum += g[(o * outHeight + i) * outWidth + j] * w[((o * channels + c) * size + k) * size + m] }
                                expected[(c * height + i + k) * width + j + m] += sum
                            }
                        }
                    }
                }
            }
            var gx = [Double](repeating: .nan, count: expected.count), scratch = [Double](repeating: 0, count: 100_000)
            Kernels.current.convolutionInputGradient(w: w, g: g, gx: &gx, inChannels: channels, inHeight: height, inWidth: width,
                                                     kernels: kernels, size: size, scratch: &scratch)
            XCTAssertEqual(gx, expected, "\(channels)×\(height)×\(width), \(kernels) kernels of \(size)×\(size)")
        }
    }

    func testPoolingGradients() throws {
        for kind in PoolingKind.allCases {
            try checkGradients([.pooling(kind, size: 2, stride: 2)], input: [2, 4, 4])
            try checkGradients([.pooling(kind, size: 3, stride: 1)], input: [1, 5, 5])
            try checkGradients([.pooling(kind, size: 3, stride: 1, padding: .same)], input: [2, 4, 4])
            try checkGradients([.pooling(kind, size: 3, stride: 2, padding: .same)], input: [1, 5, 5])
        }
    }

    func testDenseActivationAndSoftmaxGradients() throws {
        for f in [Activation.relu, .sigmoid, .tanh] {
            try checkGradients([.flatten, .dense(units: 3), .activation(f), .dense(units: 4), .softmax], input: [2, 2, 2])
        }
        try checkGradients([.convolution(kernels: 2, size: 2, stride: 1, padding: .valid, mode: .correlation), .activation(.tanh),
                            .pooling(.max, size: 2, stride: 1), .flatten, .dense(units: 3), .softmax], input: [1, 4, 4])
    }

    /// Softmax and cross-entropy together: the gradient `p − y` equals finite differences of `−log p_label`.
    func testSoftmaxCrossEntropyGradient() throws {
        var rng = SplitMix64(seed: 8)
        let network = try ConvNet(inputShape: [1, 3, 3], layers: [.convolution(kernels: 2, size: 2, stride: 1, padding: .valid, mode: .correlation),
                                                                   .activation(.relu), .flatten, .dense(units: 3), .softmax], rng: &rng)
        let input = Tensor(channels: 1, height: 3, width: 3, values: (0..<9).map { _ in rng.uniform(-1, 1) })
        var gradients = ConvNetGradients(zeroFor: network)
        let loss = network.addGradients(network.forward(input), label: 2, into: &gradients)
        XCTAssertEqual(loss, ConvNet.crossEntropy(network.forward(input).last!, label: 2))
        let h = 1e-6
        for l in network.layers.indices {
            for n in network.weights[l].indices {
                var plus = network, minus = network
                plus.weights[l][n] += h; minus.weights[l][n] -= h
                let numeric = (ConvNet.crossEntropy(plus.forward(input).last!, label: 2) - ConvNet.crossEntropy(minus.forward(input).last!, label: 2)) / (2 * h)
                XCTAssertEqual(gradients.weights[l][n], numeric, accuracy: 1e-6, "weight \(n) of layer \(l)")
            }
        }
    }
}

final class CNNTrainingTests: XCTestCase {
    /// The embedded digits are the shipped file's, value for value (regenerate the Swift file if this fails).
    func testEmbeddedDigitsMatchTheShippedFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/NNCore/CNN/optdigits-8x8.csv.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-dc", file.path]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        do { try gzip.run() } catch { throw XCTSkip("gzip is not available: \(error)") }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        gzip.waitUntilExit()
        let rows = text.split(separator: "\n").map { $0.split(separator: ",").map { Double($0)! } }
        XCTAssertEqual(rows.count, 1797)
        XCTAssertEqual(Optdigits.images.count, rows.count)
        for (row, sample) in zip(rows, Optdigits.images) {
            XCTAssertEqual(sample.image.values.map { $0 * 16 }, Array(row.prefix(64)))
            XCTAssertEqual(Double(sample.label), row[64])
        }
        XCTAssertEqual(Set(Optdigits.images.map(\.label)), Set(0...9))
    }

    /// A small CNN learns a few hundred digits in six epochs, deterministically by seed; frozen kernels stay
    /// as set.
    func testASmallNetworkLearnsDigits() throws {
        let images = Array(Optdigits.images.prefix(300))
        var rng = SplitMix64(seed: 1)
        var network = try ConvNet(inputShape: [1, 8, 8], layers: [.convolution(kernels: 4, size: 3, stride: 1, padding: .valid, mode: .correlation),
                                                                  .activation(.relu), .pooling(.max, size: 2, stride: 2), .flatten,
                                                                  .dense(units: 10), .softmax], rng: &rng)
        var settings = CNNSettings()
        settings.maxEpochs = 6
        settings.batchSize = 16
        var trainer = CNNTrainer(images: images, network: network, settings: settings, seed: 2)
        XCTAssertEqual(trainer.trainingSet.count, 225)
        XCTAssertEqual(trainer.testSet.count, 75)
        trainer.run()
        XCTAssertEqual(trainer.status, .finished(epochs: 6))
        let last = try XCTUnwrap(trainer.history.last)
        XCTAssertLessThan(last.loss, trainer.history[0].loss)
        XCTAssertGreaterThan(last.testAccuracy ?? 0, 0.8)
        // The confusion matrix of the same pass, as one image at a time through the trained network counts it.
        let matrix = try XCTUnwrap(trainer.testConfusion)
        var counted = Array(repeating: Array(repeating: 0, count: 10), count: 10)
        for sample in trainer.testSet { counted[sample.label][CNNTrainer.predictedClass(trainer.network.forward(sample.image).last!)] += 1 }
        XCTAssertEqual(matrix, counted)
        XCTAssertEqual(matrix.flatMap { $0 }.reduce(0, +), 75)
        XCTAssertEqual(Double((0..<10).map { matrix[$0][$0] }.reduce(0, +)) / 75, last.testAccuracy ?? 0, accuracy: 1e-12)
        var again = CNNTrainer(images: images, network: network, settings: settings, seed: 2)
        again.run()
        XCTAssertEqual(again.history, trainer.history)
        // Frozen kernels stay as set while the rest learns.
        network.frozen[0] = true
        settings.maxEpochs = 1
        var frozen = CNNTrainer(images: images, network: network, settings: settings, seed: 2)
        frozen.run()
        XCTAssertEqual(frozen.network.weights[0], network.weights[0])
        XCTAssertNotEqual(frozen.network.weights[4], network.weights[4])
    }
}

final class GlyphImagesTests: XCTestCase {
    func testGeneratedImagesAreSeededBalancedAndInRange() {
        let digits = GlyphImages.digits(perClass: 5, seed: 3)
        XCTAssertEqual(digits.count, 50)
        XCTAssertEqual(Dictionary(grouping: digits, by: \.label).mapValues(\.count), Dictionary(uniqueKeysWithValues: (0..<10).map { ($0, 5) }))
        XCTAssertTrue(digits.allSatisfy { $0.image.shape == [1, 16, 16] && $0.image.values.allSatisfy { (0...1).contains($0) } })
        XCTAssertEqual(GlyphImages.digits(perClass: 5, seed: 3), digits)
        XCTAssertNotEqual(GlyphImages.digits(perClass: 5, seed: 4), digits)
        let shapes = GlyphImages.shapes(perClass: 4, seed: 3)
        XCTAssertEqual(Set(shapes.map(\.label)), Set(GlyphImages.shapeNames.indices))
        XCTAssertEqual(shapes.count, 4 * GlyphImages.shapeNames.count)
    }

    /// A digit is the font's at twice its size: its bright pixels (above the noise) draw the font's rows.
    func testADigitIsTheFontsGlyphScaledUp() {
        var rng = SplitMix64(seed: 9)
        let one = GlyphImages.drawDigit(1, &rng)
        let bright = one.values.filter { $0 > 0.6 }.count
        // "1" has 13 set bits in the 5×7 font; each is 2×2 pixels (2×3 when bold), a few lost to noise.
        XCTAssertGreaterThan(bright, 13 * 4 - 6)
        XCTAssertLessThan(bright, 13 * 6 + 6)
        // A vertical bar's column sums: the bright columns are contiguous.
        var shapeRNG = SplitMix64(seed: 2)
        let bar = GlyphImages.drawShape(0, &shapeRNG)
        let columns = (0..<16).filter { x in (0..<16).map { bar[0, $0, x] }.reduce(0, +) > 12 }
        XCTAssertFalse(columns.isEmpty)
        XCTAssertEqual(columns.last! - columns.first! + 1, columns.count)
    }
}

final class ImageFilesTests: XCTestCase {
    func testPGM() throws {
        func parsePGM(_ text: String) throws -> Tensor { try ImageFiles.parsePicture(Array(text.utf8)) }
        let image = try parsePGM("P2 # text form\n2 2 255\n0 255\n128 64\n")
        XCTAssertEqual(image.nested, [[[0, 1], [128.0 / 255, 64.0 / 255]]])
        // Binary PGM (P5) is read since issue 13 (PictureFileTests); a header without its pixels is truncated.
        XCTAssertThrowsError(try parsePGM("P5\n2 2 255\n")) { XCTAssertEqual(($0 as? ImageFileError)?.message, "the file ends at byte 11, before pixel 1 of 4 (binary, 1 byte a value)") }
        XCTAssertThrowsError(try parsePGM("P2\n2 2 9\n0 1\n2\n")) { XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 4, message: "the file ends before its pixel 4 of 4")) }
        XCTAssertThrowsError(try parsePGM("P2\n2 2 9\n0 1\n2 10\n")) { XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 4, message: "pixel 4 of 4 must be an integer from 0 to 9, found 10")) }
        XCTAssertThrowsError(try parsePGM("P2\n1 1 9\n0 1\n")) { XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 3, message: "more values than the 1×1 pixels")) }
    }

    func testPixelRows() throws {
        let images = try ImageFiles.parseCSV("1,2,3,4,5,6,7,8,9,3\n\n# x\n9,8,7,6,5,4,3,2,1,0\n")
        XCTAssertEqual(images.map(\.label), [3, 0])
        XCTAssertEqual(images[0].image.shape, [1, 3, 3])
        XCTAssertThrowsError(try ImageFiles.parseCSV("1,2,3,4,0\n1,2,3,4,5,6,7,8,9,1\n")) {
            XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 2, message: "every image must be 2×2 like the first; this row has 9 pixels"))
        }
        XCTAssertThrowsError(try ImageFiles.parseCSV("1,x,3,4,0\n")) { XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 1, message: "pixel 2 is not a number: \"x\"")) }
        XCTAssertThrowsError(try ImageFiles.parseCSV("1,2,3,4,12\n")) { XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 1, message: "class must be an integer from 0 to 9, found \"12\"")) }
        XCTAssertThrowsError(try ImageFiles.parseCSV("# nothing\n")) { XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 1, message: "no images: every row is blank or a comment")) }
    }
}
