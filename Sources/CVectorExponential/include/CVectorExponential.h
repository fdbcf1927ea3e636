#ifndef CVECTOREXPONENTIAL_H
#define CVECTOREXPONENTIAL_H

#include <stdint.h>

/* The exponential, the per-block softmax passes and the fused kernel of the attention code,
   written in C so that they can be compiled for several instruction sets and chosen at run time
   (AVX-512, AVX2 with FMA, or baseline x86-64 / any other target). Every variant performs the
   same IEEE-754 operations in the same order, fused multiply-adds included (the baseline computes
   them with the correctly rounded software fma), so the results are bit-identical whichever one
   runs. See VectorExponential and SoftmaxAttention in WorkbenchNumerics for the algorithms and
   accuracy. */

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

/* Doubles of workspace cvexp_fused_attention needs for these shapes. */
long cvexp_fused_attention_workspace(long query_count, long key_count, long depth, long value_dimension);

/* Softmax attention O_i = Σ_j softmax_j(⟨x_i, k_j⟩)·w_j, fused and register-tiled, with every
   operand column-major, tokens as rows and leading dimension equal to the row count: queries
   query_count × depth, keys key_count × depth (key_count ≥ 1), values
   key_count × value_dimension, output query_count × value_dimension. Queries are taken eight at
   a time, one per lane (64 at a time share each key block), and keys in blocks of 252 (the last
   padded to a multiple of six). For each query: the scores are chains of fused multiply-adds
   from +0 in coordinate order; with m' the running maximum, e^(s − m') by the exponential below;
   the sum ℓ and each weighted sum o_c accumulate in key order (o_c by fused multiply-adds), both
   multiplied by e^(m − m') when a block raises the maximum m (from +0 on the first block);
   finally o_c·(1/ℓ). Every query's arithmetic is its own lane's, so its result depends on its own
   row only. `workspace` holds cvexp_fused_attention_workspace(…) doubles. */
void cvexp_fused_attention(const double *queries, long query_count, const double *keys, long key_count, long depth,
                           const double *values, long value_dimension, double *output, double *workspace);

/* exp(x) by the same algorithm (0 below −708, +∞ above 709.782712893384). */
double cvexp_exp(double x);

/* The variant chosen on this machine: "avx512f", "avx2" or "baseline". */
const char *cvexp_variant(void);

/* For tests: whether `variant` (a CVEXP_ constant) can run here, its name, and the passes run
   with that variant explicitly. */
int cvexp_variant_supported(int variant);
int cvexp_best_variant(void);
const char *cvexp_variant_name(int variant);
double cvexp_exponentiate_shifted_in_place_variant(int variant, double *values, long count, double shift);
void cvexp_softmax_block_variant(int variant, double *scores, long rows, long leading, long columns, double *maxima,
                                 double *sums, double *rescale, int first);
void cvexp_fused_attention_variant(int variant, const double *queries, long query_count, const double *keys,
                                   long key_count, long depth, const double *values, long value_dimension,
                                   double *output, double *workspace);

#endif
