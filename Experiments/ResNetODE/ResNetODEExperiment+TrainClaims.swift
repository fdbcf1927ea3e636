import WorkbenchCore

extension ResNetODEExperiment {
    /// `adj_over_bp` of `method` at depth `n`.
    private static func ratio(_ results: RunResults, _ method: IntegrationMethod, _ n: Double) -> Double? {
        results.value(TrainingStudy.key(method, nil, "adj_over_bp").text, at: n)
    }

    private static func depthsInclude(_ values: [Int]) -> ClaimCondition { .includes(trainDepths, values) }

    /// The training claims of spec §6.7 (re-measured thresholds), decided by the `train` part.
    static let trainClaims: [ClaimSpec] = [
        ClaimSpec(
            "train-euler-fails-shallow",
            statement:
                "The Euler ResNet trained with the adjoint fails at N = 2: adjoint/backprop final train loss > 10 (+∞ if it diverged)",
            paperValue: "adjoint worse at small depth (spec E5: lowest seen 281)", expected: .atLeast(10),
            measure: .computed { ratio($0, .euler, 2).map { Measurement($0) } }, appliesWhen: [depthsInclude([2])]),
        ClaimSpec(
            "train-euler-joins",
            statement: "…and joins backprop as depth grows: Euler adjoint/backprop ratio ≤ 1.1 at N = 32",
            paperValue: "joins backprop (spec E5: ≈ 1)", expected: .atMost(1.1),
            measure: .computed { ratio($0, .euler, 32).map { Measurement($0) } }, appliesWhen: [depthsInclude([32])]),
        ClaimSpec(
            "train-heun-joins-early",
            statement: "Heun needs fewer layers: Heun adjoint/backprop ratio ≤ 1.25 at N = 4",
            paperValue: "HeunNet joins at smaller depth (spec E5: highest seen 1.15)", expected: .atMost(1.25),
            measure: .computed { ratio($0, .heun, 4).map { Measurement($0) } }, appliesWhen: [depthsInclude([4])]),
        ClaimSpec(
            "train-euler-worse-at-4",
            statement: "At N = 4 the Euler ratio exceeds the Heun ratio: ratio_euler(4)/ratio_heun(4) > 1",
            paperValue: "9/9 seeds (spec E5)", expected: ExpectedInterval(low: 1.0.nextUp),
            measure: .computed { results in
                guard let euler = ratio(results, .euler, 4), let heun = ratio(results, .heun, 4) else { return nil }
                return Measurement(
                    euler / heun, detail: "Euler \(ReportNumber.format(euler)), Heun \(ReportNumber.format(heun))")
            },
            appliesWhen: [depthsInclude([4])]),
        ClaimSpec(
            "train-min-depth",
            statement:
                "The smallest depth where the adjoint matches backprop (ratio ≤ 1.1, no divergence) is at most half as large for Heun: min_depth_ok(heun)/min_depth_ok(euler) ≤ 0.5",
            paperValue: "spec E5: 4 vs 16", expected: .atMost(0.5),
            measure: .computed { results in
                guard let heun = results.scalar(TrainingStudy.key(.heun, nil, "min_depth_ok").text),
                    let euler = results.scalar(TrainingStudy.key(.euler, nil, "min_depth_ok").text), heun > 0,
                    euler > 0
                else { return nil }
                return Measurement(heun / euler, detail: "Heun \(Int(heun)), Euler \(Int(euler))")
            },
            appliesWhen: [.count(trainDepths, atLeast: 3)]),
        ClaimSpec(
            "train-heun-gradient",
            statement:
                "At the backprop-trained weights the Heun adjoint's gradient error is below Euler's at every N ≥ 8: max_N grad_heun/grad_euler < 1",
            paperValue: "Figure 4: HeunNet errors lower", expected: ExpectedInterval(high: 1.0.nextDown),
            measure: .computed { results in
                let euler = results.series(TrainingStudy.key(.euler, nil, "grad_rel_final").text)
                var worst: Double?
                for point in euler where point.x >= 8 {
                    guard let heun = results.value(TrainingStudy.key(.heun, nil, "grad_rel_final").text, at: point.x)
                    else { return nil }
                    worst = max(worst ?? 0, heun / point.value)
                }
                return worst.map { Measurement($0) }
            },
            appliesWhen: [
                ClaimCondition(
                    description: "a train depth ≥ 8", holds: { $0[trainDepths].contains { $0 >= 8 } },
                    actual: { "trainDepths=\($0[trainDepths].map(String.init).joined(separator: ","))" })
            ]),
    ]
}
