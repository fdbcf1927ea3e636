import WorkbenchNumerics

/// A depth-`N` residual network on batches `X` (d×B), step `h = 1/N` inside the network.
///
/// - Euler (the ResNet): `X_{n+1} = X_n + h f(X_n, θ_n)`, `n = 0 … N−1`.
/// - Heun, `nodes`: `K1 = f(X_n, θ_n)`, `Z_n = X_n + h K1`,
///   `X_{n+1} = X_n + (h/2)(K1 + f(Z_n, θ_{n+1}))`, `n = 0 … N−1`.
/// - Heun, `reference`: the same step for `n = 0 … N−2` (``HeunConvention``).
struct ResidualNetwork: Sendable {
    let residual: ResidualFunction
    /// `θ_0 … θ_N` (``WeightSequence``).
    let nodes: [LayerWeights]

    /// `N`.
    var depth: Int { nodes.count - 1 }
    /// `h = 1/N`.
    var stepSize: Double { 1 / Double(depth) }

    /// `X_N` of the Euler ResNet.
    func eulerOutput(_ x0: Matrix) -> Matrix {
        var x = x0
        for n in 0..<depth { eulerStep(&x, n) }
        return x
    }

    /// One Euler layer `X ← X + h f(X, θ_n)`.
    func eulerStep(_ x: inout Matrix, _ n: Int) {
        let f = residual.evaluate(x, nodes[n])
        BLAS.axpy(stepSize, f.storage, &x.storage)
    }

    /// The output of the Heun network under `convention`.
    func heunOutput(_ x0: Matrix, convention: HeunConvention = .nodes) -> Matrix {
        var x = x0
        let steps = convention == .nodes ? depth : depth - 1
        for n in 0..<max(0, steps) { heunStep(&x, n) }
        return x
    }

    /// One Heun layer from `θ_n` to `θ_{n+1}`.
    func heunStep(_ x: inout Matrix, _ n: Int) {
        let h = stepSize
        let k1 = residual.evaluate(x, nodes[n])
        var z = x
        BLAS.axpy(h, k1.storage, &z.storage)
        let k2 = residual.evaluate(z, nodes[n + 1])
        BLAS.axpy(h / 2, k1.storage, &x.storage)
        BLAS.axpy(h / 2, k2.storage, &x.storage)
    }
}
