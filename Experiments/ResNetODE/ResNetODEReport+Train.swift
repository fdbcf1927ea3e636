import WorkbenchCore

extension ResNetODEReport {
    func addTrain(_ content: inout ReportContent) {
        content.heading("Teacher–student training with the adjoint (E5)")
        content.paragraph(
            """
            MLP ResNets (Euler or Heun) fitted to a smooth neural-ODE teacher with Adam, by backprop or \
            by the memory-free adjoint, from W2 = 0 and a tied W1. adj/bp is the ratio of final train \
            losses; the gradient error is the adjoint's at the backprop-trained weights (Figure-4 analog).
            """)
        let depths = results.parameters[ResNetODEExperiment.trainDepths].sorted()
        var table = ReportTable(
            id: "train", title: "Final losses and adjoint errors by depth N",
            columns: [
                "method", "N", "train loss (bp)", "train loss (adj)", "test loss (bp)", "adj/bp", "grad error",
                "rec error",
            ])
        for method in IntegrationMethod.allCases {
            for depth in depths {
                let n = Double(depth)
                let value = { (mode: String?, name: String) in
                    cell(results.value(TrainingStudy.key(method, mode, name).text, at: n))
                }
                table.rows.append([
                    .text(method.rawValue), .integer(depth), value("backprop", "train_loss"),
                    value("adjoint", "train_loss"),
                    value("backprop", "test_loss"), value(nil, "adj_over_bp"), value(nil, "grad_rel_final"),
                    value(nil, "rec_final"),
                ])
            }
        }
        content.table(table)
        var losses = ReportFigure(
            id: "train_loss_vs_N", title: "Final train loss vs depth", xLabel: "depth N", yLabel: "train loss")
        var slot = 0
        for method in IntegrationMethod.allCases {
            for mode in ["backprop", "adjoint"] {
                losses.series.append(
                    PlotSeries(
                        label: "\(method.rawValue), \(mode)",
                        points: positive(results.series(TrainingStudy.key(method, mode, "train_loss").text)),
                        colorSlot: slot))
                slot += 1
            }
        }
        content.figure(losses)
        var gradient = ReportFigure(
            id: "train_grad_error_vs_N", title: "Adjoint gradient error at the backprop-trained weights",
            xLabel: "depth N", yLabel: "‖g_adj − g_bp‖/‖g_bp‖")
        for (index, method) in IntegrationMethod.allCases.enumerated() {
            gradient.series.append(
                PlotSeries(
                    label: method.rawValue,
                    points: positive(results.series(TrainingStudy.key(method, nil, "grad_rel_final").text)),
                    colorSlot: index))
        }
        content.figure(gradient)
    }
}
