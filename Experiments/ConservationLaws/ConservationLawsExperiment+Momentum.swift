import WorkbenchCore

extension ConservationLawsExperiment {
    static let momentumArchs = Parameter<[String]>(
        "momentumArchs", default: ["lin:2-2-2", "lin:2-3-2", "lin:1-3-1", "relu:2-2-2"],
        doc: "momentum: architectures whose heavy-ball phase-space laws are counted.",
        constraint: .list(
            minCount: 1,
            element: .rule(description: "an architecture such as lin:2-2-2 or relu:2-2-2", ArchitectureSpec.problem),
            distinct: true))
    static let momentumTau = Parameter<Double>(
        "momentumTau", default: 0.7, doc: "momentum: damping τ of θ̈ + τθ̇ = −∇E (used as round(1000τ)/1000).",
        constraint: .range(low: 0, high: 100))
    static let momentumStep = Parameter<Double>(
        "momentumStep", default: 0.01, doc: "momentum: RK4 step h.", constraint: .positive)
    static let momentumHorizon = Parameter<Double>(
        "momentumHorizon", default: 20, doc: "momentum: RK4 horizon.", constraint: .positive)
    static let momentumVelocityScale = Parameter<Double>(
        "momentumVelocityScale", default: 0.1, doc: "momentum: initial velocities momentumVelocityScale·N(0, 1).",
        constraint: .positive)

    static var momentumParameters: [any ParameterDeclaration] {
        [
            momentumArchs, momentumTau, momentumStep, momentumHorizon, momentumVelocityScale, evalPoints, gdLinear,
            gdInitScale,
        ]
    }

    /// `(n, r, m)` of a 2-layer linear architecture.
    static func twoLayerLinear(_ text: String) -> (n: Int, r: Int, m: Int)? {
        guard case .linear(let widths)? = try? ArchitectureSpec(parsing: text), widths.count == 3 else { return nil }
        return (widths[0], widths[1], widths[2])
    }

    /// The fraction of recorded momentum architectures selected by `select` whose `n_laws_mf`
    /// equals `expected`.
    static func momentumFraction(
        _ results: RunResults, select: (String) -> Bool, expected: (String) -> Int?
    ) -> Measurement? {
        let archs = results.parameters[momentumArchs].filter {
            select($0) && results.scalar("momentum.\($0).n_laws_mf") != nil
        }
        guard !archs.isEmpty else { return nil }
        let agreeing = archs.filter { arch in
            results.scalar("momentum.\(arch).n_laws_mf").map { Int($0) } == expected(arch)
        }
        let detail = archs.map { "\($0): \(Int(results.scalar("momentum.\($0).n_laws_mf") ?? -1))" }
            .joined(separator: ", ")
        return Measurement(Double(agreeing.count) / Double(archs.count), detail: detail)
    }

    static func momentumListIncludes(_ description: String, _ select: @escaping @Sendable (String) -> Bool)
        -> ClaimCondition
    {
        ClaimCondition(
            description: "momentumArchs include \(description)", holds: { $0[momentumArchs].contains(where: select) },
            actual: { "momentumArchs=" + $0[momentumArchs].joined(separator: ",") })
    }

    static func isRelu(_ text: String) -> Bool { text.hasPrefix("relu:") }
    static func isTwoLayerLinearWide(_ text: String) -> Bool { twoLayerLinear(text).map { $0.n + $0.m >= 3 } ?? false }
    static func isScalarOverparameterized(_ text: String) -> Bool {
        twoLayerLinear(text).map { $0.n == 1 && $0.m == 1 && $0.r >= 2 } ?? false
    }

    /// Claims of spec §6 item 7.
    static var momentumClaims: [ClaimSpec] {
        [
            ClaimSpec(
                "momentum-linear-count",
                statement:
                    "Heavy ball, 2-layer linear with n + m ≥ 3: N_mf = r(r−1)/2, fewer than the flow's (fraction; accepted [1, 1])",
                paperValue: "r(r−1)/2 (spec §7.1)", expected: .between(1, 1),
                measure: .computed { results in
                    momentumFraction(results, select: isTwoLayerLinearWide) { arch in
                        twoLayerLinear(arch).map { $0.r * ($0.r - 1) / 2 }
                    }
                },
                appliesWhen: [momentumListIncludes("a 2-layer linear net with n + m ≥ 3", isTwoLayerLinearWide)]),
            ClaimSpec(
                "momentum-scalar-count",
                statement:
                    "Heavy ball, 1-r-1 linear with r ≥ 2: N_mf = 4r − 6, more than the flow's 2r − 1 once r ≥ 3 (fraction; accepted [1, 1])",
                paperValue: "4r − 6 (spec §7.1)", expected: .between(1, 1),
                measure: .computed { results in
                    momentumFraction(results, select: isScalarOverparameterized) { arch in
                        twoLayerLinear(arch).map { 4 * $0.r - 6 }
                    }
                },
                appliesWhen: [momentumListIncludes("a 1-r-1 linear net with r ≥ 2", isScalarOverparameterized)]),
            ClaimSpec(
                "momentum-relu-none",
                statement: "Heavy ball, ReLU: no conservation law remains, N_mf = 0 (fraction; accepted [1, 1])",
                paperValue: "none (Keep the Momentum)", expected: .between(1, 1),
                measure: .computed { results in momentumFraction(results, select: isRelu) { _ in 0 } },
                appliesWhen: [momentumListIncludes("a ReLU net", isRelu)]),
            ClaimSpec(
                "momentum-explicit-law",
                statement: """
                    The angular momentum e^{τt}(L − Lᵀ), L = U_1ᵀU̇_1 + U_2U̇_2ᵀ, is ⊥ mod p to every phase-space \
                    generator and accepted bracket (2-layer linear; fraction; accepted [1, 1])
                    """,
                paperValue: "explicit law (spec §7.1)", expected: .between(1, 1),
                measure: .computed { results in
                    let values = results.parameters[momentumArchs].compactMap {
                        results.scalar("momentum.\($0).explicit_orthogonal")
                    }
                    guard !values.isEmpty else { return nil }
                    return Measurement(values.reduce(0, +) / Double(values.count))
                },
                appliesWhen: [momentumListIncludes("a 2-layer linear net", { twoLayerLinear($0) != nil })]),
            ClaimSpec(
                "momentum-rk4-law",
                statement:
                    "RK4 (h = momentumStep) on the heavy-ball flow: the angular momentum drifts < 1e-6 relative to max|law₀|",
                paperValue: "< 1e-6 relative (spec §6.7)", expected: .atMost(1e-6),
                measure: .metric("momentum.rk4.antisym_drift_rel")),
            ClaimSpec(
                "momentum-gf-law-breaks",
                statement: "Under the momentum flow UᵀU − VᵀV is not conserved: it drifts by more than 0.1",
                paperValue: "> 0.1 (measured 0.59; spec §6.7)", expected: .atLeast(0.1),
                measure: .metric("momentum.rk4.gf_law_drift")),
        ]
    }

    static var momentumMetricSpecs: [MetricSpec] {
        [
            MetricSpec("momentum.{arch}.n_laws_gf", "laws of the gradient flow, D − dim Lie(W_φ)"),
            MetricSpec("momentum.{arch}.n_laws_mf", "laws of the heavy-ball flow in phase space, 2D + 1 − dim Lie"),
            MetricSpec("momentum.{arch}.phase_dim", "phase-space dimension 2D + 1"),
            MetricSpec("momentum.{arch}.dim_lie_mf", "trace dimension of Lie(X_0, Y_i) in phase space"),
            MetricSpec("momentum.{arch}.modp_float_agree", "1 when the float rank equals the rank mod p"),
            MetricSpec(
                "momentum.{arch}.n_explicit", "rank of the explicit angular-momentum laws' gradients",
                recordedOnlyWhen: "2-layer linear architectures"),
            MetricSpec(
                "momentum.{arch}.explicit_orthogonal", "1 when the explicit laws are ⊥ to every generator and bracket",
                recordedOnlyWhen: "2-layer linear architectures"),
            MetricSpec("momentum.rk4.antisym_drift_rel", "RK4: max_t max|law(t) − law(0)| ÷ max|law(0)|"),
            MetricSpec("momentum.rk4.gf_law_drift", "RK4: max_t max|H(t) − H(0)|, H = UᵀU − VᵀV"),
        ]
    }
}
