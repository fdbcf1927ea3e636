import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// The summaries recorded at every `n` of a convergence series, with their meaning.
    static let errorStatistics = [
        ("err_mean", "mean"), ("err_std", "standard deviation"), ("err_median", "median"),
        ("err_se", "standard error"),
    ]

    /// What each fit scalar recorded next to a convergence series is.
    static let fitMeanings = [
        "slope_ols": "OLS slope of ln mean err on ln n", "slope_se": "standard error of the OLS slope",
        "ci95_lo": "lower end of the OLS slope's 95 % interval",
        "ci95_hi": "upper end of the OLS slope's 95 % interval",
        "intercept": "OLS intercept", "r2": "OLS r²", "slope_wls": "reference-code WLS slope",
        "slope_wls_se": "standard error of the WLS slope",
        "slope_boot_lo": "bootstrap 95 % interval of the slope, lower",
        "slope_boot_hi": "bootstrap 95 % interval of the slope, upper",
        "slope_upper_half": "OLS slope on the largest half of n",
    ]

    /// The families of a convergence series: the repetitions' errors `{family}.n{n}.err`, their
    /// summaries `{family}.err_*` (series in `n`) and the fits.
    static func convergenceSpecs(_ family: String, _ what: String) -> [MetricSpec] {
        [repetitionSpec(family, what)]
            + errorStatistics.map { name, statistic in
                MetricSpec("\(family).\(name)", "\(what): \(statistic) over repetitions", unit: "vs n")
            }
            + ConvergenceSeries.fitNames.map { name in
                MetricSpec("\(family).\(name)", "\(what): \(fitMeanings[name] ?? name)")
            }
    }

    /// `{family}.n{n}.err`: the error of each repetition at `n`.
    static func repetitionSpec(_ family: String, _ what: String) -> MetricSpec {
        MetricSpec("\(family).n{n}.err", "\(what): the error of each repetition at n", unit: "vs repetition")
    }

    /// Every recorded metric family; the placeholders are the keys' coordinates (`R`, `H`,
    /// `moment`, `d`, `s`, `n`), built by ``MetricKeys``.
    static var metricSpecs: [MetricSpec] {
        uniformMetricSpecs + momentMetricSpecs + hardmaxMetricSpecs
    }

    static var uniformMetricSpecs: [MetricSpec] {
        [
            MetricSpec("uniform.sigma1_raw", "σ₁ = ‖KᵀQ‖₂ of the drawn weights before normalisation"),
            MetricSpec("uniform.sigma1", "σ₁ = ‖Σ^{1/2}A‖₂ after normalisation (1)"),
        ]
            + convergenceSpecs("uniform.R{R}.sup", "sup over the query set of ‖Γ_{μ_n}(x) − V(m + ΣAx)‖")
            + [
                MetricSpec(
                    "uniform.R{R}.pred_rmse", "√(c(x*)/n), exact asymptotic RMSE at the worst query (O2)",
                    unit: "vs n"),
                MetricSpec("uniform.R{R}.radius", "ball radius R"),
                MetricSpec("uniform.R{R}.s_max", "largest tilt σ₁·R"),
                MetricSpec("uniform.R{R}.C_hat", "√n_max · mean sup error at n_max"),
                MetricSpec("uniform.R{R}.C_pred", "√c(x*) = exact asymptotic constant at the worst query"),
                MetricSpec("uniform.R{R}.C_ratio", "C_hat / C_pred"),
            ]
    }

    static var momentMetricSpecs: [MetricSpec] {
        convergenceSpecs(
            "moments.H{H}.{moment}",
            "‖mean_n − V(I+ΣA)m‖₂ (moment = mean) or ‖cov_n − VΣAΣAᵀΣVᵀ‖_F (moment = cov) of the self-attention outputs"
        ) + [
            MetricSpec(
                "moments.H{H}.{moment}.bias_frac",
                "share of the mean squared error due to bias, ‖E[est] − exact‖²/MSE (extension 7.1)", unit: "vs n"),
            MetricSpec("moments.H{H}.H", "requested horizon"),
            MetricSpec("moments.H{H}.H_eff", "‖LᵀAL‖₂ with A the form in the exponent (theory)"),
            MetricSpec("moments.H{H}.H_code", "√d·H_eff: the reference code's horizon (1/√d score scale dropped)"),
            MetricSpec("moments.H{H}.theory_beta", "β(H) = 1/(2(1+H_eff²))"),
            MetricSpec("moments.H{H}.heuristic_upper", "min(½, 1/H_eff²)"),
            MetricSpec("moments.H{H}.beta_mean", "−OLS slope of the mean error"),
            MetricSpec("moments.H{H}.beta_cov", "−OLS slope of the covariance error"),
        ]
    }

    static var hardmaxMetricSpecs: [MetricSpec] {
        [
            repetitionSpec("hardmax.annealed.d{d}", "‖Γ^{κ ln n}_{μ_n}(x) − r e₁‖"),
            MetricSpec("hardmax.annealed.d{d}.err_mean", "‖Γ^{κ ln n}_{μ_n}(x) − r e₁‖, mean", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.err_se", "‖Γ^{κ ln n}_{μ_n}(x) − r e₁‖, standard error", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.err_times_ln_n", "mean error × ln n", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.deterministic", "r(1 − A_d(λ_n r s₀)), exact bias (O7)", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.err_over_deterministic", "mean error / deterministic part", unit: "vs n"),
            MetricSpec("hardmax.annealed.d{d}.limit", "(d−1)/(2κ s₀)"),
            MetricSpec("hardmax.annealed.d{d}.fit_inverse_log_slope", "b of the fit err ≈ b/ln n through the origin"),
            MetricSpec("hardmax.annealed.d{d}.fit_inverse_log_r2", "r² of the fit err ≈ b/ln n through the origin"),
        ]
            + convergenceSpecs("hardmax.sphere.d{d}", "hardmax error ‖y_{j*} − û‖ on S^{d−1}")
            + [
                MetricSpec("hardmax.sphere.d{d}.oracle", "exact E‖y_{j*} − û‖ (O5)", unit: "vs n"),
                MetricSpec("hardmax.sphere.d{d}.z", "(MC mean − oracle)/SE", unit: "vs n"),
                MetricSpec("hardmax.sphere.d{d}.max_abs_z", "max |z| over n"),
                MetricSpec("hardmax.sphere.max_abs_z", "max |z| over d and n"),
                MetricSpec("hardmax.gauss.n{n}.max", "M_n of each repetition at n", unit: "vs repetition"),
                MetricSpec("hardmax.gauss.s{s}.n{n}.tau", "τ_n of each repetition at n", unit: "vs repetition"),
                MetricSpec("hardmax.gauss.max_mean", "E[M_n], M_n = max of n standard normals", unit: "vs n"),
                MetricSpec("hardmax.gauss.max_se", "standard error of the mean of M_n", unit: "vs n"),
                MetricSpec("hardmax.gauss.max_oracle", "exact E[M_n] (O6)", unit: "vs n"),
                MetricSpec("hardmax.gauss.max_z", "(MC mean − oracle)/SE", unit: "vs n"),
                MetricSpec("hardmax.gauss.s{s}.gap_mean", "s − E τ_n (mean-field target s)", unit: "vs n"),
                MetricSpec("hardmax.gauss.s{s}.gap_se", "standard error of τ_n", unit: "vs n"),
                MetricSpec("hardmax.gauss.s{s}.gap_floor", "s − E M_n (hardmax floor)", unit: "vs n"),
                MetricSpec("hardmax.gauss.s{s}.sqrt_2ln_n", "√(2 ln n)", unit: "vs n"),
                MetricSpec("hardmax.gauss.s{s}.slope_vs_sqrt_2ln_n", "OLS slope of s − E τ_n on √(2 ln n), all n"),
                MetricSpec("hardmax.gauss.tau_above_max_count", "repetitions with τ_n > M_n (must be 0)"),
            ]
    }
}
