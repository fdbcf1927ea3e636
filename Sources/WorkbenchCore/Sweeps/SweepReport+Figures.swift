import Foundation

extension SweepReport {
    /// The figure of `claim`'s measured value, or `nil` when it does not vary over the cells (or
    /// the first swept parameter is not numeric).
    ///
    /// Over seeds alone: the measurement of each seed (markers). With swept parameters: the
    /// mean over seeds against the first swept parameter, one line per value of the second (the
    /// other axes, if any, are averaged over too). The accepted interval's finite bounds are
    /// drawn as dashed lines.
    static func figure(for claim: ClaimRobustness, data: SweepReportData, stem: String) -> ReportFigure? {
        let checks = data.checks(of: claim.claim).filter { $0.check.measured != nil }
        let values = checks.compactMap(\.check.measured)
        guard let low = values.min(), let high = values.max(), low != high else { return nil }
        var series: [PlotSeries] = []
        let xLabel: String
        if let axis = data.spec.axes.first {
            guard axis.values.allSatisfy({ Double($0) != nil }) else { return nil }
            xLabel = axis.key
            let groups: [String?] = data.spec.axes.count > 1 ? data.spec.axes[1].values.map { $0 } : [nil]
            for (slot, group) in groups.enumerated() {
                let points: [(x: Double, y: Double)] = axis.values.compactMap { value in
                    let matching = checks.filter { entry in
                        entry.cell.assignments.first { $0.key == axis.key }?.value == value
                            && (group == nil
                                || entry.cell.assignments.first { $0.key == data.spec.axes[1].key }?.value == group)
                    }.compactMap(\.check.measured)
                    guard let x = Double(value), !matching.isEmpty else { return nil }
                    return (x, matching.reduce(0, +) / Double(matching.count))
                }
                let label = group.map { "\(data.spec.axes[1].key)=\($0)" } ?? "mean over seeds"
                series.append(PlotSeries(label: label, points: points, style: .measured, colorSlot: slot))
            }
        } else {
            xLabel = "seed"
            series.append(
                PlotSeries(
                    label: "measured",
                    points: checks.compactMap { entry in
                        entry.check.measured.map { (Double(entry.cell.seed), $0) }
                    }, style: .markers, colorSlot: 0))
        }
        let xs = series.flatMap { $0.points.map(\.x) }
        if let first = xs.min(), let last = xs.max() {
            for (bound, name) in [(claim.expectedLow, "accepted low"), (claim.expectedHigh, "accepted high")] {
                guard let bound, bound.isFinite else { continue }
                series.append(
                    PlotSeries(
                        label: "\(name) \(number(bound))", points: [(first, bound), (last, bound)], style: .reference,
                        colorSlot: 7))
            }
        }
        return ReportFigure(
            id: "\(stem)-\(claim.claim)", title: "\(claim.claim): measured value",
            xLabel: xLabel, yLabel: "measured", xScale: .linear, yScale: .linear, series: series)
    }
}
