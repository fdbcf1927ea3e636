extension Matrix {
    /// The product `α·op(A)·op(B)` computed by dgemm, where `op(X)` is `X` or `Xᵀ`.
    ///
    /// - Precondition: the inner dimensions of `op(A)` and `op(B)` agree.
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA transA: BLAS.Transpose = .none,
        transposeB transB: BLAS.Transpose = .none, alpha: Double = 1
    ) -> Matrix {
        let m = transA == .none ? a.rows : a.columns
        let k = transA == .none ? a.columns : a.rows
        let kb = transB == .none ? b.rows : b.columns
        let n = transB == .none ? b.columns : b.rows
        precondition(k == kb, "product: inner dimensions \(k) and \(kb) differ")
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 || k == 0 { return c }
        BLAS.gemm(
            transA, transB, m: m, n: n, k: k, alpha: alpha, a: a.storage, lda: a.rows,
            b: b.storage, ldb: b.rows, beta: 0, c: &c.storage, ldc: m)
        return c
    }

    /// `self ← α·op(A)·op(B) + β·self` (dgemm in place).
    public mutating func addProduct(
        _ a: Matrix, _ b: Matrix, transposeA transA: BLAS.Transpose = .none,
        transposeB transB: BLAS.Transpose = .none, alpha: Double = 1, beta: Double = 1
    ) {
        let m = transA == .none ? a.rows : a.columns
        let k = transA == .none ? a.columns : a.rows
        let n = transB == .none ? b.columns : b.rows
        precondition(m == rows && n == columns, "addProduct: result shape mismatch")
        precondition(k == (transB == .none ? b.rows : b.columns), "addProduct: inner mismatch")
        if m == 0 || n == 0 { return }
        if k == 0 {
            // BLAS semantics: with β = 0 the old contents are not read (so NaN does not propagate).
            for i in storage.indices { storage[i] = beta == 0 ? 0 : beta * storage[i] }
            return
        }
        BLAS.gemm(
            transA, transB, m: m, n: n, k: k, alpha: alpha, a: a.storage, lda: a.rows,
            b: b.storage, ldb: b.rows, beta: beta, c: &storage, ldc: rows)
    }

    /// `A·B`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix { product(lhs, rhs) }

    /// `op(A)·x` computed by dgemv.
    public func applied(to x: [Double], _ trans: BLAS.Transpose = .none) -> [Double] {
        let inCount = trans == .none ? columns : rows
        let outCount = trans == .none ? rows : columns
        precondition(x.count == inCount, "applied(to:): vector length \(x.count) ≠ \(inCount)")
        var y = [Double](repeating: 0, count: outCount)
        if inCount == 0 || outCount == 0 { return y }
        BLAS.gemv(trans, m: rows, n: columns, alpha: 1, a: storage, lda: rows, x: x, beta: 0, y: &y)
        return y
    }

    /// The Gram matrix `AᵀA` (`n × n`, `(AᵀA)_ij = Σ_k a_ki·a_kj`) computed by dsyrk; the upper
    /// triangle is mirrored, so the result is exactly symmetric.
    public var gram: Matrix {
        var c = Matrix(rows: columns, columns: columns)
        if columns == 0 || rows == 0 { return c }
        BLAS.syrk(
            .transpose, n: columns, k: rows, alpha: 1, a: storage, lda: rows, beta: 0, c: &c.storage,
            ldc: columns)
        c.mirrorUpperTriangle()
        return c
    }

    /// Copies the upper triangle into the lower one, making the matrix exactly symmetric.
    public mutating func mirrorUpperTriangle() {
        precondition(isSquare, "mirrorUpperTriangle needs a square matrix")
        for j in 0..<columns {
            for i in (j + 1)..<max(j + 1, rows) { self[i, j] = self[j, i] }
        }
    }

    /// Frobenius norm `(Σ_ij a_ij²)^{1/2}` (dnrm2 over the storage).
    public var frobeniusNorm: Double { BLAS.norm2(storage) }

    /// Largest absolute entry (0 for an empty matrix).
    public var maxAbsEntry: Double { storage.reduce(0) { max($0, abs($1)) } }
}

extension Matrix {
    /// Entrywise sum.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "+: shape mismatch")
        var result = rhs
        BLAS.axpy(1, lhs.storage, &result.storage)
        return result
    }

    /// Entrywise difference.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "-: shape mismatch")
        var result = lhs
        BLAS.axpy(-1, rhs.storage, &result.storage)
        return result
    }

    /// Scalar multiple `α·A`.
    public static func * (alpha: Double, matrix: Matrix) -> Matrix {
        var result = matrix
        BLAS.scale(alpha, &result.storage)
        return result
    }
}
