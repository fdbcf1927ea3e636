"""NumPy peer for timing `workbench run resnet-ode parts=gap` (the quick preset).

The same work as the workbench's `gap` part with its defaults: d = 16, m = 32, B = 64,
depths N = 4, 8, ..., 1024, residuals mlp (W2 tanh(W1 x)), relu (max(Wx, 0)) and linear (Wx),
weight schemes smooth Theta(n/N), iid and alternating (-1)^n Theta(n/N) with
Theta(t) = sum_{k<4} C_k cos(k pi t)/(1+k), fan-in scaling. Per (residual, scheme, N): the Euler
ResNet X_{n+1} = X_n + f(X_n, theta_n)/N, RK4 with 4 node-aligned substeps per layer on the
piecewise-affine weight path ("PL"), the total variation of the nodes; for smooth weights the
Heun network (nodes convention) and both against the depth limit (RK4, 4096 steps on Theta);
for alternating weights max|X_N(alt) - X_N(smooth)|. Then the log-log slopes over N >= 16.

The three weight schemes of one (residual, N) are stacked along a leading axis, so every residual
evaluation is one batched `matmul` over the schemes; node weights, interpolated RK4 weights and
total variations are built with array operations.

Random inputs: x_0 and the smooth coefficients C_k come from the workbench's own streams
(xoshiro256** seeded through SplitMix64 and FNV-1a labels, Marsaglia polar normals), ported
below, so the smooth and alternating rows print the workbench's values. The i.i.d. weights are
drawn with NumPy's default generator, as a NumPy user would; `--workbench-streams` draws them from
the workbench streams too (slow: pure-Python generator), which makes every row comparable.

    python3 Tests/Benchmarks/peers/resnet_gap_numpy.py [--workbench-streams]
"""
import math
import sys

import numpy as np

D, M, B = 16, 32, 64
DEPTHS = [4 << j for j in range(9)]
RESIDUALS = ["mlp", "relu", "linear"]
SCHEMES = ["smooth", "iid", "alternating"]
MODES, SCALE, SUBSTEPS, LIMIT_STEPS, FIT_MIN = 4, 1.0, 4, 4096, 16
SEED = 0
MASK = (1 << 64) - 1


# --- the workbench's random streams -------------------------------------------------------
def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def key_bits(component):
    if isinstance(component, int):
        return (component * 0x9E3779B97F4A7C15 + 1) & MASK
    h = 0xCBF29CE484222325
    for byte in component.encode():
        h = ((h ^ byte) * 0x100000001B3) & MASK
    return h


class Stream:
    """xoshiro256** for the stream (SEED, path...)."""

    def __init__(self, *path):
        key = SEED
        for component in path:
            _, key = splitmix(key ^ key_bits(component))
        state, s = key, []
        for _ in range(4):
            state, value = splitmix(state)
            s.append(value)
        self.s = s

    def next(self):
        s0, s1, s2, s3 = self.s
        r = (s1 * 5) & MASK
        result = ((((r << 7) | (r >> 57)) & MASK) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & MASK
        self.s = [s0, s1, s2, s3]
        return result

    def gaussian(self):
        while True:
            u = 2 * ((self.next() >> 11) * 2.0**-53) - 1
            v = 2 * ((self.next() >> 11) * 2.0**-53) - 1
            s = u * u + v * v
            if 0 < s < 1:
                return u * math.sqrt(-2 * math.log(s) / s)

    def matrix(self, rows, columns, deviation=1.0):
        """Column-major fill, as the workbench's Matrix.gaussian."""
        values = [deviation * self.gaussian() for _ in range(rows * columns)]
        return np.array(values).reshape(columns, rows).T.copy()


# --- model ----------------------------------------------------------------------------------
def shapes(residual):
    return [(M, D), (D, M)] if residual == "mlp" else [(D, D)]


def evaluate(residual, x, weights):
    """f(X, theta) for stacked X (S, d, B) and stacked weights [(S, r, c), ...]."""
    if residual == "mlp":
        return np.matmul(weights[1], np.tanh(np.matmul(weights[0], x)))
    y = np.matmul(weights[0], x)
    return np.maximum(y, 0) if residual == "relu" else y


def rk4(residual, z, k, start, middle, end):
    k1 = evaluate(residual, z, start)
    k2 = evaluate(residual, z + (k / 2) * k1, middle)
    k3 = evaluate(residual, z + (k / 2) * k2, middle)
    k4 = evaluate(residual, z + k * k3, end)
    return z + (k / 6) * (k1 + 2 * k2 + 2 * k3 + k4)


def smooth_values(coefficients, times):
    """Theta(t) at every t: per group an array (len(times), r, c)."""
    weights = np.cos(np.outer(times, np.arange(MODES)) * np.pi) / (1 + np.arange(MODES))
    return [np.einsum("tk,krc->trc", weights, group) for group in coefficients]


def nodes(scheme, coefficients, depth, rng, residual):
    """Per group (N+1, r, c)."""
    if scheme == "smooth":
        return smooth_values(coefficients, np.arange(depth + 1) / depth)
    if scheme == "alternating":
        signs = np.where(np.arange(depth + 1) % 2 == 0, 1.0, -1.0)[:, None, None]
        return [signs * g for g in smooth_values(coefficients, np.arange(depth + 1) / depth)]
    if isinstance(rng, Stream):
        drawn = [[rng.matrix(r, c, SCALE / math.sqrt(c)) for r, c in shapes(residual)] for _ in range(depth + 1)]
        return [np.stack([layer[g] for layer in drawn]) for g in range(len(shapes(residual)))]
    return [
        rng.standard_normal((depth + 1, r, c)) * (SCALE / math.sqrt(c)) for r, c in shapes(residual)
    ]


def cell_values(residual, coefficients, limit, x0, depth, workbench_streams, numpy_rng):
    """Every scheme of one (residual, N), stacked along axis 0."""
    stream = Stream("gap", residual, "iid", depth) if workbench_streams else numpy_rng
    per_scheme = [nodes(s, coefficients, depth, stream, residual) for s in SCHEMES]
    groups = [np.stack([p[g] for p in per_scheme], axis=1) for g in range(len(per_scheme[0]))]  # (N+1, S, r, c)
    h = 1.0 / depth
    x = np.broadcast_to(x0, (len(SCHEMES),) + x0.shape).copy()
    z = x.copy()
    k = h / SUBSTEPS
    fractions = np.arange(2 * SUBSTEPS + 1) / (2 * SUBSTEPS)
    heun = x0.copy()
    smooth = SCHEMES.index("smooth")
    for n in range(depth):
        left = [g[n] for g in groups]
        right = [g[n + 1] for g in groups]
        # Interpolated weights at every RK4 stage time of the interval's substeps.
        stage = [(1 - fractions)[:, None, None, None] * a + fractions[:, None, None, None] * b for a, b in zip(left, right)]
        for s in range(SUBSTEPS):
            z = rk4(
                residual, z, k, [g[2 * s] for g in stage], [g[2 * s + 1] for g in stage], [g[2 * s + 2] for g in stage]
            )
        # Heun on the smooth slice, then Euler on every scheme.
        w0 = [g[smooth] for g in left]
        w1 = [g[smooth] for g in right]
        k1 = evaluate(residual, heun, w0)
        k2 = evaluate(residual, heun + h * k1, w1)
        heun = heun + (h / 2) * (k1 + k2)
        x = x + h * evaluate(residual, x, left)
    rel = lambda a, b: np.linalg.norm(a - b) / np.linalg.norm(b)
    tv = [
        sum(np.linalg.norm(np.diff(g[:, i], axis=0), axis=(1, 2)).sum() for g in groups) for i in range(len(SCHEMES))
    ]
    values = {}
    for i, scheme in enumerate(SCHEMES):
        values[f"gap.{residual}.{scheme}.euler.rel_pl"] = rel(x[i], z[i])
        values[f"gap.{residual}.{scheme}.tv"] = tv[i]
    values[f"gap.{residual}.smooth.euler.rel_limit"] = rel(x[smooth], limit)
    values[f"gap.{residual}.smooth.heun.rel_limit"] = rel(heun, limit)
    alternating = SCHEMES.index("alternating")
    values[f"gap.{residual}.alternating.output_diff_vs_smooth"] = np.abs(x[alternating] - x[smooth]).max()
    return values


def limit_output(residual, coefficients, x0):
    k = 1.0 / LIMIT_STEPS
    times = np.arange(2 * LIMIT_STEPS + 1) / (2 * LIMIT_STEPS)
    path = [g[:, None] for g in smooth_values(coefficients, times)]  # (2M+1, 1, r, c)
    z = x0[None]
    for n in range(LIMIT_STEPS):
        z = rk4(residual, z, k, [g[2 * n] for g in path], [g[2 * n + 1] for g in path], [g[2 * n + 2] for g in path])
    return z[0]


def slope(points):
    usable = [(n, v) for n, v in points if n >= FIT_MIN and v > 1e-14]
    x = np.log([n for n, _ in usable])
    y = np.log([v for _, v in usable])
    return np.polyfit(x, y, 1)[0]


def main():
    workbench_streams = "--workbench-streams" in sys.argv
    x0 = Stream("gap", "input").matrix(D, B)
    numpy_rng = np.random.default_rng(SEED)
    series = {}
    for residual in RESIDUALS:
        stream = Stream("smooth", residual)
        drawn = [[stream.matrix(r, c, SCALE / math.sqrt(c)) for r, c in shapes(residual)] for _ in range(MODES)]
        coefficients = [np.stack([mode[g] for mode in drawn]) for g in range(len(shapes(residual)))]
        limit = limit_output(residual, coefficients, x0)
        for depth in DEPTHS:
            for key, value in cell_values(residual, coefficients, limit, x0, depth, workbench_streams, numpy_rng).items():
                series.setdefault(key, []).append((depth, value))
    for key in sorted(series):
        for depth, value in series[key]:
            print(f"{key} N={depth} {value:.12e}")
        if key.endswith("rel_pl") or key.endswith("rel_limit"):
            print(f"{key}.slope {slope(series[key]):.6f}")


if __name__ == "__main__":
    main()
