import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Per-repetition errors on a grid of token counts `n`, their summaries and the fitted
/// power-law rate `err ≈ C·n^slope` (spec §5.3).
///
/// Fits, all on `(ln n, ln mean err)`:
/// * OLS with SE `√(RSS/(N−2)/Sxx)` and the 95 % interval `slope ± t_{0.975,N−2}·SE`;
/// * WLS as in the reference code: weights `1/max(var_n, 1e−18)` with
///   `var_n = (se_n/mean_n)²`, `se_n = sd_n/√k`;
/// * a bootstrap interval: resample the repetitions within each `n`, refit OLS, take the
///   2.5 % and 97.5 % quantiles of the slopes;
/// * the OLS slope on the largest half of the grid (pre-asymptotic curvature check).
///
/// Studies record each repetition with ``recordRepetition(_:n:rep:error:into:)`` as soon as it is
/// done, each `n` with ``recordPoint(_:n:errors:into:)`` as soon as its repetitions are done, and the fits with ``recordFits(_:into:bootstrapResamples:using:)`` once the grid is
/// complete.
struct ConvergenceSeries: Sendable {
    /// Token counts, ascending.
    let tokenCounts: [Int]
    /// `errors[i][r]`: error of repetition `r` at `tokenCounts[i]`.
    let errors: [[Double]]

    var summaries: [SampleSummary] { errors.map(SampleSummary.init) }

    /// OLS fit of `ln mean` on `ln n` (nil when not computable).
    func ordinaryFit() -> LinearFit? {
        LinearFit.powerLaw(x: tokenCounts.map(Double.init), y: summaries.map(\.mean))
    }

    /// The reference code's WLS fit.
    func weightedFit() -> LinearFit? {
        let weights = summaries.map { summary -> Double in
            let relative = summary.standardError / summary.mean
            return 1 / max(relative * relative, 1e-18)
        }
        return LinearFit.powerLaw(
            x: tokenCounts.map(Double.init), y: summaries.map(\.mean), weights: weights)
    }

    /// OLS on the largest `⌈N/2⌉` token counts (at least two).
    func upperHalfFit() -> LinearFit? {
        let keep = max(2, (tokenCounts.count + 1) / 2)
        let start = max(0, tokenCounts.count - keep)
        return LinearFit.powerLaw(
            x: tokenCounts[start...].map(Double.init), y: summaries[start...].map(\.mean))
    }

    /// Bootstrap 95 % interval of the OLS slope from `resamples` resamplings.
    func bootstrapInterval<G: RandomNumberGenerator>(
        resamples: Int, using generator: inout G
    ) -> (low: Double, high: Double) {
        guard resamples > 0 else { return (.nan, .nan) }
        let x = tokenCounts.map(Double.init)
        var slopes = [Double]()
        slopes.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let means = errors.map { sample -> Double in
                var total = 0.0
                for _ in sample.indices {
                    total += sample[Int(generator.nextBounded(UInt64(sample.count)))]
                }
                return total / Double(sample.count)
            }
            if let fit = LinearFit.powerLaw(x: x, y: means) { slopes.append(fit.slope) }
        }
        slopes.sort()
        return (
            SampleSummary.quantile(sorted: slopes, 0.025),
            SampleSummary.quantile(sorted: slopes, 0.975)
        )
    }

    /// Records the error of repetition `rep` at token count `n` (`prefix.n{n}.err` at `x = rep`)
    /// and returns it: called in the parallel loop body, so a stopped run keeps every finished
    /// repetition.
    static func recordRepetition(_ prefix: MetricKey, n: Int, rep: Int, error: Double, into context: RunContext)
        throws -> Double
    {
        try context.record(MetricKeys.repetitionErrors(prefix, n: n), x: Double(rep), error)
        return error
    }

    /// Records `prefix.err_mean|err_std|err_median|err_se` at `x = n` from the repetitions'
    /// `errors`, and returns their summary.
    @discardableResult
    static func recordPoint(_ prefix: MetricKey, n: Int, errors: [Double], into context: RunContext) throws
        -> SampleSummary
    {
        let summary = SampleSummary(errors)
        let x = Double(n)
        try context.record([
            MetricPoint(prefix.appending("err_mean"), x: x, summary.mean),
            MetricPoint(prefix.appending("err_std"), x: x, summary.standardDeviation),
            MetricPoint(prefix.appending("err_median"), x: x, summary.median),
            MetricPoint(prefix.appending("err_se"), x: x, summary.standardError),
        ])
        return summary
    }

    /// The fit scalars recorded by ``recordFits(_:into:bootstrapResamples:using:)``.
    static let fitNames = [
        "slope_ols", "slope_se", "ci95_lo", "ci95_hi", "intercept", "r2", "slope_wls", "slope_wls_se",
        "slope_boot_lo", "slope_boot_hi", "slope_upper_half",
    ]

    /// Records the fit scalars `prefix.slope_ols|slope_se|ci95_lo|ci95_hi|intercept|r2|
    /// slope_wls|slope_wls_se|slope_boot_lo|slope_boot_hi|slope_upper_half` (NaN when a fit is
    /// impossible).
    func recordFits<G: RandomNumberGenerator>(
        _ prefix: MetricKey, into context: RunContext, bootstrapResamples: Int, using generator: inout G
    ) throws {
        let ols = ordinaryFit()
        let wls = weightedFit()
        let boot = bootstrapInterval(resamples: bootstrapResamples, using: &generator)
        let values: [Double] = [
            ols?.slope ?? .nan, ols?.slopeStandardError ?? .nan, ols?.confidenceLow ?? .nan,
            ols?.confidenceHigh ?? .nan, ols?.intercept ?? .nan, ols?.rSquared ?? .nan, wls?.slope ?? .nan,
            wls?.slopeStandardError ?? .nan, boot.low, boot.high, upperHalfFit()?.slope ?? .nan,
        ]
        try context.record(zip(Self.fitNames, values).map { MetricPoint(prefix.appending(.name($0)), $1) })
    }
}
