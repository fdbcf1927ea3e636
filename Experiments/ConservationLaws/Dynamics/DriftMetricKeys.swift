import WorkbenchCore

/// The keys of the `gd` part: series over `η` per model, `gd.<model>.<name>` (coordinate
/// `model` = linear | relu), and over the RK4 step `h`, `rk4.<name>`.
enum DriftMetricKeys {
    static let perStepSize: [(name: String, meaning: String)] = [
        ("steps", "GD steps K = T/η"),
        ("law_drift_abs", "max over the trajectory of max_law |h(θ_t) − h(θ_0)|"),
        ("law_drift_rel", "law_drift_abs ÷ max_law |h(θ_0)|"),
        (
            "nonlaw_drift_abs",
            "max over the trajectory of the non-law's deviation (‖U‖_F² linear; off-diagonal UᵀU − VᵀV − bbᵀ ReLU)"
        ),
        ("identity_err_abs", "max per-step |Δh − η²(G_UᵀG_U − G_VᵀG_V − g_b g_bᵀ)| over the laws"),
        ("identity_err_scaled", "identity_err_abs ÷ (1 + max |h|)"),
        ("bound_ratio", "law_drift_abs ÷ η²Σ_k‖G_k‖² (≤ 1 by the exact identity)"),
        ("final_loss", "E(θ_K) = (1/2N)Σ‖g(x_i) − y_i‖²"),
    ]

    static func descent(_ model: String, _ name: String) -> MetricKey {
        MetricKey("gd", .text("model", model), .name(name))
    }

    /// `gd.<model>.eta<η>.<name>`, a series over the time `t = kη` (checkpoints of the trajectory).
    static func trajectory(_ model: String, eta: Double, _ name: String) -> MetricKey {
        MetricKey("gd", .text("model", model), .number("eta", eta), .name(name))
    }

    static func rk4(_ name: String) -> MetricKey { MetricKey("rk4", .name(name)) }

    static var specs: [MetricSpec] {
        perStepSize.map { MetricSpec("gd.{model}.\($0.name)", $0.meaning, unit: "vs η") } + [
            MetricSpec(
                "gd.{model}.eta{eta}.law_drift_t",
                "max over steps k ≤ t/η of max_law |h(θ_k) − h(θ_0)|, at t = T·(0.05, 0.1, 0.25, 0.5, 1)", unit: "vs t"),
            MetricSpec(
                "gd.{model}.eta{eta}.nonlaw_drift_t", "max over steps k ≤ t/η of the non-law's deviation",
                unit: "vs t"),
            MetricSpec("rk4.law_drift_abs", "RK4 on the linear flow: max |H_t − H_0|", unit: "vs h"),
            MetricSpec("rk4.final_loss", "RK4 on the linear flow: E(θ(T))", unit: "vs h"),
        ]
    }
}
