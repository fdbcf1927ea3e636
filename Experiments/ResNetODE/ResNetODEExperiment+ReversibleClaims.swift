import WorkbenchCore

extension ResNetODEExperiment {
    /// At least two depths in the reversibility fit window `[fitMinDepth, revFitMaxDepth]`.
    private static let reversibleWindow = ClaimCondition(
        description: "at least two revDepths in [fitMinDepth, revFitMaxDepth]",
        holds: { set in
            set[revDepths].filter { $0 >= set[fitMinDepth] && $0 <= set[revFitMaxDepth] }.count >= 2
        },
        actual: { set in
            "revDepths=\(set[revDepths].map(String.init).joined(separator: ",")), fitMinDepth=\(set[fitMinDepth]), revFitMaxDepth=\(set[revFitMaxDepth])"
        })

    /// The reconstruction slope of `scheme`.
    private static func reconstructionSlope(_ scheme: RungeKuttaScheme) -> ClaimMeasure {
        .computed { results in
            results.scalar(ReversibleStudy.key(scheme, "rec").appending("slope").text).map { Measurement($0) }
        }
    }

    /// The `reversible` part's claims — beyond the paper: the reconstruction rates that spec §7.2
    /// derives heuristically (`Φ_{−h}∘Φ_h − id = O(h^{p+2})` per layer for even `p`, `O(h^{p+1})`
    /// for odd `p`), measured on the smooth MLP, and the cost–accuracy comparison they imply.
    static let reversibleClaims: [ClaimSpec] = [
        ClaimSpec(
            "rev-midpoint-rec",
            statement:
                "Beyond the paper: the midpoint ResNet (p = 2, even) reconstructs X_0 by its reverse pass with error N^{−(p+1)} = N^{−3} — slope in [−3.3, −2.7] (smooth MLP)",
            paperValue: "not in the paper; spec §7.2 heuristic N^{−3}", expected: .between(-3.3, -2.7),
            measure: reconstructionSlope(.midpoint),
            appliesWhen: [.includes(revSchemes, ["midpoint"]), reversibleWindow]),
        ClaimSpec(
            "rev-rk3-rec",
            statement:
                "Beyond the paper: Kutta's RK3 ResNet (p = 3, odd) reconstructs with error N^{−p} = N^{−3}, no better than the second-order schemes — slope in [−3.3, −2.7] (smooth MLP)",
            paperValue: "not in the paper; spec §7.2 heuristic N^{−3}", expected: .between(-3.3, -2.7),
            measure: reconstructionSlope(.rk3), appliesWhen: [.includes(revSchemes, ["rk3"]), reversibleWindow]),
        ClaimSpec(
            "rev-rk4-rec",
            statement:
                "Beyond the paper: the RK4 ResNet (p = 4, even) reconstructs with error N^{−(p+1)} = N^{−5} — slope in [−5.5, −4.5] (smooth MLP)",
            paperValue: "not in the paper; spec §7.2 heuristic N^{−5}", expected: .between(-5.5, -4.5),
            measure: reconstructionSlope(.rk4), appliesWhen: [.includes(revSchemes, ["rk4"]), reversibleWindow]),
        ClaimSpec(
            "rev-grad-follows-rec",
            statement:
                "Beyond the paper: the adjoint's gradient error decays at the reconstruction rate — |slope(grad_rel) − slope(rec)| ≤ 0.2 for every scheme (largest shown)",
            paperValue: "not in the paper", expected: .atMost(0.2),
            measure: .computed { results in
                var worst: (RungeKuttaScheme, Double)?
                for scheme in results.parameters[revSchemes].compactMap(RungeKuttaScheme.init(rawValue:)) {
                    guard
                        let rec = results.scalar(ReversibleStudy.key(scheme, "rec").appending("slope").text),
                        let grad = results.scalar(ReversibleStudy.key(scheme, "grad_rel").appending("slope").text)
                    else { return nil }
                    if abs(grad - rec) > worst?.1 ?? -1 { worst = (scheme, abs(grad - rec)) }
                }
                return worst.map { Measurement($0.1, detail: "largest for \($0.0.rawValue)") }
            },
            appliesWhen: [reversibleWindow]),
        ClaimSpec(
            "rev-rk4-frontier",
            statement:
                "Beyond the paper: at equal adjoint cost (20N evaluation units: RK4 at N = 16, midpoint at N = 32) RK4's gradient error is at least 10× smaller — grad(midpoint, 32)/grad(rk4, 16) ≥ 10",
            paperValue: "not in the paper", expected: .atLeast(10),
            measure: .computed { results in
                guard let midpoint = results.value(ReversibleStudy.key(.midpoint, "grad_rel").text, at: 32),
                    let rk4 = results.value(ReversibleStudy.key(.rk4, "grad_rel").text, at: 16)
                else { return nil }
                return Measurement(midpoint / rk4)
            },
            appliesWhen: [.includes(revSchemes, ["midpoint", "rk4"]), .includes(revDepths, [16, 32])]),
    ]
}
