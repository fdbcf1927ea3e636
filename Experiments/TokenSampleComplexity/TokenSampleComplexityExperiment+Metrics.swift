import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// Fit scalars recorded next to every convergence series `{prefix}.err_*`.
    static let fitSuffixes = """
        slope_ols, slope_se, ci95_lo, ci95_hi, intercept, r2 (OLS of ln mean err on ln n); \
        slope_wls, slope_wls_se (reference-code WLS); slope_boot_lo, slope_boot_hi (bootstrap \
        95 % CI); slope_upper_half (OLS on the largest half of n)
        """

    static var metricSpecs: [MetricSpec] {
        [
            MetricSpec("uniform.sigma1_raw", "σ₁ = ‖KᵀQ‖₂ of the drawn weights before normalisation"),
            MetricSpec("uniform.sigma1", "σ₁ = ‖Σ^{1/2}A‖₂ after normalisation (1)"),
            MetricSpec(
                "uniform.R{R}.sup.err_{mean,std,median,se}",
                "sup over the query set of ‖Γ_{μ_n}(x) − V(m + ΣAx)‖: mean, sd, median, SE over reps",
                unit: "vs n"),
            MetricSpec("uniform.R{R}.sup.{fit}", "fits of the sup error: " + fitSuffixes),
            MetricSpec(
                "uniform.R{R}.pred_rmse", "√(c(x*)/n), exact asymptotic RMSE at the worst query (O2)", unit: "vs n"),
            MetricSpec("uniform.R{R}.radius", "ball radius R"),
            MetricSpec("uniform.R{R}.s_max", "largest tilt σ₁·R"),
            MetricSpec("uniform.R{R}.C_hat", "√n_max · mean sup error at n_max"),
            MetricSpec("uniform.R{R}.C_pred", "√c(x*) = exact asymptotic constant at the worst query"),
            MetricSpec("uniform.R{R}.C_ratio", "C_hat / C_pred"),
            MetricSpec(
                "moments.H{H}.{mean,cov}.err_{mean,std,median,se}",
                "‖mean_n − V(I+ΣA)m‖₂ and ‖cov_n − VΣAΣAᵀΣVᵀ‖_F of the self-attention outputs", unit: "vs n"),
            MetricSpec("moments.H{H}.{mean,cov}.{fit}", "fits of the moment errors: " + fitSuffixes),
            MetricSpec(
                "moments.H{H}.{mean,cov}.bias_frac",
                "share of the mean squared error due to bias, ‖E[est] − exact‖²/MSE (extension 7.1)",
                unit: "vs n"),
            MetricSpec("moments.H{H}.H", "requested horizon"),
            MetricSpec("moments.H{H}.H_eff", "‖LᵀAL‖₂ with A the form in the exponent (theory)"),
            MetricSpec("moments.H{H}.H_code", "√d·H_eff: the reference code's horizon (1/√d score scale dropped)"),
            MetricSpec("moments.H{H}.theory_beta", "β(H) = 1/(2(1+H_eff²))"),
            MetricSpec("moments.H{H}.heuristic_upper", "min(½, 1/H_eff²)"),
            MetricSpec("moments.H{H}.beta_mean", "−OLS slope of the mean error"),
            MetricSpec("moments.H{H}.beta_cov", "−OLS slope of the covariance error"),
            MetricSpec("hardmax.annealed.d{d}.err_{mean,se}", "‖Γ^{κ ln n}_{μ_n}(x) − r e₁‖", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.err_times_ln_n", "mean error × ln n", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.deterministic", "r(1 − A_d(λ_n r s₀)), exact bias (O7)", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.err_over_deterministic", "mean error / deterministic part", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.limit", "(d−1)/(2κ s₀)"),
            MetricSpec("hardmax.annealed.d{d}.fit_inverse_log_{slope,r2}", "fit err ≈ b/ln n through the origin"),
            MetricSpec(
                "hardmax.sphere.d{d}.err_{mean,std,median,se}", "hardmax error ‖y_{j*} − û‖ on S^{d−1}", unit: "vs n"),
            MetricSpec("hardmax.sphere.d{d}.{fit}", "fits of the hardmax error: " + fitSuffixes),
            MetricSpec("hardmax.sphere.d{d}.oracle", "exact E‖y_{j*} − û‖ (O5)", unit: "vs n"),
            MetricSpec("hardmax.sphere.d{d}.z", "(MC mean − oracle)/SE", unit: "vs n"),
            MetricSpec("hardmax.sphere.d{d}.max_abs_z", "max |z| over n"),
            MetricSpec("hardmax.sphere.max_abs_z", "max |z| over d and n"),
            MetricSpec("hardmax.gauss.max_{mean,se}", "E[M_n], M_n = max of n standard normals", unit: "vs n"),
            MetricSpec("hardmax.gauss.max_oracle", "exact E[M_n] (O6)", unit: "vs n"),
            MetricSpec("hardmax.gauss.max_z", "(MC mean − oracle)/SE", unit: "vs n"),
            MetricSpec(
                "hardmax.gauss.s{s}.gap_{mean,se}", "s − E τ_n (mean-field target s) and SE of τ_n", unit: "vs n"),
            MetricSpec("hardmax.gauss.s{s}.gap_floor", "s − E M_n (hardmax floor)", unit: "vs n"),
            MetricSpec("hardmax.gauss.s{s}.sqrt_2ln_n", "√(2 ln n)", unit: "vs n"),
            MetricSpec("hardmax.gauss.s{s}.slope_vs_sqrt_2ln_n", "OLS slope of s − E τ_n on √(2 ln n), all n"),
            MetricSpec("hardmax.gauss.tau_above_max_count", "repetitions with τ_n > M_n (must be 0)"),
        ]
    }
}
