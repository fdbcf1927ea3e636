import WorkbenchCore

extension DiffusionDiscretizationExperiment {
    /// The recorded metric families; `{cfg}` is `{process}.{spectrum}.{grid}.eta{η}`.
    static let metricSpecs: [MetricSpec] = [
        MetricSpec("w2.{cfg}", "exact W2(q_K, p_ε) of Euler–Maruyama", unit: "data units, vs K"),
        MetricSpec("fd.{cfg}", "exact Fréchet distance W2²", unit: "data units², vs K"),
        MetricSpec("weak.{cfg}", "exact weak error E‖Y_K‖² − E‖X_ε‖²", unit: "data units², vs K"),
        MetricSpec("w2pred.{cfg}", "first-order prediction 𝓔/K", unit: "data units, vs K"),
        MetricSpec("weakpred.{cfg}", "first-order prediction 𝒲/K of the weak error", unit: "data units², vs K"),
        MetricSpec("ratio.{cfg}", "K·W2/𝓔 (→ 1)", unit: "1, vs K"),
        MetricSpec("E.{cfg}", "first-order constant 𝓔 = (Σ_i D_i² + C_i²/(4v_i(ε)))^{1/2}", unit: "data units"),
        MetricSpec("weakconst.{cfg}", "first-order weak constant 𝒲 = Σ_i C_i + 2a_εν_iD_i", unit: "data units²"),
        MetricSpec("slope.{cfg}", "log-log slope of W2 on the last four K"),
        MetricSpec("ratioKmax.{cfg}", "K·W2/𝓔 at the largest K"),
        MetricSpec("maxAbsC.{cfg}", "max_i |C_i|", unit: "data units²"),
        MetricSpec("quadrel.{cfg}", "max_i |K(P_K,i − v_i(ε)) − C_i| / max|C| at the largest K"),
        MetricSpec("quadrelRichardson.{cfg}", "the same with the Richardson value of the two largest K"),
        MetricSpec("kernel.C.{process}.{grid}.eta{η}", "C(λ) on logspace(−4, 1, 26)", unit: "vs λ"),
        MetricSpec("kernel.kappa.{process}.{grid}.eta{η}", "κ(λ) = C(λ)²/(4v_λ(ε))", unit: "vs λ"),
        MetricSpec("oracle.{process}.odeUnitEigenvalueDeviation", "VP Euler-ODE, λ = 1: max |P_K − 1|"),
        MetricSpec("oracle.{process}.odeDiracRelativeDeviation", "VE Euler-ODE, λ = 0: max |P_K − ε²|/ε²"),
        MetricSpec("oracle.{process}.buresVsCommutingRelativeError", "rotated example: |W2_Bures − W2_commuting|/W2"),
        MetricSpec("etasweep.E.{process}.pow{α}.{grid}", "𝓔 over the η sweep", unit: "vs η"),
        MetricSpec("etasweep.w2.K{K}.{process}.pow{α}.{grid}", "exact W2 over the η sweep", unit: "vs η"),
        MetricSpec("etastar.{fo|K{K}}.{process}.pow{α}.{grid}", "argmin η of 𝓔 (fo) or of exact W2 at K"),
        MetricSpec("psweep.E.{process}.pow{α}.eta{η}", "𝓔 over the power:p sweep", unit: "vs p"),
        MetricSpec("psweep.w2.K{K}.{process}.pow{α}.eta{η}", "exact W2 over the power:p sweep", unit: "vs p"),
        MetricSpec("pstar.{fo|K{K}}.{process}.pow{α}.eta{η}", "argmin p of 𝓔 (fo) or of exact W2 at K"),
        MetricSpec(
            "mc.{process}.d{d}.eta{η}.K{K}.zmax_cov", "max |z| of the empirical covariance entries vs the recursion"),
        MetricSpec("mc.{process}.d{d}.eta{η}.K{K}.zmax_mean", "max |z| of the empirical mean vs the recursion"),
        MetricSpec(
            "mc.{process}.d{d}.eta{η}.K{K}.fd_mc", "Fréchet distance of the fitted Gaussian to p_ε", unit: "data units²"
        ),
        MetricSpec(
            "mc.{process}.d{d}.eta{η}.K{K}.fd_exact", "exact Fréchet distance of q_K to p_ε", unit: "data units²"),
        MetricSpec("mc.{process}.d{d}.eta{η}.K{K}.floor", "expected finite-sample Fréchet floor", unit: "data units²"),
        MetricSpec(
            "mc.{process}.d{d}.eta{η}.K{K}.fd_mc_minus_floor", "fd_mc − floor (≈ fd_exact)", unit: "data units²"),
        MetricSpec(
            "mc.{process}.d{d}.eta{η}.K{K}.bias", "delta-method finite-sample bias of fd_mc", unit: "data units²"),
        MetricSpec("mc.{process}.d{d}.eta{η}.K{K}.fd_mc_minus_bias", "fd_mc − bias (≈ fd_exact)", unit: "data units²"),
        MetricSpec(
            "ext.w2.{euler|heun|ddim}.{process}", "exact W2 of Euler-ODE, Heun and DDIM on two-scale data", unit: "vs K"
        ),
    ]
}
