#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Testing
import WorkbenchNumerics

@Suite("LAPACK factorisations: dgesv, dpotrf, dgeqrf/dorgqr, dgeev")
struct FactorizationTests {
    static let squareSizes = [1, 4, 17, 64]

    // MARK: - Solve (dgesv)

    @Test("solve by hand: 2x + y = 3, x + 3y = 5 ⇒ (0.8, 1.4)")
    func solveByHand() throws {
        let a = Matrix(rowMajor: [[2, 1], [1, 3]])
        let x = try a.solve([3, 5])
        // LU on a 2×2 with O(1) entries: a few ulps of the solution.
        #expect(NumericsCheck.maxAbsDifference(x, [0.8, 1.4]) <= 4 * Double.ulpOfOne)
        #expect(
            try Matrix.identity(3).solve(Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]]))
                == Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]]))
    }

    @Test("solve leaves a small residual on random systems", arguments: squareSizes)
    func solveResidual(n: Int) throws {
        // Shift by 2√n·I so the random matrix is comfortably non-singular.
        let g = NumericsCheck.gaussianMatrix(n, n, "solve", n)
        let a = g + (2 * Double(n).squareRoot()) * Matrix.identity(n)
        let b = NumericsCheck.gaussianMatrix(n, 3, "solve-rhs", n)
        let x = try a.solve(b)
        #expect(x.rows == n && x.columns == 3)
        let residual = (a * x - b).frobeniusNorm / (a.frobeniusNorm * x.frobeniusNorm)
        // LU with partial pivoting is backward stable: relative residual ~ n·u ≤ 1e-14 here.
        #expect(residual <= 1e-13)
    }

    @Test("solve reports an exactly singular matrix with LAPACK's pivot index")
    func solveSingular() {
        // Partial pivoting takes row 2; row 1 − ½·row 2 = (0, 0), so U(2, 2) = 0 exactly.
        let a = Matrix(rowMajor: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(routine: "dgesv", info: 2)) {
            try a.solve([1, 1])
        }
    }

    @Test("solve rejects mismatched shapes with a typed error")
    func solveDimensionMismatch() {
        let rectangular = Matrix(rows: 2, columns: 3)
        let e1 = #expect(throws: LinearAlgebraError.self) { try rectangular.solve([1, 2]) }
        #expect(NumericsCheck.isDimensionMismatch(e1))
        let e2 = #expect(throws: LinearAlgebraError.self) { try Matrix.identity(3).solve([1, 2]) }
        #expect(NumericsCheck.isDimensionMismatch(e2))
        #expect(e2?.description.hasPrefix("dimension mismatch") == true)
    }

    // MARK: - Cholesky (dpotrf)

    @Test("Cholesky by hand: [[4,2],[2,3]] = L·Lᵀ with L = [[2,0],[1,√2]]")
    func choleskyByHand() throws {
        let l = try Matrix(rowMajor: [[4, 2], [2, 3]]).choleskyFactor()
        // Square roots and one division on small integers: a couple of ulps.
        #expect(
            NumericsCheck.maxAbsDifference(l, Matrix(rowMajor: [[2, 0], [1, 2.0.squareRoot()]]))
                <= 4 * Double.ulpOfOne)
    }

    @Test("Cholesky: L is lower triangular with positive diagonal and L·Lᵀ = A", arguments: squareSizes)
    func choleskyReconstruction(n: Int) throws {
        let a = NumericsCheck.positiveDefiniteMatrix(n, "cholesky", n)
        let l = try a.choleskyFactor()
        for j in 0..<n {
            #expect(l[j, j] > 0)
            for i in 0..<j { #expect(l[i, j] == 0) }
        }
        let (llt, _) = NumericsCheck.naiveProduct(l, l, .none, .transpose)
        // Cholesky is backward stable: |A − LLᵀ| ≤ γ_{n+1}|L||Lᵀ|; entries of A are O(1) to O(3).
        #expect(NumericsCheck.maxAbsDifference(llt, a) <= 1e-12)
    }

    @Test("Cholesky rejects an indefinite matrix at the failing leading minor")
    func choleskyNotPositiveDefinite() {
        // Leading minors: 1 > 0, then 1 − 4 = −3 < 0.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", info: 2)) {
            try Matrix(rowMajor: [[1, 2], [2, 1]]).choleskyFactor()
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", info: 1)) {
            try Matrix(rowMajor: [[-1]]).choleskyFactor()
        }
        let error = #expect(throws: LinearAlgebraError.self) {
            try Matrix(rows: 2, columns: 3).choleskyFactor()
        }
        #expect(NumericsCheck.isDimensionMismatch(error))
    }

    // MARK: - Orthonormal QR (dgeqrf + dorgqr)

    @Test(
        "thin QR: QᵀQ = I, QᵀA is upper triangular with the returned diagonal, Q·(QᵀA) = A",
        arguments: [(1, 1), (4, 4), (17, 4), (17, 17), (64, 17), (64, 64), (5, 1)])
    func orthonormalQR(rows: Int, columns: Int) throws {
        let a = NumericsCheck.gaussianMatrix(rows, columns, "qr", rows * 100 + columns)
        let (q, rDiagonal) = try a.orthonormalFactor()
        #expect(q.rows == rows && q.columns == columns)
        // Householder QR: ‖QᵀQ − I‖ ~ m·u ≤ 1.5e-14 for m = 64.
        #expect(NumericsCheck.orthonormalityDefect(q) <= 1e-13)
        let r = Matrix.product(q, a, transposeA: .transpose)
        let scale = a.frobeniusNorm
        for j in 0..<columns {
            for i in (j + 1)..<max(j + 1, columns) {
                // Below-diagonal entries of R = QᵀA vanish up to backward error ~ m·u·‖A‖.
                #expect(abs(r[i, j]) <= 1e-13 * scale)
            }
            #expect(abs(r[j, j] - rDiagonal[j]) <= 1e-13 * scale)
        }
        #expect(NumericsCheck.maxAbsDifference(q * r, a) <= 1e-13 * scale)
    }

    @Test("thin QR rejects a wide matrix")
    func qrRejectsWide() {
        let error = #expect(throws: LinearAlgebraError.self) {
            try Matrix(rows: 2, columns: 3).orthonormalFactor()
        }
        #expect(NumericsCheck.isDimensionMismatch(error))
    }

    // MARK: - General eigenvalues (dgeev)

    @Test(
        "dgeev on a rotation by θ gives the conjugate pair cos θ ± i sin θ, positive part first",
        arguments: [0.3, 1.0, 2.5])
    func rotationEigenvalues(theta: Double) throws {
        let c = cos(theta)
        let s = sin(theta)
        let (re, im) = try Matrix(rowMajor: [[c, -s], [s, c]]).generalEigenvalues()
        // A 2×2 standardisation in dlanv2: a few ulps on entries of size ≤ 1.
        let tolerance = 8 * Double.ulpOfOne
        #expect(re.count == 2 && im.count == 2)
        #expect(abs(re[0] - c) <= tolerance && abs(re[1] - c) <= tolerance)
        #expect(abs(im[0] - s) <= tolerance && abs(im[1] + s) <= tolerance)
    }

    @Test("dgeev on an upper-triangular matrix returns its diagonal, all real")
    func triangularEigenvalues() throws {
        let a = Matrix(rowMajor: [[1, 2, 3], [0, 4, 5], [0, 0, 6]])
        let (re, im) = try a.generalEigenvalues()
        #expect(im == [0, 0, 0])
        // The matrix is already in Schur form; QR iterations move values by a few ulps at most.
        #expect(NumericsCheck.maxAbsDifference(re.sorted(), [1, 4, 6]) <= 1e-14)
        let error = #expect(throws: LinearAlgebraError.self) {
            try Matrix(rows: 3, columns: 2).generalEigenvalues()
        }
        #expect(NumericsCheck.isDimensionMismatch(error))
    }

    @Test("dgeev eigenvalues sum to the trace and multiply to the determinant")
    func generalEigenvalueInvariants() throws {
        let a = NumericsCheck.gaussianMatrix(17, 17, "dgeev")
        let (re, im) = try a.generalEigenvalues()
        // Σλ = tr A: backward-stable Schur form, error ~ n·u·‖A‖_F ≈ 17·1.1e-16·17.
        #expect(abs(re.reduce(0, +) - a.trace) <= 1e-12)
        #expect(abs(im.reduce(0, +)) <= 1e-12)
        // Πλ (complex) = det A relatively: both are backward stable, so they differ by ~κ(A)·n·u,
        // about 1e-12 for a 17×17 Gaussian matrix (κ ~ 10²); 1e-10 leaves room.
        var product = (re: 1.0, im: 0.0)
        for k in re.indices {
            product = (product.re * re[k] - product.im * im[k], product.re * im[k] + product.im * re[k])
        }
        let det = NumericsCheck.determinant(a)
        #expect(abs(product.re - det) <= 1e-10 * abs(det))
        #expect(abs(product.im) <= 1e-10 * abs(det))
    }

    // MARK: - Errors

    @Test("error descriptions name the routine and the LAPACK info")
    func errorDescriptions() {
        #expect(LinearAlgebraError.singular(routine: "dgesv", info: 3).description.contains("dgesv"))
        #expect(LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", info: 2).description.contains("order 2"))
        #expect(LinearAlgebraError.illegalArgument(routine: "dgeev", position: 4).description.contains("argument 4"))
        #expect(LinearAlgebraError.noConvergence(routine: "dgesdd", info: 1).description.contains("dgesdd"))
        #expect(LinearAlgebraError.tooLarge(routine: "dsyevd", size: 1 << 40).description.contains("32-bit"))
    }
}
