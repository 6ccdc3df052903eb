/// A number the CNN's kernels compute in, Double or Float (a CNN's `precision: single`), with the vector
/// they use for it: 32 bytes, one AVX register, so four Doubles or eight Floats. The CNN kernels are written
/// once, generic over it, and each public kernel is a Double and a Float entry point that specialises them in
/// their own file (a debug build compiles file by file, so a generic loop called from another file would run
/// unspecialised).
protocol KernelScalar: BinaryFloatingPoint, SIMDScalar, Codable {
    associatedtype Vector: SIMD & BitwiseCopyable where Vector.Scalar == Self
    /// The values a vector holds.
    static var lanes: Int { get }
    /// 1 where x > 0, else 0 (ReLU's slope). A requirement, so that it compiles to the concrete vector's
    /// compare: the generic `.>` compares lane by lane.
    static func reluSlope(_ x: Vector) -> Vector
    /// `product` (DenseKernels.swift) for this type, for the convolution kernels in another file.
    static func batchProduct(first: UnsafePointer<Self>?, coefficients: UnsafePointer<Self>, innerStride: Int, outerStride: Int,
                        inner: Int, outer: Int, input: UnsafePointer<Self>, output: UnsafeMutablePointer<Self>, columns n: Int)
}

/// Eight Floats, a Float's vector.
public typealias Float8 = SIMD8<Float>
