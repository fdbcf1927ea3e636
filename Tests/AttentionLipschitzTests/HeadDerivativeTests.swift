import Testing
import WorkbenchNumerics

@testable import AttentionLipschitz

/// Random heads and inputs for the derivative tests.
enum TestHeads {
    /// ``OracleStudy/randomCase(d:k:dv:n:causal:bias:using:)`` drawn from a stream of `seed`.
    static func random(d: Int, k: Int, dv: Int, n: Int, causal: Bool, bias: Bool, seed: UInt64) -> (
        head: AttentionHead, tokens: Matrix
    ) {
        var generator = RandomStream.generator(seed: seed, path: ["test-head"])
        let (head, tokens) = OracleStudy.randomCase(
            d: d, k: k, dv: dv, n: n, causal: causal, bias: bias, using: &generator)
        return (head, tokens)
    }

    static func relativeError(_ a: [Double], _ b: [Double]) -> Double { OracleStudy.relative(a, b) }

    /// Expects `state`, the Jacobian at `x` of the map whose value (token-major) `output` gives,
    /// to be adjoint-consistent to 1e−12 relative and to match central differences (ε = 1e−6) to
    /// 1e−7 relative along a random direction (the tolerances of spec A1).
    static func expectJacobian(
        _ state: some LinearOperator, at x: Matrix, of output: (Matrix) -> [Double],
        using generator: inout Xoshiro256StarStar
    ) {
        let u = generator.gaussianVector(state.columnCount)
        let y = generator.gaussianVector(state.rowCount)
        let left = BLAS.dot(state.apply(u), y)
        #expect(abs(left - BLAS.dot(u, state.applyTransposed(y))) <= 1e-12 * max(abs(left), 1))
        let direction = Matrix(rows: x.rows, columns: x.columns, columnMajor: u)
        let epsilon = 1e-6
        let plus = output(x + epsilon * direction)
        let minus = output(x - epsilon * direction)
        let numeric = zip(plus, minus).map { ($0 - $1) / (2 * epsilon) }
        #expect(relativeError(state.apply(u), numeric) <= 1e-7)
    }
}

/// Spec A1 (O0): the analytic JVP against central finite differences, the VJP as its exact
/// adjoint, and the block-formula Jacobian against the JVP, unmasked and causal, with the
/// query-bias term.
struct HeadDerivativeTests {
    @Test("JVP matches central differences (ε = 1e−6) to 1e−7 relative", arguments: [false, true])
    func finiteDifferences(_ causal: Bool) {
        for seed in UInt64(0)..<4 {
            let (head, x) = TestHeads.random(d: 5, k: 3, dv: 4, n: 6, causal: causal, bias: true, seed: seed)
            var generator = RandomStream.generator(seed: seed, path: ["direction"])
            let direction = Matrix.gaussian(rows: 5, columns: 6, using: &generator)
            let analytic = head.linearised(at: x).jvp(direction).storage
            let epsilon = 1e-6
            let plus = head(x + epsilon * direction).storage
            let minus = head(x - epsilon * direction).storage
            let numeric = zip(plus, minus).map { ($0 - $1) / (2 * epsilon) }
            // Central differences: truncation O(ε²‖f'''‖) ≈ 1e−12 and round-off ≈ 1e−16/ε ≈ 1e−10.
            #expect(TestHeads.relativeError(analytic, numeric) <= 1e-7)
        }
    }

    @Test("VJP is the adjoint of the JVP: ⟨J u, y⟩ = ⟨u, Jᵀ y⟩ to 1e−12 relative", arguments: [false, true])
    func adjointness(_ causal: Bool) {
        for seed in UInt64(0)..<4 {
            let (head, x) = TestHeads.random(d: 6, k: 2, dv: 3, n: 7, causal: causal, bias: true, seed: seed)
            let state = head.linearised(at: x)
            var generator = RandomStream.generator(seed: seed, path: ["adjoint"])
            let u = generator.gaussianVector(state.columnCount)
            let y = generator.gaussianVector(state.rowCount)
            let left = BLAS.dot(state.apply(u), y)
            let right = BLAS.dot(u, state.applyTransposed(y))
            #expect(abs(left - right) <= 1e-12 * max(abs(left), 1))
        }
    }

    @Test("the block formula of §1.2 equals the JVP column by column to 1e−12", arguments: [false, true])
    func fullJacobian(_ causal: Bool) {
        for seed in UInt64(0)..<3 {
            let (head, x) = TestHeads.random(d: 4, k: 4, dv: 3, n: 5, causal: causal, bias: true, seed: seed)
            let state = head.linearised(at: x)
            let dense = FullJacobian.of(state)
            let columns = FullJacobian.materialise(state)
            #expect(TestHeads.relativeError(dense.storage, columns.storage) <= 1e-12)
            if causal {
                // Blocks with j > i are exactly zero.
                for i in 0..<5 {
                    for j in (i + 1)..<5 {
                        for r in 0..<3 { for c in 0..<4 { #expect(dense[i * 3 + r, j * 4 + c] == 0) } }
                    }
                }
            }
        }
    }

    @Test("multi-head concatenation and projected sum: adjoint and finite differences")
    func multiHead() {
        let d = 6
        let n = 5
        var heads: [AttentionHead] = []
        for seed in UInt64(0)..<3 {
            heads.append(TestHeads.random(d: d, k: 2, dv: 2, n: n, causal: false, bias: true, seed: seed).head)
        }
        let x = TestHeads.random(d: d, k: 2, dv: 2, n: n, causal: false, bias: false, seed: 9).tokens
        var generator = RandomStream.generator(seed: 5, path: ["projections"])
        let projections = (0..<3).map { _ in Matrix.gaussian(rows: d, columns: 2, using: &generator) }
        for combination in [MultiHeadAttention.Combination.concatenate, .sum(projections)] {
            for causal in [false, true] {
                let attention = MultiHeadAttention(heads: heads, combination: combination).masked(causal)
                TestHeads.expectJacobian(
                    attention.linearised(at: x), at: x, of: { attention.linearised(at: $0).output.storage },
                    using: &generator)
            }
        }
    }

    @Test("post-LayerNorm block: adjoint and finite differences")
    func postLayerNorm() {
        let d = 6
        let n = 4
        let heads = (UInt64(0)..<2).map {
            TestHeads.random(d: d, k: 3, dv: 3, n: n, causal: false, bias: true, seed: $0).head
        }
        let x = TestHeads.random(d: d, k: 2, dv: 2, n: n, causal: false, bias: false, seed: 7).tokens
        var generator = RandomStream.generator(seed: 3, path: ["layer-norm"])
        let block = PostLayerNormBlock(
            attention: MultiHeadAttention(heads: heads, combination: .concatenate),
            outputProjection: .gaussian(rows: d, columns: d, using: &generator),
            outputBias: generator.gaussianVector(d), gain: generator.gaussianVector(d),
            shift: generator.gaussianVector(d), epsilon: 1e-12)
        TestHeads.expectJacobian(
            block.linearised(at: x), at: x, of: { block.linearised(at: $0).output.storage }, using: &generator)
    }
}
