import WorkbenchCore

/// One (process, spectrum, grid, η) configuration of the convergence study, and the keys of its
/// metrics: `{family}.{process}.{spectrum}.{grid}.eta{η}` with those four coordinates, e.g.
/// `w2.vp-linear.pow1.uniform.eta0.5`.
struct ConvergenceCell: Sendable {
    let process: ProcessConfiguration
    /// Position of the spectrum in the run's `spectra` (its eigenvalues and seeded mean).
    let spectrumIndex: Int
    let spectrum: SpectrumSpecification
    let grid: TimeGrid
    let eta: Double

    /// The coordinates, in key order.
    var segments: [MetricKey.Segment] {
        [
            .text("process", process.name), .text("spectrum", spectrum.label), .text("grid", grid.label),
            .number("eta", eta),
        ]
    }

    /// The key of the metric `family` (`w2`, `ratio`, `E`, …) of this configuration.
    func key(_ family: String) -> MetricKey { MetricKey(segments: [.name(family)] + segments) }

    /// `{process}.{spectrum}.{grid}.eta{η}`: the configuration's name in tables and details.
    var label: String { MetricKey(segments: segments).text }
}
