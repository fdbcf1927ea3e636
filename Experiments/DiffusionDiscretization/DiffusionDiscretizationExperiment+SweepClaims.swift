import WorkbenchCore

extension DiffusionDiscretizationExperiment {
    /// The η sweep of the spec (A5): VP-linear with its schedule, d = 1000, η ∈ {0, 0.25, …, 2},
    /// and at least one of its (α, grid) cells.
    private static let specEtaSweep: [ClaimCondition] =
        [runsReferenceProcess] + specSchedule + [
            .equals(etaSweepDimension, 1000),
            equals(sweepEtas, defaultSweepEtas, written: "{0, 0.25, …, 2}"),
            ClaimCondition(
                description: "sweepAlphas ∩ {0.5, 1, 2} and sweepGrids ∩ {uniform, power:2} non-empty",
                holds: { set in
                    set[sweepAlphas].contains(where: ClaimMeasurements.specEtaSweepAlphas.contains)
                        && set[sweepGrids].contains {
                            TimeGrid($0).map(ClaimMeasurements.specEtaSweepGrids.contains) ?? false
                        }
                },
                actual: { set in shown(sweepAlphas, set) + ", " + shown(sweepGrids, set) }),
        ]

    /// The power-grid sweep of the spec (A6): VP-linear with its schedule, d = 256,
    /// p ∈ {1, 1.25, …, 4}, and at least one of its (α, η) cells.
    private static let specPowerSweep: [ClaimCondition] =
        [runsReferenceProcess] + specSchedule + [
            .equals(powerSweepDimension, 256),
            equals(sweepPowers, defaultSweepPowers, written: "{1, 1.25, …, 4}"),
            ClaimCondition(
                description: "sweepAlphas ∩ {0.5, 1, 2} and powerSweepEtas ∩ {0, 1} non-empty",
                holds: { set in
                    set[sweepAlphas].contains(where: ClaimMeasurements.specEtaSweepAlphas.contains)
                        && set[powerSweepEtas].contains(where: ClaimMeasurements.specPowerSweepEtas.contains)
                },
                actual: { set in shown(sweepAlphas, set) + ", " + shown(powerSweepEtas, set) }),
        ]

    /// A5 and A6, decided by the `sweeps` part: the spec's optima hold for its sweep settings,
    /// which the conditions require (other settings have other optima).
    static let sweepClaims: [ClaimSpec] = [
        ClaimSpec(
            "A5-fo",
            statement:
                "The first-order-optimal η depends on the spectrum (VP-linear, d = 1000, η ∈ {0, 0.25, …, 2}): no (α, grid) cell differs from the spec's η*",
            paperValue: "η* = 0.75, 0.5, 0 for α = 0.5, 1, 2 (uniform); 0 for all α (power:2)",
            expected: .between(0, 0), measure: .computed(ClaimMeasurements.etaStarMismatches),
            appliesWhen: specEtaSweep),
        ClaimSpec(
            "A5-exact",
            statement:
                "The exact-W2 argmin over η at K = 200 equals the first-order η* in every (α, grid) cell (VP-linear, d = 1000, α ∈ {0.5, 1, 2}, uniform/power:2): no disagreement",
            paperValue: "equal in all cells", expected: .between(0, 0),
            measure: .computed { results in
                ClaimMeasurements.argminDisagreement(
                    results, .eta, abscissae: results.parameters[sweepEtas], stepCount: 200, inGridSteps: false)
            },
            appliesWhen: specEtaSweep + [.includes(sweepStepCounts, [200])]),
        ClaimSpec(
            "A6-K200",
            statement:
                "The first-order-optimal power-grid exponent p* equals the exact argmin at K = 200 in every (α, η) cell (VP-linear, d = 256, p ∈ {1, 1.25, …, 4}, α ∈ {0.5, 1, 2} × η ∈ {0, 1}): no disagreement",
            paperValue: "identical in all six (α, η)", expected: .between(0, 0),
            measure: .computed { results in
                ClaimMeasurements.argminDisagreement(
                    results, .power, abscissae: results.parameters[sweepPowers], stepCount: 200, inGridSteps: false)
            },
            appliesWhen: specPowerSweep + [.includes(sweepStepCounts, [200])]),
        ClaimSpec(
            "A6-K50",
            statement:
                "p* is within one grid step (0.25) of the exact argmin at K = 50: largest distance ≤ 1 step",
            paperValue: "≤ 1 step (2 of 6 differ by one)", expected: .between(0, 1),
            measure: .computed { results in
                ClaimMeasurements.argminDisagreement(
                    results, .power, abscissae: results.parameters[sweepPowers], stepCount: 50, inGridSteps: true)
            },
            appliesWhen: specPowerSweep + [.includes(sweepStepCounts, [50])]),
    ]
}
