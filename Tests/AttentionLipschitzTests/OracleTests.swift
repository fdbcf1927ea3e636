import Testing
import WorkbenchNumerics

@testable import AttentionLipschitz

/// Spec A2 (O1–O4, O7), A3 (Lanczos against `dgesdd`) and the O8/O9 reductions.
struct AttentionOracleTests {
    static func sigma(_ head: AttentionHead, _ x: Matrix) throws -> Double {
        try FullJacobian.of(head.linearised(at: x)).spectralNorm()
    }

    @Test("O7(a): d = 1, n = 2, A = V = 1, X = (1, 0): J and its singular values, masked σ")
    func workedExampleA() throws {
        let head = AttentionHead(bilinear: Matrix(rowMajor: [[1]]), value: Matrix(rowMajor: [[1]]))
        let x = Matrix(rowMajor: [[1, 0]])
        let j = FullJacobian.of(head.linearised(at: x))
        let expected = [[1.124282, 0.072329], [0.5, 0.75]]
        for r in 0..<2 { for c in 0..<2 { #expect(abs(j[r, c] - expected[r][c]) <= 5e-7) } }
        let values = try SingularValueDecomposition(of: j, computeVectors: false).singularValues
        #expect(abs(values[0] - 1.303152) <= 5e-7)
        #expect(abs(values[1] - 0.619304) <= 5e-7)
        #expect(abs(try Self.sigma(head.masked(true), x) - 1.189522) <= 5e-7)
    }

    @Test("O7(b): d = 2, n = 3: P, f(X), all six singular values, masked σ and the two bounds")
    func workedExampleB() throws {
        let a = Matrix(rowMajor: [[2, 0.5], [-0.5, 1]])
        let v = Matrix(rowMajor: [[1, 0], [0.5, 2]])
        let x = Matrix(rowMajor: [[1, 0], [0, 1], [-1, 1]]).transposed
        let head = AttentionHead(bilinear: a, value: v)
        let state = head.linearised(at: x)
        let p = [[0.914751, 0.075087, 0.010162], [0.274069, 0.451863, 0.274069], [0.009001, 0.180784, 0.810216]]
        for i in 0..<3 { for j in 0..<3 { #expect(abs(state.weightsTransposed[j, i] - p[i][j]) <= 5e-7) } }
        let f = [[0.904589, 0.622793], [0, 1.451863], [-0.801215, 1.581391]]
        for i in 0..<3 { for r in 0..<2 { #expect(abs(state.output[r, i] - f[i][r]) <= 5e-7) } }
        let values = try SingularValueDecomposition(of: FullJacobian.of(state), computeVectors: false).singularValues
        let expected = [2.180166, 2.119849, 1.657572, 1.375242, 1.196019, 0.881566]
        for (value, reference) in zip(values, expected) { #expect(abs(value - reference) <= 5e-7) }
        let masked = head.masked(true).linearised(at: x)
        #expect(abs(masked.output[0, 0] - 1) <= 1e-12 && abs(masked.output[1, 0] - 0.5) <= 1e-12)
        #expect(abs(try Self.sigma(head.masked(true), x) - 2.239790) <= 5e-7)
        let bounds = LipschitzBounds(
            head: head, tokens: x, normA: try a.spectralNorm(), normV: try v.spectralNorm())
        #expect(abs(bounds.paper - 54.42) <= 0.005)
        #expect(abs(bounds.simple - 27.25) <= 0.005)
    }

    @Test("O1 (A = 0) and O2 (identical tokens): σ = ‖V‖ exactly; O3: masked gives ‖C_n‖·‖V‖")
    func uniformAttention() throws {
        var generator = RandomStream.generator(seed: 1, path: ["uniform"])
        let v = Matrix.gaussian(rows: 4, columns: 4, using: &generator)
        let normV = try v.spectralNorm()
        let zero = AttentionHead(bilinear: Matrix(rows: 4, columns: 4), value: v)
        let random = AttentionHead(bilinear: .gaussian(rows: 4, columns: 4, using: &generator), value: v)
        let x = Matrix.gaussian(rows: 4, columns: 7, using: &generator)
        let column = generator.gaussianVector(4)
        let same = Matrix(rows: 4, columns: 7) { r, _ in column[r] }
        #expect(abs(try Self.sigma(zero, x) - normV) <= 1e-9 * normV)
        #expect(abs(try Self.sigma(random, same) - normV) <= 1e-9 * normV)
        for (n, cesaro) in [(2, 1.144123), (5, 1.309173), (10, 1.410082)] {
            let norm = try ClosedFormOracles.cesaro(n).spectralNorm()
            #expect(abs(norm - cesaro) <= 5e-7)
            let tokens = Matrix.gaussian(rows: 4, columns: n, using: &generator)
            #expect(abs(try Self.sigma(zero.masked(true), tokens) - norm * normV) <= 1e-9 * normV)
        }
        #expect(
            abs(try ClosedFormOracles.cesaro(2).spectralNorm() - (1 + 5.0.squareRoot()) / 2 / 2.0.squareRoot()) <= 1e-12
        )
        #expect(abs(try ClosedFormOracles.cesaro(100).spectralNorm() - 1.62999) <= 5e-6)
    }

    @Test("O4: σ = max(1, aR²) = 1, 4, 16, 64, 256 for a = 1, R = 1…16 (relative 1e−9)")
    func notGloballyLipschitz() throws {
        for radius in [1.0, 2, 4, 8, 16] {
            let (head, x) = ClosedFormOracles.nonLipschitzConfiguration(a: 1, radius: radius)
            let exact = ClosedFormOracles.nonLipschitzValue(a: 1, radius: radius)
            #expect(exact == max(1, radius * radius))
            #expect(abs(try Self.sigma(head, x) - exact) <= 1e-9 * exact)
        }
    }

    @Test("Lanczos matches dgesdd to 1e−8 on nd ≤ 512; the paper's power iteration is a lower bound")
    func lanczosAgainstSVD() throws {
        for (seed, n, d) in [(UInt64(0), 8, 8), (1, 16, 16), (2, 32, 16), (3, 12, 4)] {
            for causal in [false, true] {
                let (head, x) = TestHeads.random(d: d, k: d / 2, dv: d, n: n, causal: causal, bias: true, seed: seed)
                let state = head.linearised(at: x)
                let exact = try FullJacobian.of(state).spectralNorm()
                var generator = RandomStream.generator(seed: seed, path: ["start"])
                let start = generator.gaussianVector(state.columnCount)
                let lanczos = try GolubKahanLanczos.largestSingularValue(of: state, start: start, maximumSteps: 200)
                #expect(abs(lanczos.value - exact) <= 1e-8 * exact)
                #expect(lanczos.converged)
                let residual = zip(state.apply(lanczos.rightVector), lanczos.leftVector).map { $0 - lanczos.value * $1 }
                #expect(BLAS.norm2(residual) <= 1e-4 * exact)
                let power = PaperPowerIteration.largestSingularValue(of: state, start: start)
                #expect(power.value <= exact * (1 + 1e-12))
            }
        }
    }

    @Test("Lanczos on a dense matrix with a known spectrum, and on the zero operator")
    func lanczosDense() throws {
        var generator = RandomStream.generator(seed: 4, path: ["dense"])
        let q1 = try Matrix.randomOrthogonal(30, using: &generator)
        let q2 = try Matrix.randomOrthogonal(20, using: &generator)
        var diagonal = Matrix(rows: 30, columns: 20)
        for index in 0..<20 { diagonal[index, index] = 1 + Double(index) / 4 }
        let m = q1 * diagonal * q2.transposed
        let estimate = try GolubKahanLanczos.largestSingularValue(
            of: DenseOperator(m), start: generator.gaussianVector(20), maximumSteps: 40)
        #expect(abs(estimate.value - 5.75) <= 1e-8 * 5.75)
        let zero = try GolubKahanLanczos.largestSingularValue(
            of: DenseOperator(Matrix(rows: 3, columns: 3)), start: [1, 2, 3])
        #expect(zero.value == 0)
    }

    @Test("O8: the two-cluster reduction equals the full Jacobian's σ (d = 2) to 1e−10")
    func twoClusterReduction() throws {
        for (radius, c, k, n) in [(3.0, 0.3, 2, 7), (4, 0.05, 1, 9), (2, -0.5, 4, 6), (5, 0.8, 3, 5)] {
            let oracle = try TwoClusterOracle.sigma(lambda: 1, y1: radius, y2: c * radius, k: k, n: n)
            let (head, x) = TwoClusterOracle.configuration(lambda: 1, y1: radius, y2: c * radius, k: k, n: n)
            let dense = try Self.sigma(head, x)
            #expect(abs(oracle - dense) <= 1e-10 * dense)
        }
    }

    @Test("O9: the two-atom mean-field sup is 4.6833, 12.9773, 56.2271 at R = 3, 4, 5 (within 0.2 %)")
    func meanFieldValues() throws {
        let ratios = PlateauSearch.ratios(count: 91)
        for (radius, value) in [(3.0, 4.6833), (4, 12.9773), (5, 56.2271)] {
            let best = try PlateauSearch.meanField(radius: radius, masses: 400, ratios: ratios)
            #expect(abs(best.value - value) <= 2e-3 * value, "R = \(radius): \(best)")
        }
    }
}
