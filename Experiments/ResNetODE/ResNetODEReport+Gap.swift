import Foundation
import WorkbenchCore

extension ResNetODEReport {
    func addGap(_ content: inout ReportContent) {
        let parameters = results.parameters
        let residuals = parameters[ResNetODEExperiment.residuals].compactMap(ResidualKind.init(rawValue:))
        let schemes = parameters[ResNetODEExperiment.weightSchemes].compactMap(WeightScheme.init(rawValue:))
        let depths = parameters[ResNetODEExperiment.depths].sorted()
        content.heading("Trajectory gap against depth (E1)")
        content.paragraph(
            """
            Relative gap ‖X_N − z(1)‖_F/‖z(1)‖_F between the network output and RK4 references: \
            `pl` is the ODE on the piecewise-affine path through the nodes θ_0…θ_N \
            (\(parameters[ResNetODEExperiment.odeSubsteps]) substeps per layer, aligned to the nodes); \
            `limit` is the ODE on the smooth path Θ(t) (\(parameters[ResNetODEExperiment.limitSteps]) steps). \
            Slopes are least-squares fits of log gap on log N over N ≥ \(parameters[ResNetODEExperiment.fitMinDepth]).
            """)
        var rows = [(label: String, key: MetricKey)]()
        for residual in residuals {
            for scheme in schemes {
                rows.append(
                    (
                        "\(residual.rawValue) \(scheme.rawValue) euler vs pl",
                        GapStudy.key(residual, scheme, "euler", "rel_pl")
                    ))
                if scheme == .smooth {
                    rows.append(
                        (
                            "\(residual.rawValue) smooth euler vs limit",
                            GapStudy.key(residual, scheme, "euler", "rel_limit")
                        ))
                    rows.append(
                        (
                            "\(residual.rawValue) smooth heun vs limit",
                            GapStudy.key(residual, scheme, "heun", "rel_limit")
                        ))
                }
            }
        }
        var table = ReportTable(
            id: "gap", title: "Relative gap by depth N",
            columns: ["configuration"] + depths.map { "N=\($0)" } + ["slope"])
        for row in rows {
            table.rows.append(
                [.text(row.label)] + depths.map { cell(results.value(row.key.text, at: Double($0))) }
                    + [cell(results.scalar(row.key.appending("slope").text))])
        }
        content.table(table)
        var variation = ReportTable(
            id: "gap_tv", title: "Total variation Σ‖θ_{n+1} − θ_n‖_F of the nodes",
            columns: ["residual, scheme"] + depths.map { "N=\($0)" })
        for residual in residuals {
            for scheme in schemes {
                let key = GapStudy.key(residual, scheme, nil, "tv").text
                variation.rows.append(
                    [.text("\(residual.rawValue) \(scheme.rawValue)")]
                        + depths.map { cell(results.value(key, at: Double($0))) })
            }
        }
        content.table(variation)
        for residual in residuals {
            var figure = ReportFigure(
                id: "gap_vs_N_\(residual.rawValue)",
                title: "Gap vs N, \(residual.rawValue) residual (dashed: slopes −1 and −2)",
                xLabel: "depth N", yLabel: "relative gap")
            var slot = 0
            for scheme in schemes {
                let points = positive(results.series(GapStudy.key(residual, scheme, "euler", "rel_pl").text))
                figure.series.append(
                    PlotSeries(label: "\(scheme.rawValue), euler vs pl", points: points, colorSlot: slot))
                slot += 1
            }
            if schemes.contains(.smooth) {
                let euler = positive(results.series(GapStudy.key(residual, .smooth, "euler", "rel_limit").text))
                let heun = positive(results.series(GapStudy.key(residual, .smooth, "heun", "rel_limit").text))
                figure.series.append(PlotSeries(label: "smooth, euler vs limit", points: euler, colorSlot: slot))
                figure.series.append(
                    PlotSeries(
                        label: "slope −1", points: PlotSeries.slopeLine(-1, through: euler, anchor: .first),
                        style: .reference, colorSlot: slot))
                slot += 1
                figure.series.append(PlotSeries(label: "smooth, heun vs limit", points: heun, colorSlot: slot))
                figure.series.append(
                    PlotSeries(
                        label: "slope −2", points: PlotSeries.slopeLine(-2, through: heun, anchor: .first),
                        style: .reference, colorSlot: slot))
            }
            content.figure(figure)
        }
    }
}
