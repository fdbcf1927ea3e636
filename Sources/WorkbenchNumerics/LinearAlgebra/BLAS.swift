internal import CLinearAlgebra

/// Thin, typed entry points to the CBLAS routines the experiments use.
///
/// Every matrix is column-major. Pointer-level variants exist for hot loops that work on
/// sub-blocks of larger buffers; the `Matrix` extensions call them.
public enum BLAS {
    /// Whether an operand enters a product as itself or transposed.
    public enum Transpose: Sendable {
        case none
        case transpose

        var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
    }

    /// `C ← α·op(A)·op(B) + β·C` (dgemm), with `op(A)` of shape `m × k`, `op(B)` of shape `k × n`
    /// and `C` of shape `m × n`. Leading dimensions are the column strides of the stored arrays.
    @inlinable
    public static func gemm(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        rawGemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    @usableFromInline
    static func rawGemm(
        _ transA: Transpose, _ transB: Transpose, _ m: Int, _ n: Int, _ k: Int,
        _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int,
        _ b: UnsafePointer<Double>, _ ldb: Int,
        _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        cblas_dgemm(
            CblasColMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(max(1, lda)), b, Int32(max(1, ldb)), beta, c, Int32(max(1, ldc)))
    }

    /// `y ← α·op(A)·x + β·y` (dgemv) for an `m × n` matrix stored with leading dimension `lda`.
    public static func gemv(
        _ trans: Transpose, m: Int, n: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
    ) {
        guard m > 0, n > 0 else { return }
        cblas_dgemv(
            CblasColMajor, trans.cblas, Int32(m), Int32(n), alpha, a, Int32(max(1, lda)), x, 1,
            beta, y, 1)
    }

    /// `C ← α·A·Aᵀ + β·C` (dsyrk, `trans = .none`) or `α·Aᵀ·A + β·C` (`.transpose`); only the upper
    /// triangle of the `n × n` result is referenced, then mirrored by the `Matrix` wrapper.
    public static func syrk(
        _ trans: Transpose, n: Int, k: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard n > 0 else { return }
        cblas_dsyrk(
            CblasColMajor, CblasUpper, trans.cblas, Int32(n), Int32(k), alpha, a, Int32(max(1, lda)),
            beta, c, Int32(max(1, ldc)))
    }

    /// `xᵀy` (ddot).
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot: vectors must have equal length")
        return cblas_ddot(Int32(x.count), x, 1, y, 1)
    }

    /// Euclidean norm `‖x‖₂` (dnrm2, which scales to avoid overflow).
    public static func norm2(_ x: [Double]) -> Double {
        cblas_dnrm2(Int32(x.count), x, 1)
    }

    /// `y ← α·x + y` (daxpy).
    public static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        precondition(x.count == y.count, "axpy: vectors must have equal length")
        cblas_daxpy(Int32(x.count), alpha, x, 1, &y, 1)
    }

    /// `x ← α·x` (dscal).
    public static func scale(_ alpha: Double, _ x: inout [Double]) {
        cblas_dscal(Int32(x.count), alpha, &x, 1)
    }
}
