#ifndef CVECTOREXPONENTIAL_VECTOR_LANES_H
#define CVECTOREXPONENTIAL_VECTOR_LANES_H

/* Eight-lane double vectors and the exponential shared by the softmax passes and the fused
   attention kernel. Internal to this target. */

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Every product and sum rounds separately unless written as FMA(a, b, c), a fused multiply-add
   rounded once. The x86-64 variants that run these helpers have FMA instructions; the baseline
   variant computes the same correctly rounded fma() in software, so all variants give the same
   bits. */
#pragma clang fp contract(off)

/* The eight-lane helpers are always inlined into the variant functions, so no vector value
   crosses a function boundary and the vector calling-convention warning does not apply. */
#pragma clang diagnostic ignored "-Wpsabi"

/* Eight doubles: one AVX-512 register, two AVX2 registers or four SSE2 registers, whichever the
   variant compiles for; every operation is lane-wise IEEE-754, hence identical across variants. */
typedef double vd8 __attribute__((vector_size(64)));
typedef int64_t vi8 __attribute__((vector_size(64)));

#define LANES 8
#define LANE_INLINE static inline __attribute__((always_inline))
#define FMA(a, b, c) __builtin_elementwise_fma((a), (b), (c))

/* 64/ln 2 and ln 2/64 split so that k·LN2_HI_64 is exact for |k| < 2^21. */
#define INV_LN2_64 92.33248261689366
#define LN2_HI_64 (0.693147180369123816490 / 64)
#define LN2_LO_64 (1.90821492927058770002e-10 / 64)
/* 1.5·2^52: adding it rounds to an integer held in the low mantissa bits. */
#define ROUNDING_SHIFT 6755399441055744.0
#define UNDERFLOW_CUTOFF (-708.0)
#define OVERFLOW_CUTOFF 709.782712893384

/* 2^(j/64) for j = 0..63, correctly rounded (defined in vector_exponential.c). */
extern const double cvexp_two_to_j_over_64[64];

LANE_INLINE vd8 splat(double x) { return (vd8){x, x, x, x, x, x, x, x}; }

LANE_INLINE vd8 load8(const double *p) {
    vd8 v;
    memcpy(&v, p, sizeof v);
    return v;
}

LANE_INLINE void store8(double *p, vd8 v) { memcpy(p, &v, sizeof v); }

/* Lane-wise `mask ? a : b` for a comparison mask (all ones or all zeros per lane). */
LANE_INLINE vd8 select8(vi8 mask, vd8 a, vd8 b) { return (vd8)(((vi8)a & mask) | ((vi8)b & ~mask)); }

LANE_INLINE vd8 max8(vd8 a, vd8 b) { return select8(b > a, b, a); }

/* Lanes 0…7 added in order from −0. */
LANE_INLINE double horizontal_sum8(vd8 v) {
    double sum = -0.0;
    for (int lane = 0; lane < LANES; lane++) sum += v[lane];
    return sum;
}

/* e^x lane by lane for x ≤ 709.78 (not NaN). k = rint(64·x/ln 2) by the rounding shift (one
   fused multiply-add), r = (x − k·ln2_hi/64) − k·ln2_lo/64 by two fused multiply-adds
   (|r| ≤ ln 2/128 + tiny), q = e^r − 1 by the degree-5 Taylor polynomial r + r²·(1/2 + r(1/6 +
   r(1/24 + r/120))) in Horner form (truncation below 3.5e−17 relative), then t·(1 + q) as the
   fused t·q + t with t = 2^((k mod 64)/64) from the table, and 2^⌊k/64⌋ added to the exponent
   field. Lanes below −708 give 0 (a lane select, so their garbage is discarded). */
LANE_INLINE vd8 exp8_below_overflow(vd8 x) {
    vd8 shifted = FMA(x, splat(INV_LN2_64), splat(ROUNDING_SHIFT));
    vd8 k = shifted - splat(ROUNDING_SHIFT);
    vd8 r = FMA(k, splat(-LN2_HI_64), x);
    r = FMA(k, splat(-LN2_LO_64), r);
    vi8 kbits = (vi8)shifted - (vi8)splat(ROUNDING_SHIFT);
    vi8 j = kbits & 63;
    const double *table = cvexp_two_to_j_over_64;
    vd8 t = {table[j[0]], table[j[1]], table[j[2]], table[j[3]],
             table[j[4]], table[j[5]], table[j[6]], table[j[7]]};
    vd8 p = FMA(r, splat(1.0 / 120), splat(1.0 / 24));
    p = FMA(r, p, splat(1.0 / 6));
    p = FMA(r, p, splat(0.5));
    vd8 q = FMA(r * r, p, r);
    vd8 v = FMA(t, q, t);
    /* ⌊k/64⌋·2^52 without a 64-bit arithmetic shift: (k with its low six bits cleared)·2^46. */
    vi8 exponent = (kbits & ~(int64_t)63) << 46;
    vd8 result = (vd8)((vi8)v + exponent);
    return select8(x < splat(UNDERFLOW_CUTOFF), splat(0.0), result);
}

/* e^x lane by lane for any x that is not NaN: as exp8_below_overflow, and +∞ above
   709.782712893384. */
LANE_INLINE vd8 exp8(vd8 x) {
    return select8(x > splat(OVERFLOW_CUTOFF), splat(INFINITY), exp8_below_overflow(x));
}

/* Four doubles: one AVX2 register (two SSE2 registers), for code that keeps one query per lane. */
typedef double vd4 __attribute__((vector_size(32)));
typedef int64_t vi4 __attribute__((vector_size(32)));

LANE_INLINE vd4 splat4(double x) { return (vd4){x, x, x, x}; }

LANE_INLINE vd4 load4(const double *p) {
    vd4 v;
    memcpy(&v, p, sizeof v);
    return v;
}

LANE_INLINE void store4(double *p, vd4 v) { memcpy(p, &v, sizeof v); }

LANE_INLINE vd4 max4(vd4 a, vd4 b) { return (vd4)(((vi4)b & (b > a)) | ((vi4)a & ~(b > a))); }

/* exp8_below_overflow on two four-lane vectors (lanes 0–3 from `low`, 4–7 from `high`). */
LANE_INLINE void exp4x2_below_overflow(vd4 *low, vd4 *high) {
    vd8 joined = __builtin_shufflevector(*low, *high, 0, 1, 2, 3, 4, 5, 6, 7);
    vd8 result = exp8_below_overflow(joined);
    *low = __builtin_shufflevector(result, result, 0, 1, 2, 3);
    *high = __builtin_shufflevector(result, result, 4, 5, 6, 7);
}

#endif
