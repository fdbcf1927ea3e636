import WorkbenchStore

import WorkbenchNumerics

/// Evaluates declared claims against a run's results.
///
/// In order: a claim whose part did not run is `not-run` (the part was not selected, or an
/// input it needs is missing — the reason says which); a claim whose conditions do not hold is
/// `not-applicable` (the reason names the condition and the run's value); a claim that cannot be
/// measured from what its part recorded is `inconclusive` (e.g. fewer than two points in the fit
/// window). Otherwise the point estimate decides `pass` or `fail` (a NaN measurement fails, and
/// so does a slope over a series holding a non-finite or non-positive value), and the check is
/// flagged marginal when its 95 % interval straddles a bound.
public enum ClaimEvaluator {
    /// Why a part did not run, by part name.
    public typealias SkippedParts = [String: String]

    /// Evaluates every claim of `descriptor` on `results`, in declaration order; `skipped`
    /// gives the reason for each part that did not run.
    public static func evaluate(
        _ descriptor: ExperimentDescriptor, on results: RunResults, skipped: SkippedParts
    ) -> [CheckResult] {
        descriptor.parts.flatMap { part in
            part.claims.map { claim in
                if let reason = skipped[part.name] {
                    return unmeasured(claim, .notRun, reason: reason)
                }
                return evaluate(claim, on: results)
            }
        }
    }

    /// Why each part of `descriptor` is skipped under `parameters` (parts not selected).
    public static func unselectedParts(_ descriptor: ExperimentDescriptor, _ parameters: ParameterSet) -> SkippedParts {
        let selected = Set(descriptor.selectedParts(parameters).map(\.name))
        let given = parameters.values[ExperimentDescriptor.partsKey]?.canonicalText ?? ""
        var skipped = SkippedParts()
        for part in descriptor.parts where !selected.contains(part.name) {
            skipped[part.name] = "part '\(part.name)' was not selected (parts=\(given))"
        }
        return skipped
    }

    /// Evaluates one claim whose part ran.
    public static func evaluate(_ claim: ClaimSpec, on results: RunResults) -> CheckResult {
        for condition in claim.conditions {
            if let reason = condition.violation(in: results.parameters) {
                return unmeasured(claim, .notApplicable, reason: reason)
            }
        }
        switch measure(claim.measure, on: results) {
        case .measured(let measurement):
            let verdict: ClaimVerdict = claim.expected.contains(measurement.value) ? .pass : .fail
            let marginal =
                measurement.ciLow.flatMap { low in
                    measurement.ciHigh.map { high in claim.expected.isStraddled(by: low, high) }
                } ?? false
            return CheckResult(
                claim: claim.id, statement: claim.statement, paperValue: claim.paperValue,
                expected: claim.expected, measurement: measurement, verdict: verdict, marginal: marginal)
        case .undecidable(let reason):
            return unmeasured(claim, .inconclusive, reason: reason)
        }
    }

    private static func unmeasured(_ claim: ClaimSpec, _ verdict: ClaimVerdict, reason: String) -> CheckResult {
        CheckResult(
            claim: claim.id, statement: claim.statement, paperValue: claim.paperValue,
            expected: claim.expected, measurement: nil, verdict: verdict, reason: reason)
    }

    /// The outcome of measuring one rule.
    public enum Outcome: Sendable, Equatable {
        case measured(Measurement)
        /// The data cannot decide; the reason says why.
        case undecidable(String)
    }

    /// The measured value for one rule, or why it cannot be measured.
    public static func measure(_ rule: ClaimMeasure, on results: RunResults) -> Outcome {
        switch rule {
        case .metric(let key):
            guard let value = results.scalar(key) else { return .undecidable("metric '\(key)' was not recorded") }
            return .measured(Measurement(value))
        case .logLogSlope(let key, let xMin, let xMax):
            let points = results.series(key).filter { point in
                (xMin.map { point.x >= $0 } ?? true) && (xMax.map { point.x <= $0 } ?? true)
            }
            guard points.count >= 2 else {
                return .undecidable(
                    "series '\(key)' has \(points.count) point\(points.count == 1 ? "" : "s") in the fit window; a slope needs 2"
                )
            }
            guard let fit = LinearFit.powerLaw(x: points.map(\.x), y: points.map(\.value)) else {
                return .measured(Measurement(.nan, detail: "series has non-finite or non-positive values"))
            }
            return .measured(Measurement(fit: fit, detail: "log-log slope over \(points.count) points"))
        case .computed(let compute):
            guard let measurement = compute(results) else {
                return .undecidable("the metrics this claim reads were not recorded, or too few to decide")
            }
            return .measured(measurement)
        }
    }
}
