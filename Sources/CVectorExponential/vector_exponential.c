#include "CVectorExponential.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* No fused multiply-adds: p * r + c must round twice, exactly as the Swift implementation does,
   on every instruction set. */
#pragma clang fp contract(off)

#define LOG2E 1.4426950408889634
#define LN2_HI 0.693147180369123816490
#define LN2_LO 1.90821492927058770002e-10
#define ROUNDING_SHIFT 6755399441055744.0
#define UNDERFLOW_CUTOFF (-708.0)
#define OVERFLOW_CUTOFF 709.782712893384

static inline __attribute__((always_inline)) double exp_lane(double x) {
    double shifted = x * LOG2E + ROUNDING_SHIFT;
    double k = shifted - ROUNDING_SHIFT;
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double p = 2.5110037605963777e-08;
    p = p * r + 2.763263963904103e-07;
    p = p * r + 2.755724091857897e-06;
    p = p * r + 2.4801485482328494e-05;
    p = p * r + 0.00019841269890047113;
    p = p * r + 0.0013888888952314775;
    p = p * r + 0.008333333333319601;
    p = p * r + 0.0416666666664881;
    p = p * r + 0.1666666666666668;
    p = p * r + 0.5000000000000019;
    p = p * r + 1.0;
    p = p * r + 1.0;
    uint64_t shifted_bits;
    memcpy(&shifted_bits, &shifted, sizeof shifted_bits);
    double base = ROUNDING_SHIFT;
    uint64_t base_bits;
    memcpy(&base_bits, &base, sizeof base_bits);
    uint64_t exponent_bits = (shifted_bits - base_bits + 1022u) << 52;
    double half_scale;
    memcpy(&half_scale, &exponent_bits, sizeof half_scale);
    double result = p * half_scale * 2.0;
    result = x < UNDERFLOW_CUTOFF ? 0.0 : result;
    result = x > OVERFLOW_CUTOFF ? INFINITY : result;
    return result;
}

#define EXPONENTIATE_BODY                                                   \
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};                             \
    long i = 0;                                                             \
    for (; i + 8 <= count; i += 8) {                                        \
        for (int lane = 0; lane < 8; lane++) {                              \
            double value = exp_lane(values[i + lane] - shift);              \
            values[i + lane] = value;                                       \
            lanes[lane] += value;                                           \
        }                                                                   \
    }                                                                       \
    for (int lane = 0; i + lane < count; lane++) {                          \
        double value = exp_lane(values[i + lane] - shift);                  \
        values[i + lane] = value;                                           \
        lanes[lane] += value;                                               \
    }                                                                       \
    double sum = -0.0;                                                      \
    for (int lane = 0; lane < 8; lane++) sum += lanes[lane];                \
    return sum;

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static double exponentiate_avx512(double *values, long count, double shift) {
    EXPONENTIATE_BODY
}

__attribute__((target("avx2"))) static double exponentiate_avx2(double *values, long count, double shift) {
    EXPONENTIATE_BODY
}
#endif

static double exponentiate_baseline(double *values, long count, double shift) { EXPONENTIATE_BODY }

double cvexp_exponentiate_shifted_in_place(double *values, long count, double shift) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512f")) return exponentiate_avx512(values, count, shift);
    if (__builtin_cpu_supports("avx2")) return exponentiate_avx2(values, count, shift);
#endif
    return exponentiate_baseline(values, count, shift);
}

const char *cvexp_variant(void) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512f")) return "avx512f";
    if (__builtin_cpu_supports("avx2")) return "avx2";
#endif
    return "baseline";
}
