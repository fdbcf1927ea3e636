import Testing
import WorkbenchNumerics

@Suite("Random matrices: Gaussian and Haar orthogonal")
struct RandomMatrixTests {
    @Test("Matrix.gaussian fills column-major from the generator and scales by σ")
    func gaussianFill() {
        var g1 = NumericsCheck.generator("matrix-gaussian")
        var g2 = g1
        let m = Matrix.gaussian(rows: 3, columns: 2, standardDeviation: 2, using: &g1)
        let draws = g2.gaussianVector(6)
        #expect(m.storage == draws.map { 2 * $0 })
        // Both generators consumed the same words.
        #expect(g1.next() == g2.next())
    }

    @Test("randomOrthogonal: QᵀQ = I and det Q = ±1", arguments: [1, 4, 17, 64])
    func orthogonality(n: Int) throws {
        var g = NumericsCheck.generator("haar", n)
        let q = try Matrix.randomOrthogonal(n, using: &g)
        // Householder QR: orthogonality defect ~ n·u ≤ 1.5e-14.
        #expect(NumericsCheck.orthonormalityDefect(q) <= 1e-13)
        #expect(NumericsCheck.orthonormalityDefect(q.transposed) <= 1e-13)
        // |det Q| = 1 up to the elimination's relative error ~ n·u·κ(Q) = n·u (κ = 1).
        #expect(abs(abs(NumericsCheck.determinant(q)) - 1) <= 1e-12)
    }

    @Test("randomOrthogonal is Haar: E[Q₁₁] = 0, E[Q₁₁²] = 1/n, P(det = +1) = ½")
    func haarMoments() throws {
        // Without the sign correction LAPACK's Householder convention makes Q₁₁ ≤ 0 always
        // (mean ≈ −0.5 for n = 3), so the first check has real power.
        let n = 3
        let draws = 4000
        var g = NumericsCheck.generator("haar-moments")
        var sum = 0.0
        var sumSquares = 0.0
        var positive = 0
        for _ in 0..<draws {
            let q = try Matrix.randomOrthogonal(n, using: &g)
            sum += q[0, 0]
            sumSquares += q[0, 0] * q[0, 0]
            if NumericsCheck.determinant(q) > 0 { positive += 1 }
        }
        let count = Double(draws)
        // Q₁₁ has variance 1/3, so the mean has SE √(1/3/4000) ≈ 0.0091; allow 5 SE.
        #expect(abs(sum / count) <= 5 * (1.0 / 3 / count).squareRoot())
        // Q₁₁² ~ Beta(½, 1) has variance 4/45, SE ≈ 0.0047; allow 5 SE.
        #expect(abs(sumSquares / count - 1.0 / 3) <= 5 * (4.0 / 45 / count).squareRoot())
        // Binomial(4000, ½): SE of the fraction 0.0079; allow 5 SE.
        #expect(abs(Double(positive) / count - 0.5) <= 5 * (0.25 / count).squareRoot())
    }
}
