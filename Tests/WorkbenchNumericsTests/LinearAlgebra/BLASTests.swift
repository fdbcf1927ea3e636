import Testing
import WorkbenchNumerics

@Suite("BLAS wrappers: dgemm, dgemv, dsyrk and level-1 routines")
struct BLASTests {
    static let transposes: [BLAS.Transpose] = [.none, .transpose]
    /// `(m, n, k)` of `op(A)·op(B)`: scalars, thin, tall, wide and square blocks.
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (4, 4, 4), (17, 4, 5), (3, 17, 64), (64, 64, 17)]

    @Test("dgemm by hand: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]] exactly")
    func gemmByHand() {
        let a = Matrix(rowMajor: [[1, 2], [3, 4]])
        let b = Matrix(rowMajor: [[5, 6], [7, 8]])
        // Small integers: every product and sum is exact in binary64.
        #expect(a * b == Matrix(rowMajor: [[19, 22], [43, 50]]))
        #expect(Matrix.product(a, b, transposeA: .transpose) == Matrix(rowMajor: [[26, 30], [38, 44]]))
        #expect(Matrix.product(a, b, transposeB: .transpose) == Matrix(rowMajor: [[17, 23], [39, 53]]))
        #expect(
            Matrix.product(a, b, transposeA: .transpose, transposeB: .transpose, alpha: 2)
                == Matrix(rowMajor: [[46, 62], [68, 92]]))
    }

    @Test("dgemm matches a naive triple loop for all four transpose combinations", arguments: transposes, transposes)
    func gemmAgainstNaiveLoop(transA: BLAS.Transpose, transB: BLAS.Transpose) {
        for (index, (m, n, k)) in Self.shapes.enumerated() {
            // Store A and B so that op(A) is m × k and op(B) is k × n.
            let a =
                transA == .none
                ? NumericsCheck.gaussianMatrix(m, k, "gemm-a", index)
                : NumericsCheck.gaussianMatrix(k, m, "gemm-a", index)
            let b =
                transB == .none
                ? NumericsCheck.gaussianMatrix(k, n, "gemm-b", index)
                : NumericsCheck.gaussianMatrix(n, k, "gemm-b", index)
            let fast = Matrix.product(a, b, transposeA: transA, transposeB: transB)
            let (slow, magnitude) = NumericsCheck.naiveProduct(a, b, transA, transB)
            // Tolerance: twice Higham's dot-product bound γ_k·|op(A)||op(B)| (see the helper).
            #expect(
                NumericsCheck.agreeWithinDotProductBound(fast, slow, bound: magnitude, depth: k),
                "shape \(m)×\(n)×\(k)")
        }
    }

    @Test("addProduct computes α·op(A)·op(B) + β·C")
    func addProduct() {
        let a = NumericsCheck.gaussianMatrix(5, 3, "addProduct-a")
        let b = NumericsCheck.gaussianMatrix(5, 4, "addProduct-b")
        let c0 = NumericsCheck.gaussianMatrix(3, 4, "addProduct-c")
        var c = c0
        c.addProduct(a, b, transposeA: .transpose, alpha: -0.5, beta: 2)
        let (ab, magnitude) = NumericsCheck.naiveProduct(a, b, .transpose, .none)
        let expected = Matrix(rows: 3, columns: 4) { i, j in -0.5 * ab[i, j] + 2 * c0[i, j] }
        let bound = Matrix(rows: 3, columns: 4) { i, j in 0.5 * magnitude[i, j] + 2 * abs(c0[i, j]) }
        // Depth k + 1: the β·C term is one more addend in each entry's sum.
        #expect(NumericsCheck.agreeWithinDotProductBound(c, expected, bound: bound, depth: 6))
    }

    @Test("addProduct with an empty inner dimension scales C, and β = 0 clears NaN as BLAS does")
    func addProductEmptyInner() {
        var c = Matrix(rowMajor: [[1, .nan], [3, 4]])
        let a = Matrix(rows: 2, columns: 0)
        let b = Matrix(rows: 0, columns: 2)
        c.addProduct(a, b, beta: 0)
        #expect(c == Matrix(rows: 2, columns: 2))
        var d = Matrix(rowMajor: [[1, 2], [3, 4]])
        d.addProduct(a, b, beta: 3)
        #expect(d == Matrix(rowMajor: [[3, 6], [9, 12]]))
        #expect(Matrix.product(a, b) == Matrix(rows: 2, columns: 2))
        #expect(Matrix.product(b, a) == Matrix(rows: 0, columns: 0))
    }

    @Test("pointer-level dgemm on a sub-block honours the leading dimensions")
    func gemmOnSubBlock() {
        // A is the top-left 2×3 block of a 4×3 buffer (lda = 4); B is 3×2 (ldb = 3); C is the
        // top-left 2×2 block of a 3×2 buffer (ldc = 3) whose last row must stay untouched.
        let bufferA = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6], [99, 99, 99], [99, 99, 99]])
        let b = Matrix(rowMajor: [[1, 0], [0, 1], [1, 1]])
        var bufferC = Matrix(rows: 3, columns: 2, repeating: -1)
        BLAS.gemm(
            .none, .none, m: 2, n: 2, k: 3, alpha: 1, a: bufferA.storage, lda: 4, b: b.storage,
            ldb: 3, beta: 0, c: &bufferC.storage, ldc: 3)
        #expect(bufferC == Matrix(rowMajor: [[4, 5], [10, 11], [-1, -1]]))
    }

    @Test("dgemv by hand, both orientations, with α and β")
    func gemvByHand() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(a.applied(to: [1, 0, -1]) == [-2, -2])
        #expect(a.applied(to: [1, -1], .transpose) == [-3, -3, -3])
        var y: [Double] = [10, 20]
        BLAS.gemv(.none, m: 2, n: 3, alpha: 2, a: a.storage, lda: 2, x: [1, 1, 1], beta: -1, y: &y)
        #expect(y == [2, 10])
        #expect(Matrix(rows: 2, columns: 0).applied(to: []) == [0, 0])
    }

    @Test("dgemv matches a naive loop", arguments: transposes, [(1, 1), (17, 4), (4, 17), (64, 64)])
    func gemvAgainstNaiveLoop(trans: BLAS.Transpose, shape: (Int, Int)) {
        let (m, n) = shape
        let a = NumericsCheck.gaussianMatrix(m, n, "gemv", m * 100 + n)
        let inCount = trans == .none ? n : m
        let x = NumericsCheck.gaussianMatrix(inCount, 1, "gemv-x", m * 100 + n)
        let fast = Matrix(rows: trans == .none ? m : n, columns: 1, columnMajor: a.applied(to: x.storage, trans))
        let (slow, magnitude) = NumericsCheck.naiveProduct(a, x, trans, .none)
        // Same reasoning as dgemm: twice the γ_k dot-product bound.
        #expect(NumericsCheck.agreeWithinDotProductBound(fast, slow, bound: magnitude, depth: inCount))
    }

    @Test("gram (dsyrk) is exactly symmetric and equals AᵀA", arguments: [(1, 1), (4, 4), (17, 4), (4, 17), (64, 17)])
    func gramSymmetry(rows: Int, columns: Int) {
        let a = NumericsCheck.gaussianMatrix(rows, columns, "gram", rows * 100 + columns)
        let g = a.gram
        #expect(g.rows == columns && g.columns == columns)
        #expect(g == g.transposed)
        #expect(g.diagonalEntries.allSatisfy { $0 >= 0 })
        let (slow, magnitude) = NumericsCheck.naiveProduct(a, a, .transpose, .none)
        // Twice the γ_k dot-product bound with k = rows.
        #expect(NumericsCheck.agreeWithinDotProductBound(g, slow, bound: magnitude, depth: rows))
    }

    @Test("pointer-level dsyrk without transpose gives the upper triangle of A·Aᵀ")
    func syrkNoTranspose() {
        let a = Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
        var c = Matrix(rows: 3, columns: 3, repeating: -7)
        BLAS.syrk(.none, n: 3, k: 2, alpha: 1, a: a.storage, lda: 3, beta: 0, c: &c.storage, ldc: 3)
        // A·Aᵀ = [[5, 11, 17], [11, 25, 39], [17, 39, 61]]; the strict lower triangle is not written.
        #expect(c == Matrix(rowMajor: [[5, 11, 17], [-7, 25, 39], [-7, -7, 61]]))
        c.mirrorUpperTriangle()
        #expect(c == Matrix.product(a, a, transposeB: .transpose))
    }

    @Test("level-1 routines by hand: dot, nrm2 (no overflow), axpy, scal")
    func levelOne() {
        #expect(BLAS.dot([1, 2, 3], [4, 5, 6]) == 32)
        #expect(BLAS.dot([], []) == 0)
        // dnrm2 of (3, 4) is 5 up to its scaling steps: allow a few ulps.
        #expect(abs(BLAS.norm2([3, 4]) - 5) <= 4 * Double.ulpOfOne * 5)
        // Naive Σx² would overflow to +inf here; dnrm2 rescales. A few ulps again.
        let big = BLAS.norm2([1e200, 1e200])
        #expect(abs(big / (2.0.squareRoot() * 1e200) - 1) <= 4 * Double.ulpOfOne)
        var y: [Double] = [1, 1, 1]
        BLAS.axpy(2, [1, 2, 3], &y)
        #expect(y == [3, 5, 7])
        BLAS.scale(-0.5, &y)
        #expect(y == [-1.5, -2.5, -3.5])
    }

    @Test("BLASConfiguration reports a core, a configuration and at least one thread")
    func configuration() {
        #expect(!BLASConfiguration.coreName.isEmpty)
        #expect(BLASConfiguration.buildConfiguration.contains("OpenBLAS"))
        #expect(BLASConfiguration.threadCount >= 1)
    }
}
