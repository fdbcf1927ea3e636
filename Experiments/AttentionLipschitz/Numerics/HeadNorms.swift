import WorkbenchNumerics

extension AttentionHead {
    /// `‖A‖₂ = scale·‖W_kᵀ W_q‖₂`, without forming the `d × d` product when `k < d`: with the
    /// Cholesky factor `W_k W_kᵀ = L Lᵀ`, `‖W_kᵀ y‖ = ‖Lᵀ y‖`, so `‖W_kᵀ W_q‖ = ‖Lᵀ W_q‖`
    /// (`k × d`). Falls back to the dense product when `W_k W_kᵀ` is singular.
    public func bilinearNorm() throws -> Double {
        if key.rows < key.columns, let factor = try? key.gram(rows: true).choleskyFactor() {
            return scale * (try Matrix.product(factor, query, transposeA: .transpose).spectralNorm())
        }
        return try bilinearForm.spectralNorm()
    }

    /// `‖V‖₂`.
    public func valueNorm() throws -> Double { try value.spectralNorm() }
}

extension Matrix {
    /// `M Mᵀ` when `rows` is true (else `Mᵀ M`).
    func gram(rows: Bool) -> Matrix {
        rows ? Matrix.product(self, self, transposeB: .transpose) : Matrix.product(self, self, transposeA: .transpose)
    }
}
