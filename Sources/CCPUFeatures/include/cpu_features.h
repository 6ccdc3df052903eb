#ifndef NNX_CPU_FEATURES_H
#define NNX_CPU_FEATURES_H

/// 1 when this CPU (and its operating system) can run the AVX2 build of the kernels, else 0.
int nnx_cpu_has_avx2(void);

#endif
