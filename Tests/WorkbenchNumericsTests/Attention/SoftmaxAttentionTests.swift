import Foundation
import Testing
@testable import WorkbenchNumerics

@Suite("Softmax attention kernel")
struct SoftmaxAttentionTests {
    static func random(_ rows: Int, _ columns: Int, seed: UInt64, scale: Double = 1) -> Matrix {
        var generator = Xoshiro256StarStar(seed: seed)
        return Matrix.gaussian(rows: rows, columns: columns, standardDeviation: scale, using: &generator)
    }

    /// Block sizes that exercise one block, ragged query blocks and the online update over
    /// several (ragged) key blocks.
    @Test(arguments: [(128, 4096), (7, 4096), (5, 16), (1, 1), (64, 33)])
    func matchesNaiveDoubleLoop(blocks: (Int, Int)) throws {
        let queries = Self.random(37, 6, seed: 1, scale: 1.3)
        let keys = Self.random(101, 6, seed: 2)
        let values = Self.random(101, 3, seed: 3)
        let kernel = SoftmaxAttention(
            algorithm: .blockedProducts, queryBlockSize: blocks.0, keyBlockSize: blocks.1)
        var workspace = AttentionWorkspace()
        let fast = try kernel.attend(queries: queries, keys: keys, values: values, workspace: &workspace)
        let naive = NaiveAttention.attend(queries: queries, keys: keys, values: values)
        // Values are O(1) and weights sum to 1: 1e-12 allows rounding-order differences
        // between dgemm/SIMD sums and the sequential loop, plus the ≤ 2 ulp SIMD exp.
        #expect(NaiveAttention.maxAbsDifference(fast, naive) < 1e-12)
    }

    @Test(arguments: [SoftmaxAttention.Algorithm.blockedProducts, .fused])
    func bilinearFormMatchesExplicitProjection(algorithm: SoftmaxAttention.Algorithm) throws {
        let d = 5
        let queries = Self.random(19, d, seed: 4)
        let tokens = Self.random(70, d, seed: 5)
        let a = Self.random(d, d, seed: 6, scale: 0.7)
        let v = Self.random(2, d, seed: 7)
        var workspace = AttentionWorkspace()
        let kernel = SoftmaxAttention(algorithm: algorithm, queryBlockSize: 8, keyBlockSize: 32)
        let fast = try kernel.attend(
            queries: queries, tokens: tokens, bilinearForm: a, valueMap: v, workspace: &workspace)
        // Naive: s_ij = y_jᵀ A x_i, values V y_j, computed entry by entry.
        var keys = Matrix(rows: tokens.rows, columns: d)
        var values = Matrix(rows: tokens.rows, columns: 2)
        for j in 0..<tokens.rows {
            for c in 0..<d {
                var s = 0.0
                for l in 0..<d { s += tokens[j, l] * a[l, c] }
                keys[j, c] = s
            }
            for c in 0..<2 {
                var s = 0.0
                for l in 0..<d { s += v[c, l] * tokens[j, l] }
                values[j, c] = s
            }
        }
        let naive = NaiveAttention.attend(queries: queries, keys: keys, values: values)
        // Same reason as the kernel test; entries are O(1).
        #expect(NaiveAttention.maxAbsDifference(fast, naive) < 1e-12)
        // Identity value map = values are the tokens themselves; reuses the same workspace.
        let identity = try kernel.attend(
            queries: queries, tokens: tokens, bilinearForm: a, valueMap: nil, workspace: &workspace)
        let naiveIdentity = NaiveAttention.attend(queries: queries, keys: keys, values: tokens)
        #expect(NaiveAttention.maxAbsDifference(identity, naiveIdentity) < 1e-12)
    }

    @Test(arguments: [1e5, -1e5, 3e5])
    func extremeScoresStayFinite(scale: Double) throws {
        // Scores of magnitude `scale` (≈ ±1e5): naive exp would overflow or underflow to 0/0.
        let queries = Matrix(rowMajor: [[1], [-1], [0.5]])
        let keys = Matrix(rowMajor: [[scale], [0.999 * scale], [-scale], [0]])
        let values = Matrix(rowMajor: [[1, 0], [0, 1], [2, 2], [3, -1]])
        // The blocked algorithm with one, two and four keys per block, and the fused one.
        let kernels =
            [1, 2, 4].map { SoftmaxAttention(algorithm: .blockedProducts, keyBlockSize: $0) } + [
                SoftmaxAttention(algorithm: .fused)
            ]
        for kernel in kernels {
            var workspace = AttentionWorkspace()
            let output = try kernel.attend(queries: queries, keys: keys, values: values, workspace: &workspace)
            #expect(output.storage.allSatisfy { $0.isFinite })
            // Score gaps are ≥ 0.0005·|scale| ≥ 50: the non-max weights are below e^{-50} ≈ 2e-22,
            // so the output is the hardmax value to within 3·2e-22 (values are at most 3).
            let hard = NaiveAttention.hardmax(queries: queries, keys: keys, values: values)
            #expect(NaiveAttention.maxAbsDifference(output, hard) < 1e-20)
        }
    }

    @Test(arguments: [SoftmaxAttention.Algorithm.blockedProducts, .fused])
    func softmaxBecomesHardmaxAtHugeTemperature(algorithm: SoftmaxAttention.Algorithm) throws {
        // Score gaps ≥ 1e-3 at λ = 1: at λ = 1e9 every non-max weight is e^{-1e6} = 0.
        let lambda = 1e9
        let keys = Matrix(rowMajor: [[0.0], [0.001], [0.5], [0.499], [-0.2]])
        let values = Self.random(5, 3, seed: 11)
        let queries = Matrix(rowMajor: [[lambda], [-lambda], [2 * lambda]])
        var workspace = AttentionWorkspace()
        let soft = try SoftmaxAttention(algorithm: algorithm).attend(
            queries: queries, keys: keys, values: values, workspace: &workspace)
        let hard = try SoftmaxAttention(normalization: .hardmax).attend(
            queries: queries, keys: keys, values: values, workspace: &workspace)
        #expect(NaiveAttention.maxAbsDifference(soft, hard) <= 1e-15)
        #expect(
            NaiveAttention.maxAbsDifference(hard, NaiveAttention.hardmax(queries: queries, keys: keys, values: values))
                == 0)
    }

    @Test func hardmaxTakesFirstIndexOnTiesAcrossKeyBlocks() throws {
        let keys = Matrix(rowMajor: [[1], [3], [2], [3], [3]])
        let values = Matrix(rowMajor: [[10], [11], [12], [13], [14]])
        let queries = Matrix(rowMajor: [[1], [-1]])
        for keyBlock in [1, 2, 5] {
            var workspace = AttentionWorkspace()
            let hard = try SoftmaxAttention(normalization: .hardmax, keyBlockSize: keyBlock).attend(
                queries: queries, keys: keys, values: values, workspace: &workspace)
            #expect(hard[0, 0] == 11)
            #expect(hard[1, 0] == 10)
        }
    }

    @Test func shapeErrorsAreReported() {
        var workspace = AttentionWorkspace()
        let kernel = SoftmaxAttention()
        #expect(throws: AttentionError.noTokens) {
            try kernel.attend(
                queries: Matrix(rows: 2, columns: 3), keys: Matrix(rows: 0, columns: 3),
                values: Matrix(rows: 0, columns: 1), workspace: &workspace)
        }
        #expect(throws: AttentionError.self) {
            try kernel.attend(
                queries: Matrix(rows: 2, columns: 3), keys: Matrix(rows: 4, columns: 2),
                values: Matrix(rows: 4, columns: 1), workspace: &workspace)
        }
        #expect(throws: AttentionError.self) {
            try kernel.attend(
                queries: Matrix(rows: 2, columns: 3), tokens: Matrix(rows: 4, columns: 3),
                bilinearForm: Matrix(rows: 2, columns: 2), valueMap: nil, workspace: &workspace)
        }
    }
}
