import WorkbenchNumerics

#if canImport(Glibc)
    import Glibc
#endif

/// Spec §3.5's non-diagonal example: `Σ = R·diag(1, 0.01)·Rᵀ`, `R` = rotation by 30°,
/// `μ = (1, −0.5)`.
enum RotatedExample {
    static let rotation = Matrix(rowMajor: [
        [cos(Double.pi / 6), -sin(Double.pi / 6)],
        [sin(Double.pi / 6), cos(Double.pi / 6)],
    ])
    static let mean = [1.0, -0.5]
    static let covariance = Matrix.product(
        Matrix.product(rotation, Matrix.diagonal([1, 0.01])), rotation, transposeB: .transpose)

    /// The spec's basis `U = R`: eigenvalues `(1, 0.01)` and `ν = Rᵀμ` (the signs of the mean
    /// constants `D_i` follow the signs of the eigenvectors).
    static func rotationCoordinates() -> (lambdas: [Double], eigenMean: [Double]) {
        ([1, 0.01], rotation.applied(to: mean, .transpose))
    }

    /// Eigenvalues (descending) and `ν = Uᵀμ` from `dsyevd` of `Σ` (eigenvector signs are
    /// LAPACK's).
    static func eigenCoordinates() -> (lambdas: [Double], eigenMean: [Double]) {
        guard let decomposition = try? SymmetricEigendecomposition(of: covariance),
            let vectors = decomposition.vectors
        else { return ([], []) }
        let nu = vectors.applied(to: mean, .transpose)
        return (decomposition.values.reversed(), nu.reversed())
    }
}
