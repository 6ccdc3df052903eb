#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a CNN's batched passes compute (`cnn: {precision: …}`): in double precision (the default, the bits of
/// the one-image layers), or in single precision, which takes about 60 % of the time. Either way the
/// weights are kept and updated in double precision; single precision rounds them to Float at each batch's
/// start and adds the batch's Float gradient to the Double one.
public enum CNNPrecision: String, Sendable, Hashable, CaseIterable {
    case double, single
}

/// The number a batch computes in (`ConvNetBatch<Scalar>`), Double or Float, and the kernels of
/// `Kernels.current` for it.
protocol BatchScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
    /// `values` in this precision (Double: the array itself, not a copy).
    static func converted(_ values: [Double]) -> [Self]
    /// e^x (the C library's `exp` or `expf`).
    static func exponential(_ x: Self) -> Self

    static func convolutionForward(x: UnsafePointer<Self>, w: UnsafePointer<Self>, b: UnsafePointer<Self>?, y: UnsafeMutablePointer<Self>,
                                   inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int)
    static func convolutionKernelGradient(x: UnsafePointer<Self>, g: UnsafePointer<Self>, gw: UnsafeMutablePointer<Self>, inChannels: Int,
                                          inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<Self>)
    static func convolutionInputGradient(w: UnsafePointer<Self>, g: UnsafePointer<Self>, gx: UnsafeMutablePointer<Self>, inChannels: Int,
                                         inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<Self>)
    static func matrixProduct(first: UnsafePointer<Self>?, coefficients: UnsafePointer<Self>, innerStride: Int, outerStride: Int,
                              inner: Int, outer: Int, input: UnsafePointer<Self>, output: UnsafeMutablePointer<Self>, columns n: Int)
    static func accumulateOuterProducts(_ g: UnsafeMutablePointer<Self>, rowStride: Int, rows: Int, count: Int, a: UnsafePointer<Self>,
                                        b: UnsafePointer<Self>, columns n: Int, scratch: UnsafeMutablePointer<Self>)
    static func activateAll(_ code: Int, _ net: UnsafePointer<Self>, _ z: UnsafeMutablePointer<Self>, count: Int)
    static func activationGradient(_ code: Int, x: UnsafePointer<Self>, y: UnsafePointer<Self>, g: UnsafePointer<Self>,
                                   gx: UnsafeMutablePointer<Self>, count: Int)
}

extension Double: BatchScalar {
    static func converted(_ values: [Double]) -> [Double] { values }
    static func exponential(_ x: Double) -> Double { exp(x) }

    static func convolutionForward(x: UnsafePointer<Double>, w: UnsafePointer<Double>, b: UnsafePointer<Double>?, y: UnsafeMutablePointer<Double>,
                                   inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int) {
        Kernels.current.convolutionForward(x: x, w: w, b: b, y: y, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth,
                                           kernels: kernels, size: size)
    }
    static func convolutionKernelGradient(x: UnsafePointer<Double>, g: UnsafePointer<Double>, gw: UnsafeMutablePointer<Double>, inChannels: Int,
                                          inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<Double>) {
        Kernels.current.convolutionKernelGradient(x: x, g: g, gw: gw, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth,
                                                  kernels: kernels, size: size, scratch: scratch)
    }
    static func convolutionInputGradient(w: UnsafePointer<Double>, g: UnsafePointer<Double>, gx: UnsafeMutablePointer<Double>, inChannels: Int,
                                         inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<Double>) {
        Kernels.current.convolutionInputGradient(w: w, g: g, gx: gx, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth,
                                                 kernels: kernels, size: size, scratch: scratch)
    }
    static func matrixProduct(first: UnsafePointer<Double>?, coefficients: UnsafePointer<Double>, innerStride: Int, outerStride: Int,
                              inner: Int, outer: Int, input: UnsafePointer<Double>, output: UnsafeMutablePointer<Double>, columns n: Int) {
        Kernels.current.matrixProduct(first: first, coefficients: coefficients, innerStride: innerStride, outerStride: outerStride,
                                      inner: inner, outer: outer, input: input, output: output, columns: n)
    }
    static func accumulateOuterProducts(_ g: UnsafeMutablePointer<Double>, rowStride: Int, rows: Int, count: Int, a: UnsafePointer<Double>,
                                        b: UnsafePointer<Double>, columns n: Int, scratch: UnsafeMutablePointer<Double>) {
        Kernels.current.accumulateOuterProducts(g, rowStride: rowStride, rows: rows, count: count, a: a, b: b, columns: n, scratch: scratch)
    }
    static func activateAll(_ code: Int, _ net: UnsafePointer<Double>, _ z: UnsafeMutablePointer<Double>, count: Int) {
        Kernels.current.activateAll(code, net, z, count: count)
    }
    static func activationGradient(_ code: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>, g: UnsafePointer<Double>,
                                   gx: UnsafeMutablePointer<Double>, count: Int) {
        Kernels.current.activationGradient(code, x: x, y: y, g: g, gx: gx, count: count)
    }
}

extension Float: BatchScalar {
    static func converted(_ values: [Double]) -> [Float] { values.map { Float($0) } }
    static func exponential(_ x: Float) -> Float { exp(x) }

    static func convolutionForward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>,
                                   inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int) {
        Kernels.current.convolutionForward(x: x, w: w, b: b, y: y, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth,
                                           kernels: kernels, size: size)
    }
    static func convolutionKernelGradient(x: UnsafePointer<Float>, g: UnsafePointer<Float>, gw: UnsafeMutablePointer<Float>, inChannels: Int,
                                          inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<Float>) {
        Kernels.current.convolutionKernelGradient(x: x, g: g, gw: gw, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth,
                                                  kernels: kernels, size: size, scratch: scratch)
    }
    static func convolutionInputGradient(w: UnsafePointer<Float>, g: UnsafePointer<Float>, gx: UnsafeMutablePointer<Float>, inChannels: Int,
                                         inHeight: Int, inWidth: Int, kernels: Int, size: Int, scratch: UnsafeMutablePointer<Float>) {
        Kernels.current.convolutionInputGradient(w: w, g: g, gx: gx, inChannels: inChannels, inHeight: inHeight, inWidth: inWidth,
                                                 kernels: kernels, size: size, scratch: scratch)
    }
    static func matrixProduct(first: UnsafePointer<Float>?, coefficients: UnsafePointer<Float>, innerStride: Int, outerStride: Int,
                              inner: Int, outer: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, columns n: Int) {
        Kernels.current.matrixProduct(first: first, coefficients: coefficients, innerStride: innerStride, outerStride: outerStride,
                                      inner: inner, outer: outer, input: input, output: output, columns: n)
    }
    static func accumulateOuterProducts(_ g: UnsafeMutablePointer<Float>, rowStride: Int, rows: Int, count: Int, a: UnsafePointer<Float>,
                                        b: UnsafePointer<Float>, columns n: Int, scratch: UnsafeMutablePointer<Float>) {
        Kernels.current.accumulateOuterProducts(g, rowStride: rowStride, rows: rows, count: count, a: a, b: b, columns: n, scratch: scratch)
    }
    static func activateAll(_ code: Int, _ net: UnsafePointer<Float>, _ z: UnsafeMutablePointer<Float>, count: Int) {
        Kernels.current.activateAll(code, net, z, count: count)
    }
    static func activationGradient(_ code: Int, x: UnsafePointer<Float>, y: UnsafePointer<Float>, g: UnsafePointer<Float>,
                                   gx: UnsafeMutablePointer<Float>, count: Int) {
        Kernels.current.activationGradient(code, x: x, y: y, g: g, gx: gx, count: count)
    }
}
