internal import CLinearAlgebra

/// Thin SVD `A = U·diag(σ)·Vᵀ` of an `m × n` matrix by LAPACK `dgesdd` (divide and conquer).
///
/// With `r = min(m, n)`: `u` is `m × r`, `vt` is `r × n`, singular values are **descending**.
public struct SingularValueDecomposition: Sendable {
    /// `σ_1 ≥ … ≥ σ_r ≥ 0`.
    public let singularValues: [Double]
    /// Left singular vectors (`m × r`), or `nil` for values only.
    public let u: Matrix?
    /// Right singular vectors, transposed (`r × n`), or `nil` for values only.
    public let vt: Matrix?

    /// Decomposes `matrix`.
    ///
    /// - Parameter computeVectors: `false` computes singular values only (`jobz = "N"`).
    /// - Throws: `LinearAlgebraError.noConvergence` when the bidiagonal SVD fails.
    public init(of matrix: Matrix, computeVectors: Bool = true) throws(LinearAlgebraError) {
        let rowCount = matrix.rows
        let columnCount = matrix.columns
        let rank = min(rowCount, columnCount)
        if rank == 0 {
            singularValues = []
            u = computeVectors ? Matrix(rows: rowCount, columns: 0) : nil
            vt = computeVectors ? Matrix(rows: 0, columns: columnCount) : nil
            return
        }
        var m = try lapackInt(rowCount, routine: "dgesdd")
        var n = try lapackInt(columnCount, routine: "dgesdd")
        var lda = m
        var a = matrix.storage
        var s = [Double](repeating: 0, count: rank)
        var jobz = lapackFlag(computeVectors ? "S" : "N")
        var uStorage = [Double](repeating: 0, count: computeVectors ? rowCount * rank : 1)
        var vtStorage = [Double](repeating: 0, count: computeVectors ? rank * columnCount : 1)
        var ldu = computeVectors ? m : 1
        var ldvt = computeVectors ? Int32(rank) : 1
        var iwork = [Int32](repeating: 0, count: 8 * rank)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var workSize = 0.0
        dgesdd_(
            &jobz, &m, &n, &a, &lda, &s, &uStorage, &ldu, &vtStorage, &ldvt, &workSize, &lwork,
            &iwork, &info, 1)
        try checkIllegalArgument(info, routine: "dgesdd")
        lwork = Int32(workSize.rounded(.up))
        var work = [Double](repeating: 0, count: Int(max(1, lwork)))
        dgesdd_(
            &jobz, &m, &n, &a, &lda, &s, &uStorage, &ldu, &vtStorage, &ldvt, &work, &lwork,
            &iwork, &info, 1)
        try checkIllegalArgument(info, routine: "dgesdd")
        if info > 0 { throw .noConvergence(routine: "dgesdd", info: Int(info)) }
        singularValues = s
        if computeVectors {
            u = Matrix(rows: rowCount, columns: rank, columnMajor: uStorage)
            vt = Matrix(rows: rank, columns: columnCount, columnMajor: vtStorage)
        } else {
            u = nil
            vt = nil
        }
    }
}

extension Matrix {
    /// Spectral norm `‖A‖₂ = σ_max` (0 for an empty matrix).
    public func spectralNorm() throws(LinearAlgebraError) -> Double {
        try SingularValueDecomposition(of: self, computeVectors: false).singularValues.first ?? 0
    }
}
