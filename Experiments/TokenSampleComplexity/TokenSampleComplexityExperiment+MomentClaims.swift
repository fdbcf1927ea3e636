import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// `moments.H{H}.{moment}.err_mean`: the mean error of the output mean or covariance, a series in `n`.
    static func momentErrorKey(_ horizon: Double, _ moment: MetricKeys.Moment) -> String {
        MetricKeys.moments(horizon: horizon, moment).appending("err_mean").text
    }

    /// `β(H) = 1/(2(1+H²))`, the paper's rate (O8).
    static func theoryBeta(_ horizon: Double) -> Double { 1 / (2 * (1 + horizon * horizon)) }

    /// The run has at least one horizon `H ≥ 1`.
    static let someHorizonAtLeastOne = ClaimCondition(
        description: "some momentsHorizons ≥ 1", holds: { $0[momentsHorizons].contains { $0 >= 1 } },
        actual: { "momentsHorizons=\($0[momentsHorizons].parameterValue.canonicalText)" })

    /// Spec §6 E2-a/b/c, decided by the `moments` part. A claim about horizon `H` applies when
    /// the run's horizons include `H`.
    static var momentClaims: [ClaimSpec] {
        smallHorizonClaims + sandwichClaims + largeHorizonClaims
    }

    /// E2-a: both moments converge at about `n^{−1/2}` at small horizon.
    static var smallHorizonClaims: [ClaimSpec] {
        [0.25, 0.5].flatMap { horizon in
            MetricKeys.Moment.allCases.map { moment in
                let h = ReportNumber.format(horizon)
                return ClaimSpec(
                    "E2-a.\(moment.rawValue).H\(h)",
                    statement:
                        "at small horizon H = \(h) the \(moment.rawValue) converges at ≈ n^-1/2: |β| accepted from 0.35 to 0.65 (seed spread 0.41 … 0.57)",
                    paperValue: "β(H) = \(ReportNumber.format(theoryBeta(horizon)))", expected: .between(0.35, 0.65),
                    measure: .computed { ClaimMeasures.absoluteSlope($0, momentErrorKey(horizon, moment)) },
                    appliesWhen: [.includes(momentsHorizons, [horizon])])
            }
        }
    }

    /// E2-b: `|β_cov|` between the paper's rate and the heuristic envelope, with the spec's
    /// tolerances (`−0.03` below `β(H)`, `+0.10` above the envelope).
    static var sandwichClaims: [ClaimSpec] {
        [0.25, 0.5, 1, 1.5, 2, 3].map { horizon in
            let h = ReportNumber.format(horizon)
            let theory = theoryBeta(horizon)
            let envelope = min(0.5, 1 / (horizon * horizon))
            let low = theory - 0.03
            let high = envelope + 0.10
            return ClaimSpec(
                "E2-b.H\(h)",
                statement: """
                    |β_cov| at H = \(h) lies between the paper's β(H) = \(ReportNumber.format(theory)) and the \
                    heuristic envelope min(½, 1/H²) = \(ReportNumber.format(envelope)), accepted from \
                    β(H) − 0.03 = \(ReportNumber.format(low)) to envelope + 0.10 = \(ReportNumber.format(high)) \
                    (spec §6: a fitted slope scatters by a few hundredths, and the envelope holds only up to \
                    log factors)
                    """,
                paperValue: "β(H) = \(ReportNumber.format(theory)) (lower bound)", expected: .between(low, high),
                measure: .computed { ClaimMeasures.absoluteSlope($0, momentErrorKey(horizon, .cov)) },
                appliesWhen: [.includes(momentsHorizons, [horizon])])
        }
    }

    /// E2-c: the covariance rate stalls at large horizon, decreases with `H`, and the mean is
    /// faster.
    static var largeHorizonClaims: [ClaimSpec] {
        [
            ClaimSpec(
                "E2-c.cov.H3",
                statement:
                    "covariance rate nearly stalls at H = 3: |β_cov| near β(3) = 0.05, accepted from 0.02 to 0.15 (seed spread 0.05 … 0.09)",
                paperValue: "β(3) = 0.05", expected: .between(0.02, 0.15),
                measure: .computed { ClaimMeasures.absoluteSlope($0, momentErrorKey(3, .cov)) },
                appliesWhen: [.includes(momentsHorizons, [3])]),
            ClaimSpec(
                "E2-c.cov.H2",
                statement:
                    "covariance rate at H = 2: |β_cov| at least β(2) = 0.1, accepted from 0.08 (fit noise) to 0.28 (seed spread 0.15 … 0.19)",
                paperValue: "β(2) = 0.1", expected: .between(0.08, 0.28),
                measure: .computed { ClaimMeasures.absoluteSlope($0, momentErrorKey(2, .cov)) },
                appliesWhen: [.includes(momentsHorizons, [2])]),
            ClaimSpec(
                "E2-c.spearman", statement: "|β_cov| decreases with the horizon H: Spearman over H ≤ −0.8",
                paperValue: "β decreasing in H", expected: .atMost(-0.8),
                measure: .computed(ClaimMeasures.horizonRankCorrelation),
                appliesWhen: [.count(momentsHorizons, atLeast: 3)]),
            ClaimSpec(
                "E2-c.mean.H3", statement: "the mean also slows down at H = 3: |β_mean| ≤ 0.35",
                paperValue: "β < 1/2", expected: .atMost(0.35),
                measure: .computed { ClaimMeasures.absoluteSlope($0, momentErrorKey(3, .mean)) },
                appliesWhen: [.includes(momentsHorizons, [3])]),
            ClaimSpec(
                "E2-c.order",
                statement:
                    "for H ≥ 1 the mean converges at least as fast as the covariance: min (|β_mean| − |β_cov|) ≥ 0, accepted down to −0.05 (fit noise, spec §6)",
                paperValue: "not stated", expected: .atLeast(-0.05),
                measure: .computed(ClaimMeasures.meanFasterThanCovariance), appliesWhen: [someHorizonAtLeastOne]),
        ]
    }

    /// Beyond the paper (spec §7.1): the bias–variance split of the covariance error. The
    /// prediction is that hardmax-like shrinkage of extreme queries makes the bias dominate at
    /// large horizon, while at small horizon the error is variance.
    static var extensionClaims: [ClaimSpec] {
        let variance = ClaimSpec(
            "X1.H0.5",
            statement: "at H = 0.5 the covariance error is variance: bias share at the largest n ≤ 0.25",
            paperValue: "not in the paper (spec 7.1)", expected: .atMost(0.25),
            measure: .computed { ClaimMeasures.lastValue($0, biasShareKey(0.5)) },
            appliesWhen: [.includes(momentsHorizons, [0.5])])
        return [variance]
            + [2.0, 3.0].map { horizon in
                ClaimSpec(
                    "X1.H\(ReportNumber.format(horizon))",
                    statement:
                        "at H = \(ReportNumber.format(horizon)) the bias dominates the covariance error: bias share at the largest n ≥ 0.5",
                    paperValue: "not in the paper (spec 7.1)", expected: .atLeast(0.5),
                    measure: .computed { ClaimMeasures.lastValue($0, biasShareKey(horizon)) },
                    appliesWhen: [.includes(momentsHorizons, [horizon])])
            }
    }

    /// `moments.H{H}.cov.bias_frac`: the bias share of the covariance error, a series in `n`.
    static func biasShareKey(_ horizon: Double) -> String {
        MetricKeys.moments(horizon: horizon, .cov).appending("bias_frac").text
    }
}
