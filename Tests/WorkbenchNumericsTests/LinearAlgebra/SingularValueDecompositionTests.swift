import Testing
import WorkbenchNumerics

@Suite("Thin SVD (dgesdd)")
struct SingularValueDecompositionTests {
    /// Tall, wide and square shapes, including 1×1 and the sizes 4, 17 and 64.
    static let shapes: [(Int, Int)] = [
        (1, 1), (4, 4), (17, 17), (64, 64), (17, 4), (64, 17), (4, 17), (17, 64), (1, 5), (5, 1),
    ]

    @Test("by hand: diag(3, −2) has σ = (3, 2); [[1,1],[1,1]] has σ = (2, 0); [[3,4]] has ‖·‖₂ = 5")
    func byHand() throws {
        // Tiny problems with exact data: a few ulps.
        let tolerance = 8 * Double.ulpOfOne
        let d = try SingularValueDecomposition(of: Matrix.diagonal([3, -2]))
        #expect(NumericsCheck.maxAbsDifference(d.singularValues, [3, 2]) <= tolerance * 3)
        let ones = try SingularValueDecomposition(of: Matrix(rows: 2, columns: 2, repeating: 1))
        #expect(NumericsCheck.maxAbsDifference(ones.singularValues, [2, 0]) <= tolerance * 2)
        #expect(abs(try Matrix(rowMajor: [[3, 4]]).spectralNorm() - 5) <= tolerance * 5)
        #expect(try Matrix(rows: 0, columns: 3).spectralNorm() == 0)
    }

    @Test("A = U·diag(σ)·Vᵀ to 1e-12 with orthonormal U, V and descending σ ≥ 0", arguments: shapes)
    func reconstruction(rows: Int, columns: Int) throws {
        let a = NumericsCheck.gaussianMatrix(rows, columns, "gesdd", rows * 100 + columns)
        let svd = try SingularValueDecomposition(of: a)
        let u = try #require(svd.u)
        let vt = try #require(svd.vt)
        let r = min(rows, columns)
        #expect(u.rows == rows && u.columns == r && vt.rows == r && vt.columns == columns)
        #expect(svd.singularValues.count == r)
        #expect(svd.singularValues == svd.singularValues.sorted(by: >))
        #expect(svd.singularValues.allSatisfy { $0 >= 0 })
        var scaled = u
        for j in 0..<r { for i in 0..<rows { scaled[i, j] *= svd.singularValues[j] } }
        let (usvt, _) = NumericsCheck.naiveProduct(scaled, vt)
        // Backward stable: |A − UΣVᵀ| ~ max(m, n)·u·σ₁ ≈ 64·1.1e-16·16 ≈ 1e-13 for N(0,1) entries.
        #expect(NumericsCheck.maxAbsDifference(usvt, a) <= 1e-12)
        // Orthonormality of the computed factors, same scale.
        #expect(NumericsCheck.orthonormalityDefect(u) <= 1e-12)
        #expect(NumericsCheck.orthonormalityDefect(vt.transposed) <= 1e-12)
        // Values-only (jobz = N) takes another path: agree to ~n·u·σ₁.
        let valuesOnly = try SingularValueDecomposition(of: a, computeVectors: false)
        #expect(valuesOnly.u == nil && valuesOnly.vt == nil)
        #expect(NumericsCheck.maxAbsDifference(valuesOnly.singularValues, svd.singularValues) <= 1e-12)
    }

    @Test("σ² are the eigenvalues of the Gram matrix AᵀA")
    func singularValuesSquareToGramEigenvalues() throws {
        let a = NumericsCheck.gaussianMatrix(17, 4, "gesdd-gram")
        let sigma = try SingularValueDecomposition(of: a, computeVectors: false).singularValues
        let lambda = try SymmetricEigendecomposition(of: a.gram, computeVectors: false).values
        // Both backward stable; λ ~ 10–40 here, so n·u·λ_max ≈ 1e-13.
        #expect(NumericsCheck.maxAbsDifference(sigma.map { $0 * $0 }, lambda.reversed()) <= 1e-11)
    }

    @Test("an empty matrix has no singular values")
    func empty() throws {
        let svd = try SingularValueDecomposition(of: Matrix(rows: 3, columns: 0))
        #expect(svd.singularValues.isEmpty)
        #expect(svd.u?.rows == 3 && svd.u?.columns == 0)
        #expect(svd.vt?.rows == 0 && svd.vt?.columns == 0)
    }
}
