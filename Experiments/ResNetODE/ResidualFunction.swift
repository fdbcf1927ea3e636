import WorkbenchNumerics

/// A residual function `f(X, θ)` on a batch `X` (d×B, samples as columns) with its
/// vector–Jacobian product, every batched product through `dgemm`.
///
/// VJP for a cotangent `G` (d×B), spec §5.3:
/// - linear `F = W X`: `dX = Wᵀ G`, `dW = G Xᵀ`;
/// - tanh `T = tanh(W X)`: `D = G ⊙ (1 − T²)`, `dX = Wᵀ D`, `dW = D Xᵀ`;
/// - relu: the same with the mask `1[W X > 0]`;
/// - mlp `H = tanh(W1 X)`, `F = W2 H`: `dW2 = G Hᵀ`, `D = (W2ᵀ G) ⊙ (1 − H²)`, `dW1 = D Xᵀ`,
///   `dX = W1ᵀ D`.
struct ResidualFunction: Sendable {
    let kind: ResidualKind

    /// `f(X, θ)`, d×B.
    func evaluate(_ x: Matrix, _ theta: LayerWeights) -> Matrix {
        switch kind {
        case .linear:
            return Matrix.product(theta.groups[0], x)
        case .tanh:
            var t = Matrix.product(theta.groups[0], x)
            VectorTanh.apply(&t.storage)
            return t
        case .relu:
            var t = Matrix.product(theta.groups[0], x)
            t.storage.withUnsafeMutableBufferPointer { values in
                for i in values.indices { values[i] = values[i] > 0 ? values[i] : 0 }
            }
            return t
        case .mlp:
            var h = Matrix.product(theta.groups[0], x)
            VectorTanh.apply(&h.storage)
            return Matrix.product(theta.groups[1], h)
        }
    }

    /// The pullback of `f` at `(X, θ)` applied to the cotangent `G`: `(Jₓfᵀ G, J_θfᵀ G)`.
    func vectorJacobianProduct(
        _ x: Matrix, _ theta: LayerWeights, cotangent g: Matrix
    ) -> (input: Matrix, weights: LayerWeights) {
        switch kind {
        case .linear:
            let dx = Matrix.product(theta.groups[0], g, transposeA: .transpose)
            let dw = Matrix.product(g, x, transposeB: .transpose)
            return (dx, LayerWeights(groups: [dw]))
        case .tanh, .relu:
            var d = Matrix.product(theta.groups[0], x)
            if kind == .tanh {
                VectorTanh.apply(&d.storage)
                for i in d.storage.indices { d.storage[i] = g.storage[i] * (1 - d.storage[i] * d.storage[i]) }
            } else {
                for i in d.storage.indices { d.storage[i] = d.storage[i] > 0 ? g.storage[i] : 0 }
            }
            let dx = Matrix.product(theta.groups[0], d, transposeA: .transpose)
            let dw = Matrix.product(d, x, transposeB: .transpose)
            return (dx, LayerWeights(groups: [dw]))
        case .mlp:
            var h = Matrix.product(theta.groups[0], x)
            VectorTanh.apply(&h.storage)
            let dw2 = Matrix.product(g, h, transposeB: .transpose)
            var d = Matrix.product(theta.groups[1], g, transposeA: .transpose)
            for i in d.storage.indices { d.storage[i] *= 1 - h.storage[i] * h.storage[i] }
            let dw1 = Matrix.product(d, x, transposeB: .transpose)
            let dx = Matrix.product(theta.groups[0], d, transposeA: .transpose)
            return (dx, LayerWeights(groups: [dw1, dw2]))
        }
    }
}
