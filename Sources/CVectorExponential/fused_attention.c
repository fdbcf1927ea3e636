#include "CVectorExponential.h"

#include "vector_lanes.h"

/* Fused softmax attention for small depths: scores, exponentials and the weighted sum of one
   query against one block of keys stay in the first-level cache, and the keys of a block serve a
   whole block of queries before the next block is read. See cvexp_fused_attention in the header
   for the arithmetic that fixes the result's bits. */

enum {
    /* Keys per block: the packed keys and values of a block at depth ≤ 8 fill the 32 KB L1. */
    KEY_BLOCK = 256,
    /* Queries per block: their running statistics stay in L2 while a key block is in L1. */
    QUERY_BLOCK = 64,
    /* Lanes of running state per query: the maximum (lane 0), the sum, then one vector per value
       coordinate. */
    STATE_HEADER = 2 * LANES,
};

static long padded_key_count(long key_count) { return (key_count + KEY_BLOCK - 1) / KEY_BLOCK * KEY_BLOCK; }

long cvexp_fused_attention_workspace(long query_count, long key_count, long depth, long value_dimension) {
    (void)query_count;
    long padded = padded_key_count(key_count);
    /* LANES more than the parts need: the parts start at the first 64-byte boundary. */
    return padded * (depth + value_dimension) + QUERY_BLOCK * depth + QUERY_BLOCK * (STATE_HEADER + LANES * value_dimension) +
           KEY_BLOCK + LANES;
}

/* Copies the column-major n × width matrix `source` into key blocks: block b holds its KEY_BLOCK
   keys' coordinate c contiguously at packed + b·KEY_BLOCK·width + c·KEY_BLOCK, zero beyond n. */
LANE_INLINE void pack_key_blocks(const double *source, long n, long width, double *packed) {
    long padded = padded_key_count(n);
    for (long block = 0; block < padded; block += KEY_BLOCK) {
        double *target = packed + block * width;
        long live = n - block < KEY_BLOCK ? n - block : KEY_BLOCK;
        for (long c = 0; c < width; c++) {
            memcpy(target + c * KEY_BLOCK, source + c * n + block, (size_t)live * sizeof(double));
            memset(target + c * KEY_BLOCK + live, 0, (size_t)(KEY_BLOCK - live) * sizeof(double));
        }
    }
}

/* scores[j] = Σ_c x[c]·keys[c·KEY_BLOCK + j] for j < KEY_BLOCK, as the chain of fused
   multiply-adds from +0 in coordinate order; returns the lane-wise maximum. */
LANE_INLINE vd8 block_scores(const double *x, const double *keys, long depth, double *scores) {
    vd8 maximum = splat(-INFINITY);
    for (long j = 0; j < KEY_BLOCK; j += 4 * LANES) {
        vd8 s0 = splat(0.0), s1 = splat(0.0), s2 = splat(0.0), s3 = splat(0.0);
        for (long c = 0; c < depth; c++) {
            const double *column = keys + c * KEY_BLOCK + j;
            vd8 coordinate = splat(x[c]);
            s0 = FMA(coordinate, load8(column), s0);
            s1 = FMA(coordinate, load8(column + LANES), s1);
            s2 = FMA(coordinate, load8(column + 2 * LANES), s2);
            s3 = FMA(coordinate, load8(column + 3 * LANES), s3);
        }
        store8(scores + j, s0);
        store8(scores + j + LANES, s1);
        store8(scores + j + 2 * LANES, s2);
        store8(scores + j + 3 * LANES, s3);
        maximum = max8(maximum, max8(max8(s0, s1), max8(s2, s3)));
    }
    return maximum;
}

/* weights[j] ← e^(weights[j] − shift) in place; returns their lane sums (lane j mod 8, in key
   order). */
LANE_INLINE vd8 block_exponentials(double *weights, double shift) {
    vd8 s = splat(shift);
    vd8 sum0 = splat(0.0), sum1 = splat(0.0);
    for (long j = 0; j < KEY_BLOCK; j += 2 * LANES) {
        vd8 e0 = exp8_below_overflow(load8(weights + j) - s);
        vd8 e1 = exp8_below_overflow(load8(weights + j + LANES) - s);
        store8(weights + j, e0);
        store8(weights + j + LANES, e1);
        sum0 += e0;
        sum1 += e1;
    }
    return sum0 + sum1;
}

/* accumulators[c] ← accumulators[c]·factor + Σ_j weights[j]·values[c·KEY_BLOCK + j] lane-wise
   (lane j mod 8, fused multiply-adds in key order) for every value coordinate c. */
LANE_INLINE void block_weighted_sum(const double *weights, const double *values, long value_dimension, double factor,
                                    int first, double *accumulators) {
    vd8 f = splat(factor);
    long c = 0;
    for (; c + 4 <= value_dimension; c += 4) {
        double *a = accumulators + c * LANES;
        vd8 a0 = first ? splat(0.0) : load8(a) * f;
        vd8 a1 = first ? splat(0.0) : load8(a + LANES) * f;
        vd8 a2 = first ? splat(0.0) : load8(a + 2 * LANES) * f;
        vd8 a3 = first ? splat(0.0) : load8(a + 3 * LANES) * f;
        const double *v0 = values + c * KEY_BLOCK;
        for (long j = 0; j < KEY_BLOCK; j += LANES) {
            vd8 w = load8(weights + j);
            a0 = FMA(w, load8(v0 + j), a0);
            a1 = FMA(w, load8(v0 + KEY_BLOCK + j), a1);
            a2 = FMA(w, load8(v0 + 2 * KEY_BLOCK + j), a2);
            a3 = FMA(w, load8(v0 + 3 * KEY_BLOCK + j), a3);
        }
        store8(a, a0);
        store8(a + LANES, a1);
        store8(a + 2 * LANES, a2);
        store8(a + 3 * LANES, a3);
    }
    for (; c < value_dimension; c++) {
        double *a = accumulators + c * LANES;
        vd8 a0 = first ? splat(0.0) : load8(a) * f;
        const double *v0 = values + c * KEY_BLOCK;
        for (long j = 0; j < KEY_BLOCK; j += LANES) a0 = FMA(load8(weights + j), load8(v0 + j), a0);
        store8(a, a0);
    }
}

/* block_scores and block_weighted_sum with the depth and value dimension as constants for the
   small sizes, so that their coordinate loops unroll (the same operations in the same order). */
#define EACH_SMALL_SIZE(X) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)

LANE_INLINE vd8 block_scores_unrolled(const double *x, const double *keys, long depth, double *scores) {
    switch (depth) {
#define SCORES_CASE(size) \
    case size: return block_scores(x, keys, size, scores);
        EACH_SMALL_SIZE(SCORES_CASE)
#undef SCORES_CASE
    default: return block_scores(x, keys, depth, scores);
    }
}

LANE_INLINE void block_weighted_sum_unrolled(const double *weights, const double *values, long value_dimension,
                                             double factor, int first, double *accumulators) {
    switch (value_dimension) {
#define SUM_CASE(size) \
    case size: block_weighted_sum(weights, values, size, factor, first, accumulators); return;
        EACH_SMALL_SIZE(SUM_CASE)
#undef SUM_CASE
    default: block_weighted_sum(weights, values, value_dimension, factor, first, accumulators);
    }
}

LANE_INLINE void fused_attention_body(const double *queries, long query_count, const double *keys, long key_count,
                                      long depth, const double *values, long value_dimension, double *output,
                                      double *workspace) {
    long padded = padded_key_count(key_count);
    /* Every part is a multiple of eight doubles long, so all start on 64-byte boundaries (one
       cache line; no vector load is split across two). */
    double *packed_keys = (double *)(((uintptr_t)workspace + 63) & ~(uintptr_t)63);
    double *packed_values = packed_keys + padded * depth;
    double *packed_queries = packed_values + padded * value_dimension;
    double *state = packed_queries + QUERY_BLOCK * depth;
    long state_stride = STATE_HEADER + LANES * value_dimension;
    double *weights = state + QUERY_BLOCK * state_stride;
    pack_key_blocks(keys, key_count, depth, packed_keys);
    pack_key_blocks(values, key_count, value_dimension, packed_values);

    for (long query_start = 0; query_start < query_count; query_start += QUERY_BLOCK) {
        long queries_here = query_count - query_start < QUERY_BLOCK ? query_count - query_start : QUERY_BLOCK;
        for (long q = 0; q < queries_here; q++)
            for (long c = 0; c < depth; c++) packed_queries[q * depth + c] = queries[query_start + q + c * query_count];
        for (long block = 0; block < padded; block += KEY_BLOCK) {
            long live = key_count - block < KEY_BLOCK ? key_count - block : KEY_BLOCK;
            int first = block == 0;
            for (long q = 0; q < queries_here; q++) {
                double *query_state = state + q * state_stride;
                vd8 lane_max = block_scores_unrolled(packed_queries + q * depth, packed_keys + block * depth, depth, weights);
                if (live < KEY_BLOCK) {
                    for (long j = live; j < KEY_BLOCK; j++) weights[j] = -INFINITY;
                    lane_max = splat(-INFINITY);
                    for (long j = 0; j < live; j += LANES) lane_max = max8(lane_max, load8(weights + j));
                }
                double block_max = horizontal_max8(lane_max);
                double old_max = query_state[0];
                double new_max = first || block_max > old_max ? block_max : old_max;
                double factor = first ? 1.0 : exp8_below_overflow(splat(old_max - new_max))[0];
                vd8 sum = block_exponentials(weights, new_max);
                query_state[0] = new_max;
                store8(query_state + LANES, first ? sum : load8(query_state + LANES) * splat(factor) + sum);
                block_weighted_sum_unrolled(weights, packed_values + block * value_dimension, value_dimension, factor, first,
                                   query_state + STATE_HEADER);
            }
        }
        for (long q = 0; q < queries_here; q++) {
            const double *query_state = state + q * state_stride;
            double inverse = 1.0 / horizontal_sum8(load8(query_state + LANES));
            for (long c = 0; c < value_dimension; c++)
                output[query_start + q + c * query_count] =
                    horizontal_sum8(load8(query_state + STATE_HEADER + c * LANES)) * inverse;
        }
    }
}

#define DEFINE_FUSED_VARIANT(suffix, attributes)                                                              \
    attributes static void fused_attention_##suffix(const double *queries, long query_count, const double *keys,    \
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
