internal import CLinearAlgebra

extension Matrix {
    /// Solves `A·X = B` for square `A` by LU with partial pivoting (LAPACK `dgesv`).
    ///
    /// - Returns: `X`, with the shape of `B`.
    /// - Throws: `LinearAlgebraError.singular` when `A` is exactly singular.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard isSquare, b.rows == rows else {
            throw .dimensionMismatch("dgesv: A is \(rows)×\(columns), B is \(b.rows)×\(b.columns)")
        }
        if rows == 0 || b.columns == 0 { return b }
        var n = try lapackInt(rows, routine: "dgesv")
        var nrhs = try lapackInt(b.columns, routine: "dgesv")
        var lda = n
        var ldb = n
        var a = storage
        var x = b.storage
        var pivots = [Int32](repeating: 0, count: rows)
        var info: Int32 = 0
        dgesv_(&n, &nrhs, &a, &lda, &pivots, &x, &ldb, &info)
        try checkIllegalArgument(info, routine: "dgesv")
        if info > 0 { throw .singular(routine: "dgesv", info: Int(info)) }
        return Matrix(rows: b.rows, columns: b.columns, columnMajor: x)
    }

    /// Solves `A·x = b` for one right-hand side.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }

    /// The lower-triangular Cholesky factor `L` with `A = L·Lᵀ` (LAPACK `dpotrf`), for symmetric
    /// positive-definite `A`; the strict upper triangle of the result is zero.
    ///
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` when a leading minor is not positive.
    public func choleskyFactor() throws(LinearAlgebraError) -> Matrix {
        guard isSquare else {
            throw .dimensionMismatch("dpotrf needs a square matrix, got \(rows)×\(columns)")
        }
        if rows == 0 { return self }
        var n = try lapackInt(rows, routine: "dpotrf")
        var lda = n
        var uplo = lapackFlag("L")
        var a = storage
        var info: Int32 = 0
        dpotrf_(&uplo, &n, &a, &lda, &info, 1)
        try checkIllegalArgument(info, routine: "dpotrf")
        if info > 0 { throw .notPositiveDefinite(routine: "dpotrf", info: Int(info)) }
        var factor = Matrix(rows: rows, columns: columns, columnMajor: a)
        for j in 1..<max(1, columns) {
            for i in 0..<j { factor[i, j] = 0 }
        }
        return factor
    }

    /// The `m × n` factor `Q` with orthonormal columns of the thin QR factorisation `A = Q·R`
    /// (LAPACK `dgeqrf` + `dorgqr`), for `m ≥ n`. The diagonal of `R` is returned too, so callers
    /// can fix signs (e.g. `Q·diag(sign(r_ii))` is Haar-distributed when `A` is Gaussian).
    public func orthonormalFactor() throws(LinearAlgebraError) -> (q: Matrix, rDiagonal: [Double]) {
        guard rows >= columns else {
            throw .dimensionMismatch("thin QR needs rows ≥ columns, got \(rows)×\(columns)")
        }
        if columns == 0 { return (self, []) }
        var m = try lapackInt(rows, routine: "dgeqrf")
        var n = try lapackInt(columns, routine: "dgeqrf")
        var k = n
        var lda = m
        var a = storage
        var tau = [Double](repeating: 0, count: columns)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var workSize = 0.0
        dgeqrf_(&m, &n, &a, &lda, &tau, &workSize, &lwork, &info)
        try checkIllegalArgument(info, routine: "dgeqrf")
        lwork = Int32(max(1, workSize.rounded(.up)))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeqrf_(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
        try checkIllegalArgument(info, routine: "dgeqrf")
        let rDiagonal = (0..<columns).map { a[$0 + $0 * rows] }
        lwork = -1
        dorgqr_(&m, &n, &k, &a, &lda, &tau, &workSize, &lwork, &info)
        try checkIllegalArgument(info, routine: "dorgqr")
        lwork = Int32(max(1, workSize.rounded(.up)))
        work = [Double](repeating: 0, count: Int(lwork))
        dorgqr_(&m, &n, &k, &a, &lda, &tau, &work, &lwork, &info)
        try checkIllegalArgument(info, routine: "dorgqr")
        return (Matrix(rows: rows, columns: columns, columnMajor: a), rDiagonal)
    }

    /// Eigenvalues `(re, im)` of a general square matrix (LAPACK `dgeev`, no vectors), in LAPACK's
    /// order; complex pairs appear consecutively with positive imaginary part first.
    public func generalEigenvalues() throws(LinearAlgebraError) -> (real: [Double], imaginary: [Double]) {
        guard isSquare else {
            throw .dimensionMismatch("dgeev needs a square matrix, got \(rows)×\(columns)")
        }
        if rows == 0 { return ([], []) }
        var n = try lapackInt(rows, routine: "dgeev")
        var lda = n
        var a = storage
        var wr = [Double](repeating: 0, count: rows)
        var wi = [Double](repeating: 0, count: rows)
        var jobvl = lapackFlag("N")
        var jobvr = lapackFlag("N")
        var unusedLeft = [Double](repeating: 0, count: 1)
        var unusedRight = [Double](repeating: 0, count: 1)
        var ldv: Int32 = 1
        var info: Int32 = 0
        var lwork: Int32 = -1
        var workSize = 0.0
        dgeev_(
            &jobvl, &jobvr, &n, &a, &lda, &wr, &wi, &unusedLeft, &ldv, &unusedRight, &ldv, &workSize, &lwork,
            &info, 1, 1)
        try checkIllegalArgument(info, routine: "dgeev")
        lwork = Int32(max(1, workSize.rounded(.up)))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeev_(
            &jobvl, &jobvr, &n, &a, &lda, &wr, &wi, &unusedLeft, &ldv, &unusedRight, &ldv, &work, &lwork,
            &info, 1, 1)
        try checkIllegalArgument(info, routine: "dgeev")
        if info > 0 { throw .noConvergence(routine: "dgeev", info: Int(info)) }
        return (wr, wi)
    }
}
