import WorkbenchCore

extension DiffusionDiscretizationReport {
    func addMonteCarlo(_ content: inout ReportContent) {
        let prefixes = results.scalarKeys(prefix: "mc.").filter { $0.hasSuffix(".fd_exact") }
            .map { String($0.dropLast(".fd_exact".count)) }
        guard !prefixes.isEmpty else { return }
        content.heading("Monte Carlo cross-check of the recursion")
        content.paragraph(
            """
            Full-space Euler–Maruyama chains (rotated basis, non-zero mean, seeded) against the \
            recursion: z-scores of the empirical mean and covariance, and the Fréchet distance of \
            the fitted Gaussian, whose expectation is the exact FD plus a finite-sample bias: the \
            spec's floor (the bias of a fit to its own law) or, more accurately when the sampler \
            law is far from p_ε, the delta-method bias with the Bures curvature at the sampler law.
            """)
        var table = ReportTable(
            id: "monte_carlo", title: "Monte Carlo vs exact recursion",
            columns: [
                "run", "max |z| cov", "max |z| mean", "FD exact", "FD MC", "floor", "FD MC − floor",
                "(FD MC − floor)/FD exact − 1", "bias (delta method)", "(FD MC − bias)/FD exact − 1",
            ])
        for prefix in prefixes {
            let exact = results.scalar("\(prefix).fd_exact")
            let corrected = results.scalar("\(prefix).fd_mc_minus_floor")
            table.rows.append([
                .text(prefix), cell(results.scalar("\(prefix).zmax_cov"), digits: 3),
                cell(results.scalar("\(prefix).zmax_mean"), digits: 3), cell(exact),
                cell(results.scalar("\(prefix).fd_mc")), cell(results.scalar("\(prefix).floor")), cell(corrected),
                cell(zip2(corrected, exact).map { $0 / $1 - 1 }, digits: 3),
                cell(results.scalar("\(prefix).bias")),
                cell(zip2(results.scalar("\(prefix).fd_mc_minus_bias"), exact).map { $0 / $1 - 1 }, digits: 3),
            ])
        }
        content.table(table)
    }

    func addOracles(_ content: inout ReportContent, _ study: OracleStudy) {
        content.heading("Exactness checks")
        var table = ReportTable(
            id: "oracles", title: "Identities that hold in exact arithmetic",
            columns: [
                "process", "Euler-ODE λ = 1 (VP): max |P_K − 1|", "Euler-ODE λ = 0 (VE): max |P_K/ε² − 1|",
                "Bures vs commuting W2 (relative)",
            ])
        for process in study.processes {
            table.rows.append(
                [.text(process.name)]
                    + ["odeUnitEigenvalueDeviation", "odeDiracRelativeDeviation", "buresVsCommutingRelativeError"].map {
                        cell(results.scalar(OracleStudy.key(process: process.name, $0).text), digits: 3)
                    })
        }
        content.table(table)
    }

    func addExtensions(_ content: inout ReportContent, _ study: ExtensionStudy) {
        content.heading("Beyond the paper: Heun and DDIM")
        content.paragraph(
            """
            Two-scale data (1, 0.01), \(study.grid.label) grid, exact recursions. \
            Heun on the probability-flow ODE is second order (K²·W2 settles); DDIM is first order \
            (K·W2 settles) and exact for λ = 0.
            """)
        for process in study.processes {
            var table = ReportTable(
                id: "samplers_\(process.name)", title: "Exact W2 of Euler-ODE, Heun and DDIM, \(process.name)",
                columns: ["K", "Euler-ODE", "Heun", "DDIM", "K·W2 Euler", "K²·W2 Heun", "K·W2 DDIM"])
            var figure = ReportFigure(
                id: "samplers_\(process.name)",
                title: "W₂ vs K by sampler, \(process.name) (dashed: slopes −1 and −2)",
                xLabel: "K (steps)", yLabel: "W₂(q_K, p_ε)")
            let key = { (sampler: String) in ExtensionStudy.key(sampler: sampler, process: process.name).text }
            for k in study.stepCounts {
                let x = Double(k)
                let euler = results.value(key("euler"), at: x)
                let heun = results.value(key("heun"), at: x)
                let ddim = results.value(key("ddim"), at: x)
                table.rows.append([
                    .integer(k), cell(euler), cell(heun), cell(ddim), cell(euler.map { x * $0 }),
                    cell(heun.map { x * x * $0 }), cell(ddim.map { x * $0 }),
                ])
            }
            for (slot, sampler) in ExtensionStudy.samplers.enumerated() {
                let points = positive(results.series(key(sampler.name)))
                figure.series.append(PlotSeries(label: sampler.name, points: points, colorSlot: slot))
                let order = sampler.name == "heun" ? 2.0 : 1.0
                if let guide = PlotSeries.slopeGuide(
                    slope: -order, through: points, label: "\(sampler.name): slope −\(Int(order))", colorSlot: slot)
                {
                    figure.series.append(guide)
                }
            }
            content.table(table)
            content.figure(figure)
        }
    }
}
