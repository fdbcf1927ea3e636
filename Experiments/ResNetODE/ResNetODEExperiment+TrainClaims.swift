import WorkbenchCore

extension ResNetODEExperiment {
    /// `adj_over_bp` of `method` at depth `n` for every seed of the run, or `nil` if one is missing.
    private static func ratios(_ results: RunResults, _ method: IntegrationMethod, _ n: Double) -> [(Int, Double)]? {
        var values = [(Int, Double)]()
        for seed in results.parameters[trainSeeds] {
            guard let value = results.value(TrainingStudy.key(seed, method, nil, "adj_over_bp").text, at: n) else {
                return nil
            }
            values.append((seed, value))
        }
        return values.isEmpty ? nil : values
    }

    /// The worst of per-seed values: the smallest when `lowest`, else the largest, naming its seed.
    private static func worst(_ values: [(Int, Double)]?, lowest: Bool) -> Measurement? {
        guard let values, let pick = lowest ? values.min(by: { $0.1 < $1.1 }) : values.max(by: { $0.1 < $1.1 })
        else { return nil }
        let seeds = Set(values.map(\.0)).count
        let detail = seeds > 1 ? "worst of \(seeds) seeds: seed \(pick.0)" : nil
        return Measurement(pick.1, detail: detail)
    }

    private static func depthsInclude(_ values: [Int]) -> ClaimCondition { .includes(trainDepths, values) }

    /// The training claims of spec §6.7 (re-measured thresholds), decided by the `train` part.
    static let trainClaims: [ClaimSpec] = [
        ClaimSpec(
            "train-euler-fails-shallow",
            statement:
                "The Euler ResNet trained with the adjoint fails at N = 2: adjoint/backprop final train loss > 10 (+∞ if it diverged) on every training seed (lowest seed shown)",
            paperValue: "adjoint worse at small depth (spec E5: lowest seen 281)", expected: .atLeast(10),
            measure: .computed { worst(ratios($0, .euler, 2), lowest: true) }, appliesWhen: [depthsInclude([2])]),
        ClaimSpec(
            "train-euler-joins",
            statement:
                "…and joins backprop as depth grows: Euler adjoint/backprop ratio ≤ 1.1 at N = 32 on every training seed (highest shown)",
            paperValue: "joins backprop (spec E5: ≈ 1)", expected: .atMost(1.1),
            measure: .computed { worst(ratios($0, .euler, 32), lowest: false) }, appliesWhen: [depthsInclude([32])]),
        ClaimSpec(
            "train-heun-joins-early",
            statement:
                "Heun needs fewer layers: Heun adjoint/backprop ratio ≤ 1.25 at N = 4 on every training seed (highest shown)",
            paperValue: "HeunNet joins at smaller depth (spec E5: highest seen 1.15)", expected: .atMost(1.25),
            measure: .computed { worst(ratios($0, .heun, 4), lowest: false) }, appliesWhen: [depthsInclude([4])]),
        ClaimSpec(
            "train-euler-worse-at-4",
            statement:
                "At N = 4 the Euler ratio exceeds the Heun ratio: ratio_euler(4)/ratio_heun(4) > 1 on every training seed (lowest shown)",
            paperValue: "9/9 seeds (spec E5)", expected: ExpectedInterval(low: 1.0.nextUp),
            measure: .computed { results in
                guard let euler = ratios(results, .euler, 4), let heun = ratios(results, .heun, 4) else { return nil }
                return worst(zip(euler, heun).map { ($0.0.0, $0.0.1 / $0.1.1) }, lowest: true)
            },
            appliesWhen: [depthsInclude([4])]),
        ClaimSpec(
            "train-min-depth",
            statement:
                "The smallest depth where the adjoint matches backprop (ratio ≤ 1.1, no divergence) is at most half as large for Heun: min_depth_ok(heun)/min_depth_ok(euler) ≤ 0.5 on every training seed (highest shown)",
            paperValue: "spec E5: 4 vs 16", expected: .atMost(0.5),
            measure: .computed { results in
                var values = [(Int, Double)]()
                for seed in results.parameters[trainSeeds] {
                    guard let heun = results.scalar(TrainingStudy.key(seed, .heun, nil, "min_depth_ok").text),
                        let euler = results.scalar(TrainingStudy.key(seed, .euler, nil, "min_depth_ok").text),
                        heun > 0, euler > 0
                    else { return nil }
                    values.append((seed, heun / euler))
                }
                return worst(values, lowest: false)
            },
            appliesWhen: [.count(trainDepths, atLeast: 3)]),
        ClaimSpec(
            "train-heun-gradient",
            statement:
                "At the backprop-trained weights the Heun adjoint's gradient error is below Euler's at every N ≥ 8 and every training seed: max grad_heun/grad_euler < 1",
            paperValue: "Figure 4: HeunNet errors lower", expected: ExpectedInterval(high: 1.0.nextDown),
            measure: .computed { results in
                var values = [(Int, Double)]()
                for seed in results.parameters[trainSeeds] {
                    let euler = results.series(TrainingStudy.key(seed, .euler, nil, "grad_rel_final").text)
                    for point in euler where point.x >= 8 {
                        guard
                            let heun = results.value(
                                TrainingStudy.key(seed, .heun, nil, "grad_rel_final").text, at: point.x)
                        else { return nil }
                        values.append((seed, heun / point.value))
                    }
                }
                return worst(values, lowest: false)
            },
            appliesWhen: [
                ClaimCondition(
                    description: "a train depth ≥ 8", holds: { $0[trainDepths].contains { $0 >= 8 } },
                    actual: { "trainDepths=\($0[trainDepths].map(String.init).joined(separator: ","))" })
            ]),
    ]
}
