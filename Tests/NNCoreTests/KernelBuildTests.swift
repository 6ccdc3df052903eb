#if canImport(NNKernelsAVX2)
import Foundation
import NNCore
import NNKernelInterface
import NNKernels
import NNKernelsAVX2
import XCTest

final class KernelBuildTests: XCTestCase {
    private let baseline = NNKernels.Build.self, avx2 = NNKernelsAVX2.Build.self

    /// Both builds of the kernels give the same bits (no fused multiply-add in either), so training is
    /// reproducible across machines with and without AVX2.
    func testAVX2AndBaselineBuildsAgreeToTheBit() throws {
        try XCTSkipUnless(kernelBuildName == "avx2" || ProcessInfo.processInfo.environment["NNX_KERNELS"] == "baseline",
                          "this CPU cannot run the AVX2 build")
        var rng = SplitMix64(seed: 11)
        let fanIn = 7, fanOut = 9, n = 13
        let w = (0..<((fanIn + 1) * fanOut)).map { _ in rng.uniform(-1, 1) }
        let input = (0..<(fanIn * n)).map { _ in rng.uniform(-3, 3) }
        var netA = [Double](repeating: 0, count: fanOut * n), netB = netA
        baseline.denseForward(w, fanIn: fanIn, fanOut: fanOut, input: input, net: &netA, columns: n)
        avx2.denseForward(w, fanIn: fanIn, fanOut: fanOut, input: input, net: &netB, columns: n)
        XCTAssertEqual(netA, netB)
        for code in [NNKernels.ActivationCode.sigmoid, NNKernels.ActivationCode.tanh, NNKernels.ActivationCode.relu] {
            var zA = netA, zB = netA
            baseline.activateAll(code, netA, &zA, count: netA.count)
            avx2.activateAll(code, netA, &zB, count: netA.count)
            XCTAssertEqual(zA, zB, "activation \(code)")
            var dA = netA, dB = netA
            let above = (0..<(fanOut * n)).map { _ in rng.uniform(-1, 1) }
            baseline.hiddenDeltas(w, units: fanIn, above: fanOut, deltaAbove: above, net: input, z: input, activation: code, delta: &dA, columns: n)
            avx2.hiddenDeltas(w, units: fanIn, above: fanOut, deltaAbove: above, net: input, z: input, activation: code, delta: &dB, columns: n)
            XCTAssertEqual(dA, dB)
            var gA = w, gB = w, scratch = [Double](repeating: 0, count: n * (fanOut + 1))
            baseline.accumulateGradient(&gA, fanIn: fanIn, fanOut: fanOut, input: input, delta: zA, columns: n, scratch: &scratch)
            avx2.accumulateGradient(&gB, fanIn: fanIn, fanOut: fanOut, input: input, delta: zA, columns: n, scratch: &scratch)
            XCTAssertEqual(gA, gB)
        }
    }

    /// The convolution kernels too: forward, kernel gradient and input gradient.
    func testConvolutionKernelsAgreeToTheBit() throws {
        try XCTSkipUnless(kernelBuildName == "avx2" || ProcessInfo.processInfo.environment["NNX_KERNELS"] == "baseline",
                          "this CPU cannot run the AVX2 build")
        var rng = SplitMix64(seed: 12)
        let (channels, height, width, kernels, size) = (3, 9, 11, 6, 3)
        let x = (0..<(channels * height * width)).map { _ in rng.uniform(-1, 1) }
        let w = (0..<(kernels * channels * size * size)).map { _ in rng.uniform(-1, 1) }
        let b = (0..<kernels).map { _ in rng.uniform(-1, 1) }
        let outCount = kernels * (height - size + 1) * (width - size + 1)
        var yA = [Double](repeating: 0, count: outCount), yB = yA
        baseline.convolutionForward(x: x, w: w, b: b, y: &yA, inChannels: channels, inHeight: height, inWidth: width, kernels: kernels, size: size)
        avx2.convolutionForward(x: x, w: w, b: b, y: &yB, inChannels: channels, inHeight: height, inWidth: width, kernels: kernels, size: size)
        XCTAssertEqual(yA, yB)
        var scratch = [Double](repeating: 0, count: 10_000)
        var gwA = [Double](repeating: 0, count: w.count), gwB = gwA
        baseline.convolutionKernelGradient(x: x, g: yA, gw: &gwA, inChannels: channels, inHeight: height, inWidth: width,
                                            kernels: kernels, size: size, scratch: &scratch)
        avx2.convolutionKernelGradient(x: x, g: yA, gw: &gwB, inChannels: channels, inHeight: height, inWidth: width,
                                                kernels: kernels, size: size, scratch: &scratch)
        XCTAssertEqual(gwA, gwB)
        var gxA = [Double](repeating: 0, count: x.count), gxB = gxA
        baseline.convolutionInputGradient(w: w, g: yA, gx: &gxA, inChannels: channels, inHeight: height, inWidth: width,
                                           kernels: kernels, size: size, scratch: &scratch)
        avx2.convolutionInputGradient(w: w, g: yA, gx: &gxB, inChannels: channels, inHeight: height, inWidth: width,
                                               kernels: kernels, size: size, scratch: &scratch)
        XCTAssertEqual(gxA, gxB)
        XCTAssertNotEqual(gxA, [Double](repeating: 0, count: x.count))
    }

    /// And the CNN's batch kernels: strided products, outer products, activation slopes, the momentum step.
    func testCNNBatchKernelsAgreeToTheBit() throws {
        try XCTSkipUnless(kernelBuildName == "avx2" || ProcessInfo.processInfo.environment["NNX_KERNELS"] == "baseline",
                          "this CPU cannot run the AVX2 build")
        var rng = SplitMix64(seed: 13)
        let (inner, outer, n) = (11, 21, 13)
        func random(_ count: Int) -> [Double] { (0..<count).map { _ in rng.uniform(-1, 1) } }
        let c = random(inner * outer), first = random(outer), input = random(inner * n), b = random(outer * n)
        for (innerStride, outerStride) in [(outer, 1), (1, inner)] {
            var yA = [Double](repeating: 0, count: outer * n), yB = yA
            baseline.matrixProduct(first: first, coefficients: c, innerStride: innerStride, outerStride: outerStride, inner: inner,
                                   outer: outer, input: input, output: &yA, columns: n)
            avx2.matrixProduct(first: first, coefficients: c, innerStride: innerStride, outerStride: outerStride, inner: inner,
                               outer: outer, input: input, output: &yB, columns: n)
            XCTAssertEqual(yA, yB)
        }
        var gA = c, gB = c, scratch = [Double](repeating: 0, count: n * outer)
        baseline.accumulateOuterProducts(&gA, rowStride: outer, rows: inner, count: outer, a: input, b: b, columns: n, scratch: &scratch)
        avx2.accumulateOuterProducts(&gB, rowStride: outer, rows: inner, count: outer, a: input, b: b, columns: n, scratch: &scratch)
        XCTAssertEqual(gA, gB)
        XCTAssertNotEqual(gA, c)
        let y = input.map { 1 / (1 + exp(-$0)) }
        for code in [NNKernels.ActivationCode.sigmoid, NNKernels.ActivationCode.tanh, NNKernels.ActivationCode.relu] {
            var gxA = input, gxB = input
            baseline.activationGradient(code, x: input, y: y, g: b, gx: &gxA, count: input.count)
            avx2.activationGradient(code, x: input, y: y, g: b, gx: &gxB, count: input.count)
            XCTAssertEqual(gxA, gxB)
        }
        var (wA, vA) = (c, random(c.count)), (wB, vB) = (wA, vA)
        baseline.momentumStep(&wA, velocity: &vA, gradient: gA, scale: 0.01, momentum: 0.9, count: c.count)
        avx2.momentumStep(&wB, velocity: &vB, gradient: gA, scale: 0.01, momentum: 0.9, count: c.count)
        XCTAssertEqual(wA, wB)
        XCTAssertEqual(vA, vB)
    }

    /// A convolution's outputs are the bits of the plain loops (the bias, then the terms in order of input map,
    /// row and column), for wide and narrow maps (a row shorter than a vector), in double and single precision,
    /// in both builds.
    func testConvolutionForwardGivesThePlainLoopsBits() throws {
        try XCTSkipUnless(kernelBuildName == "avx2" || ProcessInfo.processInfo.environment["NNX_KERNELS"] == "baseline",
                          "this CPU cannot run the AVX2 build")
        var rng = SplitMix64(seed: 15)
        func plain<T: BinaryFloatingPoint>(_ x: [T], _ w: [T], _ b: [T], _ shape: (Int, Int, Int, Int, Int)) -> [T] {
            let (channels, height, width, kernels, size) = shape, outHeight = height - size + 1, outWidth = width - size + 1
            var y: [T] = []
            for o in 0..<kernels {
                for i in 0..<outHeight {
                    for j in 0..<outWidth {
                        var sum = b[o]
                        for c in 0..<channels {
                            for k in 0..<size {
                                for m in 0..<size { sum += w[((o * channels + c) * size + k) * size + m] * x[(c * height + i + k) * width + j + m] }
                            }
                        }
                        y.append(sum)
                    }
                }
            }
            return y
        }
        for shape in [(6, 14, 14, 16, 5), (1, 32, 32, 6, 5), (3, 9, 11, 6, 3), (2, 5, 6, 11, 3), (16, 5, 5, 9, 2)] {
            let (channels, height, width, kernels, size) = shape
            let x = (0..<(channels * height * width)).map { _ in rng.uniform(-1, 1) }
            let w = (0..<(kernels * channels * size * size)).map { _ in rng.uniform(-1, 1) }, b = (0..<kernels).map { _ in rng.uniform(-1, 1) }
            let (xf, wf, bf) = (x.map { Float($0) }, w.map { Float($0) }, b.map { Float($0) })
            let count = kernels * (height - size + 1) * (width - size + 1)
            for build in [baseline, avx2] as [any KernelBuild.Type] {
                var y = [Double](repeating: 0, count: count), yf = [Float](repeating: 0, count: count)
                build.convolutionForward(x: x, w: w, b: b, y: &y, inChannels: channels, inHeight: height, inWidth: width, kernels: kernels, size: size)
                build.convolutionForward(x: xf, w: wf, b: bf, y: &yf, inChannels: channels, inHeight: height, inWidth: width, kernels: kernels, size: size)
                XCTAssertEqual(y, plain(x, w, b, shape), "\(shape) \(build.name)")
                XCTAssertEqual(yf, plain(xf, wf, bf, shape), "\(shape) \(build.name), single")
            }
        }
    }

    /// The single-precision kernels (a CNN's `precision: single`) too: eight Floats a vector in both builds, no
    /// fused multiply-add, σ and tanh through the Double formulas.
    func testSinglePrecisionKernelsAgreeToTheBit() throws {
        try XCTSkipUnless(kernelBuildName == "avx2" || ProcessInfo.processInfo.environment["NNX_KERNELS"] == "baseline",
                          "this CPU cannot run the AVX2 build")
        var rng = SplitMix64(seed: 14)
        func random(_ count: Int) -> [Float] { (0..<count).map { _ in Float(rng.uniform(-1, 1)) } }
        // Widths that end in a part vector (11 − 3 + 1 = 9 columns) and below one vector (6 − 3 + 1 = 4).
        for (channels, height, width, kernels, size) in [(3, 9, 11, 6, 3), (2, 5, 6, 11, 3)] {
            let x = random(channels * height * width), w = random(kernels * channels * size * size), b = random(kernels)
            let outCount = kernels * (height - size + 1) * (width - size + 1)
            var yA = [Float](repeating: 0, count: outCount), yB = yA
            baseline.convolutionForward(x: x, w: w, b: b, y: &yA, inChannels: channels, inHeight: height, inWidth: width, kernels: kernels, size: size)
            avx2.convolutionForward(x: x, w: w, b: b, y: &yB, inChannels: channels, inHeight: height, inWidth: width, kernels: kernels, size: size)
            XCTAssertEqual(yA, yB)
            var scratch = [Float](repeating: 0, count: 10_000)
            var gwA = [Float](repeating: 0, count: w.count), gwB = gwA
            baseline.convolutionKernelGradient(x: x, g: yA, gw: &gwA, inChannels: channels, inHeight: height, inWidth: width,
                                               kernels: kernels, size: size, scratch: &scratch)
            avx2.convolutionKernelGradient(x: x, g: yA, gw: &gwB, inChannels: channels, inHeight: height, inWidth: width,
                                           kernels: kernels, size: size, scratch: &scratch)
            XCTAssertEqual(gwA, gwB)
            var gxA = [Float](repeating: 0, count: x.count), gxB = gxA
            baseline.convolutionInputGradient(w: w, g: yA, gx: &gxA, inChannels: channels, inHeight: height, inWidth: width,
                                              kernels: kernels, size: size, scratch: &scratch)
            avx2.convolutionInputGradient(w: w, g: yA, gx: &gxB, inChannels: channels, inHeight: height, inWidth: width,
                                          kernels: kernels, size: size, scratch: &scratch)
            XCTAssertEqual(gxA, gxB)
        }
        let (inner, outer, n) = (11, 21, 37)
        let c = random(inner * outer), first = random(outer), input = random(inner * n), b = random(outer * n)
        for (innerStride, outerStride) in [(outer, 1), (1, inner)] {
            var yA = [Float](repeating: 0, count: outer * n), yB = yA
            baseline.matrixProduct(first: first, coefficients: c, innerStride: innerStride, outerStride: outerStride, inner: inner,
                                   outer: outer, input: input, output: &yA, columns: n)
            avx2.matrixProduct(first: first, coefficients: c, innerStride: innerStride, outerStride: outerStride, inner: inner,
                               outer: outer, input: input, output: &yB, columns: n)
            XCTAssertEqual(yA, yB)
        }
        var gA = c, gB = c, scratch = [Float](repeating: 0, count: n * outer)
        baseline.accumulateOuterProducts(&gA, rowStride: outer, rows: inner, count: outer, a: input, b: b, columns: n, scratch: &scratch)
        avx2.accumulateOuterProducts(&gB, rowStride: outer, rows: inner, count: outer, a: input, b: b, columns: n, scratch: &scratch)
        XCTAssertEqual(gA, gB)
        XCTAssertNotEqual(gA, c)
        let net = input.map { $0 * 30 }
        for code in [NNKernels.ActivationCode.sigmoid, NNKernels.ActivationCode.tanh, NNKernels.ActivationCode.relu] {
            var zA = net, zB = net
            baseline.activateAll(code, net, &zA, count: net.count)
            avx2.activateAll(code, net, &zB, count: net.count)
            XCTAssertEqual(zA, zB, "activation \(code)")
            var gxA = input, gxB = input
            baseline.activationGradient(code, x: net, y: zA, g: b, gx: &gxA, count: net.count)
            avx2.activationGradient(code, x: net, y: zA, g: b, gx: &gxB, count: net.count)
            XCTAssertEqual(gxA, gxB)
        }
        // σ and tanh in single precision are the Double values rounded.
        var sigmoids = net
        baseline.activateAll(NNKernels.ActivationCode.sigmoid, net, &sigmoids, count: net.count)
        XCTAssertEqual(sigmoids, net.map { Float(NNKernels.activationValue(NNKernels.ActivationCode.sigmoid, Double($0))) })
    }
}
#endif
