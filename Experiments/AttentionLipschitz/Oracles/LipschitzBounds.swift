import Foundation
import WorkbenchNumerics

/// Upper bounds on `‖Df(X)‖₂` for one head on `X ∈ B_Rⁿ` (spec C2, O10), with the query bias in
/// the key term: `‖a_i‖ ≤ ‖A‖R + ‖c‖ =: α`. Term by term (§1.2): value path `≤ √n`, key path
/// `≤ √n·α·R` (Cauchy–Schwarz with `Σ_j P_ij ‖x_j − g_i‖² ≤ R²` and column sums of `P` at most
/// `n`), query path `≤ ‖A‖R²`.
public struct LipschitzBounds: Sendable, Equatable {
    /// `√3‖V‖(n + 4n α²R² + ‖A‖²R⁴)^{1/2}` — the paper's form (`α = ‖A‖R`: `‖A‖²R⁴(4n+1) + n`).
    public let paper: Double
    /// `‖V‖(√n(1 + αR) + ‖A‖R²)`.
    public let simple: Double
    /// The authors' code expression `‖V‖√(R_h² r²(n+1) + n)` with `r = max‖x_i − x_j‖`,
    /// `R_h = max_i ‖A x_i‖` — NOT a bound (spec A6); recorded for comparison only.
    public let codeForm: Double

    /// The bounds of one head at `X` (`R = max_i ‖x_i‖`).
    public init(head: AttentionHead, tokens: Matrix, normA: Double, normV: Double) {
        let n = Double(tokens.columns)
        let radius = (0..<tokens.columns).map { BLAS.norm2(tokens.column($0)) }.max() ?? 0
        let alpha = normA * radius + BLAS.norm2(head.queryBias)
        paper =
            3.0.squareRoot() * normV
            * (n + 4 * n * alpha * alpha * radius * radius + pow(normA * radius * radius, 2)).squareRoot()
        simple = normV * (n.squareRoot() * (1 + alpha * radius) + normA * radius * radius)
        let projected = head.keySide(tokens, withBias: false)
        let rh = (0..<tokens.columns).map { BLAS.norm2(projected.column($0)) }.max() ?? 0
        var diameter = 0.0
        for i in 0..<tokens.columns {
            for j in 0..<i {
                let difference = zip(tokens.column(i), tokens.column(j)).map { $0 - $1 }
                diameter = max(diameter, BLAS.norm2(difference))
            }
        }
        codeForm = normV * (rh * rh * diameter * diameter * (n + 1) + n).squareRoot()
    }

    init(paper: Double, simple: Double, codeForm: Double) {
        self.paper = paper
        self.simple = simple
        self.codeForm = codeForm
    }

    /// Heads combined: `√(Σ_h b_h²)` for concatenation, `Σ_h ‖W_O^h‖ b_h` for the projected sum.
    public static func combine(_ bounds: [LipschitzBounds], weights: [Double]? = nil) -> LipschitzBounds {
        if let weights {
            return LipschitzBounds(
                paper: zip(bounds, weights).reduce(0) { $0 + $1.1 * $1.0.paper },
                simple: zip(bounds, weights).reduce(0) { $0 + $1.1 * $1.0.simple },
                codeForm: zip(bounds, weights).reduce(0) { $0 + $1.1 * $1.0.codeForm })
        }
        func root(_ values: [Double]) -> Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        return LipschitzBounds(
            paper: root(bounds.map(\.paper)), simple: root(bounds.map(\.simple)),
            codeForm: bounds.reduce(0) { $0 + $1.codeForm })
    }
}
