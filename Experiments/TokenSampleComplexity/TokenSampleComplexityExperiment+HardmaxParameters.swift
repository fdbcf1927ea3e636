import WorkbenchCore

extension TokenSampleComplexityExperiment {
    // MARK: hardmax — E3a annealed temperature

    static let hardmaxAnnealedDimensions = Parameter<[Int]>(
        "hardmaxAnnealedDimensions", default: [3], doc: "E3a: sphere dimensions d (tokens on S^{d−1}).",
        constraint: dimensionList)
    static let hardmaxKappa = Parameter<Double>(
        "hardmaxKappa", default: 2, doc: "E3a: temperature slope κ in λ_n = κ ln n.", constraint: .positive)
    static let hardmaxRadius = Parameter<Double>(
        "hardmaxRadius", default: 1, doc: "E3a: sphere radius r.", constraint: .positive)
    static let hardmaxQueryScale = Parameter<Double>(
        "hardmaxQueryScale", default: 1, doc: "E3a: query norm s₀ = ‖A₀x‖ (A₀ = I).", constraint: .positive)
    static let hardmaxAnnealedN = Parameter<[Int]>(
        "hardmaxAnnealedN", default: powers(4, 3...8), doc: "E3a: token counts n.", constraint: tokenCountList)
    static let hardmaxAnnealedReps = Parameter<Int>(
        "hardmaxAnnealedReps", default: 400,
        doc:
            "E3a: repetitions per n (the last steps of err·ln n differ by ~0.004; 400 reps put that 4 standard errors above the noise).",
        constraint: repetitions)

    // MARK: hardmax — E3b sphere

    static let hardmaxSphereDimensions = Parameter<[Int]>(
        "hardmaxSphereDimensions", default: [3, 8, 32], doc: "E3b: sphere dimensions d for hardmax on S^{d−1}.",
        constraint: dimensionList)
    static let hardmaxSphereN = Parameter<[Int]>(
        "hardmaxSphereN", default: powers(4, 2...7), doc: "E3b: token counts n.", constraint: tokenCountList)
    static let hardmaxSphereReps = Parameter<Int>(
        "hardmaxSphereReps", default: 200, doc: "E3b: repetitions per (d, n).", constraint: repetitions)

    // MARK: hardmax — E3c Gaussian extremes

    static let hardmaxGaussSignals = Parameter<[Double]>(
        "hardmaxGaussSignals", default: [3, 5], doc: "E3c: signals s (mean-field target of the 1-D attention output).",
        constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: true), distinct: true))
    static let hardmaxGaussN = Parameter<[Int]>(
        "hardmaxGaussN", default: powers(4, 2...8), doc: "E3c: token counts n.", constraint: tokenCountList)
    static let hardmaxGaussReps = Parameter<Int>(
        "hardmaxGaussReps", default: 100, doc: "E3c: repetitions per n.", constraint: repetitions)

    /// Every parameter, in the order `workbench list` shows them (after the core's `parts`).
    static var parameters: [any ParameterDeclaration] {
        [
            bootstrapResamples, uniformDimension, uniformRadii, uniformN, uniformReps, uniformSphereQueries,
            uniformInteriorQueries, uniformRefineSteps, uniformValueMap, momentsDimension, momentsVariance,
            momentsHorizons, momentsN, momentsReps, momentsForm, hardmaxAnnealedDimensions, hardmaxKappa,
            hardmaxRadius, hardmaxQueryScale, hardmaxAnnealedN, hardmaxAnnealedReps, hardmaxSphereDimensions,
            hardmaxSphereN, hardmaxSphereReps, hardmaxGaussSignals, hardmaxGaussN, hardmaxGaussReps,
        ]
    }
}
