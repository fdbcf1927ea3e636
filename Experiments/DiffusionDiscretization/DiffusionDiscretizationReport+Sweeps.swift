import WorkbenchCore

extension DiffusionDiscretizationReport {
    func addSweeps(_ content: inout ReportContent, _ sweep: GeometrySweep) {
        let ks = sweep.stepCounts
        content.heading("Best diffusion coefficient η per spectrum (E3)")
        content.paragraph(
            """
            Power-law spectra λ_k = k^−α, d = \(sweep.etaSweepDimension). η*_fo minimises the \
            first-order constant 𝓔(η); the other columns minimise the exact W2 at the given K.
            """)
        var etaTable = ReportTable(
            id: "eta_star", title: "Optimal η",
            columns: ["process", "α", "grid", "η* (first order)"] + ks.map { "η* (exact, K=\($0))" }
                + ["𝓔(η*)"] + sweep.etas.map { "𝓔(η=\(MetricKey.format($0)))" })
        for process in sweep.processes {
            for alpha in sweep.alphas {
                for grid in sweep.grids {
                    let group = SweepKind.etaGroup(process: process.name, alpha: alpha, grid: grid)
                    let constants = SweepKind.eta.constantKey(group).text
                    let best = results.scalar(SweepKind.eta.firstOrderOptimumKey(group).text)
                    etaTable.rows.append(
                        [.text(process.name), .number(alpha, digits: 3), .text(grid.label), cell(best)]
                            + ks.map { cell(results.scalar(SweepKind.eta.exactOptimumKey(group, stepCount: $0).text)) }
                            + [cell(best.flatMap { results.value(constants, at: $0) })]
                            + sweep.etas.map { cell(results.value(constants, at: $0)) })
                }
            }
        }
        content.table(etaTable)

        content.heading("Best power-grid exponent p per spectrum and η (E4)")
        content.paragraph(
            """
            Grids power:p, p over the sweep, d = \(sweep.powerSweepDimension). p*_fo \
            minimises 𝓔(p); the exact columns minimise W2 at the given K.
            """)
        var powerTable = ReportTable(
            id: "p_star", title: "Optimal power-grid exponent p",
            columns: ["process", "α", "η", "p* (first order)"] + ks.map { "p* (exact, K=\($0))" }
                + ["𝓔(p*)", "𝓔(p=1) (uniform)"] + ks.map { "K·W2 at p*, K=\($0)" })
        for process in sweep.processes {
            for alpha in sweep.alphas {
                for eta in sweep.powerSweepEtas {
                    let group = SweepKind.powerGroup(process: process.name, alpha: alpha, eta: eta)
                    let constants = SweepKind.power.constantKey(group).text
                    let best = results.scalar(SweepKind.power.firstOrderOptimumKey(group).text)
                    powerTable.rows.append(
                        [.text(process.name), .number(alpha, digits: 3), .number(eta, digits: 3), cell(best)]
                            + ks.map {
                                cell(results.scalar(SweepKind.power.exactOptimumKey(group, stepCount: $0).text))
                            }
                            + [
                                cell(best.flatMap { results.value(constants, at: $0) }),
                                cell(results.value(constants, at: 1)),
                            ]
                            + ks.map { k in
                                let exact = SweepKind.power.exactKey(group, stepCount: k).text
                                return cell(best.flatMap { results.value(exact, at: $0) }.map { Double(k) * $0 })
                            })
                }
            }
        }
        content.table(powerTable)
    }
}
