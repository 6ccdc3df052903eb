import CCPUFeatures
import NNKernels
#if canImport(NNKernelsAVX2)
import NNKernelsAVX2
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The batched kernels, from the AVX2 build when this CPU has AVX2 (and `NNX_KERNELS` is not `baseline`),
/// else from the baseline build. Both give the same bits; only the speed differs.
/// C function pointers, not closures: a call carries no context to retain and release.
struct Kernels: Sendable {
    typealias DenseForward = @convention(c) (UnsafePointer<Double>, Int, Int, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void
    typealias ActivateAll = @convention(c) (Int, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void
    typealias HiddenDeltas = @convention(c) (UnsafePointer<Double>, Int, Int, UnsafePointer<Double>, UnsafePointer<Double>,
                                             UnsafePointer<Double>, Int, UnsafeMutablePointer<Double>, Int) -> Void
    typealias AccumulateGradient = @convention(c) (UnsafeMutablePointer<Double>, Int, Int, UnsafePointer<Double>, UnsafePointer<Double>,
                                                   Int, UnsafeMutablePointer<Double>) -> Void
    typealias EvaluatePoints = @convention(c) (UnsafePointer<Float>, UnsafePointer<Int>, Int, Int, Int, UnsafePointer<Float>,
                                               UnsafePointer<Float>, Int, Int, Int, Int, UnsafeMutablePointer<Float>) -> Void
    let denseForward: DenseForward
    let activateAll: ActivateAll
    let hiddenDeltas: HiddenDeltas
    let accumulateGradient: AccumulateGradient
    let evaluatePoints: EvaluatePoints
    typealias TrainSamples = @convention(c) (UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                                             UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafePointer<Double>,
                                             UnsafePointer<Double>, UnsafePointer<Int>, Int) -> Void
    typealias EvaluateSamples = @convention(c) (UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                                                UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Int>, Int,
                                                UnsafeMutablePointer<Double>) -> Void
    typealias TrainEpochs = @convention(c) (UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                                            UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafePointer<Double>,
                                            UnsafePointer<Double>, UnsafePointer<Int>, UnsafePointer<Int>, Int, Int,
                                            UnsafeMutablePointer<Double>) -> Int
    typealias ConvolutionForward = @convention(c) (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>?,
                                                   UnsafeMutablePointer<Double>, Int, Int, Int, Int, Int) -> Void
    typealias ConvolutionKernelGradient = @convention(c) (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                                                          Int, Int, Int, Int, Int, UnsafeMutablePointer<Double>) -> Void
    let trainSamples: TrainSamples
    let trainEpochs: TrainEpochs
    let convolutionForward: ConvolutionForward
    let convolutionKernelGradient: ConvolutionKernelGradient
    let convolutionInputGradient: ConvolutionKernelGradient
    let evaluateSamples: EvaluateSamples
    typealias PerceptronVisits = @convention(c) (UnsafePointer<Double>, UnsafePointer<Int>, Int, UnsafeMutablePointer<Double>) -> Int
    typealias PerceptronVisitsShuffled = @convention(c) (UnsafePointer<Double>, UnsafePointer<Int>, Int, UnsafeMutablePointer<Double>,
                                                         UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UInt64>) -> Int
    let perceptronVisitsInOrder: PerceptronVisits
    let perceptronVisitsShuffled: PerceptronVisitsShuffled
    let name: String

    static let baseline = Kernels(
        denseForward: { NNKernels.denseForward($0, fanIn: $1, fanOut: $2, input: $3, net: $4, columns: $5) },
        activateAll: { NNKernels.activateAll($0, $1, $2, count: $3) },
        hiddenDeltas: { NNKernels.hiddenDeltas($0, units: $1, above: $2, deltaAbove: $3, net: $4, z: $5, activation: $6, delta: $7, columns: $8) },
        accumulateGradient: { NNKernels.accumulateGradient($0, fanIn: $1, fanOut: $2, input: $3, delta: $4, columns: $5, scratch: $6) },
        evaluatePoints: { NNKernels.evaluatePoints(weights: $0, sizes: $1, layers: $2, hidden: $3, output: $4, xs: $5, ys: $6,
                                                   count: $7, layer: $8, unit: $9, units: $10, out: $11) },
        trainSamples: { NNKernels.trainSamples(shape: $0, kinds: $1, rates: $2, weights: $3, velocity: $4, workspace: $5, inputs: $6,
                                         targets: $7, order: $8, count: $9) },
        trainEpochs: { NNKernels.trainEpochs(shape: $0, kinds: $1, rates: $2, weights: $3, velocity: $4, workspace: $5, inputs: $6,
                                       targets: $7, labels: $8, order: $9, count: $10, epochs: $11, results: $12) },
        convolutionForward: { NNKernels.convolutionForward(x: $0, w: $1, b: $2, y: $3, inChannels: $4, inHeight: $5, inWidth: $6,
                                                       kernels: $7, size: $8) },
        convolutionKernelGradient: { NNKernels.convolutionKernelGradient(x: $0, g: $1, gw: $2, inChannels: $3, inHeight: $4,
                                                                     inWidth: $5, kernels: $6, size: $7, scratch: $8) },
        convolutionInputGradient: { NNKernels.convolutionInputGradient(w: $0, g: $1, gx: $2, inChannels: $3, inHeight: $4,
                                                                   inWidth: $5, kernels: $6, size: $7, scratch: $8) },
        evaluateSamples: { NNKernels.evaluateSamples(shape: $0, kinds: $1, weights: $2, workspace: $3, inputs: $4, targets: $5, labels: $6,
                                              count: $7, results: $8) },
        perceptronVisitsInOrder: { NNKernels.perceptronVisitsInOrder(samples: $0, order: $1, count: $2, w: $3) },
        perceptronVisitsShuffled: { NNKernels.perceptronVisitsShuffled(samples: $0, order: $1, count: $2, w: $3, next: $4, random: $5) },
        name: "baseline")

    #if canImport(NNKernelsAVX2)
    static let avx2 = Kernels(
        denseForward: { NNKernelsAVX2.denseForward($0, fanIn: $1, fanOut: $2, input: $3, net: $4, columns: $5) },
        activateAll: { NNKernelsAVX2.activateAll($0, $1, $2, count: $3) },
        hiddenDeltas: { NNKernelsAVX2.hiddenDeltas($0, units: $1, above: $2, deltaAbove: $3, net: $4, z: $5, activation: $6, delta: $7, columns: $8) },
        accumulateGradient: { NNKernelsAVX2.accumulateGradient($0, fanIn: $1, fanOut: $2, input: $3, delta: $4, columns: $5, scratch: $6) },
        evaluatePoints: { NNKernelsAVX2.evaluatePoints(weights: $0, sizes: $1, layers: $2, hidden: $3, output: $4, xs: $5, ys: $6,
                                                       count: $7, layer: $8, unit: $9, units: $10, out: $11) },
        trainSamples: { NNKernelsAVX2.trainSamples(shape: $0, kinds: $1, rates: $2, weights: $3, velocity: $4, workspace: $5, inputs: $6,
                                         targets: $7, order: $8, count: $9) },
        trainEpochs: { NNKernelsAVX2.trainEpochs(shape: $0, kinds: $1, rates: $2, weights: $3, velocity: $4, workspace: $5, inputs: $6,
                                       targets: $7, labels: $8, order: $9, count: $10, epochs: $11, results: $12) },
        convolutionForward: { NNKernelsAVX2.convolutionForward(x: $0, w: $1, b: $2, y: $3, inChannels: $4, inHeight: $5, inWidth: $6,
                                                       kernels: $7, size: $8) },
        convolutionKernelGradient: { NNKernelsAVX2.convolutionKernelGradient(x: $0, g: $1, gw: $2, inChannels: $3, inHeight: $4,
                                                                     inWidth: $5, kernels: $6, size: $7, scratch: $8) },
        convolutionInputGradient: { NNKernelsAVX2.convolutionInputGradient(w: $0, g: $1, gx: $2, inChannels: $3, inHeight: $4,
                                                                   inWidth: $5, kernels: $6, size: $7, scratch: $8) },
        evaluateSamples: { NNKernelsAVX2.evaluateSamples(shape: $0, kinds: $1, weights: $2, workspace: $3, inputs: $4, targets: $5, labels: $6,
                                              count: $7, results: $8) },
        perceptronVisitsInOrder: { NNKernelsAVX2.perceptronVisitsInOrder(samples: $0, order: $1, count: $2, w: $3) },
        perceptronVisitsShuffled: { NNKernelsAVX2.perceptronVisitsShuffled(samples: $0, order: $1, count: $2, w: $3, next: $4, random: $5) },
        name: "avx2")
    #endif

    /// The build this process uses.
    static let current: Kernels = {
        #if canImport(NNKernelsAVX2)
        let forced = getenv("NNX_KERNELS").map { String(cString: $0) }
        if forced != "baseline", nnx_cpu_has_avx2() != 0 { return avx2 }
        #endif
        return baseline
    }()
}

/// Which kernel build this process uses ("avx2" or "baseline"), for benchmarks and `--version`-like output.
public var kernelBuildName: String { Kernels.current.name }

extension Activation {
    var code: Int {
        switch self {
        case .sigmoid: NNKernels.ActivationCode.sigmoid
        case .tanh: NNKernels.ActivationCode.tanh
        case .relu: NNKernels.ActivationCode.relu
        case .linear: NNKernels.ActivationCode.linear
        }
    }
}
