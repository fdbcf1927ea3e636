import WorkbenchCore

extension ConservationLawsReport {
    /// The gd tables (one row per model and η) and the log-log figures of drift against η (with
    /// the slope-1 reference) and of the RK4 drift against h (slope-4 reference).
    func addDriftSection(to content: inout ReportContent) {
        let models = ConservationLawsExperiment.driftModels.filter { !results.series("gd.\($0).law_drift_abs").isEmpty }
        guard !models.isEmpty else { return }
        content.heading("Gradient descent: laws drift like η, non-laws do not")
        content.paragraph(
            """
            Square loss with i.i.d. N(0, 1) data, initial entries \(ReportNumber.format(results.parameters[ConservationLawsExperiment.gdInitScale]))·N(0, 1), \
            fixed horizon T = \(ReportNumber.format(results.parameters[ConservationLawsExperiment.gdHorizon])) (K = T/η steps); \
            drifts are maxima over the trajectory. Laws: all of UᵀU − VᵀV (linear), ‖u_j‖² − ‖v_j‖² − b_j² (ReLU). \
            Non-laws: ‖U‖_F² (linear), the off-diagonal entries of UᵀU − VᵀV − bbᵀ (ReLU). Each step changes a \
            law by exactly η²(G_UᵀG_U − G_VᵀG_V − g_b g_bᵀ).
            """)
        var table = ReportTable(
            id: "gd-summary", title: "Drift by model and step size",
            columns: [
                "model", "η", "steps", "law drift", "relative", "non-law drift", "identity error",
                "bound ratio", "final loss",
            ])
        var figure = ReportFigure(
            id: "gd-drift", title: "Drift at the horizon T vs η", xLabel: "η", yLabel: "max drift")
        for (slot, model) in models.enumerated() {
            func series(_ name: String) -> [(x: Double, value: Double)] { results.series("gd.\(model).\(name)") }
            for point in series("law_drift_abs") {
                func at(_ name: String) -> Double? { results.value("gd.\(model).\(name)", at: point.x) }
                table.rows.append([
                    .text(model), .number(point.x, digits: 3), integer(at("steps")), number(point.value, digits: 3),
                    number(at("law_drift_rel"), digits: 3), number(at("nonlaw_drift_abs"), digits: 3),
                    number(at("identity_err_abs"), digits: 2), number(at("bound_ratio"), digits: 3),
                    number(at("final_loss"), digits: 4),
                ])
            }
            let laws = series("law_drift_abs")
            figure.series.append(
                PlotSeries(label: "\(model) laws", points: laws.map { ($0.x, $0.value) }, colorSlot: slot))
            figure.series.append(
                PlotSeries(
                    label: "\(model) non-law", points: series("nonlaw_drift_abs").map { ($0.x, $0.value) },
                    style: .markers, colorSlot: slot))
            if let smallest = laws.first {
                figure.series.append(
                    PlotSeries(
                        label: "\(model) slope 1", points: laws.map { ($0.x, smallest.value * $0.x / smallest.x) },
                        style: .reference, colorSlot: slot))
            }
        }
        content.table(table)
        content.figure(figure)
        addDriftTrajectoryTable(to: &content, models: models)
        let rk4 = results.series("rk4.law_drift_abs")
        guard let smallest = rk4.first else { return }
        var rk4Figure = ReportFigure(
            id: "rk4-drift", title: "RK4 on the linear flow: law drift vs h", xLabel: "h", yLabel: "max |H_t − H_0|")
        rk4Figure.series.append(PlotSeries(label: "RK4", points: rk4.map { ($0.x, $0.value) }))
        rk4Figure.series.append(
            PlotSeries(
                label: "slope 4", points: rk4.map { ($0.x, smallest.value * pow4($0.x / smallest.x)) },
                style: .reference,
                colorSlot: 0))
        content.figure(rk4Figure)
    }

    private func pow4(_ x: Double) -> Double { x * x * x * x }

    /// `gd_drift`: the running maxima of the law and non-law drifts along each trajectory, at
    /// checkpoints t of the horizon (t, η, law, non-law).
    private func addDriftTrajectoryTable(to content: inout ReportContent, models: [String]) {
        var table = ReportTable(
            id: "gd_drift", title: "Drift so far at time t = kη along each trajectory",
            columns: ["model", "η", "t", "law drift", "non-law drift"])
        for model in models {
            for eta in results.series("gd.\(model).law_drift_abs").map(\.x) {
                let law = DriftMetricKeys.trajectory(model, eta: eta, "law_drift_t").text
                let nonlaw = DriftMetricKeys.trajectory(model, eta: eta, "nonlaw_drift_t").text
                for point in results.series(law) {
                    table.rows.append([
                        .text(model), .number(eta, digits: 3), .number(point.x, digits: 3),
                        number(point.value, digits: 3), number(results.value(nonlaw, at: point.x), digits: 3),
                    ])
                }
            }
        }
        guard !table.rows.isEmpty else { return }
        content.table(table)
    }
}
