import WorkbenchNumerics

extension TwoLayerNetwork {
    /// The square loss `E = (1/2N) Σ_i ‖g(x_i) − y_i‖²` and its gradient.
    ///
    /// With `Z = VᵀX + b1ᵀ`, `A = σ(Z)` and `R = UA − Y`: `∇_U E = RAᵀ/N`,
    /// `Δ = (UᵀR) ⊙ σ'(Z)/N` (`σ' = 1` for the linear net, `1[Z > 0]` for ReLU, `relu'(0) := 0`),
    /// `∇_V E = XΔᵀ`, `∇_b E = Δ1`.
    func lossAndGradient(_ data: RegressionData) -> (loss: Double, gradient: TwoLayerNetwork) {
        let n = Double(data.sampleCount)
        var z = Matrix.product(v, data.inputs, transposeA: .transpose)
        for j in 0..<z.columns {
            for i in 0..<b.count { z[i, j] += b[i] }
        }
        var a = z
        if activation == .relu {
            for index in a.storage.indices where a.storage[index] < 0 { a.storage[index] = 0 }
        }
        let residual = Matrix.product(u, a) - data.targets
        let loss = residual.frobeniusNorm * residual.frobeniusNorm / (2 * n)
        let gradientU = Matrix.product(residual, a, transposeB: .transpose, alpha: 1 / n)
        var delta = Matrix.product(u, residual, transposeA: .transpose, alpha: 1 / n)
        if activation == .relu {
            for index in delta.storage.indices where z.storage[index] <= 0 { delta.storage[index] = 0 }
        }
        let gradientV = Matrix.product(data.inputs, delta, transposeB: .transpose)
        let gradientB =
            b.isEmpty ? [] : (0..<delta.rows).map { i in (0..<delta.columns).reduce(0) { $0 + delta[i, $1] } }
        return (loss, TwoLayerNetwork(activation: activation, u: gradientU, v: gradientV, b: gradientB))
    }
}
