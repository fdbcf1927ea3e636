import WorkbenchCore

extension DiffusionDiscretizationReport {
    func addKernel(_ content: inout ReportContent, _ configuration: RunConfiguration) {
        content.heading("Per-eigenvalue kernel κ(λ) (E2)")
        content.paragraph(
            """
            𝓔² = Σ_i κ(λ_i) with κ(λ) = C(λ)²/(4v_λ(ε)) for centred data, so κ shows which \
            eigenvalues a sampler gets wrong. The Euler-ODE is exact for λ = 1 in VP (κ = 0) and for \
            λ = 0 in VE; with η = 1 the small eigenvalues dominate.
            """)
        let lambdas = RunConfiguration.kernelLambdas
        for process in configuration.processes {
            for grid in configuration.grids {
                let suffixes = configuration.etas.map {
                    (eta: $0, suffix: "\(process.name).\(grid.label).eta\(MetricKey.number($0))")
                }
                var table = ReportTable(
                    id: "kernel_\(process.name)_\(grid.label)",
                    title: "C(λ) and κ(λ), \(process.name), \(grid.label) grid",
                    columns: ["λ"] + suffixes.map { "C, η=\(MetricKey.number($0.eta))" }
                        + suffixes.map { "κ, η=\(MetricKey.number($0.eta))" })
                for lambda in lambdas {
                    table.rows.append(
                        [.number(lambda, digits: 3)]
                            + suffixes.map { cell(results.value("kernel.C.\($0.suffix)", at: lambda)) }
                            + suffixes.map { cell(results.value("kernel.kappa.\($0.suffix)", at: lambda)) })
                }
                content.table(table)
                var figure = ReportFigure(
                    id: "kappa_\(process.name)_\(grid.label)",
                    title: "κ(λ), \(process.name), \(grid.label) grid (zeros omitted)",
                    xLabel: "eigenvalue λ", yLabel: "κ(λ)")
                for entry in suffixes {
                    figure.series.append(
                        PlotSeries(
                            label: "η=\(MetricKey.number(entry.eta))",
                            points: positive(results.series("kernel.kappa.\(entry.suffix)"))))
                }
                content.figure(figure)
            }
        }
    }
}
