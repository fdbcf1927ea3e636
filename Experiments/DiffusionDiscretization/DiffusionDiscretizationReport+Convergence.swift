import WorkbenchCore

extension DiffusionDiscretizationReport {
    func addConvergence(_ content: inout ReportContent, _ configuration: RunConfiguration) {
        content.heading("Exact error against the first-order prediction (E1)")
        content.paragraph(
            """
            For each (process, spectrum, grid, η) the exact W2 between the sampler output and p_ε \
            comes from the per-eigenvalue recursion (no Monte Carlo noise); 𝓔 is the first-order \
            constant from Gauss–Legendre quadrature, so K·W2/𝓔 → 1. The slope is the log-log \
            slope of W2 on the last four K. Initialisation: \(configuration.initialization.rawValue).
            """)
        let ks = configuration.stepCounts
        var ratio = ReportTable(
            id: "convergence_ratio", title: "K·W2/𝓔 by step count K",
            columns: ["configuration", "𝓔"] + ks.map { "K=\($0)" } + ["slope"])
        var distances = ReportTable(
            id: "convergence_w2", title: "Exact W2 by step count K (last column: prediction 𝓔/K at the largest K)",
            columns: ["configuration"] + ks.map { "K=\($0)" } + ["𝓔/K at K=\(ks.last ?? 0)"])
        var weak = ReportTable(
            id: "weak_error", title: "Weak error E‖Y_K‖² − E‖X_ε‖²: exact and first-order 𝒲/K",
            columns: [
                "configuration", "𝒲", "exact, K=\(ks.first ?? 0)", "exact, K=\(ks.last ?? 0)",
                "𝒲/K, K=\(ks.last ?? 0)", "K·weak/𝒲, K=\(ks.last ?? 0)",
            ])
        for row in cells(configuration) {
            let errorConstant = results.scalar("E.\(row.key)")
            ratio.rows.append(
                [.text(row.key), cell(errorConstant)]
                    + ks.map { cell(results.value("ratio.\(row.key)", at: Double($0))) }
                    + [cell(ClaimMeasurements.tailSlope(results, key: row.key))])
            distances.rows.append(
                [.text(row.key)] + ks.map { cell(results.value("w2.\(row.key)", at: Double($0))) }
                    + [cell(ks.last.flatMap { results.value("w2pred.\(row.key)", at: Double($0)) })])
            let weakConstant = results.scalar("weakconst.\(row.key)")
            let lastK = Double(ks.last ?? 0)
            let lastWeak = results.value("weak.\(row.key)", at: lastK)
            let normalised = zip2(lastWeak, weakConstant).map { lastK * $0 / $1 }
            weak.rows.append([
                .text(row.key), cell(weakConstant),
                cell(results.value("weak.\(row.key)", at: Double(ks.first ?? 0))), cell(lastWeak),
                cell(results.value("weakpred.\(row.key)", at: lastK)), cell(normalised),
            ])
        }
        content.table(ratio)
        content.table(distances)
        content.table(weak)

        for process in configuration.processes {
            for spectrum in configuration.spectra {
                for grid in configuration.grids {
                    var figure = ReportFigure(
                        id: "w2_vs_K_\(process.name)_\(spectrum.label)_\(grid.label)",
                        title: "W2 vs K, \(process.name), \(spectrum.label), \(grid.label) grid (dashed: 𝓔/K)",
                        xLabel: "K (steps)", yLabel: "W2(q_K, p_ε)")
                    for (slot, eta) in configuration.etas.enumerated() {
                        let key = MetricKey.configuration(
                            process: process.name, spectrum: spectrum.label, grid: grid.label, eta: eta)
                        let label = "η=\(MetricKey.number(eta))"
                        figure.series.append(
                            PlotSeries(
                                label: label, points: positive(results.series("w2.\(key)")), style: .measured,
                                colorSlot: slot))
                        figure.series.append(
                            PlotSeries(
                                label: "\(label): 𝓔/K", points: positive(results.series("w2pred.\(key)")),
                                style: .reference, colorSlot: slot))
                    }
                    content.figure(figure)
                }
            }
        }
    }

    /// Both values, if both exist.
    func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
