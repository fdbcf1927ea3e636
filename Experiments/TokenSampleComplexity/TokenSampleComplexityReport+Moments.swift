import Foundation
import WorkbenchCore

extension TokenSampleComplexityReport {

    func momentsSection(_ content: inout ReportContent) {
        let horizons = results.parameters[Experiment.momentsHorizons].map { ($0, MetricKeys.moments(horizon: $0).text) }
            .filter { results.scalar("\($0.1).H_eff") != nil }
        guard !horizons.isEmpty else { return }
        content.heading("E2 — moments of the transformed tokens")
        content.paragraph(
            "Self-attention on the sample (self term included); errors of the output mean and covariance (1/n normalisation) against the exact pushforward moments V(I+ΣA)m and VΣAΣAᵀΣVᵀ. |β| = −(OLS slope of ln mean error on ln n). H_eff = ‖LᵀAL‖₂ uses the form in the exponent; H_code = √d·H_eff is the reference code's axis (it drops the 1/√d score scale). Bias share = ‖E[cov_n] − cov_∞‖²/MSE at the largest n (extension 7.1)."
        )
        var table = ReportTable(
            id: "moments-rates", title: "Rates of the moment errors by horizon",
            columns: [
                "H_eff", "H_code", "|β_mean|", "95% CI (mean)", "|β_cov|", "95% CI (cov)", "β(H) = 1/(2(1+H²))",
                "min(½, 1/H²)", "bias share mean", "bias share cov",
            ])
        var figure = ReportFigure(
            id: "moments-beta", title: "|β| vs horizon", xLabel: "H_eff", yLabel: "|β|", xScale: .log,
            yScale: .linear)
        var meanPoints = [(x: Double, y: Double)]()
        var covPoints = [(x: Double, y: Double)]()
        var meanBars = [(low: Double, high: Double)]()
        var covBars = [(low: Double, high: Double)]()
        var errorFigure = ReportFigure(
            id: "moments-cov-error", title: "Covariance error vs n", xLabel: "n", yLabel: "‖cov_n − cov_∞‖_F")
        for (slot, (_, label)) in horizons.enumerated() {
            let s = { (name: String) in results.scalar("\(label).\(name)") }
            let hEff = s("H_eff") ?? .nan
            let betaMean = s("mean.slope_ols").map { -$0 }
            let betaCov = s("cov.slope_ols").map { -$0 }
            table.rows.append([
                number(hEff), number(s("H_code")), number(betaMean),
                .text(intervalText(s("mean.ci95_hi").map { -$0 }, s("mean.ci95_lo").map { -$0 })),
                number(betaCov),
                .text(intervalText(s("cov.ci95_hi").map { -$0 }, s("cov.ci95_lo").map { -$0 })),
                number(s("theory_beta")), number(s("heuristic_upper")),
                number(results.series("\(label).mean.bias_frac").last?.value),
                number(results.series("\(label).cov.bias_frac").last?.value),
            ])
            if let betaMean {
                meanPoints.append((hEff, betaMean))
                meanBars.append(Self.betaInterval(s("mean.ci95_lo"), s("mean.ci95_hi"), estimate: betaMean))
            }
            if let betaCov {
                covPoints.append((hEff, betaCov))
                covBars.append(Self.betaInterval(s("cov.ci95_lo"), s("cov.ci95_hi"), estimate: betaCov))
            }
            let series = results.series("\(label).cov.err_mean")
            let halfWidths = series.map { 1.96 * (results.value("\(label).cov.err_se", at: $0.x) ?? 0) }
            errorFigure.series.append(
                PlotSeries(
                    label: "H = \(ReportNumber.format(hEff))", points: series.map { ($0.x, $0.value) }, colorSlot: slot
                ).withSymmetricErrors(halfWidths))
            errorFigure.series.append(
                PlotSeries(
                    label: "H = \(ReportNumber.format(hEff)) fit",
                    points: powerLine(series.map(\.x), slope: s("cov.slope_ols"), intercept: s("cov.intercept")),
                    style: .fitted, colorSlot: slot))
        }
        content.table(table)
        let hs = meanPoints.map(\.x) + covPoints.map(\.x)
        if let low = hs.min(), let high = hs.max(), low > 0 {
            let grid = (0...60).map { low * pow(high / low, Double($0) / 60) }
            var mean = PlotSeries(label: "|β_mean| (bars: 95 % CI)", points: meanPoints, style: .markers)
            mean.errorBars = meanBars
            var cov = PlotSeries(label: "|β_cov| (bars: 95 % CI)", points: covPoints, style: .markers)
            cov.errorBars = covBars
            figure.series.append(mean)
            figure.series.append(cov)
            figure.series.append(
                PlotSeries(
                    label: "β(H) = 1/(2(1+H²))", points: grid.map { ($0, 1 / (2 * (1 + $0 * $0))) }, style: .reference))
            figure.series.append(
                PlotSeries(label: "min(½, 1/H²)", points: grid.map { ($0, min(0.5, 1 / ($0 * $0))) }, style: .reference)
            )
            content.figure(figure)
        }
        content.figure(errorFigure)
    }

    /// The 95 % interval of β = −slope from the slope's interval [lo, hi]: [−hi, −lo]; a point
    /// interval at the estimate when it was not recorded.
    static func betaInterval(_ low: Double?, _ high: Double?, estimate: Double) -> (low: Double, high: Double) {
        guard let low, let high else { return (estimate, estimate) }
        return (-high, -low)
    }
}
