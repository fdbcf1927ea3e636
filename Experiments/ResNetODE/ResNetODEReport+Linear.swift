import WorkbenchCore

extension ResNetODEReport {
    func addLinear(_ content: inout ReportContent) {
        content.heading("Linear ResNet training keeps the weights smooth (E2, Figure 2)")
        content.paragraph(
            """
            Gradient descent on Π = ∏(I + A_n/N) (row convention) from A_n = 0 with lr = η·N and the \
            mean loss (1/d²)‖Π − B‖². The weight curves of the Figure-2 run are in the run's \
            `lin_weights.csv` artifact; below, selected steps of its loss and smoothness \
            N·max_n‖A_{n+1} − A_n‖_F, then the distance to the reference depth and the i.i.d.-init contrast.
            """)
        let loss = results.series("lin.loss")
        let steps = loss.map(\.x).filter { [0, 1, 10, 32, 33, 50, 100].contains($0) || $0 == loss.last?.x }
        var figureTwo = ReportTable(
            id: "linear_fig2", title: "Figure-2 run by step k", columns: ["k", "loss", "N·max‖ΔA‖_F"])
        for k in steps {
            figureTwo.rows.append([
                .integer(Int(k)), cell(results.value("lin.loss", at: k)), cell(results.value("lin.smoothness", at: k)),
            ])
        }
        content.table(figureTwo)
        var rate = ReportTable(
            id: "linear_rate", title: "Distance to the depth limit and ResNet-vs-ODE gap after training",
            columns: ["N", "dist_limit", "N·dist", "ode_gap", "N·ode_gap"])
        for point in results.series("lin.dist_limit") {
            let gap = results.value("lin.ode_gap", at: point.x)
            rate.rows.append([
                .integer(Int(point.x)), cell(point.value), cell(point.x * point.value), cell(gap),
                cell(gap.map { point.x * $0 }),
            ])
        }
        content.table(rate)
        var rough = ReportTable(
            id: "linear_iid", title: "I.i.d. initialisation: roughness sup_k max_n‖ΔA‖_F and final loss",
            columns: ["N", "sup max‖ΔA‖_F", "final loss"])
        for point in results.series("lin.iid.smoothness_over_N") {
            rough.rows.append([
                .integer(Int(point.x)), cell(point.value), cell(results.value("lin.iid.final_loss", at: point.x)),
            ])
        }
        content.table(rough)
        var figure = ReportFigure(
            id: "linear_loss", title: "Figure-2 run: loss vs step", xLabel: "step k", yLabel: "loss", xScale: .linear)
        figure.series.append(PlotSeries(label: "loss", points: positive(loss)))
        content.figure(figure)
        var distance = ReportFigure(
            id: "linear_dist_limit", title: "Distance to the depth limit vs N (dashed: slope −1)", xLabel: "depth N",
            yLabel: "max_k max_n ‖A^N_n − A^ref(n/N)‖_F")
        let measured = positive(results.series("lin.dist_limit"))
        distance.series.append(PlotSeries(label: "dist_limit", points: measured, colorSlot: 0))
        distance.series.append(
            PlotSeries(
                label: "slope −1", points: PlotSeries.slopeLine(-1, through: measured, anchor: .first),
                style: .reference, colorSlot: 0))
        content.figure(distance)
    }
}
