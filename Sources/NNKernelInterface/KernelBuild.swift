/// One build of the fast kernels: `NNKernels.Build` (any CPU) or `NNKernelsAVX2.Build` (the same sources
/// compiled for AVX2). NNCore picks one build at start-up and calls the kernels through it, so a build is a
/// table of function pointers (this protocol's witness table). Both builds give the same bits.
///
/// Adding a kernel: its requirement here, and its implementation in an `extension Build` in NNKernels, where
/// its doc comment gives the formula it computes. Arrays are pointers, for the hot loops; `code`, `hidden`
/// and `activation` are `ActivationCode`s.
public protocol KernelBuild: Sendable {
    /// "baseline" or "avx2".
    static var name: String { get }

    // MARK: The MLP, a batch of samples as columns (DenseKernels.swift)

    /// A dense layer's input sums.
    static func denseForward(_ w: UnsafePointer<Double>, fanIn: Int, fanOut: Int, input: UnsafePointer<Double>,
                             net: UnsafeMutablePointer<Double>, columns n: Int)
    /// An activation function over a buffer.
    static func activateAll(_ code: Int, _ net: UnsafePointer<Double>, _ z: UnsafeMutablePointer<Double>, count: Int)
    /// A hidden layer's deltas from the layer above's.
    static func hiddenDeltas(_ w: UnsafePointer<Double>, units: Int, above: Int, deltaAbove: UnsafePointer<Double>,
                             net: UnsafePointer<Double>, z: UnsafePointer<Double>, activation code: Int,
                             delta: UnsafeMutablePointer<Double>, columns n: Int)
    /// A dense layer's weight gradient, summed over the samples.
    static func accumulateGradient(_ g: UnsafeMutablePointer<Double>, fanIn: Int, fanOut: Int, input: UnsafePointer<Double>,
                                   delta: UnsafePointer<Double>, columns n: Int, scratch: UnsafeMutablePointer<Double>)

    // MARK: A CNN's dense stages over a batch, the samples as columns (DenseKernels.swift)

    /// A product of strided coefficients and a batch, each row started from `first` (or 0).
    static func matrixProduct(first: UnsafePointer<Double>?, coefficients: UnsafePointer<Double>, innerStride: Int, outerStride: Int,
                              inner: Int, outer: Int, input: UnsafePointer<Double>, output: UnsafeMutablePointer<Double>, columns n: Int)
    /// Outer products of two batches summed sample after sample, added to `g`.
    static func accumulateOuterProducts(_ g: UnsafeMutablePointer<Double>, rowStride: Int, rows: Int, count: Int,
                                        a: UnsafePointer<Double>, b: UnsafePointer<Double>, columns n: Int,
                                        scratch: UnsafeMutablePointer<Double>)

    /// An activation's gradient: the output's times the activation's slope.
    static func activationGradient(_ code: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>, g: UnsafePointer<Double>,
                                   gx: UnsafeMutablePointer<Double>, count: Int)
    /// One step of SGD with momentum (in double precision always: the master weights).
    static func momentumStep(_ w: UnsafeMutablePointer<Double>, velocity v: UnsafeMutablePointer<Double>, gradient g: UnsafePointer<Double>,
                             scale: Double, momentum alpha: Double, count: Int)

    // MARK: The same in single precision (a CNN's `precision: single`; DenseKernels.swift)

    static func activateAll(_ code: Int, _ net: UnsafePointer<Float>, _ z: UnsafeMutablePointer<Float>, count: Int)
    static func matrixProduct(first: UnsafePointer<Float>?, coefficients: UnsafePointer<Float>, innerStride: Int, outerStride: Int,
                              inner: Int, outer: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, columns n: Int)
    static func accumulateOuterProducts(_ g: UnsafeMutablePointer<Float>, rowStride: Int, rows: Int, count: Int,
                                        a: UnsafePointer<Float>, b: UnsafePointer<Float>, columns n: Int,
                                        scratch: UnsafeMutablePointer<Float>)
    static func activationGradient(_ code: Int, x: UnsafePointer<Float>, y: UnsafePointer<Float>, g: UnsafePointer<Float>,
                                   gx: UnsafeMutablePointer<Float>, count: Int)

    // MARK: The MLP, one sample at a time (SampleKernels.swift)

    /// Per-sample SGD through some samples.
    static func trainSamples(shape: UnsafePointer<Int>, kinds: UnsafePointer<Int>, rates: UnsafePointer<Double>,
                             weights: UnsafeMutablePointer<Double>, velocity: UnsafeMutablePointer<Double>,
                             workspace: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                             order: UnsafePointer<Int>, count: Int)
    /// The summed loss and the right predictions over some samples.
    static func evaluateSamples(shape: UnsafePointer<Int>, kinds: UnsafePointer<Int>, weights: UnsafePointer<Double>,
                                workspace: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                                labels: UnsafePointer<Int>, count: Int, results: UnsafeMutablePointer<Double>)
    /// Whole epochs of per-sample SGD, each followed by its loss and right predictions; returns the epochs done.
    static func trainEpochs(shape: UnsafePointer<Int>, kinds: UnsafePointer<Int>, rates: UnsafePointer<Double>,
                            weights: UnsafeMutablePointer<Double>, velocity: UnsafeMutablePointer<Double>,
                            workspace: UnsafeMutablePointer<Double>, inputs: UnsafePointer<Double>, targets: UnsafePointer<Double>,
                            labels: UnsafePointer<Int>, order: UnsafePointer<Int>, count: Int, epochs: Int,
                            results: UnsafeMutablePointer<Double>) -> Int

    // MARK: The MLP's pictures, in single precision (PointKernels.swift)

    /// A network's units at many points.
    static func evaluatePoints(weights: UnsafePointer<Float>, sizes: UnsafePointer<Int>, layers: Int, hidden: Int, output: Int,
                               features: UnsafePointer<Int>, xs: UnsafePointer<Float>, ys: UnsafePointer<Float>, count: Int,
                               layer: Int, unit: Int, units: Int, out: UnsafeMutablePointer<Float>)

    // MARK: The error surface over two weights, in single precision (SurfaceKernels.swift)

    /// E over a grid of two weights' values, for some of its columns.
    static func errorSurface(shape: UnsafePointer<Int>, weights: UnsafePointer<Float>, cache: UnsafePointer<Float>,
                             da: UnsafePointer<Float>, db: UnsafePointer<Float>, out: UnsafeMutablePointer<Double>)

    // MARK: The CNN's stride-1 convolutions (ConvolutionKernels.swift)

    /// A convolution's output maps.
    static func convolutionForward(x: UnsafePointer<Double>, w: UnsafePointer<Double>, b: UnsafePointer<Double>?,
                                   y: UnsafeMutablePointer<Double>, inChannels: Int, inHeight: Int, inWidth: Int,
                                   kernels: Int, size: Int)
    /// A convolution's kernel gradient, added to `gw`.
    static func convolutionKernelGradient(x: UnsafePointer<Double>, g: UnsafePointer<Double>, gw: UnsafeMutablePointer<Double>,
                                          inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                          scratch: UnsafeMutablePointer<Double>)
    /// A convolution's input gradient.
    static func convolutionInputGradient(w: UnsafePointer<Double>, g: UnsafePointer<Double>, gx: UnsafeMutablePointer<Double>,
                                         inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                         scratch: UnsafeMutablePointer<Double>)

    // MARK: The same in single precision (ConvolutionKernels.swift)

    static func convolutionForward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>?,
                                   y: UnsafeMutablePointer<Float>, inChannels: Int, inHeight: Int, inWidth: Int,
                                   kernels: Int, size: Int)
    static func convolutionKernelGradient(x: UnsafePointer<Float>, g: UnsafePointer<Float>, gw: UnsafeMutablePointer<Float>,
                                          inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                          scratch: UnsafeMutablePointer<Float>)
    static func convolutionInputGradient(w: UnsafePointer<Float>, g: UnsafePointer<Float>, gx: UnsafeMutablePointer<Float>,
                                         inChannels: Int, inHeight: Int, inWidth: Int, kernels: Int, size: Int,
                                         scratch: UnsafeMutablePointer<Float>)

    // MARK: The perceptron (PerceptronKernels.swift)

    /// The rule over visits in a fixed order; returns the mistakes.
    static func perceptronVisitsInOrder(samples: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int,
                                        w: UnsafeMutablePointer<Double>) -> Int
    /// The rule over visits in a shuffled order, shuffling the next epoch's order on the way; returns the mistakes.
    static func perceptronVisitsShuffled(samples: UnsafePointer<Double>, order: UnsafePointer<Int>, count: Int,
                                         w: UnsafeMutablePointer<Double>, next: UnsafeMutablePointer<Int>?,
                                         random: UnsafeMutablePointer<UInt64>) -> Int
}
