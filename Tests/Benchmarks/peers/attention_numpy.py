"""NumPy peer for the attention kernel benchmark (`workbench-bench attention`).

Softmax self-attention O = softmax(Q K^T) V of n = 4096 tokens in float64, blocked over queries
as a careful NumPy user writes it (a 256 x n score block at a time, so memory stays small):
S = Q_blk K^T, P = exp(S - max_row), O_blk = (P V) / rowsum(P). Same operands' laws as the
benchmark (queries and values N(0, 1), keys N(0, 0.09)). Prints the best of `repeats` calls in
the same `figure <name> <value>` form as the benchmark.

    python3 Tests/Benchmarks/peers/attention_numpy.py [n] [repeats]
"""
import sys
import time

import numpy as np


def attention(q, k, v, block=256):
    out = np.empty((q.shape[0], v.shape[1]))
    for start in range(0, q.shape[0], block):
        s = q[start:start + block] @ k.T
        s -= s.max(axis=1, keepdims=True)
        np.exp(s, out=s)
        out[start:start + block] = (s @ v) / s.sum(axis=1, keepdims=True)
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rng = np.random.default_rng(3)
    for d in (8, 50):
        q = rng.standard_normal((n, d))
        k = 0.3 * rng.standard_normal((n, d))
        v = rng.standard_normal((n, d))
        attention(q, k, v)
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            attention(q, k, v)
            best = min(best, time.perf_counter() - start)
        print(f"figure attention_d{d}_seconds {best:.6g}")
        print(f"figure attention_d{d}_ns_per_score {best / n / n * 1e9:.6g}")


if __name__ == "__main__":
    main()
