import WorkbenchCore

/// The configuration part of every metric key, built with the core's ``MetricKey`` so each key
/// carries its named coordinates (`R`, `H`, `moment`, `d`, `s`); the quantity is appended, e.g.
/// `MetricKeys.uniform(radius: 0.5).appending("sup.err_mean")` is `uniform.R0.5.sup.err_mean`
/// with the coordinate `R = 0.5`. Series points carry the token count `n` as their abscissa; the
/// raw per-repetition values are series over the repetition index under `….n{n}.…`.
enum MetricKeys {
    /// `{prefix}.n{n}.err`: the error of each repetition at token count `n`, recorded as soon as
    /// the repetition is done (abscissa: repetition index `0, 1, …`).
    static func repetitionErrors(_ prefix: MetricKey, n: Int) -> MetricKey {
        prefix.appending(.integer("n", n), "err")
    }

    /// `uniform.R{R}`: the ball of radius `R` (E1).
    static func uniform(radius: Double) -> MetricKey { MetricKey("uniform", .number("R", radius)) }

    /// `moments.H{H}`: the horizon `H` (E2).
    static func moments(horizon: Double) -> MetricKey { MetricKey("moments", .number("H", horizon)) }

    /// `moments.H{H}.{moment}`: the output mean (`mean`) or covariance (`cov`) at horizon `H`.
    static func moments(horizon: Double, _ moment: Moment) -> MetricKey {
        moments(horizon: horizon).appending(.text("moment", moment.rawValue))
    }

    /// `hardmax.annealed.d{d}`: annealed temperature on `S^{d−1}` (E3a).
    static func annealed(dimension: Int) -> MetricKey { MetricKey("hardmax.annealed", .integer("d", dimension)) }

    /// `hardmax.sphere.d{d}`: hardmax on `S^{d−1}` (E3b).
    static func sphere(dimension: Int) -> MetricKey { MetricKey("hardmax.sphere", .integer("d", dimension)) }

    /// `hardmax.gauss.s{s}`: the 1-D Gaussian-score attention at signal `s` (E3c).
    static func gauss(signal: Double) -> MetricKey { MetricKey("hardmax.gauss", .number("s", signal)) }

    /// The moment whose error a `moments` key measures.
    enum Moment: String, CaseIterable, Sendable {
        case mean
        case cov
    }
}
