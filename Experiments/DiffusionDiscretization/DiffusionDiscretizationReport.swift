import WorkbenchCore

/// Builds the experiment's report body from recorded results only (a pure function of
/// ``RunResults``): convergence tables and figures (E1), the kernel κ(λ) (E2), the η and p
/// sweeps (E3, E4), the Monte Carlo cross-check, the exactness oracles and the Heun/DDIM study.
struct DiffusionDiscretizationReport {
    let results: RunResults
    let configuration: RunConfiguration?

    init(results: RunResults) {
        self.results = results
        configuration = try? RunConfiguration(results.parameters)
    }

    var content: ReportContent {
        var content = ReportContent()
        guard let configuration else {
            content.paragraph("The run's parameters could not be interpreted; no tables are shown.")
            return content
        }
        addConvergence(&content, configuration)
        addKernel(&content, configuration)
        addSweeps(&content, configuration)
        addMonteCarlo(&content)
        addOracles(&content, configuration)
        addExtensions(&content, configuration)
        return content
    }

    /// A number cell, or empty when the metric is missing.
    func cell(_ value: Double?, digits: Int = 4) -> ReportCell {
        value.map { .number($0, digits: digits) } ?? .empty
    }

    /// Every convergence configuration key, in run order, with its parts.
    func cells(_ configuration: RunConfiguration)
        -> [(key: String, process: String, spectrum: String, grid: String, eta: Double)]
    {
        var cells = [(key: String, process: String, spectrum: String, grid: String, eta: Double)]()
        for process in configuration.processes {
            for spectrum in configuration.spectra {
                for grid in configuration.grids {
                    for eta in configuration.etas {
                        cells.append(
                            (
                                MetricKey.configuration(
                                    process: process.name, spectrum: spectrum.label, grid: grid.label, eta: eta),
                                process.name, spectrum.label, grid.label, eta
                            ))
                    }
                }
            }
        }
        return cells
    }

    /// Keeps the strictly positive points (log axes cannot show the others).
    func positive(_ points: [(x: Double, value: Double)]) -> [(x: Double, y: Double)] {
        points.filter { $0.x > 0 && $0.value > 0 && $0.value.isFinite }.map { (x: $0.x, y: $0.value) }
    }
}
