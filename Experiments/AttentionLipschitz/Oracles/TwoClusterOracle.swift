import Foundation
import WorkbenchNumerics

/// O8 and O9: attention with `A = λ e₁e₁ᵀ`, `V = I` on two clusters of collinear tokens
/// (spec §3, an exact reduction of the `nd × nd` Jacobian to 2 × 2 matrices).
///
/// Cluster `a ∈ {1, 2}` holds `k_a` tokens at `y_a e₁`. The weight a query of cluster `a` puts
/// on ONE token of cluster `b` is `π_ab = e^{λ y_a y_b}/Σ_c k_c e^{λ y_a y_c}` (computed in log
/// space with `log k_c` added); `g_a = Σ_b k_b π_ab y_b`, `Var_a = Σ_b k_b π_ab (y_b − g_a)²`,
/// `E_ab = π_ab (1 + (y_b − g_a) λ y_a)`. The Jacobian splits into the part orthogonal to `e₁`
/// (`P ⊗ Π_⊥`), the cluster-mean part along `e₁` and within-cluster differences along `e₁`, so
///
///     σ = max( σ₁(√k_a E_ab √k_b + δ_ab λ Var_a), σ₁(√k_a π_ab √k_b), λ Var_a for k_a ≥ 2 ).
///
/// With masses `w_a` instead of counts (and the within-atom term always present) the same
/// formula is the mean-field constant of the two-atom measure, O9.
public enum TwoClusterOracle {
    /// O8 for `k_1 = k` tokens at `y₁` and `k_2 = n − k` at `y₂` (`1 ≤ k < n`).
    public static func sigma(lambda: Double, y1: Double, y2: Double, k: Int, n: Int) throws -> Double {
        try value(
            lambda: lambda, positions: [y1, y2], sizes: [Double(k), Double(n - k)], withinCluster: [k >= 2, n - k >= 2])
    }

    /// O9: the two-atom mean-field constant for masses `(m, 1 − m)`, `0 < m < 1`.
    public static func meanField(lambda: Double, y1: Double, y2: Double, mass: Double) throws -> Double {
        try value(lambda: lambda, positions: [y1, y2], sizes: [mass, 1 - mass], withinCluster: [true, true])
    }

    static func value(lambda: Double, positions y: [Double], sizes k: [Double], withinCluster: [Bool]) throws
        -> Double
    {
        var pi = [[Double]](repeating: [0, 0], count: 2)
        var mean = [0.0, 0.0]
        var variance = [0.0, 0.0]
        for a in 0..<2 {
            let logits = (0..<2).map { lambda * y[a] * y[$0] }
            let top = max(logits[0] + log(k[0]), logits[1] + log(k[1]))
            let total = (0..<2).reduce(0.0) { $0 + exp(logits[$1] + log(k[$1]) - top) }
            for b in 0..<2 { pi[a][b] = exp(logits[b] - top) / total }
            mean[a] = (0..<2).reduce(0.0) { $0 + k[$1] * pi[a][$1] * y[$1] }
            variance[a] = (0..<2).reduce(0.0) { $0 + k[$1] * pi[a][$1] * (y[$1] - mean[a]) * (y[$1] - mean[a]) }
        }
        var along = Matrix(rows: 2, columns: 2)
        var across = Matrix(rows: 2, columns: 2)
        for a in 0..<2 {
            for b in 0..<2 {
                let weight = k[a].squareRoot() * k[b].squareRoot()
                let e = pi[a][b] * (1 + (y[b] - mean[a]) * lambda * y[a])
                along[a, b] = weight * e + (a == b ? lambda * variance[a] : 0)
                across[a, b] = weight * pi[a][b]
            }
        }
        var result = max(try along.spectralNorm(), try across.spectralNorm())
        for a in 0..<2 where withinCluster[a] { result = max(result, lambda * variance[a]) }
        return result
    }

    /// The O8 tokens (`d = 2`, `k` at `y₁e₁`, then `n − k` at `y₂e₁`) and head, for checks
    /// against the full Jacobian.
    public static func configuration(lambda: Double, y1: Double, y2: Double, k: Int, n: Int) -> (
        head: AttentionHead, tokens: Matrix
    ) {
        var form = Matrix(rows: 2, columns: 2)
        form[0, 0] = lambda
        let tokens = Matrix(rows: 2, columns: n) { r, i in r == 0 ? (i < k ? y1 : y2) : 0 }
        return (AttentionHead(bilinear: form, value: .identity(2)), tokens)
    }
}
