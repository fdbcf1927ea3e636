import WorkbenchNumerics

/// Evaluates declared claims against a run's results.
///
/// Verdicts: `pass` when the measured value lies in the expected interval, `fail` when it does
/// not (a NaN measurement fails, and so does a slope over a series holding a non-finite or
/// non-positive value), `inconclusive` when the claim cannot be measured in this run (missing
/// metric — e.g. its part was not selected — or fewer than two points in the fit window).
public enum ClaimEvaluator {
    /// Evaluates every claim of `descriptor` on `results`, in declaration order.
    public static func evaluate(_ claims: [ClaimSpec], on results: RunResults) -> [CheckResult] {
        claims.map { claim in
            let measurement = measure(claim.measure, on: results)
            let verdict: ClaimVerdict
            if let measurement {
                verdict = claim.expected.contains(measurement.value) ? .pass : .fail
            } else {
                verdict = .inconclusive
            }
            return CheckResult(
                claim: claim.id, statement: claim.statement, paperValue: claim.paperValue,
                expected: claim.expected, measurement: measurement, verdict: verdict)
        }
    }

    /// The measured value for one rule, or `nil` when not measurable.
    public static func measure(_ rule: ClaimMeasure, on results: RunResults) -> Measurement? {
        switch rule {
        case .metric(let key):
            return results.scalar(key).map { Measurement($0) }
        case .logLogSlope(let key, let xMin, let xMax):
            let points = results.series(key).filter { point in
                (xMin.map { point.x >= $0 } ?? true) && (xMax.map { point.x <= $0 } ?? true)
            }
            guard points.count >= 2 else { return nil }
            guard let fit = LinearFit.powerLaw(x: points.map(\.x), y: points.map(\.value)) else {
                return Measurement(.nan, detail: "series has non-finite or non-positive values")
            }
            return Measurement(fit: fit, detail: "log-log slope over \(points.count) points")
        case .computed(let compute):
            return compute(results)
        }
    }
}
