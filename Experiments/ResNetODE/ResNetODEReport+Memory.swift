import WorkbenchCore

extension ResNetODEReport {
    func addMemory(_ content: inout ReportContent) {
        content.heading("Activation memory against depth (E4)")
        content.paragraph(
            """
            Bytes of the activation buffers kept across layers during one forward and backward pass, \
            counted by an arena (weights and gradients excluded), next to the closed forms: backprop \
            (N + 2)·d·B·8, adjoint 2·d·B·8.
            """)
        var table = ReportTable(
            id: "memory", title: "Tracked activation bytes by depth N",
            columns: ["N"]
                + IntegrationMethod.allCases.flatMap { ["backprop \($0.rawValue)", "adjoint \($0.rawValue)"] })
        let depths = results.series(MemoryStudy.key("backprop", .euler, "bytes_peak").text).map(\.x)
        for n in depths {
            table.rows.append(
                [.integer(Int(n))]
                    + IntegrationMethod.allCases.flatMap { method in
                        ["backprop", "adjoint"].map {
                            cell(results.value(MemoryStudy.key($0, method, "bytes_peak").text, at: n))
                        }
                    })
        }
        content.table(table)
        var figure = ReportFigure(
            id: "memory_vs_N", title: "Activation memory vs depth (Euler)", xLabel: "depth N", yLabel: "bytes",
            xScale: .linear)
        for (slot, mode) in ["backprop", "adjoint"].enumerated() {
            figure.series.append(
                PlotSeries(
                    label: "\(mode), tracked",
                    points: positive(results.series(MemoryStudy.key(mode, .euler, "bytes_peak").text)),
                    style: .markers, colorSlot: slot))
            figure.series.append(
                PlotSeries(
                    label: "\(mode), formula",
                    points: positive(results.series(MemoryStudy.key(mode, .euler, "bytes_formula").text)),
                    style: .reference, colorSlot: slot))
        }
        content.figure(figure)
    }
}
