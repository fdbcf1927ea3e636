import WorkbenchCore

extension AttentionLipschitzExperiment {
    /// The recorded metric families; each `{placeholder}` is a coordinate of the key.
    static let metricSpecs: [MetricSpec] =
        oracleMetrics + adversarialMetrics + meanFieldMetrics + radiusMetrics
        + ascentMetrics + randomInitMetrics + pretrainedMetrics

    private static let oracleMetrics: [MetricSpec] = [
        MetricSpec("oracle.o0.fd", "max relative error of the JVP against central differences (ε = 1e−6)"),
        MetricSpec("oracle.o0.adjoint", "max |⟨Ju, y⟩ − ⟨u, Jᵀy⟩|/|⟨Ju, y⟩|"),
        MetricSpec("oracle.o0.full", "max relative error of the block-formula Jacobian against the JVP's columns"),
        MetricSpec("oracle.o1", "O1 (A = 0): max |σ − ‖V‖|/‖V‖"),
        MetricSpec("oracle.o2", "O2 (identical tokens): max |σ − ‖V‖|/‖V‖"),
        MetricSpec("oracle.o3", "O3 (masked, uniform): max |σ − ‖C_n‖‖V‖|/(‖C_n‖‖V‖)"),
        MetricSpec("oracle.o4", "O4: max |σ − max(1, aR²)|/max(1, aR²) over R = 1…16"),
        MetricSpec("oracle.o7_abs", "O7 worked examples: max absolute deviation from the spec's values"),
        MetricSpec("oracle.lanczos", "max |σ_Lanczos − σ_dgesdd|/σ_dgesdd on nd ≤ 512"),
        MetricSpec("oracle.power_ratio", "min over cases of the paper's power-iteration estimate / σ_max"),
        MetricSpec(
            "oracle.power_iterations", "max power iterations (tolerance 1e−4 on σ², cap 100)", unit: "iterations"),
        MetricSpec("oracle.o6.sigma", "O6: σ(RX) for d = 16, n = 12", unit: "1, vs R"),
        MetricSpec("oracle.o6.limit", "O6: ‖V‖√(max in-degree of argmax)"),
        MetricSpec("oracle.o6.rel", "O6: |σ(256 X) − limit|/limit"),
        MetricSpec("oracle.o6.draw", "O6: index of the accepted draw", unit: "index"),
        MetricSpec("oracle.o6.gap_R2", "O6: smallest top-two score gap times 256²"),
    ]

    private static let adversarialMetrics: [MetricSpec] = [
        MetricSpec(
            "adv.draw", "index of the accepted synthetic head draw (real eigenvalue, γ ≥ 15 at R = 6)", unit: "index"),
        MetricSpec("adv.gamma", "score gap γ of the construction at R = 6"),
        MetricSpec("adv.branch", "branch of the 8× rule (1: λ_max, x₁ = Ru; 2: λ_min, x₁ = −Ru)", unit: "1 or 2"),
        MetricSpec("adv.normV", "‖V‖₂ of the constructed head"),
        MetricSpec(
            "adv.{mode}.{mask}.R{R}.sigma", "σ_max of one head (single) or the H-head sum (multi)", unit: "1, vs n"),
        MetricSpec("adv.{mode}.{mask}.R{R}.ratio", "σ/(‖V‖√m) of the single head", unit: "1, vs n"),
        MetricSpec(
            "adv.power.ratio", "paper power iteration / Lanczos, single head unmasked, first radius", unit: "1, vs n"),
        MetricSpec("adv.power.iterations", "paper power iterations (cap 100)", unit: "iterations, vs n"),
        MetricSpec("{part}.max_bound_ratio.{form}", "worst σ/bound of a part (form: paper or simple)"),
    ]

    private static let meanFieldMetrics: [MetricSpec] = [
        MetricSpec("mf.R{R}.plateau", "L*(n; R): sup over (k, c) of the exact two-cluster σ (O8)", unit: "1, vs n"),
        MetricSpec("mf.R{R}.k", "maximising cluster size k", unit: "tokens, vs n"),
        MetricSpec("mf.R{R}.c", "maximising ratio c = y₂/y₁", unit: "1, vs n"),
        MetricSpec("mf.R{R}.meanfield", "sup over (m, c) of the two-atom mean-field constant (O9)"),
        MetricSpec("mf.R{R}.onset", "smallest n with L* ≥ 0.95·L*(n_max)", unit: "tokens"),
        MetricSpec("mf.R{R}.exp_gap", "e^{R²/4}, the crossover n ≈ e^γ", unit: "tokens"),
    ]

    private static let radiusMetrics: [MetricSpec] = [
        MetricSpec("rad.o4.sigma", "Lanczos σ on the O4 configuration (a = 1)", unit: "1, vs R"),
        MetricSpec("rad.o4.exact", "max(1, R²)", unit: "1, vs R"),
        MetricSpec("rad.ascent.n{n}.sigma", "best σ found by gradient ascent on B_Rⁿ", unit: "1, vs R"),
        MetricSpec("rad.ascent.n{n}.bound", "C2 simple bound on B_Rⁿ", unit: "1, vs R"),
        MetricSpec("rad.ln.radius_bound", "R_LN = √d‖γ‖_∞ + ‖β‖"),
        MetricSpec("rad.ln.max_norm_ratio", "max‖LN(x)‖/R_LN over all scaled inputs"),
        MetricSpec("rad.ln.sigma_raw", "σ at s·X₀ (no normalisation)", unit: "1, vs s"),
        MetricSpec("rad.ln.sigma_normalised", "σ at LN(s·X₀)", unit: "1, vs s"),
        MetricSpec("rad.ln.bound_at_radius", "C2 simple bound at R_LN", unit: "1, vs s"),
    ]

    private static let ascentMetrics: [MetricSpec] = [
        MetricSpec("asc.best", "best σ found by projected gradient ascent", unit: "1, vs n"),
        MetricSpec("asc.construction", "σ at the C3 construction (restart 0's start)", unit: "1, vs n"),
        MetricSpec("asc.bound_paper", "C2 paper-form bound at the best X", unit: "1, vs n"),
        MetricSpec("asc.bound_simple", "C2 simple bound at the best X", unit: "1, vs n"),
    ]

    private static let randomInitMetrics: [MetricSpec] = [
        MetricSpec("ri.{mask}.sigma", "mean σ over riSequences LayerNorm'd Gaussian inputs", unit: "1, vs n"),
        MetricSpec("ri.{mask}.iterations", "max Lanczos steps", unit: "steps, vs n"),
    ]
}
