import WorkbenchCore

extension ConservationLawsExperiment {
    static let mirrorArchs = Parameter<[String]>(
        "mirrorArchs", default: ["lin:2-2-2", "lin:2-3-2", "lin:3-2-4", "lin:1-2-3", "lin:2-5-2", "lin:1-3-1"],
        doc: "mirror: 2-layer factorisations lin:n1-n2-n3 (φ = UV, U ∈ R^{n1×n2}) for the NMF mirror flow.",
        constraint: .list(
            minCount: 1,
            element: .rule(description: "a 2-layer linear architecture such as lin:2-3-2") { text in
                if let problem = ArchitectureSpec.problem(with: text) { return problem }
                return twoLayerLinear(text) == nil ? "architecture '\(text)' is not a 2-layer linear net" : nil
            },
            distinct: true))

    static var mirrorParameters: [any ParameterDeclaration] { [mirrorArchs, evalPoints] }

    static func isScalarFactorization(_ text: String) -> Bool {
        twoLayerLinear(text).map { $0.n == 1 && $0.m == 1 && $0.r >= 2 } ?? false
    }

    /// The fraction of recorded mirror architectures selected by `select` with `n_laws = expected`.
    static func mirrorFraction(_ results: RunResults, select: (String) -> Bool, expected: (String) -> Int?)
        -> Measurement?
    {
        let archs = results.parameters[mirrorArchs].filter {
            select($0) && results.scalar("mirror.\($0).n_laws") != nil
        }
        guard !archs.isEmpty else { return nil }
        let agreeing = archs.filter { results.scalar("mirror.\($0).n_laws").map { Int($0) } == expected($0) }
        let detail = archs.map { "\($0): \(Int(results.scalar("mirror.\($0).n_laws") ?? -1))" }.joined(separator: ", ")
        return Measurement(Double(agreeing.count) / Double(archs.count), detail: detail)
    }

    static var mirrorClaims: [ClaimSpec] {
        [
            ClaimSpec(
                "mirror-count",
                statement:
                    "NMF mirror flow θ̇ = −θ ⊙ ∇E: N = n2 (the laws Σ_i U_ik − Σ_j V_kj) when n1·n3 > 1 (fraction; accepted [1, 1])",
                paperValue: "n2 (spec §7.2)", expected: .between(1, 1),
                measure: .computed { results in
                    mirrorFraction(results, select: { !isScalarFactorization($0) }) { twoLayerLinear($0)?.r }
                },
                appliesWhen: [
                    ClaimCondition(
                        description: "mirrorArchs include a net with n1·n3 > 1",
                        holds: { $0[mirrorArchs].contains { !isScalarFactorization($0) } },
                        actual: { "mirrorArchs=" + $0[mirrorArchs].joined(separator: ",") })
                ]),
            ClaimSpec(
                "mirror-scalar",
                statement:
                    "Mirror flow with n1 = n3 = 1 < n2: one generator, so N = D − 1 = 2·n2 − 1, more than n2 (fraction; accepted [1, 1])",
                paperValue: "the n2 formula fails there (spec §7.2)", expected: .between(1, 1),
                measure: .computed { results in
                    mirrorFraction(results, select: isScalarFactorization) { twoLayerLinear($0).map { 2 * $0.r - 1 } }
                },
                appliesWhen: [
                    ClaimCondition(
                        description: "mirrorArchs include a 1-n2-1 net with n2 ≥ 2",
                        holds: { $0[mirrorArchs].contains(where: isScalarFactorization) },
                        actual: { "mirrorArchs=" + $0[mirrorArchs].joined(separator: ",") })
                ]),
            ClaimSpec(
                "mirror-known",
                statement:
                    "The laws Σ_i U_ik − Σ_j V_kj are ⊥ mod p to every mirror generator and accepted bracket (fraction; accepted [1, 1])",
                paperValue: "known laws (spec §7.2)", expected: .between(1, 1),
                measure: .computed { results in
                    let values = results.parameters[mirrorArchs].compactMap {
                        results.scalar("mirror.\($0).known_orthogonal")
                    }
                    guard !values.isEmpty else { return nil }
                    return Measurement(values.reduce(0, +) / Double(values.count))
                }),
        ]
    }

    static var mirrorMetricSpecs: [MetricSpec] {
        [
            MetricSpec("mirror.{arch}.D", "number of parameters"),
            MetricSpec("mirror.{arch}.n_laws", "laws of the mirror flow, D − dim Lie(θ ⊙ ∇φ_i)"),
            MetricSpec("mirror.{arch}.depth", "bracket levels that added a direction"),
            MetricSpec("mirror.{arch}.n_known", "rank of the gradients of Σ_i U_ik − Σ_j V_kj"),
            MetricSpec("mirror.{arch}.known_orthogonal", "1 when those laws are ⊥ to every generator and bracket"),
            MetricSpec("mirror.{arch}.modp_float_agree", "1 when the float rank equals the rank mod p"),
        ]
    }
}
