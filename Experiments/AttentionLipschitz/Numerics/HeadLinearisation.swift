import Foundation
import WorkbenchNumerics

/// The forward pass of an ``AttentionHead`` at `X` and its analytic derivatives there.
///
/// Cached: `𝒜 = A X + c 1ᵀ` (`d × n`, column `i` is `a_i = A x_i + c`) and the **transposed**
/// attention matrix `Pᵀ` (`n × n`, column `i` holds query `i`'s weights, so each softmax runs
/// over contiguous memory). `Sᵀ = Xᵀ 𝒜`; each column is normalised with its maximum over the
/// allowed keys subtracted (log-sum-exp), and masked entries are exactly 0.
///
/// - JVP: `dSᵀ = dXᵀ 𝒜 + Xᵀ (A dX)`, `dPᵀ_{·i} = Pᵀ_{·i} ⊙ (dSᵀ_{·i} − ⟨Pᵀ_{·i}, dSᵀ_{·i}⟩)`,
///   `dF = V (dX Pᵀ + X dPᵀ)`.
/// - VJP: `Ḡ = Vᵀ Ȳ`, `X̄ = Ḡ P`, `P̄ᵀ = Xᵀ Ḡ`, `S̄ᵀ_{·i} = Pᵀ_{·i} ⊙ (P̄ᵀ_{·i} − ⟨Pᵀ_{·i}, P̄ᵀ_{·i}⟩)`,
///   `X̄ += 𝒜 S̄ + Aᵀ (X S̄ᵀ)`.
public struct HeadLinearisation: Sendable {
    public let head: AttentionHead
    /// `X`, `d × n`.
    public let tokens: Matrix
    /// `𝒜 = A X + c 1ᵀ`, `d × n`.
    public let keySides: Matrix
    /// `Pᵀ`, `n × n`: entry `(j, i)` is `P_ij`.
    public let weightsTransposed: Matrix
    /// `G = X Pᵀ`, `d × n` (column `i` is `g_i = Σ_j P_ij x_j`).
    public let means: Matrix
    /// `F = V G`, `d_v × n`.
    public let output: Matrix

    init(head: AttentionHead, tokens: Matrix) {
        self.head = head
        self.tokens = tokens
        keySides = head.keySide(tokens, withBias: true)
        var weights = Matrix.product(tokens, keySides, transposeA: .transpose)
        Self.softmaxColumns(&weights, causal: head.causal)
        weightsTransposed = weights
        means = Matrix.product(tokens, weights)
        output = Matrix.product(head.value, means)
    }

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
        var scores = Matrix.product(direction, keySides, transposeA: .transpose)
        scores.addProduct(tokens, head.keySide(direction, withBias: false), transposeA: .transpose)
        softmaxDerivative(&scores)
        var meanChange = Matrix.product(direction, weightsTransposed)
        meanChange.addProduct(tokens, scores)
        return Matrix.product(head.value, meanChange)
    }

    /// `Df(X)ᵀ[Ȳ]`, `d × n`.
    public func vjp(_ cotangent: Matrix) -> Matrix {
        let meanBar = Matrix.product(head.value, cotangent, transposeA: .transpose)
        var result = Matrix.product(meanBar, weightsTransposed, transposeB: .transpose)
        var scoreBar = Matrix.product(tokens, meanBar, transposeA: .transpose)
        softmaxDerivative(&scoreBar)
        result.addProduct(keySides, scoreBar, transposeB: .transpose)
        let keySideBar = Matrix.product(tokens, scoreBar)
        let adjoint = head.keySideAdjoint(keySideBar)
        for index in result.storage.indices { result.storage[index] += adjoint.storage[index] }
        return result
    }
}

extension Double {
    /// `eˣ` (Foundation's `exp`, named for readability in loops).
    var exponential: Double { Foundation.exp(self) }
}
