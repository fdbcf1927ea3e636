"""Pure-Python/NumPy peer for timing `workbench run conservation-laws --preset benchmark`.

The same lazy-bracket computation of dim Lie(W_phi)(theta) as the workbench's `count` part, on the
benchmark subset of the paper's list C: its 36 networks with at most three layers and its largest,
5-5-4-4-5 (D = 81), in the list's order (q-layer linear networks phi = U_1 ... U_q, widths
[n_0, ..., n_q], U_l of shape n_{l-1} x n_l stored row-major and concatenated):

1. generators X_i = grad phi_ab (one field per output entry), polynomials with integer
   coefficients as {sorted variable tuple: coefficient};
2. at each of 2 random points (theta_p uniform in [1, p-1]^D for exact ranks mod p = 2^61 - 1,
   theta_f ~ N(0, I) for the float check): level 0 inserts the generator values into an
   incremental reduced-echelon basis mod p; level k >= 1 evaluates [Z, X](theta) =
   J_X Z - J_Z X from stored values and Jacobians for every pivot generator Z and every field X
   accepted at level k - 1, and forms the bracket polynomial only when that value is independent
   of the basis (lazy brackets); stop when a level accepts nothing, at rank D or after 8 levels;
3. float cross-check: every accepted row and up to 2000 rows in all of rejected brackets at
   theta_f, each normalised, singular values by LAPACK (NumPy), rank = #{s_i > 1e-10 s_1};
4. the known laws U_l^T U_l - U_{l+1} U_{l+1}^T (upper triangles): rank of their gradients mod p
   and orthogonality to every generator and accepted field.

Prints per architecture: D, the trace dimension per level, the number of laws D - dim Lie, the
float rank, and the known-law count, which are independent of the random points and processing
order; the workbench's `count.arch.*` rows hold the same numbers. Exact arithmetic mod p uses
Python integers (61-bit products do not fit NumPy's integer types).

    python3 Tests/Benchmarks/peers/conservation_count_python.py
"""
import random

import numpy as np

P = (1 << 61) - 1
MAX_LEVELS = 8
FLOAT_TOL = 1e-10
MAX_FLOAT_ROWS = 2000
POINTS = 2
ARCHITECTURES = [
    "5-3-2", "5-5-4-4-5", "3-4-2-4", "2-2-2", "4-2-5", "3-2-3-3", "2-3-3", "2-5-4-3", "2-4-2-2", "3-2-4",
    "4-5-3", "3-2-3", "5-5-2", "5-5-3-2", "5-2-3", "3-4-5", "5-5-5", "5-4-3", "2-5-4", "3-2-3-5",
    "4-5-5-5", "3-2-5", "5-5-3-5", "2-4-5-2", "3-5-3-4", "3-5-3", "3-2-4-2", "3-3-3", "3-3-3-3",
    "4-5-2", "5-3-3-2", "2-4-2-4", "2-3-5", "2-2-3", "2-2-4", "5-5-2-2", "4-5-4",
]


# --- polynomials: {monomial (sorted tuple of variables): int} -------------------------------
def derivative(poly, v):
    out = {}
    for mono, c in poly.items():
        e = mono.count(v)
        if e:
            i = mono.index(v)
            rest = mono[:i] + mono[i + 1 :]
            out[rest] = out.get(rest, 0) + c * e
    return {m: c for m, c in out.items() if c}


def variables(poly):
    return {v for mono in poly for v in mono}


def gradient_field(poly):
    """{component: polynomial}."""
    return {v: d for v in sorted(variables(poly)) if (d := derivative(poly, v))}


def bracket(x, y):
    """[X, Y]_k = sum_j (X_j d_j Y_k - Y_j d_j X_k)."""
    out = {}
    for a, b, sign in ((x, y, 1), (y, x, -1)):
        for j, aj in a.items():
            for k, bk in b.items():
                d = derivative(bk, j)
                if not d:
                    continue
                acc = out.setdefault(k, {})
                for m1, c1 in aj.items():
                    for m2, c2 in d.items():
                        m = tuple(sorted(m1 + m2))
                        acc[m] = acc.get(m, 0) + sign * c1 * c2
    field = {}
    for k, acc in out.items():
        poly = {m: c for m, c in acc.items() if c}
        if poly:
            field[k] = poly
    return field


def product(mono, point, modular):
    value = 1
    for v in mono:
        value = value * point[v] % P if modular else value * point[v]
    return value


def evaluate(field, point, modular):
    """Value (dense list) and sparse Jacobian {k: {j: dX_k/dtheta_j}} at the point."""
    dim = len(point)
    value = [0] * dim if modular else [0.0] * dim
    jacobian = {}
    for k, poly in field.items():
        total = 0
        row = {}
        for mono, c in poly.items():
            total += c * product(mono, point, modular)
            for v in set(mono):
                i = mono.index(v)
                row[v] = row.get(v, 0) + c * mono.count(v) * product(mono[:i] + mono[i + 1 :], point, modular)
        if modular:
            value[k] = total % P
            jacobian[k] = {j: d % P for j, d in row.items() if d % P}
        else:
            value[k] = total
            jacobian[k] = row
    return value, jacobian


def lazy_bracket(x, z, modular):
    """[Z, X](theta) = J_X Z - J_Z X from the stored (value, Jacobian) pairs."""
    (xv, xj), (zv, zj) = x, z
    out = [0] * len(xv) if modular else [0.0] * len(xv)
    for k, row in xj.items():
        out[k] += sum(d * zv[j] for j, d in row.items())
    for k, row in zj.items():
        out[k] -= sum(d * xv[j] for j, d in row.items())
    return [v % P for v in out] if modular else out


# --- incremental reduced row-echelon basis mod p ---------------------------------------------
class Basis:
    def __init__(self, dim):
        self.dim, self.rows, self.pivots = dim, [], []

    def reduced(self, vector):
        v = list(vector)
        for row, pivot in zip(self.rows, self.pivots):
            f = v[pivot]
            if f:
                for c, r in enumerate(row):
                    if r:
                        v[c] = (v[c] - f * r) % P
        return v

    def insert(self, vector):
        v = self.reduced(vector)
        pivot = next((c for c, x in enumerate(v) if x), None)
        if pivot is None:
            return False
        scale = pow(v[pivot], P - 2, P)
        v = [x * scale % P for x in v]
        for row in self.rows:
            f = row[pivot]
            if f:
                for c, x in enumerate(v):
                    if x:
                        row[c] = (row[c] - f * x) % P
        self.rows.append(v)
        self.pivots.append(pivot)
        return True


# --- the linear architecture --------------------------------------------------------------
def linear_model(widths):
    offsets, nxt = [], 0
    for layer in range(1, len(widths)):
        offsets.append(nxt)
        nxt += widths[layer - 1] * widths[layer]
    weight = lambda l, i, j: offsets[l - 1] + i * widths[l] + j
    paths = [[]]
    for width in widths:
        paths = [p + [j] for p in paths for j in range(width)]
    entries = {}
    for path in paths:
        mono = tuple(sorted(weight(l, path[l - 1], path[l]) for l in range(1, len(widths))))
        poly = entries.setdefault((path[0], path[-1]), {})
        poly[mono] = poly.get(mono, 0) + 1
    generators = [gradient_field(entries[key]) for key in sorted(entries)]
    laws = []
    for layer in range(1, len(widths) - 1):
        for a in range(widths[layer]):
            for b in range(a, widths[layer]):
                law = {}
                for i in range(widths[layer - 1]):
                    m = tuple(sorted((weight(layer, i, a), weight(layer, i, b))))
                    law[m] = law.get(m, 0) + 1
                for k in range(widths[layer + 1]):
                    m = tuple(sorted((weight(layer + 1, a, k), weight(layer + 1, b, k))))
                    law[m] = law.get(m, 0) - 1
                laws.append({m: c for m, c in law.items() if c})
    return nxt, generators, laws


class Tracked:
    def __init__(self, field, points):
        self.field = field
        self.modular = evaluate(field, points[0], True)
        self.real = evaluate(field, points[1], False)


def trace_dimension(dim, generators, laws, rng):
    points = ([rng.randrange(1, P) for _ in range(dim)], [rng.gauss(0, 1) for _ in range(dim)])
    basis = Basis(dim)
    accepted_rows, rejected_rows = [], []
    tracked = [Tracked(g, points) for g in generators]
    pivots = []
    for g in tracked:
        accepted_rows.append(g.real[0])
        if basis.insert(g.modular[0]):
            pivots.append(g)
    accepted = list(pivots)
    levels = [len(basis.rows)]
    newest, level = pivots, 1
    while newest and len(basis.rows) < dim and level <= MAX_LEVELS:
        this_level = []
        for xi, x in enumerate(newest):
            for zi, z in enumerate(pivots):
                if level == 1 and zi >= xi:
                    continue
                if basis.insert(lazy_bracket(x.modular, z.modular, True)):
                    t = Tracked(bracket(z.field, x.field), points)
                    accepted_rows.append(t.real[0])
                    this_level.append(t)
                    if len(basis.rows) == dim:
                        break
                else:
                    rejected_rows.append(lazy_bracket(x.real, z.real, False))
            if len(basis.rows) == dim:
                break
        if this_level:
            levels.append(len(basis.rows))
        accepted += this_level
        newest = this_level
        level += 1
    room = max(0, MAX_FLOAT_ROWS - len(accepted_rows))
    if len(rejected_rows) > room:
        rejected_rows = rng.sample(rejected_rows, room)
    rows = np.array(accepted_rows + rejected_rows)
    norms = np.linalg.norm(rows, axis=1)
    rows = rows[norms > 0] / norms[norms > 0, None]
    sigma = np.linalg.svd(rows, compute_uv=False)
    float_rank = int(np.sum(sigma > FLOAT_TOL * sigma[0]))
    # Known laws: rank of their gradients mod p, orthogonal to every generator and accepted field.
    law_basis = Basis(dim)
    gradients = []
    for law in laws:
        g = [0] * dim
        for v in variables(law):
            g[v] = sum(c * product(m, points[0], True) for m, c in derivative(law, v).items()) % P
        gradients.append(g)
        law_basis.insert(g)
    fields = [t.modular[0] for t in tracked] + [t.modular[0] for t in accepted[len(pivots) :]]
    orthogonal = all(sum(a * b for a, b in zip(g, f)) % P == 0 for g in gradients for f in fields)
    return levels, float_rank, len(law_basis.rows), orthogonal


def main():
    rng = random.Random(1)
    for text in ARCHITECTURES:
        widths = [int(w) for w in text.split("-")]
        dim, generators, laws = linear_model(widths)
        best = None
        for _ in range(POINTS):
            result = trace_dimension(dim, generators, laws, rng)
            if best is None or result[0][-1] > best[0][-1]:
                best = result
        levels, float_rank, known, orthogonal = best
        print(
            f"lin:{text} D={dim} levels={'>'.join(map(str, levels))} n_laws={dim - levels[-1]} "
            f"rank_float={float_rank} n_known={known} known_orthogonal={int(orthogonal)}"
        )


if __name__ == "__main__":
    main()
