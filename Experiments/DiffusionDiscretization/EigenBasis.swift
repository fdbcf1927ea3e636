import WorkbenchNumerics

/// The eigenbasis `Σ = U·diag(λ)·Uᵀ` of a data covariance (LAPACK `dsyevd`), with eigenvalues in
/// **descending** order and `U`'s columns permuted to match; negative eigenvalues (round-off)
/// are clamped to 0.
struct EigenBasis: Sendable {
    /// `λ_1 ≥ … ≥ λ_d ≥ 0`.
    let lambdas: [Double]
    /// `d × d` orthogonal; column `i` is the eigenvector of `lambdas[i]`.
    let vectors: Matrix

    /// Decomposes a symmetric covariance.
    ///
    /// - Throws: ``DiffusionDiscretizationError/numerical(_:)`` when `dsyevd` fails.
    init(covariance: Matrix) throws(DiffusionDiscretizationError) {
        let decomposition: SymmetricEigendecomposition
        do {
            decomposition = try SymmetricEigendecomposition(of: covariance)
        } catch {
            throw .numerical("dsyevd: \(error)")
        }
        guard let ascending = decomposition.vectors else {
            throw .numerical("dsyevd returned no eigenvectors")
        }
        let d = covariance.rows
        lambdas = decomposition.values.reversed().map { max($0, 0) }
        vectors = Matrix(rows: d, columns: d) { i, j in ascending[i, d - 1 - j] }
    }

    /// A basis given directly by an orthogonal matrix and eigenvalues.
    init(lambdas: [Double], vectors: Matrix) {
        self.lambdas = lambdas
        self.vectors = vectors
    }

    /// `ν = Uᵀx` (dgemv).
    func eigenCoordinates(of x: [Double]) -> [Double] { vectors.applied(to: x, .transpose) }

    /// `x = Uξ` (dgemv).
    func originalCoordinates(of xi: [Double]) -> [Double] { vectors.applied(to: xi) }

    /// `U·diag(variances)·Uᵀ` (dgemm), exactly symmetric.
    func covariance(variances: [Double]) -> Matrix {
        var scaled = vectors
        for j in 0..<vectors.columns {
            for i in 0..<vectors.rows { scaled[i, j] *= variances[j] }
        }
        var result = Matrix.product(scaled, vectors, transposeB: .transpose)
        result.symmetrize()
        return result
    }
}
