import Foundation
import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// Token counts `n ≥ 1`, at least two (a rate needs two points), each once (one point of a
    /// series per `n`).
    static let tokenCountList = ParameterConstraint.list(
        minCount: 2, element: .range(low: 1, high: nil, lowIsExclusive: false), distinct: true)
    /// Sphere dimensions `d ≥ 2`, each once.
    static let dimensionList = ParameterConstraint.list(
        minCount: 1, element: .range(low: 2, high: nil, lowIsExclusive: false), distinct: true)
    /// Repetitions `k ≥ 2` (a standard error needs two).
    static let repetitions = ParameterConstraint.range(low: 2, high: nil)

    // MARK: Common

    static let bootstrapResamples = Parameter<Int>(
        "bootstrapResamples", default: 200, doc: "Bootstrap resamples for slope intervals (0 disables).",
        constraint: .nonNegative)

    // MARK: uniform (E1)

    static let uniformDimension = Parameter<Int>(
        "uniformDimension", default: 4, doc: "E1: token dimension d (tokens N(0, I_d)).", constraint: .atLeastOne)
    static let uniformRadii = Parameter<[Double]>(
        "uniformRadii", default: [0.5, 1, 1.5, 2],
        doc: "E1: ball radii R (σ₁ = 1, so the largest tilt is s_max = R).",
        constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false), distinct: true))
    static let uniformN = Parameter<[Int]>(
        "uniformN", default: powers(2, 7...13), doc: "E1: token counts n.", constraint: tokenCountList)
    static let uniformReps = Parameter<Int>(
        "uniformReps", default: 20, doc: "E1: repetitions per (R, n).", constraint: repetitions)
    static let uniformSphereQueries = Parameter<Int>(
        "uniformSphereQueries", default: 128, doc: "E1: queries uniform on the sphere of radius R (besides ±R·v₁).",
        constraint: .nonNegative)
    static let uniformInteriorQueries = Parameter<Int>(
        "uniformInteriorQueries", default: 0, doc: "E1: extra queries uniform in the ball.", constraint: .nonNegative)
    static let uniformRefineSteps = Parameter<Int>(
        "uniformRefineSteps", default: 0, doc: "E1: random-perturbation steps refining the four worst queries.",
        constraint: .nonNegative)
    static let uniformValueMap = Parameter<String>(
        "uniformValueMap", default: "identity", doc: "E1: value map V: identity or random (i.i.d. N(0, 1/d)).",
        constraint: .choices(["identity", "random"]))

    // MARK: moments (E2)

    static let momentsDimension = Parameter<Int>(
        "momentsDimension", default: 8, doc: "E2: token dimension d.", constraint: .atLeastOne)
    static let momentsVariance = Parameter<Double>(
        "momentsVariance", default: 1, doc: "E2: token variance ρ (Σ = ρ·I).", constraint: .positive)
    static let momentsHorizons = Parameter<[Double]>(
        "momentsHorizons", default: [0.25, 0.5, 1, 1.5, 2, 3],
        doc: "E2: horizons H = ‖Σ^{1/2}AΣ^{1/2}‖₂ (theory convention, H_eff).",
        constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false), distinct: true))
    static let momentsN = Parameter<[Int]>(
        "momentsN", default: [256, 512, 1024, 2048, 4096], doc: "E2: token counts n.", constraint: tokenCountList)
    static let momentsReps = Parameter<Int>(
        "momentsReps", default: 16, doc: "E2: repetitions per (H, n).", constraint: repetitions)
    static let momentsForm = Parameter<String>(
        "momentsForm", default: "gaussian",
        doc: "E2: law of A₀ before scaling to H: gaussian (i.i.d. N(0,1)) or repo (Wk0ᵀWq0/√d, N(0,1/d) weights).",
        constraint: .choices(["gaussian", "repo"]))
}
