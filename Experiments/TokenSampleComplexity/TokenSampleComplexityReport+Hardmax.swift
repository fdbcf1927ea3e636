import Foundation
import WorkbenchCore

extension TokenSampleComplexityReport {

    func hardmaxSection(_ content: inout ReportContent) {
        let annealedDims = results.parameters[Experiment.hardmaxAnnealedDimensions]
        let annealed = annealedDims.map { ($0, MetricKeys.annealed(dimension: $0).text) }.filter {
            !results.series("\($0.1).err_mean").isEmpty
        }
        guard !annealed.isEmpty else { return }
        content.heading("E3 — hardmax regime")
        content.paragraph(
            "E3a: tokens uniform on the unit sphere, temperature λ_n = κ ln n, query at unit tilt; error to the hardmax limit r·e₁ against the exact bias r(1 − A_d(λ_n r s₀)) (O7) and the limit of err·ln n, (d−1)/(2κ s₀)."
        )
        var table = ReportTable(
            id: "hardmax-annealed", title: "Annealed temperature: error × ln n",
            columns: ["d", "n", "mean error", "err·ln n", "limit", "exact bias", "err / bias"])
        var figure = ReportFigure(
            id: "hardmax-annealed", title: "err·ln n vs n (λ_n = κ ln n)", xLabel: "n", yLabel: "err·ln n",
            xScale: .log, yScale: .linear)
        for (slot, (d, label)) in annealed.enumerated() {
            let limit = results.scalar("\(label).limit")
            for point in results.series("\(label).err_mean") {
                table.rows.append([
                    .integer(d), .integer(Int(point.x)), number(point.value),
                    number(results.value("\(label).err_times_ln_n", at: point.x)), number(limit),
                    number(results.value("\(label).deterministic", at: point.x)),
                    number(results.value("\(label).err_over_deterministic", at: point.x)),
                ])
            }
            let series = results.series("\(label).err_times_ln_n")
            // The standard error of err, scaled like the plotted err·ln n.
            let halfWidths = series.map { 1.96 * (results.value("\(label).err_se", at: $0.x) ?? 0) * log($0.x) }
            figure.series.append(
                PlotSeries(label: "d = \(d) (bars: 95 % CI)", points: series.map { ($0.x, $0.value) }, colorSlot: slot)
                    .withSymmetricErrors(halfWidths))
            if let limit {
                figure.series.append(
                    PlotSeries(
                        label: "d = \(d) limit", points: series.map { ($0.x, limit) }, style: .reference,
                        colorSlot: slot))
            }
        }
        content.table(table)
        content.figure(figure)
        sphereTables(&content)
        gaussTables(&content)
    }

    func sphereTables(_ content: inout ReportContent) {
        let dims = results.parameters[Experiment.hardmaxSphereDimensions]
        content.paragraph(
            "E3b: hardmax on n uniform tokens of S^{d−1}, one query direction, V = I; Monte Carlo mean error against the exact quadrature O5; predicted rate ≍ n^{−1/(d−1)}."
        )
        var rates = ReportTable(
            id: "hardmax-sphere-rates", title: "Sphere hardmax rates by dimension",
            columns: ["d", "slope (OLS)", "95% CI", "−1/(d−1)", "max |z| vs O5"])
        var figure = ReportFigure(
            id: "hardmax-sphere", title: "Sphere hardmax error vs n", xLabel: "n", yLabel: "E‖y_{j*} − û‖")
        for (slot, d) in dims.enumerated() {
            let label = MetricKeys.sphere(dimension: d).text
            let series = results.series("\(label).err_mean")
            guard !series.isEmpty else { continue }
            rates.rows.append([
                .integer(d), number(results.scalar("\(label).slope_ols")),
                .text(intervalText(results.scalar("\(label).ci95_lo"), results.scalar("\(label).ci95_hi"))),
                .number(-1 / Double(d - 1), digits: 3), number(results.scalar("\(label).max_abs_z")),
            ])
            figure.series.append(
                PlotSeries(label: "d = \(d)", points: series.map { ($0.x, $0.value) }, colorSlot: slot))
            figure.series.append(
                PlotSeries(
                    label: "d = \(d) exact", points: results.series("\(label).oracle").map { ($0.x, $0.value) },
                    style: .reference, colorSlot: slot))
        }
        content.table(rates)
        content.figure(figure)
    }

    func gaussTables(_ content: inout ReportContent) {
        let signals = results.parameters[Experiment.hardmaxGaussSignals]
        let maxima = results.series("hardmax.gauss.max_mean")
        guard !maxima.isEmpty else { return }
        content.paragraph(
            "E3c: standardised scores t_j ~ N(0,1); the 1-D attention output τ_n = Σ t_j e^{s t_j}/Σ e^{s t_j} has mean-field target s but never exceeds M_n = max t_j ≈ √(2 ln n). Gap = s − E τ_n."
        )
        let labels = signals.map { MetricKeys.gauss(signal: $0).text }
        var table = ReportTable(
            id: "hardmax-gauss", title: "Gaussian extremes",
            columns: ["n", "E M_n (MC)", "E M_n (exact)", "z"] + signals.map { "gap s = \(ReportNumber.format($0))" })
        var figure = ReportFigure(
            id: "hardmax-gauss", title: "s − E τ_n vs √(2 ln n)", xLabel: "√(2 ln n)", yLabel: "s − E τ_n",
            xScale: .linear, yScale: .linear)
        for point in maxima {
            table.rows.append(
                [
                    .integer(Int(point.x)), number(point.value),
                    number(results.value("hardmax.gauss.max_oracle", at: point.x)),
                    number(results.value("hardmax.gauss.max_z", at: point.x)),
                ] + labels.map { number(results.value("\($0).gap_mean", at: point.x)) })
        }
        for (slot, (s, label)) in zip(signals, labels).enumerated() {
            let gaps = results.series("\(label).gap_mean")
            let halfWidths = gaps.map { 1.96 * (results.value("\(label).gap_se", at: $0.x) ?? 0) }
            figure.series.append(
                PlotSeries(
                    label: "s = \(ReportNumber.format(s)) (bars: 95 % CI)",
                    points: gaps.map { ((2 * log($0.x)).squareRoot(), $0.value) }, colorSlot: slot
                ).withSymmetricErrors(halfWidths))
            figure.series.append(
                PlotSeries(
                    label: "s = \(ReportNumber.format(s)): s − E M_n (exact)",
                    points: results.series("hardmax.gauss.max_oracle").map {
                        ((2 * log($0.x)).squareRoot(), s - $0.value)
                    },
                    style: .reference, colorSlot: slot))
        }
        content.table(table)
        content.figure(figure)
    }
}
