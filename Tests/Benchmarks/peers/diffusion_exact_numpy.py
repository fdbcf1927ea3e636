"""NumPy peer for timing `workbench run diffusion-discretization parts=convergence`.

The exact per-eigenvalue Euler-Maruyama variance recursion of the VP-linear process (beta 0.1 ->
20, T = 1, eps = 1e-3), the cancellation-safe W2 against the target, and the first-order constant
E by 16-point Gauss-Legendre on 21 geometric panels; prints K*W2/E at the largest K for every
(spectrum, grid, eta). Vectorised as a NumPy user would write it: all spectra and all eta values
advance together, one array operation per time step (the only Python loops are over grids, step
counts, steps and quadrature panels).

    python3 Tests/Benchmarks/peers/diffusion_exact_numpy.py [quick|paper]

quick: spectra pow:0.5, pow:1, pow:2 (d = 256) and twoscale; grids uniform, power:2;
       eta in {0, 0.5, 1}; K = 10 * 2^j (j = 0..9) -- the experiment's quick preset.
paper: spectra pow:0.5, pow:1, pow:1.5, pow:2 (d = 3072) and twoscale; grids uniform, power:2,
       edm:7; eta in {0, 0.5, 1, 1.5, 2}; K = 10 * 2^j (j = 0..10) -- its paper preset.
"""
import sys

import numpy as np

BETA_MIN, BETA_MAX, T, EPS = 0.1, 20.0, 1.0, 1e-3

SCALES = {
    "quick": dict(alphas=(0.5, 1.0, 2.0), d=256, grids=("uniform", "power:2"), etas=(0.0, 0.5, 1.0), js=10),
    "paper": dict(
        alphas=(0.5, 1.0, 1.5, 2.0), d=3072, grids=("uniform", "power:2", "edm:7"),
        etas=(0.0, 0.5, 1.0, 1.5, 2.0), js=11),
}


def beta(t):
    return BETA_MIN + t * (BETA_MAX - BETA_MIN)


def big_b(t):
    return BETA_MIN * t + 0.5 * (BETA_MAX - BETA_MIN) * t * t


def variance(t, lam):
    decay = np.exp(-big_b(t))
    return decay * lam + (1 - decay)


def grid(kind, k):
    """Reverse-time grid t_0 = T > ... > t_K = eps."""
    u = np.arange(k + 1) / k
    name, _, parameter = kind.partition(":")
    if name == "uniform":
        t = T + (EPS - T) * u
    elif name == "power":
        t = EPS + (T - EPS) * (1 - u) ** float(parameter)
    else:
        r = float(parameter)
        t = (T ** (1 / r) + u * (EPS ** (1 / r) - T ** (1 / r))) ** r
    t[0], t[-1] = T, EPS
    return t


def density(kind, t):
    """Step density of the grid at time t (the grid's dt/du)."""
    name, _, parameter = kind.partition(":")
    if name == "uniform":
        return np.full_like(t, T - EPS)
    if name == "power":
        p = float(parameter)
        return p * (T - EPS) ** (1 / p) * (t - EPS) ** (1 - 1 / p)
    r = float(parameter)
    return r * t ** (1 - 1 / r) * (T ** (1 / r) - EPS ** (1 / r))


def w2_all(lam, starts, kind, eta2, k):
    """W2 of every (eta, spectrum) after k steps: shape (len(eta2), len(starts))."""
    t = grid(kind, k)
    p = np.broadcast_to(variance(T, lam), (len(eta2), len(lam))).copy()
    eta2 = eta2[:, None]
    for i in range(k):
        h = t[i] - t[i + 1]
        g2 = beta(t[i])
        c = (1 + eta2) * (g2 / 2)
        a = 1 + h * g2 / 2 - h * c / variance(t[i], lam)
        p = a * a * p + eta2 * (g2 * h)
    target = variance(EPS, lam)
    diff = (p - target) / (np.sqrt(p) + np.sqrt(target))
    return np.sqrt(np.add.reduceat(diff * diff, starts, axis=1))


def constant_all(lam, starts, kind, eta2):
    """First-order constant E of every (eta, spectrum): shape (len(eta2), len(starts))."""
    nodes, weights = np.polynomial.legendre.leggauss(16)
    breaks = np.concatenate([[0.0], (T - EPS) * 10.0 ** (-np.arange(20, -1, -1) / 2)])
    total = np.zeros((len(eta2), len(lam)))
    r_eps = (1 - np.exp(-big_b(EPS))) / np.exp(-big_b(EPS))
    v_eps = variance(EPS, lam)
    for lo, hi in zip(breaks[:-1], breaks[1:]):
        s = 0.5 * (hi + lo) + 0.5 * (hi - lo) * nodes  # 16 nodes of the panel
        t = (EPS + s)[:, None, None]
        b_t, bb = beta(t), big_b(t)
        x = np.exp(-bb) * (lam - 1)
        v = 1 + x
        r_t = (1 - np.exp(-bb)) / np.exp(-bb)
        e2 = eta2[None, :, None]
        phi2 = (v_eps / v) * ((lam + r_eps) / (lam + r_t)) ** e2
        b = b_t * (x - e2) / (2 * v)
        v2 = (b_t * b_t - (BETA_MAX - BETA_MIN)) * x
        integrand = phi2 * density(kind, t) * (b * b * v - v2 / 2)
        total += 0.5 * (hi - lo) * np.tensordot(weights, integrand, axes=1)
    return np.sqrt(np.add.reduceat(total**2 / (4 * v_eps), starts, axis=1))


def main():
    scale = SCALES[sys.argv[1] if len(sys.argv) > 1 else "quick"]
    names = [f"pow{a}" for a in scale["alphas"]] + ["twoscale"]
    spectra = [np.arange(1, scale["d"] + 1, dtype=float) ** -a for a in scale["alphas"]] + [np.array([1.0, 0.01])]
    lam = np.concatenate(spectra)
    starts = np.cumsum([0] + [len(s) for s in spectra[:-1]])
    etas = np.array(scale["etas"])
    eta2 = etas * etas
    ks = [10 * 2**j for j in range(scale["js"])]
    for kind in scale["grids"]:
        e = constant_all(lam, starts, kind, eta2)
        w2 = [w2_all(lam, starts, kind, eta2, k) for k in ks]
        for si, name in enumerate(names):
            for ei, eta in enumerate(etas):
                ratio = ks[-1] * w2[-1][ei, si] / e[ei, si]
                print(f"{name} {kind} eta={eta}: E={e[ei, si]:.6g} K*W2/E at K={ks[-1]}: {ratio:.4f}")


if __name__ == "__main__":
    main()
