/// The closed-form numbers of independent conservation laws (spec §3).
public enum ClosedFormCounts {
    /// `L(a, r, b)`, the 2-layer linear count for `U ∈ ℝ^{a×r}`, `V ∈ ℝ^{b×r}`, `c = a + b`:
    /// `r(r+1)/2` when `r ≤ c` (the entries of `UᵀU − VᵀV`), else `cr − c(c−1)/2`
    /// (`D − dim so(a, b)`: the orbit of `SO(a, b)` acting on the left has dimension `c(c−1)/2`).
    public static func twoLayerLinear(_ a: Int, _ r: Int, _ b: Int) -> Int {
        let c = a + b
        return r <= c ? r * (r + 1) / 2 : c * r - c * (c - 1) / 2
    }

    /// The generic trace dimension of `W_φ` for a 2-layer linear net: `s(c − s)`, `s = min(a, r, b)`
    /// (the rank of the differential of `(U, V) ↦ UVᵀ` at a generic point).
    public static func twoLayerLinearGeneratorRank(_ a: Int, _ r: Int, _ b: Int) -> Int {
        let s = min(a, r, b)
        return s * (a + b - s)
    }

    /// Whether `architecture` is a documented exception to the per-layer formula and to the
    /// balancedness laws: a deep (`q ≥ 3`) linear net with scalar input and scalar output and a
    /// hidden width ≥ 2. There `d = 1` forces `N = D − 1`, more than the known laws' rank.
    public static func isScalarDeepLinearException(_ architecture: ArchitectureSpec) -> Bool {
        guard case .linear(let widths) = architecture, widths.count >= 4 else { return false }
        return widths[0] == 1 && widths[widths.count - 1] == 1 && widths.dropFirst().dropLast().contains { $0 >= 2 }
    }

    /// The closed-form (or, for deep nets, measured-in-the-paper) number of laws:
    /// * linear, `n_0·n_q = 1`: `D − 1` (one generator field);
    /// * linear otherwise: `Σ_{l=1}^{q−1} L(n_{l−1}, n_l, n_{l+1})` (exact for 2 layers, the
    ///   paper's lists for deeper nets);
    /// * ReLU: `Σ` hidden widths (one law per hidden neuron);
    /// * `prod:D`, `rand1:D:k`: `D − 1` (one field, `dim Lie = 1`).
    public static func lawCount(_ architecture: ArchitectureSpec) -> Int {
        switch architecture {
        case .linear(let widths):
            if widths[0] * widths[widths.count - 1] == 1 { return architecture.parameterCount - 1 }
            return (1..<(widths.count - 1)).reduce(0) {
                $0 + twoLayerLinear(widths[$1 - 1], widths[$1], widths[$1 + 1])
            }
        case .relu(let widths, _): return ArchitectureSpec.hiddenWidthSum(widths)
        case .product(let dimension), .randomPolynomial(let dimension, _): return dimension - 1
        }
    }
}
