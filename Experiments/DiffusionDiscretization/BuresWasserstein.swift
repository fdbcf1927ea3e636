import WorkbenchNumerics

/// The Wasserstein-2 (Fréchet) distance between general Gaussians, by two symmetric
/// eigendecompositions (LAPACK `dsyevd`):
/// `W2² = ‖m₁ − m₂‖² + tr S₁ + tr S₂ − 2·tr((S₁^{1/2} S₂ S₁^{1/2})^{1/2})`.
enum BuresWasserstein {
    /// `W2²(N(m₁, S₁), N(m₂, S₂))` for symmetric positive semi-definite `d × d` covariances.
    ///
    /// `S₁^{1/2} = V·diag(√max(s, 0))·Vᵀ`; the eigenvalues `τ_j` of `S₁^{1/2}S₂S₁^{1/2}` give
    /// `tr(…)^{1/2} = Σ_j √max(τ_j, 0)`. The result is clamped at 0.
    ///
    /// - Throws: `LinearAlgebraError` when `dsyevd` fails or shapes disagree.
    static func squaredDistance(
        mean1: [Double], covariance1: Matrix, mean2: [Double], covariance2: Matrix
    ) throws(LinearAlgebraError) -> Double {
        let d = mean1.count
        guard mean2.count == d, covariance1.rows == d, covariance1.columns == d,
            covariance2.rows == d, covariance2.columns == d
        else {
            throw .dimensionMismatch("Bures distance needs matching d = \(d) means and covariances")
        }
        let root = try SymmetricEigendecomposition(of: covariance1)
            .reconstructed { max($0, 0).squareRoot() }
        let inner = Matrix.product(Matrix.product(root, covariance2), root)
        let tau = try SymmetricEigendecomposition(of: inner, computeVectors: false).values
        var meanPart = 0.0
        for i in 0..<d {
            let delta = mean1[i] - mean2[i]
            meanPart += delta * delta
        }
        let crossTrace = tau.reduce(0) { $0 + max($1, 0).squareRoot() }
        return max(0, meanPart + covariance1.trace + covariance2.trace - 2 * crossTrace)
    }
}
