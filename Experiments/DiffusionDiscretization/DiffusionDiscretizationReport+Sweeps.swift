import WorkbenchCore

extension DiffusionDiscretizationReport {
    func addSweeps(_ content: inout ReportContent, _ configuration: RunConfiguration) {
        guard configuration.optimize else { return }
        let ks = configuration.sweepStepCounts
        content.heading("Best diffusion coefficient η per spectrum (E3)")
        content.paragraph(
            """
            Power-law spectra λ_k = k^−α, d = \(configuration.etaSweepDimension). η*_fo minimises the \
            first-order constant 𝓔(η); the other columns minimise the exact W2 at the given K.
            """)
        var etaTable = ReportTable(
            id: "eta_star", title: "Optimal η",
            columns: ["process", "α", "grid", "η* (first order)"] + ks.map { "η* (exact, K=\($0))" }
                + ["𝓔(η*)"] + configuration.sweepEtas.map { "𝓔(η=\(MetricKey.number($0)))" })
        for process in configuration.processes {
            for alpha in configuration.sweepAlphas {
                for grid in configuration.sweepGrids {
                    let suffix = "\(process.name).pow\(MetricKey.number(alpha)).\(grid.label)"
                    let best = results.scalar("etastar.fo.\(suffix)")
                    etaTable.rows.append(
                        [.text(process.name), .number(alpha, digits: 3), .text(grid.label), cell(best)]
                            + ks.map { cell(results.scalar("etastar.K\($0).\(suffix)")) }
                            + [cell(best.flatMap { results.value("etasweep.E.\(suffix)", at: $0) })]
                            + configuration.sweepEtas.map { cell(results.value("etasweep.E.\(suffix)", at: $0)) })
                }
            }
        }
        content.table(etaTable)

        content.heading("Best power-grid exponent p per spectrum and η (E4)")
        content.paragraph(
            """
            Grids power:p, p over the sweep, d = \(configuration.powerSweepDimension). p*_fo \
            minimises 𝓔(p); the exact columns minimise W2 at the given K.
            """)
        var powerTable = ReportTable(
            id: "p_star", title: "Optimal power-grid exponent p",
            columns: ["process", "α", "η", "p* (first order)"] + ks.map { "p* (exact, K=\($0))" }
                + ["𝓔(p*)", "𝓔(p=1) (uniform)"] + ks.map { "K·W2 at p*, K=\($0)" })
        for process in configuration.processes {
            for alpha in configuration.sweepAlphas {
                for eta in configuration.powerSweepEtas {
                    let suffix = "\(process.name).pow\(MetricKey.number(alpha)).eta\(MetricKey.number(eta))"
                    let best = results.scalar("pstar.fo.\(suffix)")
                    powerTable.rows.append(
                        [.text(process.name), .number(alpha, digits: 3), .number(eta, digits: 3), cell(best)]
                            + ks.map { cell(results.scalar("pstar.K\($0).\(suffix)")) }
                            + [
                                cell(best.flatMap { results.value("psweep.E.\(suffix)", at: $0) }),
                                cell(results.value("psweep.E.\(suffix)", at: 1)),
                            ]
                            + ks.map { k in
                                cell(
                                    best.flatMap { results.value("psweep.w2.K\(k).\(suffix)", at: $0) }
                                        .map { Double(k) * $0 })
                            })
                }
            }
        }
        content.table(powerTable)
    }
}
