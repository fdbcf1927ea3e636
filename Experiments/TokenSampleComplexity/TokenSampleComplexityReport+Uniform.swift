import Foundation
import WorkbenchCore

extension TokenSampleComplexityReport {

    func uniformSection(_ content: inout ReportContent) {
        let radii = results.parameters[Experiment.uniformRadii]
        let labels = radii.map { MetricKeys.uniform(radius: $0).text }
        guard let first = labels.first, labels.contains(where: { !results.series("\($0).sup.err_mean").isEmpty })
        else { return }
        content.heading("E1 — uniform error on a ball")
        content.paragraph(
            "Gaussian tokens N(0, I), σ₁ = ‖Σ^{1/2}A‖₂ = 1, so the largest tilt on the ball of radius R is s_max = R. Error = max over the query set of ‖Γ_{μ_n}(x) − V(m + ΣAx)‖ (exact mean-field map), mean over repetitions. C_pred = √c(x*) is the exact asymptotic constant n·E‖err‖² → c(x) at the worst query."
        )
        let ns = results.series("\(first).sup.err_mean").map(\.x)
        var errorTable = ReportTable(
            id: "uniform-error", title: "Mean sup error vs n",
            columns: ["n"] + radii.map { "R = \(ReportNumber.format($0))" })
        for n in ns {
            errorTable.rows.append(
                [.integer(Int(n))] + labels.map { number(results.value("\($0).sup.err_mean", at: n)) })
        }
        content.table(errorTable)
        var fitTable = ReportTable(
            id: "uniform-rates", title: "Fitted rates and constants",
            columns: [
                "R", "s_max", "slope (OLS)", "95% CI", "slope (WLS)", "bootstrap CI", "upper-half slope",
                "C_hat", "C_pred", "C_hat/C_pred",
            ])
        var figure = ReportFigure(
            id: "uniform-error", title: "Sup error on the ball vs n", xLabel: "n", yLabel: "mean sup error")
        // At most four radii in the figure (evenly spread; every radius is in the tables), each
        // with its fit and the n^-1/2 reference in the same colour.
        let plotted = Set(
            radii.count <= 4 ? Array(radii.indices) : (0..<4).map { $0 * (radii.count - 1) / 3 })
        for (index, (radius, label)) in zip(radii, labels).enumerated() {
            let s = { (name: String) in results.scalar("\(label).\(name)") }
            fitTable.rows.append([
                .number(radius, digits: 3), number(s("s_max")), number(s("sup.slope_ols")),
                .text(intervalText(s("sup.ci95_lo"), s("sup.ci95_hi"))), number(s("sup.slope_wls")),
                .text(intervalText(s("sup.slope_boot_lo"), s("sup.slope_boot_hi"))),
                number(s("sup.slope_upper_half")), number(s("C_hat")), number(s("C_pred")),
                number(s("C_ratio")),
            ])
            guard plotted.contains(index) else { continue }
            let slot = plotted.filter { $0 < index }.count
            let series = results.series("\(label).sup.err_mean")
            let name = "R = \(ReportNumber.format(radius))"
            let halfWidths = series.map { 1.96 * (results.value("\(label).sup.err_se", at: $0.x) ?? 0) }
            figure.series.append(
                PlotSeries(label: name, points: series.map { ($0.x, $0.value) }, colorSlot: slot)
                    .withSymmetricErrors(halfWidths))
            figure.series.append(
                PlotSeries(
                    label: "\(name) fit",
                    points: powerLine(series.map(\.x), slope: s("sup.slope_ols"), intercept: s("sup.intercept")),
                    style: .fitted, colorSlot: slot))
            if let last = series.last {
                figure.series.append(
                    PlotSeries(
                        label: "\(name) n^{−1/2}",
                        points: series.map { ($0.x, last.value * (last.x / $0.x).squareRoot()) }, style: .reference,
                        colorSlot: slot))
            }
        }
        content.table(fitTable)
        content.figure(figure)
    }
}
