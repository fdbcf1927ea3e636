import WorkbenchCore
import WorkbenchNumerics

extension ConservationLawsExperiment {
    static let driftModels = ["linear", "relu"]

    /// The log-log slope of `series` over its `count` smallest abscissae.
    static func smallestSlope(_ results: RunResults, _ series: String, count: Int = 3) -> LinearFit? {
        let points = results.series(series).prefix(count)
        guard points.count == count else { return nil }
        return LinearFit.powerLaw(x: points.map(\.x), y: points.map(\.value))
    }

    /// The slope of the law drift of `model` against η over the 3 smallest η.
    static func lawSlopeClaim(_ model: String) -> ClaimSpec {
        ClaimSpec(
            "gd-\(model)-slope",
            statement: """
                \(model == "linear" ? "Linear" : "ReLU (with biases)") net: the law drift at the fixed horizon T \
                scales like η — log-log slope over the 3 smallest η within [0.95, 1.15]
                """,
            paperValue: "O(η) (Δh = η²GᵀQG per step; spec §6.6)", expected: .between(0.95, 1.15),
            measure: .computed { results in
                smallestSlope(results, "gd.\(model).law_drift_abs").map { Measurement(fit: $0) }
            })
    }

    /// Claims of spec §6 item 6.
    static var gdClaims: [ClaimSpec] {
        [
            lawSlopeClaim("linear"), lawSlopeClaim("relu"),
            ClaimSpec(
                "gd-law-small",
                statement: "At the smallest η the law drift is below 1e-2 relative to max|h(θ_0)| (worst model)",
                paperValue: "≤ 1e-2 (spec §6.6)", expected: .atMost(1e-2),
                measure: .computed { results in
                    worst(results, "law_drift_rel", reduce: { $0.first?.value }, pickMax: true)
                }),
            ClaimSpec(
                "gd-nonlaw-large",
                statement: "The non-law drifts by more than 0.1 at every η (smallest over η and models)",
                paperValue: "> 0.1 (spec §6.6)", expected: .atLeast(0.1),
                measure: .computed { results in
                    worst(
                        results, "nonlaw_drift_abs", reduce: { $0.map(\.value).minimumPropagatingNaN() }, pickMax: false
                    )
                }),
            ClaimSpec(
                "gd-nonlaw-ratio",
                statement:
                    "The non-law drift is at least 10× the law drift at every η (smallest ratio over η and models)",
                paperValue: "≥ 10 (spec §6.6)", expected: .atLeast(10),
                measure: .computed { results in
                    let ratios = driftModels.flatMap { model in
                        zip(results.series("gd.\(model).nonlaw_drift_abs"), results.series("gd.\(model).law_drift_abs"))
                            .map { $0.value / $1.value }
                    }
                    return ratios.minimumPropagatingNaN().map { Measurement($0) }
                }),
            ClaimSpec(
                "gd-nonlaw-flat",
                statement: """
                    The non-law drift does not depend on η: |log-log slope| over the 3 smallest η below 0.2 \
                    (largest over models; accepted ≤ 0.2)
                    """,
                paperValue: "O(1) (spec §6.6, corrected)", expected: .atMost(0.2),
                measure: .computed { results in
                    let slopes = driftModels.compactMap { smallestSlope(results, "gd.\($0).nonlaw_drift_abs")?.slope }
                    guard slopes.count == driftModels.count else { return nil }
                    return slopes.map(abs).maximumPropagatingNaN().map { Measurement($0) }
                }),
            ClaimSpec(
                "gd-identity",
                statement:
                    "Each GD step changes the laws by exactly η²(G_UᵀG_U − G_VᵀG_V − g_b g_bᵀ): error ≤ 1e-12·(1 + max|h|) (largest)",
                paperValue: "exact identity (spec §3)", expected: .atMost(1e-12),
                measure: .computed { results in
                    worst(
                        results, "identity_err_scaled", reduce: { $0.map(\.value).maximumPropagatingNaN() },
                        pickMax: true)
                }),
            ClaimSpec(
                "gd-bound",
                statement: "The law drift is at most η²Σ_k‖G_k‖² (largest ratio ≤ 1)",
                paperValue: "|h(θ_K) − h(θ_0)| ≤ η²Σ‖G_k‖²", expected: .atMost(1),
                measure: .computed { results in
                    worst(results, "bound_ratio", reduce: { $0.map(\.value).maximumPropagatingNaN() }, pickMax: true)
                }),
            ClaimSpec(
                "gd-rk4-order",
                statement:
                    "RK4 on the linear net's flow: the law drift falls like h^4 — log-log slope within [3.7, 4.5]",
                paperValue: "4 (spec §6.6)", expected: .between(3.7, 4.5),
                measure: .computed { results in
                    let points = results.series("rk4.law_drift_abs")
                    return LinearFit.powerLaw(x: points.map(\.x), y: points.map(\.value)).map { Measurement(fit: $0) }
                }),
        ]
    }

    /// The worst value over the models of `reduce(series of metric)`; `nil` when a model is missing.
    static func worst(
        _ results: RunResults, _ metric: String, reduce: ([(x: Double, value: Double)]) -> Double?, pickMax: Bool
    ) -> Measurement? {
        var values = [(String, Double)]()
        for model in driftModels {
            guard let value = reduce(results.series("gd.\(model).\(metric)")) else { return nil }
            values.append((model, value))
        }
        let reduced = pickMax ? values.map(\.1).maximumPropagatingNaN() : values.map(\.1).minimumPropagatingNaN()
        guard let reduced else { return nil }
        let detail = values.map { "\($0.0) \(ReportNumber.format($0.1))" }.joined(separator: ", ")
        return Measurement(reduced, detail: detail)
    }
}
