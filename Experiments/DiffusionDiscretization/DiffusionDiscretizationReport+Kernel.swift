import WorkbenchCore

extension DiffusionDiscretizationReport {
    func addKernel(_ content: inout ReportContent, _ study: KernelStudy) {
        content.heading("Per-eigenvalue kernel κ(λ) (E2)")
        content.paragraph(
            """
            𝓔² = Σ_i κ(λ_i) with κ(λ) = C(λ)²/(4v_λ(ε)) for centred data, so κ shows which \
            eigenvalues a sampler gets wrong. The Euler-ODE is exact for λ = 1 in VP (κ = 0) and for \
            λ = 0 in VE; with η = 1 the small eigenvalues dominate.
            """)
        let lambdas = KernelStudy.lambdas
        for process in study.processes {
            for grid in study.grids {
                let keys = study.etas.map { eta in
                    (
                        eta: eta, c: KernelStudy.key("C", process: process.name, grid: grid, eta: eta).text,
                        kappa: KernelStudy.key("kappa", process: process.name, grid: grid, eta: eta).text
                    )
                }
                var table = ReportTable(
                    id: "kernel_\(process.name)_\(grid.label)",
                    title: "C(λ) and κ(λ), \(process.name), \(grid.label) grid",
                    columns: ["λ"] + keys.map { "C, η=\(MetricKey.format($0.eta))" }
                        + keys.map { "κ, η=\(MetricKey.format($0.eta))" })
                for lambda in lambdas {
                    table.rows.append(
                        [.number(lambda, digits: 3)]
                            + keys.map { cell(results.value($0.c, at: lambda)) }
                            + keys.map { cell(results.value($0.kappa, at: lambda)) })
                }
                content.table(table)
                var figure = ReportFigure(
                    id: "kappa_\(process.name)_\(grid.label)",
                    title: "κ(λ), \(process.name), \(grid.label) grid (zeros omitted)",
                    xLabel: "eigenvalue λ", yLabel: "κ(λ)")
                for entry in keys {
                    figure.series.append(
                        PlotSeries(
                            label: "η=\(MetricKey.format(entry.eta))", points: positive(results.series(entry.kappa))))
                }
                content.figure(figure)
            }
        }
    }
}
