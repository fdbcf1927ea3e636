import WorkbenchCore

extension ResNetODEReport {
    func addAdjoint(_ content: inout ReportContent) {
        let parameters = results.parameters
        let residuals = parameters[ResNetODEExperiment.adjointResiduals].compactMap(ResidualKind.init(rawValue:))
        let schemes = parameters[ResNetODEExperiment.adjointSchemes].compactMap(WeightScheme.init(rawValue:))
        let depths = parameters[ResNetODEExperiment.depths].sorted()
        content.heading("Memory-free adjoint against backpropagation (E3)")
        content.paragraph(
            """
            The adjoint keeps only X_N and reconstructs the states by reverse steps (Euler: \
            X̃ ← X̃ − h f(X̃, θ_n); Heun: the reverse Heun step), then backpropagates through each \
            step at the reconstructed state. rec = ‖X̃_0 − X_0‖/‖X_0‖; grad = ‖g_adj − g_bp‖/‖g_bp‖ \
            over all weight gradients; loss ‖X_N − Y‖²/(2B).
            """)
        var table = ReportTable(
            id: "adjoint", title: "Reconstruction and gradient errors by depth N",
            columns: ["configuration"] + depths.map { "N=\($0)" } + ["slope"])
        for residual in residuals {
            for method in IntegrationMethod.allCases {
                for scheme in schemes {
                    for name in ["rec", "grad_rel"] {
                        let key = AdjointStudy.key(residual, method, scheme, name)
                        table.rows.append(
                            [.text("\(residual.rawValue) \(method.rawValue) \(scheme.rawValue) \(name)")]
                                + depths.map { cell(results.value(key.text, at: Double($0))) }
                                + [cell(results.scalar(key.appending("slope").text))])
                    }
                }
            }
        }
        content.table(table)
        for residual in residuals {
            for name in ["rec", "grad_rel"] {
                var figure = ReportFigure(
                    id: "adjoint_\(name)_\(residual.rawValue)",
                    title:
                        "Adjoint \(name == "rec" ? "reconstruction" : "gradient") error vs N, \(residual.rawValue) (dashed: slopes −1, −3)",
                    xLabel: "depth N", yLabel: name == "rec" ? "‖X̃_0 − X_0‖/‖X_0‖" : "‖g_adj − g_bp‖/‖g_bp‖")
                var slot = 0
                for method in IntegrationMethod.allCases {
                    for scheme in schemes {
                        let points = positive(results.series(AdjointStudy.key(residual, method, scheme, name).text))
                        figure.series.append(
                            PlotSeries(label: "\(method.rawValue), \(scheme.rawValue)", points: points, colorSlot: slot)
                        )
                        if scheme == .smooth {
                            figure.series.append(
                                PlotSeries(
                                    label: "slope \(method == .euler ? "−1" : "−3")",
                                    points: PlotSeries.slopeLine(
                                        method == .euler ? -1 : -3, through: points, anchor: .first),
                                    style: .reference, colorSlot: slot))
                        }
                        slot += 1
                    }
                }
                content.figure(figure)
            }
        }
    }
}
