"""NumPy peer for timing `workbench run diffusion-discretization` on the convergence study alone.

Same work as `workbench run diffusion-discretization optimize=false monteCarlo=false
extensions=false` minus the small kernel/oracle tables: VP-linear (beta 0.1 -> 20, T = 1,
eps = 1e-3), spectra pow:0.5, pow:1, pow:2 (d = 256) and twoscale, grids uniform and power:2,
eta in {0, 0.5, 1}, K = 10 * 2^j (j = 0..9): the exact per-eigenvalue Euler-Maruyama variance
recursion, the cancellation-safe W2, and the first-order constant by 16-point Gauss-Legendre on
21 geometric panels. Prints K*W2/E at the largest K for each configuration.

    /usr/bin/time -v python3 Tests/Benchmarks/peers/diffusion_exact_numpy.py
"""
import numpy as np

BETA_MIN, BETA_MAX, T, EPS = 0.1, 20.0, 1.0, 1e-3
KS = [10 * 2**j for j in range(10)]


def beta(t):
    return BETA_MIN + t * (BETA_MAX - BETA_MIN)


def big_b(t):
    return BETA_MIN * t + 0.5 * (BETA_MAX - BETA_MIN) * t * t


def variance(t, lam):
    decay = np.exp(-big_b(t))
    return decay * lam + (1 - decay)


def grid(kind, k):
    u = np.arange(k + 1) / k
    if kind == "uniform":
        t = T + (EPS - T) * u
    else:
        t = EPS + (T - EPS) * (1 - u) ** 2
    t[0], t[-1] = T, EPS
    return t


def density(kind, t):
    if kind == "uniform":
        return np.full_like(t, T - EPS)
    return 2 * np.sqrt(T - EPS) * np.sqrt(t - EPS)


def w2(lam, kind, eta, k):
    t = grid(kind, k)
    p = variance(T, lam)
    for i in range(k):
        h = t[i] - t[i + 1]
        g2 = beta(t[i])
        c = (1 + eta * eta) * g2 / 2
        a = 1 + h * g2 / 2 - h * c / variance(t[i], lam)
        p = a * a * p + eta * eta * g2 * h
    target = variance(EPS, lam)
    diff = (p - target) / (np.sqrt(p) + np.sqrt(target))
    return np.sqrt(np.sum(diff * diff))


def constant(lam, kind, eta):
    nodes, weights = np.polynomial.legendre.leggauss(16)
    breaks = np.concatenate([[0.0], (T - EPS) * 10.0 ** (-np.arange(20, -1, -1) / 2)])
    total = np.zeros_like(lam)
    r_eps = (1 - np.exp(-big_b(EPS))) / np.exp(-big_b(EPS))
    v_eps = variance(EPS, lam)
    for lo, hi in zip(breaks[:-1], breaks[1:]):
        for node, weight in zip(nodes, weights):
            s = 0.5 * (hi + lo) + 0.5 * (hi - lo) * node
            t = EPS + s
            b_t, bb = beta(t), big_b(t)
            x = np.exp(-bb) * (lam - 1)
            v = 1 + x
            r_t = (1 - np.exp(-bb)) / np.exp(-bb)
            phi2 = (v_eps / v) * ((lam + r_eps) / (lam + r_t)) ** (eta * eta)
            b = b_t * (x - eta * eta) / (2 * v)
            v2 = (b_t * b_t - (BETA_MAX - BETA_MIN)) * x
            integrand = phi2 * density(kind, np.array([t]))[0] * (b * b * v - v2 / 2)
            total += 0.5 * (hi - lo) * weight * integrand
    return np.sqrt(np.sum(total**2 / (4 * v_eps)))


spectra = {f"pow{a}": np.arange(1, 257, dtype=float) ** -a for a in (0.5, 1.0, 2.0)}
spectra["twoscale"] = np.array([1.0, 0.01])
for name, lam in spectra.items():
    for kind in ("uniform", "power2"):
        for eta in (0.0, 0.5, 1.0):
            e = constant(lam, kind, eta)
            values = [w2(lam, kind, eta, k) for k in KS]
            print(f"{name} {kind} eta={eta}: E={e:.6g} K*W2/E at K={KS[-1]}: {KS[-1] * values[-1] / e:.4f}")
