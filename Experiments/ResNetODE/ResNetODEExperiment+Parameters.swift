import WorkbenchCore

/// The typed parameter declarations, which are also the accessors (`context[Self.depths]`).
///
/// Lists whose entries become key segments (residuals, schemes, depths) are `distinct`.
extension ResNetODEExperiment {
    /// `4·2^j`, `j = 0…8`: the default depths 4 … 1024.
    static let defaultDepths = (0..<9).map { 4 << $0 }

    /// A list of at least `minCount` distinct integers ≥ 1.
    private static func depthList(minCount: Int = 1) -> ParameterConstraint {
        .list(minCount: minCount, element: .range(low: 1, high: nil, lowIsExclusive: false), distinct: true)
    }

    static let dimension = Parameter<Int>(
        "dim", default: 16, doc: "state dimension d of the gap and adjoint parts", constraint: .atLeastOne)
    static let hidden = Parameter<Int>(
        "hidden", default: 32, doc: "width m of the MLP residual W2 tanh(W1 x)", constraint: .atLeastOne)
    static let batch = Parameter<Int>(
        "batch", default: 64, doc: "batch size B (inputs x_0 ~ N(0, I_d), samples as columns)",
        constraint: .atLeastOne)
    static let depths = Parameter<[Int]>(
        "depths", default: defaultDepths, doc: "network depths N (step 1/N) of the gap sweep",
        constraint: depthList())
    static let residuals = Parameter<[String]>(
        "residuals", default: ["mlp", "relu", "linear"],
        doc: "residual functions: linear (W x), tanh (tanh(W x)), relu (max(W x, 0)), mlp (W2 tanh(W1 x))",
        constraint: .list(minCount: 1, element: .choices(ResidualKind.names), distinct: true))
    static let weightSchemes = Parameter<[String]>(
        "weightSchemes", default: ["smooth", "iid", "alternating"],
        doc:
            "weights across depth: smooth Θ(n/N), iid, alternating (−1)^n Θ(n/N), lipwalk (steps 3ξ/N), brownian (steps ξ/√N)",
        constraint: .list(minCount: 1, element: .choices(WeightScheme.names), distinct: true))
    static let weightScale = Parameter<Double>(
        "weightScale", default: 1, doc: "scale s of the weights: entries ~ N(0, s²/fan_in)", constraint: .positive)
    static let modes = Parameter<Int>(
        "modes", default: 4, doc: "number K of cosine modes of the smooth path Θ(t) = Σ_k C_k cos(kπt)/(1+k)",
        constraint: .atLeastOne)
    static let odeSubsteps = Parameter<Int>(
        "odeSubsteps", default: 4, doc: "RK4 substeps S per layer interval of the piecewise-affine reference ODE",
        constraint: .atLeastOne)
    static let limitSteps = Parameter<Int>(
        "limitSteps", default: 4096, doc: "RK4 steps M of the depth-limit ODE on the smooth path Θ(t)",
        constraint: .atLeastOne)
    static let fitMinDepth = Parameter<Int>(
        "fitMinDepth", default: 16, doc: "slopes are least-squares fits of log error on log N over N ≥ this",
        constraint: .atLeastOne)
    static let heunConvention = Parameter<String>(
        "heunConvention", default: "nodes",
        doc:
            "Heun depth convention: nodes (N steps on θ_0…θ_N) or reference (the authors' N weights, N−1 steps, h = 1/N)",
        constraint: .choices(HeunConvention.names))
}

/// The `linear` part's parameters (spec §5.1, E2 and the paper's Figure 2).
extension ResNetODEExperiment {
    static let linDim = Parameter<Int>(
        "linDim", default: 2,
        doc: "dimension d of the linear ResNet (d = 2: the paper's Figure-2 target B, hard-coded; else I + 0.5·G/√d)",
        constraint: .range(low: 1, high: 8, lowIsExclusive: false))
    static let linDepth = Parameter<Int>(
        "linDepth", default: 100, doc: "depth N of the Figure-2 run", constraint: .range(low: 2, high: nil))
    static let linSteps = Parameter<Int>(
        "linSteps", default: 100, doc: "gradient-descent steps of the Figure-2 run and of the rate study",
        constraint: .atLeastOne)
    static let linEta = Parameter<Double>(
        "linEta", default: 1, doc: "learning rate η; the step is lr = η·N (depth-independent dynamics)",
        constraint: .positive)
    static let linDepths = Parameter<[Int]>(
        "linDepths", default: [8, 16, 32, 64, 128, 256], doc: "depths N compared with the reference depth",
        constraint: .list(minCount: 1, element: .range(low: 2, high: nil, lowIsExclusive: false), distinct: true))
    static let linRefDepth = Parameter<Int>(
        "linRefDepth", default: 2048, doc: "reference depth standing for the depth limit A^∞(t, k)",
        constraint: .range(low: 2, high: nil))
    static let linIIDDepths = Parameter<[Int]>(
        "linIIDDepths", default: [16, 64, 256], doc: "depths of the i.i.d.-initialisation contrast",
        constraint: .list(minCount: 1, element: .range(low: 2, high: nil, lowIsExclusive: false), distinct: true))
    static let linIIDSteps = Parameter<Int>(
        "linIIDSteps", default: 500, doc: "gradient-descent steps of the i.i.d.-initialisation contrast",
        constraint: .atLeastOne)
}

/// The `adjoint` part's own parameters (it also reads the sizes, depths and weight scales).
extension ResNetODEExperiment {
    static let adjointResiduals = Parameter<[String]>(
        "adjointResiduals", default: ["mlp", "linear"],
        doc: "residual functions of the adjoint study (its claims are stated for the smooth mlp)",
        constraint: .list(minCount: 1, element: .choices(ResidualKind.names), distinct: true))
    static let adjointSchemes = Parameter<[String]>(
        "adjointSchemes", default: ["smooth", "iid", "lipwalk"],
        doc: "weight schemes of the adjoint study (see weightSchemes)",
        constraint: .list(minCount: 1, element: .choices(WeightScheme.names), distinct: true))
}

/// The `memory` part's parameters (spec E4; the paper's memory figure uses d = B = 500).
extension ResNetODEExperiment {
    static let memDepths = Parameter<[Int]>(
        "memDepths", default: [1, 64, 128, 256], doc: "depths N of the activation-memory count",
        constraint: .list(minCount: 1, element: .range(low: 1, high: nil, lowIsExclusive: false), distinct: true))
    static let memBatch = Parameter<Int>(
        "memBatch", default: 64, doc: "batch B of the memory count", constraint: .atLeastOne)
    static let memDim = Parameter<Int>(
        "memDim", default: 64, doc: "state dimension d of the memory count", constraint: .atLeastOne)
    static let memHidden = Parameter<Int>(
        "memHidden", default: 8, doc: "width m of the MLP residual of the memory count", constraint: .atLeastOne)
}

/// The `train` part's parameters (spec E5, the teacher–student analog of Figure 3(c) and 4).
extension ResNetODEExperiment {
    static let trainDepths = Parameter<[Int]>(
        "trainDepths", default: [2, 4, 8, 16, 32], doc: "student depths N",
        constraint: .list(minCount: 1, element: .range(low: 1, high: nil, lowIsExclusive: false), distinct: true))
    static let trainBatch = Parameter<Int>(
        "trainBatch", default: 128, doc: "training and test batch size", constraint: .atLeastOne)
    static let trainIters = Parameter<Int>(
        "trainIters", default: 300, doc: "full-batch Adam iterations", constraint: .atLeastOne)
    static let trainLR = Parameter<Double>(
        "trainLR", default: 1e-2, doc: "Adam learning rate (not scaled with N)", constraint: .positive)
    static let teacherScale = Parameter<Double>(
        "teacherScale", default: 2, doc: "scale s of the teacher's smooth MLP path Θ(t)", constraint: .positive)
    static let trainDim = Parameter<Int>(
        "trainDim", default: 8, doc: "state dimension d of E5", constraint: .atLeastOne)
    static let trainHidden = Parameter<Int>(
        "trainHidden", default: 16, doc: "MLP width m of E5", constraint: .atLeastOne)
    static let trainSeeds = Parameter<[Int]>(
        "trainSeeds", default: [0],
        doc: "training seeds, each its own teacher, data and initialisation; the train claims must hold on every seed",
        constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false), distinct: true))
}

/// The `reversible` part's parameters (beyond the paper, spec §7.2).
extension ResNetODEExperiment {
    static let revDepths = Parameter<[Int]>(
        "revDepths", default: [4, 8, 16, 32, 64, 128, 256],
        doc: "depths N of the Runge–Kutta reversibility study (smooth MLP weights)", constraint: depthList())
    static let revSchemes = Parameter<[String]>(
        "revSchemes", default: RungeKuttaScheme.names,
        doc:
            "layer schemes of the reversibility study: euler (p = 1), midpoint and heun (p = 2), rk3 (Kutta, p = 3), rk4 (classical, p = 4)",
        constraint: .list(minCount: 1, element: .choices(RungeKuttaScheme.names), distinct: true))
    static let revFitMaxDepth = Parameter<Int>(
        "revFitMaxDepth", default: 64,
        doc:
            "the reversibility slopes fit N from fitMinDepth to this depth (high orders reach the float64 round-off floor early)",
        constraint: .atLeastOne)
}
