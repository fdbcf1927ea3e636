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
    /* Tiles (64 queries) that take each key block in turn while its keys and values
       (252 · (d + d′) doubles, 200 KB at d = d′ = 50) stay in the L2 cache, so that they come from
       the L3 cache or memory once per 64 queries instead of once per 8: 5.9 → 5.5 ns per score at
       n = 4096, d = 50. */
    TILE_GROUP = 8,
    GROUP_QUERIES = TILE_GROUP * TILE_QUERIES,
};

static long padded_to_tile(long count) { return (count + TILE_COLUMNS - 1) / TILE_COLUMNS * TILE_COLUMNS; }

long cvexp_fused_attention_workspace(long query_count, long key_count, long depth, long value_dimension) {
    (void)query_count;
    long padded = padded_to_tile(key_count);
    /* 2 · LANES more than the parts need: the packed keys and the tiles each start at the next
       64-byte boundary (see fused_attention_body). */
    return padded * (depth + value_dimension) + GROUP_QUERIES * depth + KEY_BLOCK * TILE_QUERIES +
           GROUP_QUERIES * value_dimension + 2 * LANES;
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

/* tile_weighted_sums for `columns` (1…5, a constant after inlining) value coordinates from
   `first_column`, in one pass over the keys so that their chains run side by side. */
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

/* narrow_weighted_sums for `columns` (1…5) value coordinates from `first_column`, dispatched so
   that the count is a constant inside. */
LANE_INLINE void narrow_weighted_sums_of(int columns, const double *weights, const double *values, long width,
                                         long first_column, long count, vd4 factor_low, vd4 factor_high, int first,
                                         double *accumulators) {
    switch (columns) {
    case 1: narrow_weighted_sums(weights, values, width, first_column, 1, count, factor_low, factor_high, first, accumulators); break;
    case 2: narrow_weighted_sums(weights, values, width, first_column, 2, count, factor_low, factor_high, first, accumulators); break;
    case 3: narrow_weighted_sums(weights, values, width, first_column, 3, count, factor_low, factor_high, first, accumulators); break;
    case 4: narrow_weighted_sums(weights, values, width, first_column, 4, count, factor_low, factor_high, first, accumulators); break;
    case 5: narrow_weighted_sums(weights, values, width, first_column, 5, count, factor_low, factor_high, first, accumulators); break;
    default: break;
    }
}

/* accumulators[c·8 + q] ← accumulators[c·8 + q]·factor_q + Σ_j weights[j·8 + q]·values[j·width + c]
   (fused multiply-adds in key order, from +0 on the first block) for every value coordinate c,
   six coordinates at a time. A pass over fewer than four coordinates has fewer than eight
   independent chains and waits on the multiply-add latency, so a remainder of 1–3 coordinates is
   merged with the last group of six and split into two passes of four and three to five (7 = 4 + 3,
   8 = 4 + 4, 9 = 4 + 5). Each coordinate's chain is the same whichever pass computes it. */
LANE_INLINE void tile_weighted_sums(const double *weights, const double *values, long width, long count,
                                    vd4 factor_low, vd4 factor_high, int first, double *accumulators) {
    long remainder = width % TILE_COLUMNS;
    long wide_end = width - remainder;
    if (remainder >= 1 && remainder <= 3 && wide_end >= TILE_COLUMNS) wide_end -= TILE_COLUMNS;
    long c = 0;
    for (; c < wide_end; c += TILE_COLUMNS) {
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
    long rest = width - c;
    if (rest > 5) {
        narrow_weighted_sums_of(4, weights, values, width, c, count, factor_low, factor_high, first, accumulators);
        c += 4, rest -= 4;
    }
    narrow_weighted_sums_of((int)rest, weights, values, width, c, count, factor_low, factor_high, first,
                            accumulators);
}

/* The running softmax state of one tile's eight queries: maxima m, sums ℓ (queries 0–3 in the
   low vector, 4–7 in the high one); the weighted sums live in the tile's accumulators. */
typedef struct {
    vd4 max_low, max_high, sum_low, sum_high;
} tile_state;

/* One key block (count keys, a multiple of six, of which the first `live` are real) for one tile:
   scores into `weights`, the running maximum and its rescaling factor, exponentials in place
   with their sum, then the weighted sums. */
LANE_INLINE void tile_block(const double *tile, const double *keys, const double *values, long depth,
                            long value_dimension, long count, long live, int first, double *weights,
                            double *accumulators, tile_state *state) {
    vd4 block_low = splat4(-INFINITY), block_high = block_low;
    tile_scores(tile, keys, depth, count, weights, &block_low, &block_high);
    if (live < count) {
        for (long j = live * TILE_QUERIES; j < count * TILE_QUERIES; j++) weights[j] = -INFINITY;
        block_low = splat4(-INFINITY), block_high = block_low;
        for (long j = 0; j < live; j++) {
            block_low = max4(block_low, load4(weights + j * TILE_QUERIES));
            block_high = max4(block_high, load4(weights + j * TILE_QUERIES + 4));
        }
    }
    vd4 new_low = first ? block_low : max4(state->max_low, block_low);
    vd4 new_high = first ? block_high : max4(state->max_high, block_high);
    vd4 factor_low = state->max_low - new_low, factor_high = state->max_high - new_high;
    if (first) factor_low = factor_high = splat4(0.0);
    exp4x2_below_overflow(&factor_low, &factor_high);
    state->max_low = new_low, state->max_high = new_high;
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
    state->sum_low = first ? block_sum_low : state->sum_low * factor_low + block_sum_low;
    state->sum_high = first ? block_sum_high : state->sum_high * factor_high + block_sum_high;
    tile_weighted_sums(weights, values, value_dimension, count, factor_low, factor_high, first, accumulators);
}

/* The first 64-byte boundary at or after `p`. */
static double *cache_line_at_or_after(double *p) { return (double *)(((uintptr_t)p + 63) & ~(uintptr_t)63); }

LANE_INLINE void fused_attention_body(const double *queries, long query_count, const double *keys, long key_count,
                                      long depth, const double *values, long value_dimension, double *output,
                                      double *workspace) {
    long padded = padded_to_tile(key_count);
    /* The tiles, weights and accumulators are read and written as four-lane vectors: they start
       on a 64-byte boundary and are multiples of eight doubles long, so no vector load crosses a
       cache line (the packed keys and values are read one double at a time). */
    double *packed_keys = cache_line_at_or_after(workspace);
    double *packed_values = packed_keys + padded * depth;
    double *tiles = cache_line_at_or_after(packed_values + padded * value_dimension);
    double *weights = tiles + GROUP_QUERIES * depth;
    double *accumulators = weights + KEY_BLOCK * TILE_QUERIES;
    pack_rows(keys, key_count, depth, packed_keys);
    pack_rows(values, key_count, value_dimension, packed_values);

    for (long first_query = 0; first_query < query_count; first_query += GROUP_QUERIES) {
        long group_queries = query_count - first_query < GROUP_QUERIES ? query_count - first_query : GROUP_QUERIES;
        long tile_count = (group_queries + TILE_QUERIES - 1) / TILE_QUERIES;
        for (long t = 0; t < tile_count; t++)
            for (long c = 0; c < depth; c++)
                for (long q = 0; q < TILE_QUERIES; q++) {
                    long query = t * TILE_QUERIES + q;
                    tiles[(t * depth + c) * TILE_QUERIES + q] =
                        query < group_queries ? queries[first_query + query + c * query_count] : 0;
                }
        tile_state states[TILE_GROUP];
        for (long t = 0; t < TILE_GROUP; t++)
            states[t] = (tile_state){splat4(-INFINITY), splat4(-INFINITY), splat4(0.0), splat4(0.0)};
        for (long block = 0; block < padded; block += KEY_BLOCK) {
            long count = padded - block < KEY_BLOCK ? padded - block : KEY_BLOCK;
            long live = key_count - block < count ? key_count - block : count;
            for (long t = 0; t < tile_count; t++)
                tile_block(tiles + t * depth * TILE_QUERIES, packed_keys + block * depth,
                           packed_values + block * value_dimension, depth, value_dimension, count, live, block == 0,
                           weights, accumulators + t * value_dimension * TILE_QUERIES, &states[t]);
        }
        for (long t = 0; t < tile_count; t++) {
            vd4 inverse_low = splat4(1.0) / states[t].sum_low, inverse_high = splat4(1.0) / states[t].sum_high;
            const double *a = accumulators + t * value_dimension * TILE_QUERIES;
            for (long c = 0; c < value_dimension; c++) {
                vd4 low = load4(a + c * TILE_QUERIES) * inverse_low;
                vd4 high = load4(a + c * TILE_QUERIES + 4) * inverse_high;
                for (long q = 0; q < TILE_QUERIES && t * TILE_QUERIES + q < group_queries; q++)
                    output[first_query + t * TILE_QUERIES + q + c * query_count] = q < 4 ? low[q] : high[q - 4];
            }
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
