#include "cpu_features.h"

int nnx_cpu_has_avx2(void) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    // "haswell", the target the AVX2 kernels are compiled for, also implies FMA, BMI1/2, F16C, LZCNT, MOVBE.
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2");
#else
    return 0;
#endif
}
