#ifndef CVECTOREXPONENTIAL_H
#define CVECTOREXPONENTIAL_H

#include <stdint.h>

/* The exponential and the per-block softmax passes of the attention kernel, written in C so that
   they can be compiled for several instruction sets and chosen at run time (AVX-512, AVX2, or
   baseline x86-64 / any other target). Every variant performs the same IEEE-754 operations in the
   same order (no fused multiply-add), so the results are bit-identical whichever one runs. See
   VectorExponential and SoftmaxAttention in WorkbenchNumerics for the algorithms and accuracy. */

enum { CVEXP_BASELINE = 0, CVEXP_AVX2 = 1, CVEXP_AVX512F = 2 };

/* Replaces values[i] by exp(values[i] - shift) for 0 <= i < count and returns their sum,
   accumulated in eight lanes (lane i % 8) and then added lane by lane from -0.0. Inputs must not
   be NaN. */
double cvexp_exponentiate_shifted_in_place(double *values, long count, double shift);

/* One softmax step on a score block `scores` (rows × columns, column-major, leading dimension
   `leading` ≥ rows; row i holds query i's scores against the block's keys; a leading dimension
   that is not a multiple of 512 bytes keeps the columns of a row from sharing L1 cache sets). For each row i, with
   m = max_j scores[i, j] and m' = first ? m : max(maxima[i], m):
   scores[i, j] ← exp(scores[i, j] − m'), s = Σ_j scores[i, j] added in column order from +0,
   rescale[i] ← first ? 1 : exp(maxima[i] − m'), sums[i] ← first ? s : sums[i]·rescale[i] + s,
   maxima[i] ← m'. Scores must not be NaN. */
void cvexp_softmax_block(double *scores, long rows, long leading, long columns, double *maxima, double *sums,
                         double *rescale, int first);

/* Hardmax step on a score block laid out as above: for each row i and column j in increasing
   order, if scores[i, j] > best[i] then best[i] ← scores[i, j], best_index[i] ← column_offset + j
   (so the first maximal column wins; start from best = −∞). */
void cvexp_argmax_block(const double *scores, long rows, long leading, long columns, long column_offset,
                        double *best, int64_t *best_index);

/* exp(x) by the same algorithm (0 below −708, +∞ above 709.782712893384). */
double cvexp_exp(double x);

/* The variant chosen on this machine: "avx512f", "avx2" or "baseline". */
const char *cvexp_variant(void);

/* For tests: whether `variant` (a CVEXP_ constant) can run here, its name, and the passes run
   with that variant explicitly. */
int cvexp_variant_supported(int variant);
const char *cvexp_variant_name(int variant);
double cvexp_exponentiate_shifted_in_place_variant(int variant, double *values, long count, double shift);
void cvexp_softmax_block_variant(int variant, double *scores, long rows, long leading, long columns, double *maxima,
                                 double *sums, double *rescale, int first);

#endif
