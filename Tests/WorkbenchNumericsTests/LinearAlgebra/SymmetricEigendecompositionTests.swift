import Testing
import WorkbenchNumerics

@Suite("Symmetric eigendecomposition (dsyevd)")
struct SymmetricEigendecompositionTests {
    @Test("by hand: [[2,1],[1,2]] has eigenvalues 1 and 3 with eigenvectors (1,∓1)/√2")
    func twoByTwoByHand() throws {
        let e = try SymmetricEigendecomposition(of: Matrix(rowMajor: [[2, 1], [1, 2]]))
        let v = try #require(e.vectors)
        // O(1) entries and a 2×2 problem: a few ulps.
        let tolerance = 8 * Double.ulpOfOne
        #expect(NumericsCheck.maxAbsDifference(e.values, [1, 3]) <= tolerance)
        let h = 0.5.squareRoot()
        // Eigenvectors are defined up to sign: compare |v|.
        #expect(v.storage.allSatisfy { abs(abs($0) - h) <= tolerance })
        #expect(abs(v[0, 0] + v[1, 0]) <= tolerance)  // (1, −1) direction for λ = 1
        #expect(abs(v[0, 1] - v[1, 1]) <= tolerance)  // (1, 1) direction for λ = 3
    }

    @Test("a diagonal matrix gives its sorted diagonal exactly")
    func diagonal() throws {
        let e = try SymmetricEigendecomposition(of: Matrix.diagonal([3, -1, 2]), computeVectors: false)
        #expect(e.values == [-1, 2, 3])
        #expect(e.vectors == nil)
    }

    @Test("A = V·diag(λ)·Vᵀ, VᵀV = I, λ ascending", arguments: [1, 4, 17, 64])
    func reconstruction(n: Int) throws {
        let a = NumericsCheck.symmetricMatrix(n, "syevd", n)
        let e = try SymmetricEigendecomposition(of: a)
        let v = try #require(e.vectors)
        #expect(e.values == e.values.sorted())
        // dsyevd is backward stable: ‖A − VΛVᵀ‖ ~ n·u·‖A‖₂ ≈ 64·1.1e-16·8 ≈ 6e-14 at n = 64.
        #expect(NumericsCheck.maxAbsDifference(e.reconstructed(), a) <= 1e-12)
        #expect(NumericsCheck.orthonormalityDefect(v) <= 1e-12)
        // Trace is preserved: Σλ = tr A, same backward-error scale.
        #expect(abs(e.values.reduce(0, +) - a.trace) <= 1e-12)
        // Values-only and with-vectors runs use different code paths; agree to the same scale.
        let valuesOnly = try SymmetricEigendecomposition(of: a, computeVectors: false)
        #expect(NumericsCheck.maxAbsDifference(valuesOnly.values, e.values) <= 1e-12)
    }

    @Test("only the upper triangle is read")
    func upperTriangleOnly() throws {
        let a = NumericsCheck.symmetricMatrix(6, "syevd-upper")
        var garbled = a
        for j in 0..<6 { for i in (j + 1)..<6 { garbled[i, j] = 1e6 } }
        let clean = try SymmetricEigendecomposition(of: a, computeVectors: false)
        let dirty = try SymmetricEigendecomposition(of: garbled, computeVectors: false)
        // Same upper-triangle input, same code path: bitwise identical.
        #expect(clean.values == dirty.values)
    }

    @Test("reconstructed(applying: sqrt) is the SPD square root: S·S = A")
    func squareRoot() throws {
        let a = NumericsCheck.positiveDefiniteMatrix(17, "syevd-sqrt")
        let s = try SymmetricEigendecomposition(of: a).reconstructed(applying: { $0.squareRoot() })
        #expect(s == s.transposed)
        // Entries of A are O(1)–O(3) and the spectrum lies in [1, ~5]: backward error ~ n·u.
        #expect(NumericsCheck.maxAbsDifference(s * s, a) <= 1e-12)
    }

    @Test("a non-square input is a dimension mismatch; an empty input is empty")
    func shapes() throws {
        let error = #expect(throws: LinearAlgebraError.self) {
            try SymmetricEigendecomposition(of: Matrix(rows: 2, columns: 3))
        }
        #expect(NumericsCheck.isDimensionMismatch(error))
        let empty = try SymmetricEigendecomposition(of: Matrix(rows: 0, columns: 0))
        #expect(empty.values.isEmpty)
        #expect(empty.vectors == Matrix(rows: 0, columns: 0))
    }
}
