import WorkbenchCore

/// The two geometry sweeps of the `sweeps` part and the keys of their metrics.
///
/// A sweep group names one curve: `{process}.{spectrum}.{grid}` for the η sweep and
/// `{process}.{spectrum}.eta{η}` for the power-grid sweep (coordinates of the same names;
/// `spectrum` is `pow{α}`). Over the sweep's abscissa (η or p) a group records the series
/// `{sweep}.E.{group}` (𝓔) and `{sweep}.w2.K{K}.{group}` (exact W2 at each sweep K), and the
/// argmins `{optimum}.fo.{group}` and `{optimum}.K{K}.{group}`.
enum SweepKind: Sendable {
    /// Over η (experiment E3): `etasweep`, `etastar`.
    case eta
    /// Over the exponent p of `power:p` grids (experiment E4): `psweep`, `pstar`.
    case power

    /// The series family: `etasweep` or `psweep`.
    var seriesFamily: String {
        switch self {
        case .eta: return "etasweep"
        case .power: return "psweep"
        }
    }

    /// The optimum family: `etastar` or `pstar`.
    var optimumFamily: String {
        switch self {
        case .eta: return "etastar"
        case .power: return "pstar"
        }
    }

    /// `{sweep}.E.{group}`: the first-order constant 𝓔 over the abscissa.
    func constantKey(_ group: [MetricKey.Segment]) -> MetricKey {
        MetricKey(segments: [.name(seriesFamily + ".E")] + group)
    }

    /// `{sweep}.w2.K{K}.{group}`: the exact W2 at `stepCount` over the abscissa.
    func exactKey(_ group: [MetricKey.Segment], stepCount: Int) -> MetricKey {
        MetricKey(segments: [.name(seriesFamily + ".w2"), .integer("K", stepCount)] + group)
    }

    /// `{optimum}.fo.{group}`: the abscissa minimising 𝓔.
    func firstOrderOptimumKey(_ group: [MetricKey.Segment]) -> MetricKey {
        MetricKey(segments: [.name(optimumFamily + ".fo")] + group)
    }

    /// `{optimum}.K{K}.{group}`: the abscissa minimising the exact W2 at `stepCount`.
    func exactOptimumKey(_ group: [MetricKey.Segment], stepCount: Int) -> MetricKey {
        MetricKey(segments: [.name(optimumFamily), .integer("K", stepCount)] + group)
    }

    /// The group of the η sweep for (process, α, grid).
    static func etaGroup(process: String, alpha: Double, grid: TimeGrid) -> [MetricKey.Segment] {
        [
            .text("process", process), .text("spectrum", SpectrumSpecification.powerLaw(alpha: alpha).label),
            .text("grid", grid.label),
        ]
    }

    /// The group of the power-grid sweep for (process, α, η).
    static func powerGroup(process: String, alpha: Double, eta: Double) -> [MetricKey.Segment] {
        [
            .text("process", process), .text("spectrum", SpectrumSpecification.powerLaw(alpha: alpha).label),
            .number("eta", eta),
        ]
    }
}
