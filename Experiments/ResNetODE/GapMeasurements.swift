import WorkbenchCore
import WorkbenchNumerics

/// How the `gap` claims are measured from a run's results (worst cases over the run's
/// residuals, so one claim covers "every residual").
enum GapMeasurements {
    private typealias Declared = ResNetODEExperiment

    /// The residuals of the run, in declaration order.
    static func residuals(_ results: RunResults) -> [ResidualKind] {
        results.parameters[Declared.residuals].compactMap(ResidualKind.init(rawValue:))
    }

    /// The slope (N ≥ fitMinDepth) of the series `key(residual)` farthest from `center` over
    /// the run's residuals, with its 95 % CI; the detail lists every residual's slope.
    static func worstSlope(
        _ results: RunResults, center: Double, _ key: (ResidualKind) -> MetricKey
    ) -> Measurement? {
        let minimum = Double(results.parameters[Declared.fitMinDepth])
        var fits = [(ResidualKind, LinearFit)]()
        for residual in residuals(results) {
            guard let fit = SlopeFit.fit(results.series(key(residual).text), minimumX: minimum) else { return nil }
            fits.append((residual, fit))
        }
        guard let worst = fits.max(by: { abs($0.1.slope - center) < abs($1.1.slope - center) }) else { return nil }
        let listed = fits.map { "\($0.0.rawValue) \(ReportNumber.format($0.1.slope))" }.joined(separator: ", ")
        return Measurement(fit: worst.1, detail: "worst: \(worst.0.rawValue); slopes \(listed)")
    }

    /// The slope (N ≥ fitMinDepth) of one series.
    static func slope(_ results: RunResults, _ key: MetricKey) -> Measurement? {
        let minimum = Double(results.parameters[Declared.fitMinDepth])
        return SlopeFit.fit(results.series(key.text), minimumX: minimum).map { Measurement(fit: $0) }
    }

    /// `err(N_max)/err(64)` of one series.
    static func plateauRatio(_ results: RunResults, _ key: MetricKey) -> Measurement? {
        let series = results.series(key.text)
        guard let last = series.last, let at64 = results.value(key.text, at: 64), last.x > 64 else { return nil }
        return Measurement(
            last.value / at64,
            detail: "err(\(Int(last.x))) = \(ReportNumber.format(last.value)), err(64) = \(ReportNumber.format(at64))")
    }

    /// The largest value of one series.
    static func maximum(_ results: RunResults, _ key: MetricKey) -> Measurement? {
        results.series(key.text).map(\.value).maximumPropagatingNaN().map { Measurement($0) }
    }

    /// The worst relative spread `(max − min)/divisor` over the run's residuals of
    /// `transform(N, tv)` restricted to `N ≥ minimumDepth`; `divisor` is the minimum
    /// (`relativeToMean = false`) or the mean.
    static func worstSpread(
        _ results: RunResults, scheme: WeightScheme, minimumDepth: Double, relativeToMean: Bool,
        _ transform: @escaping (Double, Double) -> Double
    ) -> Measurement? {
        var worst: (ResidualKind, Double)?
        for residual in residuals(results) {
            let values = results.series(GapStudy.key(residual, scheme, nil, "tv").text)
                .filter { $0.x >= minimumDepth }.map { transform($0.x, $0.value) }
            guard values.count >= 2, let high = values.maximumPropagatingNaN(),
                let low = values.minimumPropagatingNaN()
            else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            let spread = (high - low) / (relativeToMean ? mean : low)
            if worst.map({ spread > $0.1 || spread.isNaN }) ?? true { worst = (residual, spread) }
        }
        return worst.map { Measurement($0.1, detail: "worst: \($0.0.rawValue)") }
    }
}
