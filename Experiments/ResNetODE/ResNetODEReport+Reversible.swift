import WorkbenchCore

extension ResNetODEReport {
    /// The rate the spec §7.2 heuristic predicts for the reconstruction error of order `p`.
    private func heuristicRate(_ order: Int) -> Int { order.isMultiple(of: 2) ? order + 1 : order }

    func addReversible(_ content: inout ReportContent) {
        let parameters = results.parameters
        let schemes = parameters[ResNetODEExperiment.revSchemes].compactMap(RungeKuttaScheme.init(rawValue:))
        let depths = parameters[ResNetODEExperiment.revDepths].sorted()
        guard !schemes.isEmpty, let deepest = depths.last else { return }
        content.heading("Beyond the paper: higher-order reversible ResNets (spec §7.2)")
        content.paragraph(
            """
            Layers that are steps of an explicit Runge–Kutta scheme of order p on the smooth MLP path \
            (stage weights on the piecewise-affine path between the nodes), and their exact reverse pass: \
            the same tableau with step −h. The spec's heuristic: Φ_{−h}∘Φ_h − id is O(h^{p+2}) per layer for \
            even p and O(h^{p+1}) for odd p, so the reconstruction error decays like N^{−(p+1)} (even p) or \
            N^{−p} (odd p). Slopes fit N from \(parameters[ResNetODEExperiment.fitMinDepth]) to \
            \(parameters[ResNetODEExperiment.revFitMaxDepth]). Cost is counted in residual evaluations, a VJP \
            as two: the adjoint spends 5s per layer (s forward, s reverse, s recomputed stages, s VJPs), \
            backprop 4s with the stages recomputed from its stored states. Memory is the activation buffers \
            kept across layers; seconds are one adjoint pass's wall-clock time (a timing, outside the digest).
            """)
        var errors = ReportTable(
            id: "reversible", title: "Reconstruction and gradient errors by depth N",
            columns: ["scheme", "error"] + depths.map { "N=\($0)" } + ["slope", "heuristic"])
        for scheme in schemes {
            for name in ReversibleStudy.slopeSeries {
                let key = ReversibleStudy.key(scheme, name)
                errors.rows.append(
                    [.text(scheme.rawValue), .text(name)] + depths.map { cell(results.value(key.text, at: Double($0))) }
                        + [
                            results.scalar(key.appending("slope").text).map { .number($0, digits: 3) } ?? .empty,
                            .text("−\(heuristicRate(scheme.order))"),
                        ])
            }
        }
        content.table(errors)
        var frontier = ReportTable(
            id: "frontier", title: "Cost–accuracy frontier at N = \(deepest) and N = 16",
            columns: [
                "scheme", "p", "s", "adjoint evals/layer", "backprop evals/layer", "adjoint bytes",
                "backprop bytes (N=\(deepest))", "grad error (N=16)", "grad error (N=\(deepest))",
                "adjoint s (N=\(deepest))",
            ])
        for scheme in schemes {
            let value = { (name: String, n: Int) in results.value(ReversibleStudy.key(scheme, name).text, at: Double(n))
            }
            let scalar = { (name: String) in results.scalar(ReversibleStudy.key(scheme, name).text) }
            frontier.rows.append([
                .text(scheme.rawValue), .integer(scheme.order), .integer(scheme.stages),
                scalar("adjoint_evals_per_layer").map { .integer(Int($0)) } ?? .empty,
                scalar("backprop_evals_per_layer").map { .integer(Int($0)) } ?? .empty,
                value("adjoint_bytes", deepest).map { .integer(Int($0)) } ?? .empty,
                value("backprop_bytes", deepest).map { .integer(Int($0)) } ?? .empty,
                cell(value("grad_rel", 16)), cell(value("grad_rel", deepest)),
                value("adjoint_seconds", deepest).map { .number($0, digits: 2) } ?? .empty,
            ])
        }
        content.table(frontier)
        var reconstruction = ReportFigure(
            id: "reversible_rec", title: "Reconstruction error of the reverse pass vs N (dashed: heuristic rates)",
            xLabel: "depth N", yLabel: "‖X̃_0 − X_0‖/‖X_0‖")
        var cost = ReportFigure(
            id: "reversible_frontier", title: "Cost–accuracy frontier: adjoint gradient error vs cost",
            xLabel: "adjoint cost (residual evaluations per network)", yLabel: "‖g_adj − g_bp‖/‖g_bp‖")
        for (slot, scheme) in schemes.enumerated() {
            let rec = positive(results.series(ReversibleStudy.key(scheme, "rec").text))
            reconstruction.series.append(PlotSeries(label: scheme.rawValue, points: rec, colorSlot: slot))
            let window = rec.filter { $0.y > 1e-13 }
            reconstruction.series.append(
                PlotSeries(
                    label: "N^−\(heuristicRate(scheme.order))",
                    points: PlotSeries.slopeLine(-Double(heuristicRate(scheme.order)), through: window, anchor: .first),
                    style: .reference,
                    colorSlot: slot))
            let perLayer = Double(ReversibleStudy.adjointEvaluations(scheme))
            cost.series.append(
                PlotSeries(
                    label: "\(scheme.rawValue) (\(Int(perLayer)) per layer)",
                    points: positive(results.series(ReversibleStudy.key(scheme, "grad_rel").text)).map {
                        (x: $0.x * perLayer, y: $0.y)
                    },
                    colorSlot: slot))
        }
        content.figure(reconstruction)
        content.figure(cost)
    }
}
