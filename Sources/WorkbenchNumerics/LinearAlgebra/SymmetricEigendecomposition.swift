internal import CLinearAlgebra

/// `A = V·diag(λ)·Vᵀ` for a real symmetric `n × n` matrix, computed by LAPACK `dsyevd`
/// (divide and conquer).
///
/// Eigenvalues are in **ascending** order; column `j` of `vectors` is the unit eigenvector for
/// `values[j]`. Only the upper triangle of the input is read.
public struct SymmetricEigendecomposition: Sendable {
    /// Eigenvalues `λ_1 ≤ … ≤ λ_n`.
    public let values: [Double]
    /// Orthogonal `n × n` matrix of eigenvectors (columns), or `nil` when values only were asked.
    public let vectors: Matrix?

    /// Decomposes `matrix`.
    ///
    /// - Parameters:
    ///   - matrix: a square matrix; its upper triangle is used.
    ///   - computeVectors: `false` computes eigenvalues only (`jobz = "N"`).
    /// - Throws: `LinearAlgebraError` for a non-square input or a LAPACK failure.
    public init(of matrix: Matrix, computeVectors: Bool = true) throws(LinearAlgebraError) {
        guard matrix.isSquare else {
            throw .dimensionMismatch("dsyevd needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
        }
        let order = matrix.rows
        if order == 0 {
            values = []
            vectors = computeVectors ? Matrix(rows: 0, columns: 0) : nil
            return
        }
        var n = try lapackInt(order, routine: "dsyevd")
        var lda = n
        var a = matrix.storage
        var w = [Double](repeating: 0, count: order)
        var jobz = lapackFlag(computeVectors ? "V" : "N")
        var uplo = lapackFlag("U")
        var info: Int32 = 0
        var lwork: Int32 = -1
        var liwork: Int32 = -1
        var workSize = 0.0
        var iworkSize: Int32 = 0
        dsyevd_(&jobz, &uplo, &n, &a, &lda, &w, &workSize, &lwork, &iworkSize, &liwork, &info, 1, 1)
        try checkIllegalArgument(info, routine: "dsyevd")
        lwork = Int32(workSize.rounded(.up))
        liwork = max(1, iworkSize)
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_(&jobz, &uplo, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        try checkIllegalArgument(info, routine: "dsyevd")
        if info > 0 { throw .noConvergence(routine: "dsyevd", info: Int(info)) }
        values = w
        vectors = computeVectors ? Matrix(rows: order, columns: order, columnMajor: a) : nil
    }

    /// `V·diag(f(λ))·Vᵀ`: applies a scalar function to the spectrum (e.g. `sqrt` for `A^{1/2}`).
    ///
    /// - Precondition: the decomposition was computed with vectors.
    public func reconstructed(applying f: (Double) -> Double = { $0 }) -> Matrix {
        guard let v = vectors else { preconditionFailure("eigenvectors were not computed") }
        var scaled = v
        for j in 0..<v.columns {
            let factor = f(values[j])
            for i in 0..<v.rows { scaled[i, j] *= factor }
        }
        var result = Matrix.product(scaled, v, transposeB: .transpose)
        result.symmetrize()
        return result
    }
}

extension Matrix {
    /// Replaces the matrix by `(A + Aᵀ)/2`.
    public mutating func symmetrize() {
        precondition(isSquare, "symmetrize needs a square matrix")
        for j in 0..<columns {
            for i in (j + 1)..<max(j + 1, rows) {
                let mean = 0.5 * (self[i, j] + self[j, i])
                self[i, j] = mean
                self[j, i] = mean
            }
        }
    }
}
