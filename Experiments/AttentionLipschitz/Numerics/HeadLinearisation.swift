import Foundation
import WorkbenchNumerics

/// The forward pass of an ``AttentionHead`` at `X` and its analytic derivatives there.
///
/// Cached: the projections `Q = W_q X`, `K = W_k X` (`k × n`) and `V X` (`d_v × n`), and the
/// **transposed** attention matrix `Pᵀ` (`n × n`, column `i` holds query `i`'s weights, so each
/// softmax runs over contiguous memory). `Sᵀ = scale·Kᵀ Q + (Xᵀ c) 1ᵀ`, i.e.
/// `s_ij = ⟨A x_i + c, x_j⟩`; each column is normalised with its maximum over the allowed keys
/// subtracted (log-sum-exp), and masked entries are exactly 0. Working in the `k`-dimensional
/// projections costs `O(n²k + nkd)` per product instead of `O(n²d)`.
///
/// - JVP: `dSᵀ = scale·(dKᵀ Q + Kᵀ dQ) + (dXᵀ c) 1ᵀ` with `dQ = W_q dX`, `dK = W_k dX`;
///   `dPᵀ_{·i} = Pᵀ_{·i} ⊙ (dSᵀ_{·i} − ⟨Pᵀ_{·i}, dSᵀ_{·i}⟩)`; `dF = (V dX) Pᵀ + (V X) dPᵀ`.
/// - VJP: `P̄ᵀ = (V X)ᵀ Ȳ`, `S̄ᵀ_{·i} = Pᵀ_{·i} ⊙ (P̄ᵀ_{·i} − ⟨Pᵀ_{·i}, P̄ᵀ_{·i}⟩)`, then
///   `X̄ = Vᵀ(Ȳ P) + W_qᵀ(scale·K S̄ᵀ) + W_kᵀ(scale·Q S̄) + c·(S̄ᵀ 1)ᵀ`.
public struct HeadLinearisation: Sendable {
    public let head: AttentionHead
    /// `X`, `d × n`.
    public let tokens: Matrix
    /// `Q = W_q X`, `k × n`.
    let queries: Matrix
    /// `K = W_k X`, `k × n`.
    let keys: Matrix
    /// `V X`, `d_v × n`.
    let values: Matrix
    /// `Pᵀ`, `n × n`: entry `(j, i)` is `P_ij`.
    public let weightsTransposed: Matrix
    /// `F = V X Pᵀ`, `d_v × n`.
    public let output: Matrix

    init(head: AttentionHead, tokens: Matrix) {
        self.head = head
        self.tokens = tokens
        queries = Matrix.product(head.query, tokens)
        keys = Matrix.product(head.key, tokens)
        values = Matrix.product(head.value, tokens)
        var weights = Matrix.product(keys, queries, transposeA: .transpose, alpha: head.scale)
        Self.addKeyBias(&weights, tokens: tokens, bias: head.queryBias)
        Self.softmaxColumns(&weights, causal: head.causal)
        weightsTransposed = weights
        output = Matrix.product(values, weights)
    }

    /// `Sᵀ[j, i] += ⟨x_j, c⟩` (the query bias acts on the key side).
    static func addKeyBias(_ scores: inout Matrix, tokens: Matrix, bias: [Double]) {
        guard bias.contains(where: { $0 != 0 }) else { return }
        let shift = tokens.applied(to: bias, .transpose)
        let n = scores.rows
        for i in 0..<scores.columns { for j in 0..<n { scores.storage[j + i * n] += shift[j] } }
    }

    /// `𝒜 = A X + c 1ᵀ` (`d × n`, column `i` is `a_i`), for oracles.
    public var keySides: Matrix { head.keySide(tokens, withBias: true) }

    /// `G = X Pᵀ` (`d × n`, column `i` is `g_i = Σ_j P_ij x_j`), for oracles.
    public var means: Matrix { Matrix.product(tokens, weightsTransposed) }

    /// Token count `n`.
    public var tokenCount: Int { tokens.columns }

    /// Column-wise stable softmax of `Sᵀ` in place; with `causal`, column `i` uses rows `0…i`.
    static func softmaxColumns(_ scores: inout Matrix, causal: Bool) {
        let n = scores.rows
        scores.storage.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<scores.columns {
                let base = i * n
                let allowed = causal ? min(i + 1, n) : n
                var top = -Double.infinity
                for j in 0..<allowed { top = max(top, buffer[base + j]) }
                var total = 0.0
                for j in 0..<allowed {
                    let e = (buffer[base + j] - top).exponential
                    buffer[base + j] = e
                    total += e
                }
                let inverse = 1 / total
                for j in 0..<allowed { buffer[base + j] *= inverse }
                for j in allowed..<n { buffer[base + j] = 0 }
            }
        }
    }

    /// `M_{·i} ← Pᵀ_{·i} ⊙ (M_{·i} − ⟨Pᵀ_{·i}, M_{·i}⟩)` for every column `i` (the softmax Jacobian).
    func softmaxDerivative(_ m: inout Matrix) {
        let n = m.rows
        weightsTransposed.storage.withUnsafeBufferPointer { p in
            m.storage.withUnsafeMutableBufferPointer { buffer in
                for i in 0..<m.columns {
                    let base = i * n
                    var inner = 0.0
                    for j in 0..<n { inner += p[base + j] * buffer[base + j] }
                    for j in 0..<n { buffer[base + j] = p[base + j] * (buffer[base + j] - inner) }
                }
            }
        }
    }

    /// `Df(X)[dX]`, `d_v × n`.
    public func jvp(_ direction: Matrix) -> Matrix {
        let dq = Matrix.product(head.query, direction)
        let dk = Matrix.product(head.key, direction)
        var scores = Matrix.product(dk, queries, transposeA: .transpose, alpha: head.scale)
        scores.addProduct(keys, dq, transposeA: .transpose, alpha: head.scale)
        Self.addKeyBias(&scores, tokens: direction, bias: head.queryBias)
        softmaxDerivative(&scores)
        var result = Matrix.product(Matrix.product(head.value, direction), weightsTransposed)
        result.addProduct(values, scores)
        return result
    }

    /// `Df(X)ᵀ[Ȳ]`, `d × n`.
    public func vjp(_ cotangent: Matrix) -> Matrix {
        var scoreBar = Matrix.product(values, cotangent, transposeA: .transpose)
        softmaxDerivative(&scoreBar)
        let valueBar = Matrix.product(cotangent, weightsTransposed, transposeB: .transpose)
        var result = Matrix.product(head.value, valueBar, transposeA: .transpose)
        let queryBar = Matrix.product(keys, scoreBar, alpha: head.scale)
        let keyBar = Matrix.product(queries, scoreBar, transposeB: .transpose, alpha: head.scale)
        result.addProduct(head.query, queryBar, transposeA: .transpose)
        result.addProduct(head.key, keyBar, transposeA: .transpose)
        if head.queryBias.contains(where: { $0 != 0 }) {
            let n = scoreBar.rows
            let d = result.rows
            for j in 0..<n {
                var total = 0.0
                for i in 0..<scoreBar.columns { total += scoreBar.storage[j + i * n] }
                for a in 0..<d { result.storage[a + j * d] += head.queryBias[a] * total }
            }
        }
        return result
    }
}

extension Double {
    /// `eˣ` (Foundation's `exp`, named for readability in loops).
    var exponential: Double { Foundation.exp(self) }
}
