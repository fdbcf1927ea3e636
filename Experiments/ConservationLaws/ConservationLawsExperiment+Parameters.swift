import WorkbenchCore

extension ConservationLawsExperiment {
    /// The quick architecture list Q of the spec (§5.1).
    static let quickArchitectures = [
        "lin:1-1-1", "lin:2-2-2", "lin:3-2-4", "lin:4-3-5", "lin:2-3-2", "lin:1-3-1", "lin:1-5-1", "lin:2-5-2",
        "lin:3-4-1", "lin:2-2-2-2", "lin:3-2-2-3", "lin:3-3-3-3", "lin:2-4-5-2", "lin:1-2-3-1",
        "relu:2-1-2", "relu:3-2-4", "relu:4-3-5:b", "relu:2-5-2:b", "relu:3-10-4", "relu:2-3-2-3:b",
        "relu:2-2-2-2-2:b", "prod:4", "rand1:5:3",
    ]

    // MARK: count

    static let archs = Parameter<[String]>(
        "archs", default: quickArchitectures,
        doc: "count: architectures lin:n0-…-nq, relu:n0-…-nq[:b], prod:D, rand1:D:degree (n0 = output width).",
        constraint: .list(
            minCount: 1,
            element: .rule(
                description: "an architecture such as lin:2-4-5-2 or relu:3-2-4:b", ArchitectureSpec.problem),
            distinct: true))
    static let randomArchs = Parameter<Int>(
        "randomArchs", default: 6,
        doc: "count: extra random architectures (lin or relu, depth q in [2,3], widths in [2,4], bias p = 1/2).",
        constraint: .nonNegative)
    static let evalPoints = Parameter<Int>(
        "evalPoints", default: 2, doc: "count: independent random points; the rank is the maximum over them.",
        constraint: .atLeastOne)
    static let floatRelTol = Parameter<Double>(
        "floatRelTol", default: 1e-10, doc: "count: float rank counts singular values above floatRelTol·σ₁.",
        constraint: .range(low: 0, high: 1, lowIsExclusive: true))
    static let maxLevels = Parameter<Int>(
        "maxLevels", default: 8, doc: "count: bracket levels at most.", constraint: .atLeastOne)
    static let maxTermsPerField = Parameter<Int>(
        "maxTermsPerField", default: 20_000_000,
        doc: "count: a formed bracket with more terms marks the architecture as capped.", constraint: .atLeastOne)
    static let earlyExit = Parameter<Bool>(
        "earlyExit", default: false,
        doc: "count: stop at rank D − n_known (rigorous once the known laws are verified orthogonal).")
    static let gridMaxWidth = Parameter<Int>(
        "gridMaxWidth", default: 4, doc: "count: 2-layer linear grid n, m in 1…gridMaxWidth.",
        constraint: .range(low: 1, high: 8))
    static let gridMaxRank = Parameter<Int>(
        "gridMaxRank", default: 6, doc: "count: 2-layer linear grid r in 1…gridMaxRank.",
        constraint: .range(low: 1, high: 12))

    /// The parameters of the `count` part.
    static var countParameters: [any ParameterDeclaration] {
        [
            archs, randomArchs, evalPoints, floatRelTol, maxLevels, maxTermsPerField, earlyExit, gridMaxWidth,
            gridMaxRank,
        ]
    }

    /// Every declared parameter, in display order.
    static var parameters: [any ParameterDeclaration] {
        countParameters + [polyArchs, polyDegree, polyMaxD] + gdParameters
            + [momentumArchs, momentumTau, momentumStep, momentumHorizon, momentumVelocityScale, mirrorArchs]
    }

}
