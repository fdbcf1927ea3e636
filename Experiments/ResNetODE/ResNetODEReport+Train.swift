import WorkbenchCore

extension ResNetODEReport {
    func addTrain(_ content: inout ReportContent) {
        content.heading("Teacher–student training with the adjoint (E5)")
        content.paragraph(
            """
            MLP ResNets (Euler or Heun) fitted to a smooth neural-ODE teacher with Adam, by backprop or \
            by the memory-free adjoint, from W2 = 0 and a tied W1. adj/bp is the ratio of final train \
            losses; the gradient error is the adjoint's at the backprop-trained weights (Figure-4 analog). \
            Each training seed has its own teacher, data and initialisation; the figures show the first seed.
            """)
        let depths = results.parameters[ResNetODEExperiment.trainDepths].sorted()
        let seeds = results.parameters[ResNetODEExperiment.trainSeeds]
        let first = seeds.first ?? 0
        if seeds.count > 1 { addTrainRatioSummary(&content, seeds: seeds, depths: depths) }
        var table = ReportTable(
            id: "train", title: "Final losses and adjoint errors by seed and depth N",
            columns: [
                "seed", "method", "N", "train loss (bp)", "train loss (adj)", "test loss (bp)", "adj/bp",
                "grad error", "rec error",
            ])
        for seed in seeds {
            for method in IntegrationMethod.allCases {
                for depth in depths {
                    let n = Double(depth)
                    let value = { (mode: String?, name: String) in
                        cell(results.value(TrainingStudy.key(seed, method, mode, name).text, at: n))
                    }
                    table.rows.append([
                        .integer(seed), .text(method.rawValue), .integer(depth), value("backprop", "train_loss"),
                        value("adjoint", "train_loss"), value("backprop", "test_loss"), value(nil, "adj_over_bp"),
                        value(nil, "grad_rel_final"), value(nil, "rec_final"),
                    ])
                }
            }
        }
        content.table(table)
        var losses = ReportFigure(
            id: "train_loss_vs_N", title: "Final train loss vs depth (seed \(first))", xLabel: "depth N",
            yLabel: "train loss")
        var slot = 0
        for method in IntegrationMethod.allCases {
            for mode in ["backprop", "adjoint"] {
                losses.series.append(
                    PlotSeries(
                        label: "\(method.rawValue), \(mode)",
                        points: positive(results.series(TrainingStudy.key(first, method, mode, "train_loss").text)),
                        colorSlot: slot))
                slot += 1
            }
        }
        content.figure(losses)
        var gradient = ReportFigure(
            id: "train_grad_error_vs_N",
            title: "Adjoint gradient error at the backprop-trained weights (seed \(first))",
            xLabel: "depth N", yLabel: "‖g_adj − g_bp‖/‖g_bp‖")
        for (index, method) in IntegrationMethod.allCases.enumerated() {
            gradient.series.append(
                PlotSeries(
                    label: method.rawValue,
                    points: positive(results.series(TrainingStudy.key(first, method, nil, "grad_rel_final").text)),
                    colorSlot: index))
        }
        content.figure(gradient)
    }

    /// adj/bp across the seeds: smallest, median and largest per (method, N).
    private func addTrainRatioSummary(_ content: inout ReportContent, seeds: [Int], depths: [Int]) {
        var table = ReportTable(
            id: "train_ratio_seeds", title: "adj/bp across the \(seeds.count) training seeds",
            columns: ["method", "N", "smallest", "median", "largest", "diverged (adjoint)"])
        for method in IntegrationMethod.allCases {
            for depth in depths {
                let n = Double(depth)
                let ratios = seeds.compactMap {
                    results.value(TrainingStudy.key($0, method, nil, "adj_over_bp").text, at: n)
                }.sorted()
                let diverged = seeds.filter {
                    results.value(TrainingStudy.key($0, method, "adjoint", "diverged").text, at: n) == 1
                }.count
                guard let low = ratios.first, let high = ratios.last else { continue }
                let middle =
                    ratios.count.isMultiple(of: 2)
                    ? (ratios[ratios.count / 2 - 1] + ratios[ratios.count / 2]) / 2 : ratios[ratios.count / 2]
                table.rows.append([
                    .text(method.rawValue), .integer(depth), cell(low), cell(middle), cell(high),
                    .text("\(diverged)/\(seeds.count)"),
                ])
            }
        }
        content.table(table)
    }
}
