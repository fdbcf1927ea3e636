import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Measurements of the spec §6 checks, computed from recorded metrics only (so reading a run
/// back from the database reproduces every verdict). A claim whose configuration is not in the
/// run's grid is `not-applicable` by its conditions and one whose part did not run is `not-run`,
/// before any measure is called; each measure returns `nil` — verdict `inconclusive` — when its
/// metrics are still absent or too few (e.g. one point in a fit window), and a NaN measurement — verdict `fail` — when they are present but hold a non-finite (or, for
/// log-log fits, non-positive) value, so a broken computation can never pass or go unnoticed.
enum ClaimMeasures {
    /// OLS log-log slope of the series `key` (optionally `x ≤ xMax`), with its 95 % interval.
    static func slope(_ results: RunResults, _ key: String, xMax: Double? = nil) -> LinearFit? {
        let limit = xMax ?? .infinity
        let points = results.series(key).filter { $0.x <= limit }
        return LinearFit.powerLaw(x: points.map(\.x), y: points.map(\.value))
    }

    /// NaN when the series `key` has at least two points that cannot be fitted; `nil` (not
    /// measured) when it is absent or too short.
    static func unfittable(_ results: RunResults, _ keys: String...) -> WorkbenchCore.Measurement? {
        for key in keys where results.series(key).count >= 2 && slope(results, key) == nil {
            return WorkbenchCore.Measurement(.nan, detail: "\(key) has non-finite or non-positive values")
        }
        return nil
    }

    /// `|slope|` of `key` as a measurement (interval flipped accordingly).
    static func absoluteSlope(_ results: RunResults, _ key: String) -> WorkbenchCore.Measurement? {
        guard let fit = slope(results, key) else { return unfittable(results, key) }
        let low = abs(fit.slope) - (fit.confidenceHigh - fit.confidenceLow) / 2
        let high = abs(fit.slope) + (fit.confidenceHigh - fit.confidenceLow) / 2
        return WorkbenchCore.Measurement(
            abs(fit.slope), ciLow: low.isNaN ? nil : low, ciHigh: high.isNaN ? nil : high,
            detail: "|log-log slope| of \(key) over \(fit.pointCount) points")
    }

    /// `|slope(R = small)| − |slope(R = large)|`: how much the rate flattens with R.
    static func flattening(_ results: RunResults, small: String, large: String) -> WorkbenchCore.Measurement? {
        guard let a = slope(results, small), let b = slope(results, large) else {
            return unfittable(results, small, large)
        }
        return WorkbenchCore.Measurement(
            abs(a.slope) - abs(b.slope),
            detail: "|slope| \(ReportNumber.format(abs(a.slope))) vs \(ReportNumber.format(abs(b.slope)))")
    }

    /// `d ln C_hat / d(s_max²)` over every radius of the run (OLS of `ln C_hat` on `s_max²`).
    static func constantGrowth(_ results: RunResults) -> WorkbenchCore.Measurement? {
        var x = [Double]()
        var y = [Double]()
        for radius in results.parameters[TokenSampleComplexityExperiment.uniformRadii] {
            let key = MetricKeys.uniform(radius: radius)
            guard let s = results.scalar(key.appending("s_max").text),
                let c = results.scalar(key.appending("C_hat").text)
            else { continue }
            guard c > 0, s.isFinite else {
                return WorkbenchCore.Measurement(.nan, detail: "C_hat or s_max not finite and positive at \(key)")
            }
            x.append(s * s)
            y.append(log(c))
        }
        guard let fit = LinearFit(x: x, y: y) else { return nil }
        return WorkbenchCore.Measurement(fit: fit, detail: "OLS of ln C_hat on s_max² over \(fit.pointCount) radii")
    }

    /// The horizons of the run with the keys of their output mean and covariance errors
    /// (`moments.H{H}.mean.err_mean`, `moments.H{H}.cov.err_mean`).
    static func horizonSeries(_ results: RunResults) -> [(horizon: Double, mean: String, cov: String)] {
        results.parameters[TokenSampleComplexityExperiment.momentsHorizons].map {
            (
                $0, TokenSampleComplexityExperiment.momentErrorKey($0, .mean),
                TokenSampleComplexityExperiment.momentErrorKey($0, .cov)
            )
        }
    }

    /// Spearman correlation of `H` with `|β_cov|` over the run's horizons.
    static func horizonRankCorrelation(_ results: RunResults) -> WorkbenchCore.Measurement? {
        var h = [Double]()
        var beta = [Double]()
        for (horizon, _, cov) in horizonSeries(results) {
            if let broken = unfittable(results, cov) { return broken }
            guard let fit = slope(results, cov) else { continue }
            h.append(horizon)
            beta.append(abs(fit.slope))
        }
        guard h.count >= 3 else { return nil }
        return WorkbenchCore.Measurement(
            RankCorrelation.spearman(h, beta), detail: "Spearman over \(h.count) horizons")
    }

    /// `min_{H ≥ 1} (|β_mean(H)| − |β_cov(H)|)`: the mean converges at least as fast.
    static func meanFasterThanCovariance(_ results: RunResults) -> WorkbenchCore.Measurement? {
        var worst: (Double, Double)?
        for (horizon, meanKey, covKey) in horizonSeries(results) where horizon >= 1 {
            if let broken = unfittable(results, meanKey, covKey) { return broken }
            guard let mean = slope(results, meanKey), let cov = slope(results, covKey) else { continue }
            let margin = abs(mean.slope) - abs(cov.slope)
            if worst.map({ margin < $0.1 }) ?? true { worst = (horizon, margin) }
        }
        guard let worst else { return nil }
        return WorkbenchCore.Measurement(worst.1, detail: "worst at H = \(ReportNumber.format(worst.0))")
    }

    /// The value of series `key` at its largest abscissa.
    static func lastValue(_ results: RunResults, _ key: String) -> WorkbenchCore.Measurement? {
        guard let last = results.series(key).last else { return nil }
        return WorkbenchCore.Measurement(last.value, detail: "at n = \(ReportNumber.format(last.x, digits: 8))")
    }

    /// `max_k (v_{k+1} − v_k)` over the points of `key` with `xMin ≤ x ≤ xMax` (≤ 0 means
    /// non-increasing).
    static func largestIncrease(
        _ results: RunResults, _ key: String, xMin: Double = 0, xMax: Double = .infinity
    ) -> WorkbenchCore.Measurement? {
        let values = results.series(key).filter { $0.x >= xMin && $0.x <= xMax }.map(\.value)
        guard values.count >= 2 else { return nil }
        let increase = zip(values.dropFirst(), values).map { $0 - $1 }.maximumPropagatingNaN() ?? .nan
        return WorkbenchCore.Measurement(increase, detail: "over \(values.count) points")
    }

    /// The smallest value of series `key`.
    static func smallestValue(_ results: RunResults, _ key: String) -> WorkbenchCore.Measurement? {
        let values = results.series(key)
        if let broken = values.first(where: { $0.value.isNaN }) {
            return WorkbenchCore.Measurement(.nan, detail: "NaN at n = \(ReportNumber.format(broken.x, digits: 8))")
        }
        guard let worst = values.min(by: { $0.value < $1.value }) else { return nil }
        return WorkbenchCore.Measurement(worst.value, detail: "at n = \(ReportNumber.format(worst.x, digits: 8))")
    }

    /// `max |z|` over every series whose key starts with `prefix` and ends with `suffix`.
    static func largestAbsoluteZ(_ results: RunResults, prefix: String, suffix: String) -> WorkbenchCore.Measurement? {
        let keys = results.seriesKeys(prefix: prefix).filter { $0.hasSuffix(suffix) }
        let values = keys.flatMap { results.series($0).map(\.value) }
        guard !values.isEmpty else { return nil }
        return WorkbenchCore.Measurement(
            values.map(abs).maximumPropagatingNaN() ?? .nan,
            detail: "over \(values.count) points in \(keys.count) series")
    }

    /// `min_n (gap_n − floor_n + 3·se_n)` for the Gaussian-extreme signal key `label`
    /// (`hardmax.gauss.s{s}`, `n ≤ xMax`).
    static func gapAboveFloor(_ results: RunResults, label: String, xMax: Double) -> WorkbenchCore.Measurement? {
        let gaps = results.series("\(label).gap_mean").filter { $0.x <= xMax }
        guard !gaps.isEmpty else { return nil }
        var worst = Double.infinity
        for point in gaps {
            guard let floor = results.value("\(label).gap_floor", at: point.x),
                let se = results.value("\(label).gap_se", at: point.x)
            else { return nil }
            let margin = point.value - floor + 3 * se
            worst = margin.isNaN ? .nan : (worst.isNaN ? worst : min(worst, margin))
        }
        return WorkbenchCore.Measurement(worst, detail: "over \(gaps.count) token counts")
    }

    /// Slope of `s − E τ_n` against `√(2 ln n)` for `n ≤ xMax`.
    static func gapSlope(_ results: RunResults, label: String, xMax: Double) -> WorkbenchCore.Measurement? {
        let gaps = results.series("\(label).gap_mean").filter { $0.x <= xMax }
        guard let fit = LinearFit(x: gaps.map { (2 * log($0.x)).squareRoot() }, y: gaps.map(\.value))
        else { return gaps.count >= 2 ? WorkbenchCore.Measurement(.nan, detail: "gap series not finite") : nil }
        return WorkbenchCore.Measurement(fit: fit, detail: "OLS over \(fit.pointCount) token counts")
    }
}
