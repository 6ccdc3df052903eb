import CCPUFeatures
import NNKernelInterface
import NNKernels
#if canImport(NNKernelsAVX2)
import NNKernelsAVX2
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Kernels {
    /// The kernels this process uses: the AVX2 build when this CPU has AVX2 (and `NNX_KERNELS` is not
    /// `baseline`), else the baseline build. Both give the same bits; only the speed differs. Chosen once;
    /// a call then goes through the build's witness table, a table of function pointers.
    static let current: any KernelBuild.Type = {
        #if canImport(NNKernelsAVX2)
        let forced = getenv("NNX_KERNELS").map { String(cString: $0) }
        if forced != "baseline", nnx_cpu_has_avx2() != 0 { return NNKernelsAVX2.Build.self }
        #endif
        return NNKernels.Build.self
    }()

    /// The cores work is split over (an error-surface grid, a CNN batch): at most 8.
    static let cores = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
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
