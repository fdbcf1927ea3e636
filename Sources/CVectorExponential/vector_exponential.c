#include "CVectorExponential.h"

#include "vector_lanes.h"

/* 2^(j/64) for j = 0..63, correctly rounded. */
const double cvexp_two_to_j_over_64[64] = {
    0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
    0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
    0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
    0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
    0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
    0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
    0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
    0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
    0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
    0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
    0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
    0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
    0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
    0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
    0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
    0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0,
};

/* ---- exponentiate_shifted: values[i] ← e^(values[i] − shift), sum in eight lanes ---- */

static inline __attribute__((always_inline)) double exponentiate_shifted_body(double *values, long count,
                                                                               double shift) {
    vd8 s = splat(shift);
    vd8 accumulator = splat(0.0);
    long i = 0;
    for (; i + 4 * LANES <= count; i += 4 * LANES) {
        vd8 e0 = exp8(load8(values + i) - s);
        vd8 e1 = exp8(load8(values + i + LANES) - s);
        vd8 e2 = exp8(load8(values + i + 2 * LANES) - s);
        vd8 e3 = exp8(load8(values + i + 3 * LANES) - s);
        store8(values + i, e0);
        store8(values + i + LANES, e1);
        store8(values + i + 2 * LANES, e2);
        store8(values + i + 3 * LANES, e3);
        accumulator += e0;
        accumulator += e1;
        accumulator += e2;
        accumulator += e3;
    }
    for (; i < count; i += LANES) {
        double lane_values[LANES];
        long live = count - i < LANES ? count - i : LANES;
        for (long lane = 0; lane < LANES; lane++) lane_values[lane] = lane < live ? values[i + lane] - shift : -INFINITY;
        vd8 e = exp8(load8(lane_values));
        store8(lane_values, e);
        for (long lane = 0; lane < live; lane++) values[i + lane] = lane_values[lane];
        accumulator += e;
    }
    return horizontal_sum8(accumulator);
}

/* ---- softmax_block: scores is rows × columns, column-major, leading dimension `leading` ---- */

/* Rows [row, row + 8) of the block, one lane each. */
static inline __attribute__((always_inline)) void softmax_rows(double *scores, long leading, long columns,
                                                               double *maxima, double *sums, double *rescale,
                                                               int first, long row) {
    vd8 block_max = splat(-INFINITY);
    long j = 0;
    for (; j + 2 <= columns; j += 2) {
        block_max = max8(block_max, load8(scores + row + j * leading));
        block_max = max8(block_max, load8(scores + row + (j + 1) * leading));
    }
    for (; j < columns; j++) block_max = max8(block_max, load8(scores + row + j * leading));
    vd8 old_max = load8(maxima + row);
    vd8 new_max = first ? block_max : max8(old_max, block_max);
    vd8 factor = first ? splat(1.0) : exp8_below_overflow(old_max - new_max);
    vd8 sum = splat(0.0);
    for (j = 0; j + 2 <= columns; j += 2) {
        double *c0 = scores + row + j * leading;
        vd8 e0 = exp8_below_overflow(load8(c0) - new_max);
        vd8 e1 = exp8_below_overflow(load8(c0 + leading) - new_max);
        store8(c0, e0);
        store8(c0 + leading, e1);
        sum += e0;
        sum += e1;
    }
    for (; j < columns; j++) {
        double *c = scores + row + j * leading;
        vd8 e = exp8_below_overflow(load8(c) - new_max);
        store8(c, e);
        sum += e;
    }
    store8(maxima + row, new_max);
    store8(rescale + row, factor);
    store8(sums + row, first ? sum : load8(sums + row) * factor + sum);
}

/* One row `row` of the block, for the last rows % 8 rows: the same operations in the same order
   as softmax_rows performs in that row's lane (max, shift, exponentials, then the sum in column
   order), so a row's bits never depend on its position in the block. Columns go through a
   contiguous buffer 64 at a time. */
static inline __attribute__((always_inline)) void softmax_single_row(double *scores, long leading, long columns,
                                                                     double *maxima, double *sums,
                                                                     double *rescale, int first, long row) {
    enum { CHUNK = 64 };
    double buffer[CHUNK];
    double block_max = -INFINITY;
    for (long j = 0; j < columns; j++) {
        double value = scores[row + j * leading];
        block_max = value > block_max ? value : block_max;
    }
    double old_max = maxima[row];
    double new_max = first ? block_max : (block_max > old_max ? block_max : old_max);
    double factor = first ? 1.0 : exp8_below_overflow(splat(old_max - new_max))[0];
    double sum = 0.0;
    for (long start = 0; start < columns; start += CHUNK) {
        long live = columns - start < CHUNK ? columns - start : CHUNK;
        for (long j = 0; j < CHUNK; j++) buffer[j] = j < live ? scores[row + (start + j) * leading] - new_max : -INFINITY;
        for (long j = 0; j < CHUNK; j += LANES) store8(buffer + j, exp8_below_overflow(load8(buffer + j)));
        for (long j = 0; j < live; j++) {
            scores[row + (start + j) * leading] = buffer[j];
            sum += buffer[j];
        }
    }
    maxima[row] = new_max;
    rescale[row] = factor;
    sums[row] = first ? sum : sums[row] * factor + sum;
}

static inline __attribute__((always_inline)) void softmax_block_body(double *scores, long rows, long leading,
                                                                     long columns, double *maxima, double *sums,
                                                                     double *rescale, int first) {
    long row = 0;
    for (; row + LANES <= rows; row += LANES)
        softmax_rows(scores, leading, columns, maxima, sums, rescale, first, row);
    for (; row < rows; row++) softmax_single_row(scores, leading, columns, maxima, sums, rescale, first, row);
}

/* ---- argmax_block: first maximal column of each row, across successive blocks ---- */

static inline __attribute__((always_inline)) void argmax_block_body(const double *scores, long rows, long leading,
                                                                    long columns, long column_offset,
                                                                    double *best, int64_t *best_index) {
    long row = 0;
    for (; row + LANES <= rows; row += LANES) {
        vd8 top = load8(best + row);
        vi8 index;
        memcpy(&index, best_index + row, sizeof index);
        for (long j = 0; j < columns; j++) {
            vd8 value = load8(scores + row + j * leading);
            vi8 better = value > top;
            top = select8(better, value, top);
            index = (index & ~better) | ((vi8){0, 0, 0, 0, 0, 0, 0, 0} + (column_offset + j) & better);
        }
        store8(best + row, top);
        memcpy(best_index + row, &index, sizeof index);
    }
    for (; row < rows; row++) {
        for (long j = 0; j < columns; j++) {
            double value = scores[row + j * leading];
            if (value > best[row]) {
                best[row] = value;
                best_index[row] = column_offset + j;
            }
        }
    }
}

/* ---- variants ---- */

#define DEFINE_VARIANT(suffix, attributes)                                                                    \
    attributes static double exponentiate_##suffix(double *values, long count, double shift) {              \
        return exponentiate_shifted_body(values, count, shift);                                             \
    }                                                                                                       \
    attributes static void softmax_block_##suffix(double *scores, long rows, long leading, long columns,    \
                                                  double *maxima, double *sums, double *rescale, int first) { \
        softmax_block_body(scores, rows, leading, columns, maxima, sums, rescale, first);                   \
    }                                                                                                       \
    attributes static void argmax_block_##suffix(const double *scores, long rows, long leading,             \
                                                 long columns, long column_offset, double *best,            \
                                                 int64_t *best_index) {                                     \
        argmax_block_body(scores, rows, leading, columns, column_offset, best, best_index);                 \
    }

#if defined(__x86_64__)
DEFINE_VARIANT(avx512, __attribute__((target("avx512f"))))
DEFINE_VARIANT(avx2, __attribute__((target("avx2,fma"))))
#endif
DEFINE_VARIANT(baseline, )

int cvexp_variant_supported(int variant) {
    switch (variant) {
    case CVEXP_BASELINE: return 1;
#if defined(__x86_64__)
    case CVEXP_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case CVEXP_AVX512F: return __builtin_cpu_supports("avx512f");
#endif
    default: return 0;
    }
}

int cvexp_best_variant(void) {
    if (cvexp_variant_supported(CVEXP_AVX512F)) return CVEXP_AVX512F;
    if (cvexp_variant_supported(CVEXP_AVX2)) return CVEXP_AVX2;
    return CVEXP_BASELINE;
}

const char *cvexp_variant_name(int variant) {
    switch (variant) {
    case CVEXP_AVX512F: return "avx512f";
    case CVEXP_AVX2: return "avx2";
    default: return "baseline";
    }
}

const char *cvexp_variant(void) { return cvexp_variant_name(cvexp_best_variant()); }

double cvexp_exponentiate_shifted_in_place_variant(int variant, double *values, long count, double shift) {
    switch (variant) {
#if defined(__x86_64__)
    case CVEXP_AVX512F: return exponentiate_avx512(values, count, shift);
    case CVEXP_AVX2: return exponentiate_avx2(values, count, shift);
#endif
    default: return exponentiate_baseline(values, count, shift);
    }
}

double cvexp_exponentiate_shifted_in_place(double *values, long count, double shift) {
    return cvexp_exponentiate_shifted_in_place_variant(cvexp_best_variant(), values, count, shift);
}

void cvexp_softmax_block_variant(int variant, double *scores, long rows, long leading, long columns, double *maxima,
                                 double *sums, double *rescale, int first) {
    switch (variant) {
#if defined(__x86_64__)
    case CVEXP_AVX512F: softmax_block_avx512(scores, rows, leading, columns, maxima, sums, rescale, first); return;
    case CVEXP_AVX2: softmax_block_avx2(scores, rows, leading, columns, maxima, sums, rescale, first); return;
#endif
    default: softmax_block_baseline(scores, rows, leading, columns, maxima, sums, rescale, first);
    }
}

void cvexp_softmax_block(double *scores, long rows, long leading, long columns, double *maxima, double *sums,
                         double *rescale, int first) {
    cvexp_softmax_block_variant(cvexp_best_variant(), scores, rows, leading, columns, maxima, sums, rescale, first);
}

void cvexp_argmax_block(const double *scores, long rows, long leading, long columns, long column_offset,
                        double *best, int64_t *best_index) {
    switch (cvexp_best_variant()) {
#if defined(__x86_64__)
    case CVEXP_AVX512F: argmax_block_avx512(scores, rows, leading, columns, column_offset, best, best_index); return;
    case CVEXP_AVX2: argmax_block_avx2(scores, rows, leading, columns, column_offset, best, best_index); return;
#endif
    default: argmax_block_baseline(scores, rows, leading, columns, column_offset, best, best_index);
    }
}

double cvexp_exp(double x) {
    double lanes[LANES] = {x, x, x, x, x, x, x, x};
    cvexp_exponentiate_shifted_in_place_variant(CVEXP_BASELINE, lanes, LANES, 0.0);
    return lanes[0];
}
