import Foundation
import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// The spec §6 acceptance checks E1-a … E3c, one claim per measured quantity, with the
    /// spec's intervals. Multi-part checks ("for every H", "at every n") are split per
    /// configuration or measured by their worst case.
    static var claims: [ClaimSpec] {
        uniformClaims + momentClaims + hardmaxClaims + extensionClaims
    }

    /// Beyond the paper (spec §7.1): the bias–variance split of the covariance error. The
    /// prediction is that hardmax-like shrinkage of extreme queries makes the bias dominate at
    /// large horizon, while at small horizon the error is variance.
    static var extensionClaims: [ClaimSpec] {
        [
            ClaimSpec(
                "X1.H0.5", statement: "at H = 0.5 the covariance error is variance: bias share at the largest n",
                paperValue: "not in the paper (spec 7.1)", expected: .atMost(0.25),
                measure: .computed { ClaimMeasures.lastValue($0, "moments.H0p5.cov.bias_frac") }),
            ClaimSpec(
                "X1.H2", statement: "at H = 2 the bias dominates the covariance error: bias share at the largest n",
                paperValue: "not in the paper (spec 7.1)", expected: .atLeast(0.5),
                measure: .computed { ClaimMeasures.lastValue($0, "moments.H2.cov.bias_frac") }),
            ClaimSpec(
                "X1.H3", statement: "at H = 3 the bias dominates the covariance error: bias share at the largest n",
                paperValue: "not in the paper (spec 7.1)", expected: .atLeast(0.5),
                measure: .computed { ClaimMeasures.lastValue($0, "moments.H3.cov.bias_frac") }),
        ]
    }

    static func uniformKey(_ radius: Double) -> String {
        "uniform." + MetricLabel.real("R", radius) + ".sup.err_mean"
    }

    static var uniformClaims: [ClaimSpec] {
        var claims = [ClaimSpec]()
        for radius in [0.5, 1.0] {
            claims.append(
                ClaimSpec(
                    "E1-a.R\(ReportNumber.format(radius))",
                    statement: "sup-error rate on the ball R = \(ReportNumber.format(radius)) is n^-1/2",
                    paperValue: "-0.5 (C1)", expected: .between(-0.60, -0.40),
                    measure: .logLogSlope(series: uniformKey(radius))))
        }
        claims.append(
            ClaimSpec(
                "E1-b.R1.5", statement: "sup-error rate at R = 1.5 is still close to n^-1/2",
                paperValue: "-0.5 (C1)", expected: .between(-0.60, -0.38),
                measure: .logLogSlope(series: uniformKey(1.5))))
        claims.append(
            ClaimSpec(
                "E1-b.R2",
                statement: "at R = 2 (e^{s²} ≈ 55 tokens needed) the measured rate is pre-asymptotic, flatter",
                paperValue: "-0.5 asymptotically", expected: .between(-0.48, -0.25),
                measure: .logLogSlope(series: uniformKey(2))))
        claims.append(
            ClaimSpec(
                "E1-b.flatten", statement: "|slope(R = 0.5)| − |slope(R = 2)| ≥ 0.05",
                paperValue: "C(R) grows fast in R", expected: .atLeast(0.05),
                measure: .computed { results in
                    ClaimMeasures.flattening(results, small: uniformKey(0.5), large: uniformKey(2))
                }))
        for radius in [0.5, 1.0, 1.5] {
            let label = "uniform." + MetricLabel.real("R", radius)
            claims.append(
                ClaimSpec(
                    "E1-c.R\(ReportNumber.format(radius))",
                    statement:
                        "C_hat = √n_max·sup-err(n_max) matches the exact constant √c(x*) at R = \(ReportNumber.format(radius))",
                    paperValue: "ratio 1 (O2)", expected: .between(0.6, 1.6),
                    measure: .metric("\(label).C_ratio")))
        }
        claims.append(
            ClaimSpec(
                "E1-c.growth", statement: "ln C(R) grows like R²/2 (σ₁ = 1): d ln C_hat/dR² over all radii",
                paperValue: "0.5 (C(R) ≍ e^{σ₁²R²/2}·poly)", expected: .between(0.35, 0.70),
                measure: .computed(ClaimMeasures.constantGrowth)))
        return claims
    }

    static func momentKey(_ horizon: Double, _ quantity: String) -> String {
        "moments." + MetricLabel.real("H", horizon) + ".\(quantity).err_mean"
    }

    static var momentClaims: [ClaimSpec] {
        var claims = [ClaimSpec]()
        for horizon in [0.25, 0.5] {
            for quantity in ["mean", "cov"] {
                claims.append(
                    ClaimSpec(
                        "E2-a.\(quantity).H\(ReportNumber.format(horizon))",
                        statement:
                            "at small horizon H = \(ReportNumber.format(horizon)) the \(quantity) converges at ≈ n^-1/2",
                        paperValue: "β(H) = \(ReportNumber.format(1 / (2 * (1 + horizon * horizon))))",
                        expected: .between(0.35, 0.65),
                        measure: .computed { ClaimMeasures.absoluteSlope($0, momentKey(horizon, quantity)) }))
            }
        }
        for horizon in [0.25, 0.5, 1, 1.5, 2, 3] {
            let theory = 1 / (2 * (1 + horizon * horizon))
            let envelope = min(0.5, 1 / (horizon * horizon))
            claims.append(
                ClaimSpec(
                    "E2-b.H\(ReportNumber.format(horizon))",
                    statement:
                        "|β_cov| lies between the paper's β(H) and the heuristic envelope min(½, 1/H²) at H = \(ReportNumber.format(horizon))",
                    paperValue: "β(H) = \(ReportNumber.format(theory)) (lower bound)",
                    expected: .between(theory - 0.03, envelope + 0.10),
                    measure: .computed { ClaimMeasures.absoluteSlope($0, momentKey(horizon, "cov")) }))
        }
        claims.append(
            ClaimSpec(
                "E2-c.cov.H3", statement: "covariance rate nearly stalls at H = 3",
                paperValue: "β(3) = 0.05", expected: .between(0.02, 0.15),
                measure: .computed { ClaimMeasures.absoluteSlope($0, momentKey(3, "cov")) }))
        claims.append(
            ClaimSpec(
                "E2-c.cov.H2", statement: "covariance rate at H = 2",
                paperValue: "β(2) = 0.1", expected: .between(0.08, 0.28),
                measure: .computed { ClaimMeasures.absoluteSlope($0, momentKey(2, "cov")) }))
        claims.append(
            ClaimSpec(
                "E2-c.spearman", statement: "|β_cov| decreases with the horizon H (Spearman over H)",
                paperValue: "β decreasing in H", expected: .atMost(-0.8),
                measure: .computed(ClaimMeasures.horizonRankCorrelation)))
        claims.append(
            ClaimSpec(
                "E2-c.mean.H3", statement: "the mean also slows down at H = 3",
                paperValue: "β < 1/2", expected: .atMost(0.35),
                measure: .computed { ClaimMeasures.absoluteSlope($0, momentKey(3, "mean")) }))
        claims.append(
            ClaimSpec(
                "E2-c.order",
                statement: "for H ≥ 1 the mean converges at least as fast as the covariance: min (|β_mean| − |β_cov|)",
                paperValue: "not stated", expected: .atLeast(-0.05),
                measure: .computed(ClaimMeasures.meanFasterThanCovariance)))
        return claims
    }

    static var hardmaxClaims: [ClaimSpec] {
        let annealed = "hardmax.annealed.d3"
        let gauss = "hardmax.gauss." + MetricLabel.real("s", 5)
        let maxN = 65_536.0
        var claims = [
            ClaimSpec(
                "E3a.limit", statement: "with λ_n = 2 ln n on S², err·ln n → (d−1)/(2κ) (value at the largest n)",
                paperValue: "0.5 (logarithmic rate, C3)", expected: .between(0.47, 0.53),
                measure: .computed { ClaimMeasures.lastValue($0, "\(annealed).err_times_ln_n") }),
            ClaimSpec(
                "E3a.monotone", statement: "err·ln n is non-increasing from n = 4^5 on (largest increase)",
                paperValue: "approach from above", expected: .atMost(0),
                measure: .computed { ClaimMeasures.largestIncrease($0, "\(annealed).err_times_ln_n", xMin: 1024) }),
            ClaimSpec(
                "E3a.deterministic", statement: "err ≥ 0.9·(1 − A_3(λ_n)) at every n (smallest ratio)",
                paperValue: "bias r(1 − A_d) (O7)", expected: .atLeast(0.9),
                measure: .computed { ClaimMeasures.smallestValue($0, "\(annealed).err_over_deterministic") }),
        ]
        let sphereIntervals: [(Int, Double, Double, String)] = [
            (3, -0.55, -0.45, "-1/(d-1) = -0.5"), (8, -0.19, -0.11, "≍ -1/7 = -0.143"),
            (32, -0.08, -0.02, "≍ -1/31 = -0.032"),
        ]
        for (d, low, high, paper) in sphereIntervals {
            claims.append(
                ClaimSpec(
                    "E3b.d\(d)", statement: "hardmax error on S^\(d - 1) decays like n^-1/(d-1) (log-like for large d)",
                    paperValue: paper, expected: .between(low, high),
                    measure: .logLogSlope(series: "hardmax.sphere.d\(d).err_mean")))
        }
        claims += [
            ClaimSpec(
                "E3b.z", statement: "Monte Carlo hardmax errors agree with the exact quadrature O5 (max |z|)",
                paperValue: "exact oracle", expected: .atMost(3.5),
                measure: .computed { ClaimMeasures.largestAbsoluteZ($0, prefix: "hardmax.sphere.", suffix: ".z") }),
            ClaimSpec(
                "E3c.z", statement: "E[max of n normals] agrees with the exact quadrature O6 (max |z|)",
                paperValue: "exact oracle", expected: .atMost(3.5),
                measure: .computed {
                    ClaimMeasures.largestAbsoluteZ($0, prefix: "hardmax.gauss.max_z", suffix: "max_z")
                }),
            ClaimSpec(
                "E3c.order",
                statement:
                    "the attention output never exceeds the best token: τ_n ≤ M_n in every repetition (violations)",
                paperValue: "0", expected: .between(0, 0),
                measure: .metric("hardmax.gauss.tau_above_max_count")),
            ClaimSpec(
                "E3c.decrease", statement: "at s = 5 the gap s − E τ_n decreases in n (largest increase, n ≤ 4^8)",
                paperValue: "decreasing", expected: .atMost(0),
                measure: .computed { ClaimMeasures.largestIncrease($0, "\(gauss).gap_mean", xMax: maxN) }),
            ClaimSpec(
                "E3c.floor", statement: "at s = 5 the gap stays above s − E M_n − 3 SE (smallest margin)",
                paperValue: "extreme-value floor", expected: .atLeast(0),
                measure: .computed { ClaimMeasures.gapAboveFloor($0, label: gauss, xMax: maxN) }),
            ClaimSpec(
                "E3c.slope", statement: "at s = 5 the gap shrinks only like √(2 ln n): slope against √(2 ln n)",
                paperValue: "≈ -1 (Gumbel)", expected: .between(-1.15, -0.6),
                measure: .computed { ClaimMeasures.gapSlope($0, label: gauss, xMax: maxN) }),
        ]
        return claims
    }
}
