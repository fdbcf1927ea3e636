import WorkbenchCore

/// The settings in which the spec states its claims, as claim conditions: a run outside one
/// gets `not-applicable` with the reason instead of an empty (inconclusive) or meaningless
/// measurement.
extension DiffusionDiscretizationExperiment {
    /// `processes ⊇ {vp-linear}`: A3–A7 are stated for VP-linear.
    static let runsReferenceProcess = ClaimCondition.includes(processes, [ProcessConfiguration.referenceName])

    /// `init = exact`: with the prior start the error does not vanish as K grows (spec §5.5).
    static let startsExactly = ClaimCondition.equals(initialization, ChainInitialization.exact.rawValue)

    /// The VP-linear schedule of the spec (β 0.1 → 20, T = 1, ε = 1e-3), for which it tabulates
    /// the optima of A5/A6 (other schedules have other optima).
    static let specSchedule: [ClaimCondition] = [
        .equals(betaMin, 0.1), .equals(betaMax, 20), .equals(horizon, 1), .equals(eps, 1e-3),
    ]

    /// The largest of `Ks` is at least `bound` (the spec states A3/A4 at K = 5120; larger K only
    /// tightens them).
    static func largestStepCount(atLeast bound: Int) -> ClaimCondition {
        ClaimCondition(
            description: "largest \(stepCounts.key) ≥ \(bound)",
            holds: { ($0[stepCounts].max() ?? 0) >= bound }, actual: { shown(stepCounts, $0) })
    }

    /// At least `count` of `Ks` lie in `window` (a slope fit over that window).
    static func stepCountsInWindow(_ window: ClosedRange<Int>, atLeast count: Int) -> ClaimCondition {
        ClaimCondition(
            description:
                "at least \(count) values of \(stepCounts.key) in [\(window.lowerBound), \(window.upperBound)]",
            holds: { set in set[stepCounts].filter { window.contains($0) }.count >= count },
            actual: { shown(stepCounts, $0) })
    }

    /// The list `parameter` is exactly `values`, shown as `written` (e.g. `{0, 0.25, …, 2}`).
    static func equals(_ parameter: Parameter<[Double]>, _ values: [Double], written: String) -> ClaimCondition {
        ClaimCondition(
            description: "\(parameter.key) = \(written)", holds: { $0[parameter] == values },
            actual: { shown(parameter, $0) })
    }

    /// `key=value` as the run has it, for a condition's `actual`.
    static func shown<Value>(_ parameter: Parameter<Value>, _ set: ParameterSet) -> String {
        "\(parameter.key)=\(set[parameter].parameterValue.canonicalText)"
    }
}
