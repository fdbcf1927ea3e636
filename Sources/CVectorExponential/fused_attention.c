#include "CVectorExponential.h"

#include "vector_lanes.h"

/* Register-tiled fused softmax attention: eight queries share a tile, one per lane (two four-lane
   vectors), against six keys (scores) or six value coordinates (weighted sums) at a time, so each
   step of the inner loops is twelve fused multiply-adds on twelve independent accumulators fed by
   two vector loads and six broadcasts — the shape of a dgemm micro-kernel. See
   cvexp_fused_attention in the header for the arithmetic that fixes the result's bits. */

enum {
    TILE_QUERIES = 8,
    TILE_COLUMNS = 6,
    /* Keys per block (a multiple of TILE_COLUMNS): the block's scores, 8 × 252 doubles, stay in L1. */
    KEY_BLOCK = 252,
};

static long padded_to_tile(long count) { return (count + TILE_COLUMNS - 1) / TILE_COLUMNS * TILE_COLUMNS; }

long cvexp_fused_attention_workspace(long query_count, long key_count, long depth, long value_dimension) {
    (void)query_count;
    long padded = padded_to_tile(key_count);
    /* LANES more than the parts need: the parts start at the first 64-byte boundary. */
    return padded * (depth + value_dimension) + TILE_QUERIES * depth + KEY_BLOCK * TILE_QUERIES +
           TILE_QUERIES * value_dimension + LANES;
}

/* Row-major copy of the column-major n × width matrix `source`: packed[j·width + c] =
   source[j + c·n], then zero rows up to the next multiple of TILE_COLUMNS. Transposed 64 rows at
   a time, so that reads run along columns and the rows written stay in the L1 cache. */
LANE_INLINE void pack_rows(const double *source, long n, long width, double *packed) {
    for (long start = 0; start < n; start += 64) {
        long end = n - start < 64 ? n : start + 64;
        for (long c = 0; c < width; c++)
            for (long j = start; j < end; j++) packed[j * width + c] = source[j + c * n];
    }
    memset(packed + n * width, 0, (size_t)((padded_to_tile(n) - n) * width) * sizeof(double));
}

/* scores[j·8 + q] = Σ_c x[c·8 + q]·keys[j·depth + c] for j < count (a multiple of six), each a
   chain of fused multiply-adds from +0 in coordinate order; the lane maxima are folded into
   *max_low (queries 0–3) and *max_high (4–7). */
LANE_INLINE void tile_scores(const double *x, const double *keys, long depth, long count, double *scores,
                             vd4 *max_low, vd4 *max_high) {
    vd4 top_low = *max_low, top_high = *max_high;
    for (long j = 0; j < count; j += TILE_COLUMNS) {
        const double *k = keys + j * depth;
        vd4 a0 = splat4(0.0), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0;
        vd4 d0 = a0, d1 = a0, e0 = a0, e1 = a0, f0 = a0, f1 = a0;
        for (long c = 0; c < depth; c++) {
            vd4 low = load4(x + c * TILE_QUERIES), high = load4(x + c * TILE_QUERIES + 4);
            vd4 t = splat4(k[c]);
            a0 = FMA(low, t, a0), a1 = FMA(high, t, a1);
            t = splat4(k[depth + c]);
            b0 = FMA(low, t, b0), b1 = FMA(high, t, b1);
            t = splat4(k[2 * depth + c]);
            c0 = FMA(low, t, c0), c1 = FMA(high, t, c1);
            t = splat4(k[3 * depth + c]);
            d0 = FMA(low, t, d0), d1 = FMA(high, t, d1);
            t = splat4(k[4 * depth + c]);
            e0 = FMA(low, t, e0), e1 = FMA(high, t, e1);
            t = splat4(k[5 * depth + c]);
            f0 = FMA(low, t, f0), f1 = FMA(high, t, f1);
        }
        double *s = scores + j * TILE_QUERIES;
        store4(s, a0), store4(s + 4, a1), store4(s + 8, b0), store4(s + 12, b1);
        store4(s + 16, c0), store4(s + 20, c1), store4(s + 24, d0), store4(s + 28, d1);
        store4(s + 32, e0), store4(s + 36, e1), store4(s + 40, f0), store4(s + 44, f1);
        top_low = max4(top_low, max4(max4(a0, b0), max4(max4(c0, d0), max4(e0, f0))));
        top_high = max4(top_high, max4(max4(a1, b1), max4(max4(c1, d1), max4(e1, f1))));
    }
    *max_low = top_low, *max_high = top_high;
}

/* tile_weighted_sums for the last `columns` (1…5, a constant after inlining) value coordinates
   from `first_column`, in one pass over the keys so that their chains run side by side. */
LANE_INLINE void narrow_weighted_sums(const double *weights, const double *values, long width, long first_column,
                                      int columns, long count, vd4 factor_low, vd4 factor_high, int first,
                                      double *accumulators) {
    double *a = accumulators + first_column * TILE_QUERIES;
    vd4 acc[10];
    for (int u = 0; u < 2 * columns; u++)
        acc[u] = first ? splat4(0.0) : load4(a + 4 * u) * (u % 2 == 0 ? factor_low : factor_high);
    for (long j = 0; j < count; j++) {
        vd4 low = load4(weights + j * TILE_QUERIES), high = load4(weights + j * TILE_QUERIES + 4);
        const double *v = values + j * width + first_column;
        for (int u = 0; u < columns; u++) {
            vd4 t = splat4(v[u]);
            acc[2 * u] = FMA(low, t, acc[2 * u]);
            acc[2 * u + 1] = FMA(high, t, acc[2 * u + 1]);
        }
    }
    for (int u = 0; u < 2 * columns; u++) store4(a + 4 * u, acc[u]);
}

/* accumulators[c·8 + q] ← accumulators[c·8 + q]·factor_q + Σ_j weights[j·8 + q]·values[j·width + c]
   (fused multiply-adds in key order, from +0 on the first block) for every value coordinate c,
   six coordinates at a time. */
LANE_INLINE void tile_weighted_sums(const double *weights, const double *values, long width, long count,
                                    vd4 factor_low, vd4 factor_high, int first, double *accumulators) {
    long c = 0;
    for (; c + TILE_COLUMNS <= width; c += TILE_COLUMNS) {
        double *a = accumulators + c * TILE_QUERIES;
        vd4 a0 = splat4(0.0), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0;
        vd4 d0 = a0, d1 = a0, e0 = a0, e1 = a0, f0 = a0, f1 = a0;
        if (!first) {
            a0 = load4(a) * factor_low, a1 = load4(a + 4) * factor_high;
            b0 = load4(a + 8) * factor_low, b1 = load4(a + 12) * factor_high;
            c0 = load4(a + 16) * factor_low, c1 = load4(a + 20) * factor_high;
            d0 = load4(a + 24) * factor_low, d1 = load4(a + 28) * factor_high;
            e0 = load4(a + 32) * factor_low, e1 = load4(a + 36) * factor_high;
            f0 = load4(a + 40) * factor_low, f1 = load4(a + 44) * factor_high;
        }
        for (long j = 0; j < count; j++) {
            vd4 low = load4(weights + j * TILE_QUERIES), high = load4(weights + j * TILE_QUERIES + 4);
            const double *v = values + j * width + c;
            vd4 t = splat4(v[0]);
            a0 = FMA(low, t, a0), a1 = FMA(high, t, a1);
            t = splat4(v[1]);
            b0 = FMA(low, t, b0), b1 = FMA(high, t, b1);
            t = splat4(v[2]);
            c0 = FMA(low, t, c0), c1 = FMA(high, t, c1);
            t = splat4(v[3]);
            d0 = FMA(low, t, d0), d1 = FMA(high, t, d1);
            t = splat4(v[4]);
            e0 = FMA(low, t, e0), e1 = FMA(high, t, e1);
            t = splat4(v[5]);
            f0 = FMA(low, t, f0), f1 = FMA(high, t, f1);
        }
        store4(a, a0), store4(a + 4, a1), store4(a + 8, b0), store4(a + 12, b1);
        store4(a + 16, c0), store4(a + 20, c1), store4(a + 24, d0), store4(a + 28, d1);
        store4(a + 32, e0), store4(a + 36, e1), store4(a + 40, f0), store4(a + 44, f1);
    }
    switch (width - c) {
    case 1: narrow_weighted_sums(weights, values, width, c, 1, count, factor_low, factor_high, first, accumulators); break;
    case 2: narrow_weighted_sums(weights, values, width, c, 2, count, factor_low, factor_high, first, accumulators); break;
    case 3: narrow_weighted_sums(weights, values, width, c, 3, count, factor_low, factor_high, first, accumulators); break;
    case 4: narrow_weighted_sums(weights, values, width, c, 4, count, factor_low, factor_high, first, accumulators); break;
    case 5: narrow_weighted_sums(weights, values, width, c, 5, count, factor_low, factor_high, first, accumulators); break;
    default: break;
    }
}

LANE_INLINE void fused_attention_body(const double *queries, long query_count, const double *keys, long key_count,
                                      long depth, const double *values, long value_dimension, double *output,
                                      double *workspace) {
    long padded = padded_to_tile(key_count);
    double *packed_keys = (double *)(((uintptr_t)workspace + 63) & ~(uintptr_t)63);
    double *packed_values = packed_keys + padded * depth;
    double *tile = packed_values + padded * value_dimension;
    double *weights = tile + TILE_QUERIES * depth;
    double *accumulators = weights + KEY_BLOCK * TILE_QUERIES;
    pack_rows(keys, key_count, depth, packed_keys);
    pack_rows(values, key_count, value_dimension, packed_values);

    for (long first_query = 0; first_query < query_count; first_query += TILE_QUERIES) {
        long live_queries = query_count - first_query < TILE_QUERIES ? query_count - first_query : TILE_QUERIES;
        for (long c = 0; c < depth; c++)
            for (long q = 0; q < TILE_QUERIES; q++)
                tile[c * TILE_QUERIES + q] = q < live_queries ? queries[first_query + q + c * query_count] : 0;
        vd4 max_low = splat4(-INFINITY), max_high = max_low, sum_low = splat4(0.0), sum_high = sum_low;
        for (long block = 0; block < padded; block += KEY_BLOCK) {
            long count = padded - block < KEY_BLOCK ? padded - block : KEY_BLOCK;
            long live = key_count - block < count ? key_count - block : count;
            int first = block == 0;
            vd4 block_low = splat4(-INFINITY), block_high = block_low;
            tile_scores(tile, packed_keys + block * depth, depth, count, weights, &block_low, &block_high);
            if (live < count) {
                for (long j = live * TILE_QUERIES; j < count * TILE_QUERIES; j++) weights[j] = -INFINITY;
                block_low = splat4(-INFINITY), block_high = block_low;
                for (long j = 0; j < live; j++) {
                    block_low = max4(block_low, load4(weights + j * TILE_QUERIES));
                    block_high = max4(block_high, load4(weights + j * TILE_QUERIES + 4));
                }
            }
            vd4 new_low = first ? block_low : max4(max_low, block_low);
            vd4 new_high = first ? block_high : max4(max_high, block_high);
            vd4 factor_low = max_low - new_low, factor_high = max_high - new_high;
            if (first) factor_low = factor_high = splat4(0.0);
            exp4x2_below_overflow(&factor_low, &factor_high);
            max_low = new_low, max_high = new_high;
            vd4 block_sum_low = splat4(0.0), block_sum_high = block_sum_low;
            /* count is a multiple of six: two keys per step, added to the sums in key order. */
            for (long j = 0; j < count; j += 2) {
                double *w = weights + j * TILE_QUERIES;
                vd4 low = load4(w) - new_low, high = load4(w + 4) - new_high;
                vd4 next_low = load4(w + 8) - new_low, next_high = load4(w + 12) - new_high;
                exp4x2_below_overflow(&low, &high);
                exp4x2_below_overflow(&next_low, &next_high);
                store4(w, low), store4(w + 4, high), store4(w + 8, next_low), store4(w + 12, next_high);
                block_sum_low += low, block_sum_high += high;
                block_sum_low += next_low, block_sum_high += next_high;
            }
            sum_low = first ? block_sum_low : sum_low * factor_low + block_sum_low;
            sum_high = first ? block_sum_high : sum_high * factor_high + block_sum_high;
            tile_weighted_sums(weights, packed_values + block * value_dimension, value_dimension, count, factor_low,
                               factor_high, first, accumulators);
        }
        vd4 inverse_low = splat4(1.0) / sum_low, inverse_high = splat4(1.0) / sum_high;
        for (long c = 0; c < value_dimension; c++) {
            vd4 low = load4(accumulators + c * TILE_QUERIES) * inverse_low;
            vd4 high = load4(accumulators + c * TILE_QUERIES + 4) * inverse_high;
            for (long q = 0; q < live_queries; q++)
                output[first_query + q + c * query_count] = q < 4 ? low[q] : high[q - 4];
        }
    }
}

#define DEFINE_FUSED_VARIANT(suffix, attributes)                                                              \
    attributes static void fused_attention_##suffix(const double *queries, long query_count, const double *keys,     \
                                                    long key_count, long depth, const double *values,           \
                                                    long value_dimension, double *output, double *workspace) {   \
        fused_attention_body(queries, query_count, keys, key_count, depth, values, value_dimension, output,      \
                             workspace);                                                                         \
    }

#if defined(__x86_64__)
DEFINE_FUSED_VARIANT(avx512, __attribute__((target("avx512f"))))
DEFINE_FUSED_VARIANT(avx2, __attribute__((target("avx2,fma"))))
#endif
DEFINE_FUSED_VARIANT(baseline, )

void cvexp_fused_attention_variant(int variant, const double *queries, long query_count, const double *keys,
                                   long key_count, long depth, const double *values, long value_dimension,
                                   double *output, double *workspace) {
    switch (variant) {
#if defined(__x86_64__)
    case CVEXP_AVX512F:
        fused_attention_avx512(queries, query_count, keys, key_count, depth, values, value_dimension, output,
                               workspace);
        return;
    case CVEXP_AVX2:
        fused_attention_avx2(queries, query_count, keys, key_count, depth, values, value_dimension, output, workspace);
        return;
#endif
    default:
        fused_attention_baseline(queries, query_count, keys, key_count, depth, values, value_dimension, output,
                                 workspace);
    }
}

void cvexp_fused_attention(const double *queries, long query_count, const double *keys, long key_count, long depth,
                           const double *values, long value_dimension, double *output, double *workspace) {
    cvexp_fused_attention_variant(cvexp_best_variant(), queries, query_count, keys, key_count, depth, values,
                                  value_dimension, output, workspace);
}
