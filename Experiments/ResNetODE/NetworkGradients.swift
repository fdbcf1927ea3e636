import WorkbenchNumerics

/// The gradients of a loss `L(X_N)` with respect to every node `θ_0 … θ_N` and the input `X_0`.
struct NetworkGradients: Sendable {
    /// `∂L/∂θ_n`, `n = 0 … N` (for Euler, `θ_N` is unused and its gradient is 0).
    var weights: [LayerWeights]
    /// `∂L/∂X_0` (d×B).
    var input: Matrix

    /// All weight gradients as one vector, node after node.
    var flattenedWeights: [Double] { weights.flatMap(\.flattened) }

    /// `(‖g − reference‖/‖reference‖, cos∠(g, reference))` over all weight gradients.
    func weightError(against reference: NetworkGradients) -> (relative: Double, cosine: Double) {
        let g = flattenedWeights
        let r = reference.flattenedWeights
        var difference = g
        BLAS.axpy(-1, r, &difference)
        let referenceNorm = BLAS.norm2(r)
        return (BLAS.norm2(difference) / referenceNorm, BLAS.dot(g, r) / (BLAS.norm2(g) * referenceNorm))
    }

    /// `‖∂L/∂X_0 − reference‖_F / ‖reference‖_F`.
    func inputError(against reference: NetworkGradients) -> Double {
        (input - reference.input).frobeniusNorm / reference.input.frobeniusNorm
    }
}
