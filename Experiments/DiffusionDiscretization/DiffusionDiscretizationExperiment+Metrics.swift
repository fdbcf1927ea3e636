import WorkbenchCore

extension DiffusionDiscretizationExperiment {
    /// The recorded metric families; each `{placeholder}` is a coordinate of the key (numeric
    /// ones follow their name: `eta{eta}` is `eta0.5`, `K{K}` is `K200`, `d{d}` is `d8`).
    static let metricSpecs: [MetricSpec] =
        convergenceMetrics + kernelMetrics + oracleMetrics + sweepMetrics
        + monteCarloMetrics + extensionMetrics

    private static let convergenceMetrics: [MetricSpec] = [
        MetricSpec(
            "w2.{process}.{spectrum}.{grid}.eta{eta}", "exact W2(q_K, p_ε) of Euler–Maruyama", unit: "data units, vs K"),
        MetricSpec("fd.{process}.{spectrum}.{grid}.eta{eta}", "exact Fréchet distance W2²", unit: "data units², vs K"),
        MetricSpec(
            "weak.{process}.{spectrum}.{grid}.eta{eta}", "exact weak error E‖Y_K‖² − E‖X_ε‖²",
            unit: "data units², vs K"),
        MetricSpec(
            "w2pred.{process}.{spectrum}.{grid}.eta{eta}", "first-order prediction 𝓔/K", unit: "data units, vs K"),
        MetricSpec(
            "weakpred.{process}.{spectrum}.{grid}.eta{eta}", "first-order prediction 𝒲/K of the weak error",
            unit: "data units², vs K"),
        MetricSpec("ratio.{process}.{spectrum}.{grid}.eta{eta}", "K·W2/𝓔 (→ 1)", unit: "1, vs K"),
        MetricSpec(
            "E.{process}.{spectrum}.{grid}.eta{eta}", "first-order constant 𝓔 = (Σ_i D_i² + C_i²/(4v_i(ε)))^{1/2}",
            unit: "data units"),
        MetricSpec(
            "weakconst.{process}.{spectrum}.{grid}.eta{eta}", "first-order weak constant 𝒲 = Σ_i C_i + 2a_εν_iD_i",
            unit: "data units²"),
        MetricSpec("slope.{process}.{spectrum}.{grid}.eta{eta}", "log-log slope of W2 on the last four K"),
        MetricSpec("ratioKmax.{process}.{spectrum}.{grid}.eta{eta}", "K·W2/𝓔 at the largest K"),
        MetricSpec("maxAbsC.{process}.{spectrum}.{grid}.eta{eta}", "max_i |C_i|", unit: "data units²"),
        MetricSpec(
            "quadrel.{process}.{spectrum}.{grid}.eta{eta}", "max_i |K(P_K,i − v_i(ε)) − C_i| / max|C| at the largest K"
        ),
        MetricSpec(
            "quadrelRichardson.{process}.{spectrum}.{grid}.eta{eta}",
            "the same with the Richardson value of the two largest K"),
        MetricSpec(
            "input.{spectrum}.eigenvalue", "eigenvalues of a spectrum read from a file (before scaling)",
            unit: "data units², vs k", recordedOnlyWhen: "spectra lists a file: or cov: spectrum"),
    ]

    private static let kernelMetrics: [MetricSpec] = [
        MetricSpec("kernel.C.{process}.{grid}.eta{eta}", "C(λ) on logspace(−4, 1, 26)", unit: "vs λ"),
        MetricSpec("kernel.kappa.{process}.{grid}.eta{eta}", "κ(λ) = C(λ)²/(4v_λ(ε))", unit: "vs λ"),
    ]

    private static let oracleMetrics: [MetricSpec] = [
        MetricSpec("oracle.{process}.odeUnitEigenvalueDeviation", "VP Euler-ODE, λ = 1: max |P_K − 1|"),
        MetricSpec("oracle.{process}.odeDiracRelativeDeviation", "VE Euler-ODE, λ = 0: max |P_K − ε²|/ε²"),
        MetricSpec("oracle.{process}.buresVsCommutingRelativeError", "rotated example: |W2_Bures − W2_commuting|/W2"),
    ]

    private static let sweepMetrics: [MetricSpec] = [
        MetricSpec("etasweep.E.{process}.{spectrum}.{grid}", "𝓔 over the η sweep (spectrum pow{α})", unit: "vs η"),
        MetricSpec("etasweep.w2.K{K}.{process}.{spectrum}.{grid}", "exact W2 over the η sweep", unit: "vs η"),
        MetricSpec("etastar.fo.{process}.{spectrum}.{grid}", "argmin η of 𝓔"),
        MetricSpec("etastar.K{K}.{process}.{spectrum}.{grid}", "argmin η of the exact W2 at K"),
        MetricSpec(
            "psweep.E.{process}.{spectrum}.eta{eta}", "𝓔 over the power:p sweep (spectrum pow{α})", unit: "vs p"),
        MetricSpec("psweep.w2.K{K}.{process}.{spectrum}.eta{eta}", "exact W2 over the power:p sweep", unit: "vs p"),
        MetricSpec("pstar.fo.{process}.{spectrum}.eta{eta}", "argmin p of 𝓔"),
        MetricSpec("pstar.K{K}.{process}.{spectrum}.eta{eta}", "argmin p of the exact W2 at K"),
    ]

    private static let monteCarloMetrics: [MetricSpec] = [
        MetricSpec(
            "mc.{process}.d{d}.eta{eta}.K{K}.zmax_cov", "max |z| of the empirical covariance entries vs the recursion"),
        MetricSpec("mc.{process}.d{d}.eta{eta}.K{K}.zmax_mean", "max |z| of the empirical mean vs the recursion"),
        MetricSpec(
            "mc.{process}.d{d}.eta{eta}.K{K}.fd_mc", "Fréchet distance of the fitted Gaussian to p_ε",
            unit: "data units²"),
        MetricSpec(
            "mc.{process}.d{d}.eta{eta}.K{K}.fd_exact", "exact Fréchet distance of q_K to p_ε", unit: "data units²"),
        MetricSpec(
            "mc.{process}.d{d}.eta{eta}.K{K}.floor", "expected finite-sample Fréchet floor", unit: "data units²"),
        MetricSpec(
            "mc.{process}.d{d}.eta{eta}.K{K}.fd_mc_minus_floor", "fd_mc − floor (≈ fd_exact)", unit: "data units²"),
        MetricSpec(
            "mc.{process}.d{d}.eta{eta}.K{K}.bias", "delta-method finite-sample bias of fd_mc", unit: "data units²"),
        MetricSpec(
            "mc.{process}.d{d}.eta{eta}.K{K}.fd_mc_minus_bias", "fd_mc − bias (≈ fd_exact)", unit: "data units²"),
    ]

    private static let extensionMetrics: [MetricSpec] = [
        MetricSpec(
            "ext.w2.{sampler}.{process}", "exact W2 of Euler-ODE (euler), Heun and DDIM on two-scale data",
            unit: "vs K")
    ]
}
