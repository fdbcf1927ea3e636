import Foundation
import Testing

@testable import WorkbenchNumerics

@Suite("Softmax attention: fused kernel")
struct FusedAttentionTests {
    static func random(_ rows: Int, _ columns: Int, seed: UInt64, scale: Double = 1) -> Matrix {
        SoftmaxAttentionTests.random(rows, columns, seed: seed, scale: scale)
    }

    static func fused(_ queries: Matrix, _ keys: Matrix, _ values: Matrix) throws -> Matrix {
        var workspace = AttentionWorkspace()
        return try SoftmaxAttention(algorithm: .fused).attend(
            queries: queries, keys: keys, values: values, workspace: &workspace)
    }

    /// 67 queries (a group of 64 — eight tiles of eight — and a second group of three); key counts
    /// below, at and across the 252-key block, multiples of six or not (padded keys), several
    /// online updates; depths 1–50; value dimensions with 0–5 coordinates after the groups of six,
    /// including the remainders of 1–3 that the last group's two passes take (7, 8, 9, 50).
    @Test(arguments: [
        (1, 1, 1), (101, 6, 3), (252, 8, 8), (253, 4, 4), (257, 12, 5), (504, 16, 6), (700, 3, 7), (1030, 20, 2),
        (600, 50, 50), (300, 10, 9), (260, 7, 15),
    ])
    func matchesNaiveDoubleLoop(shape: (keys: Int, depth: Int, values: Int)) throws {
        let queries = Self.random(67, shape.depth, seed: 21, scale: 1.3)
        let keys = Self.random(shape.keys, shape.depth, seed: 22)
        let values = Self.random(shape.keys, shape.values, seed: 23)
        let fast = try Self.fused(queries, keys, values)
        let naive = NaiveAttention.attend(queries: queries, keys: keys, values: values)
        // Values are O(1) and the weights sum to 1: 1e-12 covers the different rounding (scores
        // and weighted sums as fused multiply-add chains, the ≤ 2 ulp exponential, the online
        // rescaling) against the sequential loop; the largest difference over these shapes is
        // 1.1e-14, so the margin is about 100.
        #expect(NaiveAttention.maxAbsDifference(fast, naive) < 1e-12)
    }

    /// Scores that rise from block to block force the online update (a new maximum, factors
    /// below 1) at every one of the five blocks; ones that fall keep the first block's maximum.
    @Test(arguments: [0.01, -0.01])
    func onlineUpdateAcrossBlocks(slope: Double) throws {
        let n = 1200
        let keys = Matrix(rowMajor: (0..<n).map { [slope * Double($0)] })
        let values = Matrix(rowMajor: (0..<n).map { [sin(Double($0)), cos(Double($0))] })
        let queries = Matrix(rowMajor: [[1], [0.5], [-2]])
        let fast = try Self.fused(queries, keys, values)
        let naive = NaiveAttention.attend(queries: queries, keys: keys, values: values)
        // Same reason as above.
        #expect(NaiveAttention.maxAbsDifference(fast, naive) < 1e-12)
    }

    /// A query's result depends on its own row only: computed alone or among 70 others (in
    /// another lane of another eight-query tile, in the first or the second group of 64), its
    /// output has the same bits.
    @Test func eachQueryIsIndependentOfTheOthers() throws {
        let queries = Self.random(70, 8, seed: 24)
        let keys = Self.random(300, 8, seed: 25)
        let values = Self.random(300, 8, seed: 26)
        let batch = try Self.fused(queries, keys, values)
        for i in [0, 13, 63, 64, 69] {
            let single = try Self.fused(Matrix(rowMajor: [(0..<8).map { queries[i, $0] }]), keys, values)
            #expect((0..<8).allSatisfy { single[0, $0].bitPattern == batch[i, $0].bitPattern }, "query \(i)")
        }
    }

    /// Every instruction-set variant gives the baseline's bits (the products are fused
    /// multiply-adds everywhere, in software on the baseline).
    @Test func everyVariantMatchesTheBaselineBitForBit() {
        let variants = VectorExponential.Variant.supported
        for (n, depth, dimension) in [(1, 2, 1), (300, 8, 8), (520, 5, 6)] {
            let queries = Self.random(70, depth, seed: 27, scale: 2)
            let keys = Self.random(n, depth, seed: 28)
            let values = Self.random(n, dimension, seed: 29)
            let outputs = variants.map { $0.fusedAttention(queries: queries, keys: keys, values: values) }
            for (variant, output) in zip(variants, outputs) {
                #expect(output.storage.map(\.bitPattern) == outputs[0].storage.map(\.bitPattern), "\(variant), n \(n)")
            }
        }
    }

    /// Softmax runs the fused kernel unless told otherwise; hardmax always runs the blocked one.
    @Test func hardmaxUsesTheBlockedAlgorithm() throws {
        #expect(SoftmaxAttention().resolvedAlgorithm == .fused)
        #expect(SoftmaxAttention(algorithm: .blockedProducts).resolvedAlgorithm == .blockedProducts)
        #expect(SoftmaxAttention(normalization: .hardmax, algorithm: .fused).resolvedAlgorithm == .blockedProducts)
        // And the kernel follows it: hardmax asked to run fused gives the blocked hardmax's bits,
        // not a softmax (the two differ by far more than rounding on these scores).
        let queries = Self.random(10, 4, seed: 30)
        let keys = Self.random(90, 4, seed: 31)
        let values = Self.random(90, 3, seed: 32)
        var workspace = AttentionWorkspace()
        func attend(_ kernel: SoftmaxAttention) throws -> [UInt64] {
            try kernel.attend(queries: queries, keys: keys, values: values, workspace: &workspace).storage.map(
                \.bitPattern)
        }
        let hardmax = try attend(SoftmaxAttention(normalization: .hardmax, algorithm: .fused))
        #expect(hardmax == (try attend(SoftmaxAttention(normalization: .hardmax, algorithm: .blockedProducts))))
        #expect(hardmax != (try attend(SoftmaxAttention(algorithm: .fused))))
    }
}
