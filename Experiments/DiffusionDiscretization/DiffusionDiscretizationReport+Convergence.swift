import WorkbenchCore

extension DiffusionDiscretizationReport {
    func addConvergence(_ content: inout ReportContent, _ study: ConvergenceStudy) {
        content.heading("Exact error against the first-order prediction (E1)")
        content.paragraph(
            """
            For each (process, spectrum, grid, η) the exact W2 between the sampler output and p_ε \
            comes from the per-eigenvalue recursion (no Monte Carlo noise); 𝓔 is the first-order \
            constant from Gauss–Legendre quadrature, so K·W2/𝓔 → 1. The slope is the log-log \
            slope of W2 on the last four K. Initialisation: \(study.initialization.rawValue).
            """)
        let ks = study.stepCounts
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
        for row in study.cells {
            let errorConstant = results.scalar(row.key("E").text)
            let ratioKey = row.key("ratio").text
            let w2Key = row.key("w2").text
            let weakKey = row.key("weak").text
            ratio.rows.append(
                [.text(row.label), cell(errorConstant)]
                    + ks.map { cell(results.value(ratioKey, at: Double($0))) }
                    + [cell(ClaimMeasurements.tailSlope(results, row))])
            distances.rows.append(
                [.text(row.label)] + ks.map { cell(results.value(w2Key, at: Double($0))) }
                    + [cell(ks.last.flatMap { results.value(row.key("w2pred").text, at: Double($0)) })])
            let weakConstant = results.scalar(row.key("weakconst").text)
            let lastK = Double(ks.last ?? 0)
            let lastWeak = results.value(weakKey, at: lastK)
            let normalised = zip2(lastWeak, weakConstant).map { lastK * $0 / $1 }
            weak.rows.append([
                .text(row.label), cell(weakConstant),
                cell(results.value(weakKey, at: Double(ks.first ?? 0))), cell(lastWeak),
                cell(results.value(row.key("weakpred").text, at: lastK)), cell(normalised),
            ])
        }
        content.table(ratio)
        content.table(distances)
        content.table(weak)

        for process in study.processes {
            for (index, spectrum) in study.spectra.enumerated() {
                for grid in study.grids {
                    var figure = ReportFigure(
                        id: "w2_vs_K_\(process.name)_\(spectrum.label)_\(grid.label)",
                        title: "W₂ vs K, \(process.name), \(spectrum.label), \(grid.label) grid (dashed: 𝓔/K)",
                        xLabel: "K (steps)", yLabel: "W₂(q_K, p_ε)")
                    for (slot, eta) in study.etas.enumerated() {
                        let configuration = ConvergenceCell(
                            process: process, spectrumIndex: index, spectrum: spectrum, grid: grid, eta: eta)
                        let label = "η=\(MetricKey.format(eta))"
                        figure.series.append(
                            PlotSeries(
                                label: label, points: positive(results.series(configuration.key("w2").text)),
                                style: .measured, colorSlot: slot))
                        figure.series.append(
                            PlotSeries(
                                label: "\(label): 𝓔/K",
                                points: positive(results.series(configuration.key("w2pred").text)),
                                style: .reference, colorSlot: slot))
                    }
                    content.figure(figure)
                }
            }
        }
    }
}
