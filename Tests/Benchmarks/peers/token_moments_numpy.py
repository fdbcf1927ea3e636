"""NumPy peer for timing `workbench run token-sample-complexity parts=moments` (quick preset).

The authors' Gaussian-token computation (their `src/tsc/gaussian.py`, PyTorch, float32) ported to
NumPy: tokens X ~ N(0, rho I_d) in float32, projections Q = X Wq^T, K = X Wk^T, V = X Wv^T,
full n x n attention softmax(Q K^T / sqrt(d)) V, the output's mean and 1/n covariance, and their
distances to reference moments (Euclidean and Frobenius). Same Monte Carlo work as the quick
preset: d = 8, rho = 1, horizons H in {0.25, 0.5, 1, 1.5, 2, 3}, n in {256, ..., 4096}, 16
repetitions, A0 i.i.d. N(0, 1) scaled to horizon H (so Wq = sqrt(d) A, Wk = I), Wv ~ N(0, 1/d).

    python3 Tests/Benchmarks/peers/token_moments_numpy.py finite   # as the authors ship it
    python3 Tests/Benchmarks/peers/token_moments_numpy.py exact    # with the exact reference

`finite`: reference moments from a finite sample of 100,000 tokens per horizon, as in the
authors' code (their single 100,000 x 100,000 float32 product needs 40 GB; here it runs in blocks
of 512 query rows, the same arithmetic). `exact`: the closed-form moments of the Gaussian model,
mean 0 and covariance V Sigma A Sigma A^T Sigma V^T, which is what workbench uses.
Prints the mean errors per (H, n).
"""
import sys

import numpy as np

D, RHO, HORIZONS, NS, REPS, N_REFERENCE = 8, 1.0, (0.25, 0.5, 1.0, 1.5, 2.0, 3.0), (256, 512, 1024, 2048, 4096), 16, 100_000


def attention(q, k, v):
    """softmax(Q K^T / sqrt(d)) V over all keys, float32, as the authors' `_attn`."""
    scores = (q @ k.T) * np.float32(1.0 / np.sqrt(q.shape[-1]))
    scores -= scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v


def mean_cov(x):
    n = x.shape[0]
    mean = x.mean(axis=0)
    return mean, (x.T @ x) / n - np.outer(mean, mean)


def project(x, wq, wk, wv):
    return x @ wq.T, x @ wk.T, x @ wv.T


def reference_moments(rng, wq, wk, wv):
    """Moments of the transformed tokens of one finite reference sample, in query blocks."""
    x = (np.sqrt(RHO) * rng.standard_normal((N_REFERENCE, D))).astype(np.float32)
    q, k, v = project(x, wq, wk, wv)
    out = np.concatenate([attention(q[i:i + 512], k, v) for i in range(0, N_REFERENCE, 512)])
    return mean_cov(out)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "exact"
    rng = np.random.default_rng(0)
    a0 = rng.standard_normal((D, D))
    wv = (rng.standard_normal((D, D)) / np.sqrt(D)).astype(np.float32)
    sigma = RHO * np.eye(D)
    for h in HORIZONS:
        a = h * a0 / np.linalg.norm(np.sqrt(RHO) * a0 * np.sqrt(RHO), 2)
        wq = (np.sqrt(D) * a).astype(np.float32)
        wk = np.eye(D, dtype=np.float32)
        if mode == "finite":
            mean_ref, cov_ref = reference_moments(rng, wq, wk, wv)
        else:
            mean_ref = np.zeros(D)
            cov_ref = wv.astype(float) @ sigma @ a @ sigma @ a.T @ sigma @ wv.T.astype(float)
        for n in NS:
            mean_errors, cov_errors = [], []
            for _ in range(REPS):
                x = (np.sqrt(RHO) * rng.standard_normal((n, D))).astype(np.float32)
                mean, cov = mean_cov(attention(*project(x, wq, wk, wv)))
                mean_errors.append(np.linalg.norm(mean - mean_ref))
                cov_errors.append(np.linalg.norm(cov - cov_ref))
            print(f"H={h} n={n}: mean error {np.mean(mean_errors):.4g}, covariance error {np.mean(cov_errors):.4g}")


if __name__ == "__main__":
    main()
