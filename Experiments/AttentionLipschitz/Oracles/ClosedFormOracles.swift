import Foundation
import WorkbenchNumerics

/// Exact values of `‖Df(X)‖₂` in special cases (spec §3).
public enum ClosedFormOracles {
    /// O3: the Cesàro matrix `C_n` (`C_ij = 1/i` for `j ≤ i`, 1-based), the Jacobian factor of
    /// masked attention with uniform weights: `Df = C_n ⊗ V`. `‖C_n‖` rises to 2 (Hardy).
    public static func cesaro(_ n: Int) -> Matrix {
        Matrix(rows: n, columns: n) { i, j in j <= i ? 1 / Double(i + 1) : 0 }
    }

    /// O4: `n = 2`, `d = 2`, `A = a·e₂e₁ᵀ`, `V = I`, `X = (R e₁, −R e₁)` gives
    /// `Df = ½[[I+B, I−B], [I−B, I+B]]` with `B = aR² e₁e₂ᵀ`, so `‖Df‖ = max(1, aR²)`: the
    /// constant grows without bound in `R` (attention is not globally Lipschitz).
    public static func nonLipschitzValue(a: Double, radius: Double) -> Double { max(1, a * radius * radius) }

    /// The O4 head and input.
    public static func nonLipschitzConfiguration(a: Double, radius: Double) -> (head: AttentionHead, tokens: Matrix) {
        var form = Matrix(rows: 2, columns: 2)
        form[1, 0] = a
        let tokens = Matrix(rowMajor: [[radius, -radius], [0, 0]])
        return (AttentionHead(bilinear: form, value: .identity(2)), tokens)
    }

    /// O6: the hardmax limit `‖V‖·√(max_j #{i : j = argmax_l s_il})` of `σ(RX)` as `R → ∞`, and
    /// the smallest top-two score gap `min_i (s_(1) − s_(2))` at `R = 1` (the limit holds once
    /// `R²·gap ≫ 1`). Scores are those of `head` at `X` (`c = 0`).
    public static func hardmaxLimit(head: AttentionHead, tokens: Matrix) throws -> (limit: Double, gap: Double) {
        let state = head.linearised(at: tokens)
        let n = tokens.columns
        let scores = Matrix.product(tokens, state.keySides, transposeA: .transpose)
        var inDegree = [Int](repeating: 0, count: n)
        var gap = Double.infinity
        for i in 0..<n {
            let allowed = head.causal ? i + 1 : n
            var order = (0..<allowed).map { ($0, scores[$0, i]) }
            order.sort { $0.1 > $1.1 }
            inDegree[order[0].0] += 1
            if order.count > 1 { gap = min(gap, order[0].1 - order[1].1) }
        }
        let norm = try head.value.spectralNorm()
        return (norm * Double(inDegree.max() ?? 0).squareRoot(), gap)
    }
}
