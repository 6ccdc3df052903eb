import NNKernelInterface

/// This build of the kernels: the package compiles NNKernels twice, for any CPU and for AVX2 (NNKernelsAVX2,
/// the same files; see Package.swift). Each kernel is an `extension Build` beside its helpers.
public enum Build: KernelBuild {
    #if NNX_AVX2
    public static var name: String { "avx2" }
    #else
    public static var name: String { "baseline" }
    #endif
}
