import WorkbenchCore

/// The typed parameter declarations, which are also the accessors (`context[Self.eps]`).
///
/// Keys, kinds, defaults, documentation and constraints are what users see on the command line,
/// in `workbench list` and in the stored `params` rows. Lists that name metrics (each entry
/// becomes a key segment) are `distinct`; texts that parse to the same label (`power:2` and
/// `power:2.0`) are caught by the rules in `+Rules.swift`.
extension DiffusionDiscretizationExperiment {
    /// `10·2^j`, `j = 0…9`: the default step counts (10 … 5120).
    static let defaultStepCounts = (0..<10).map { 10 << $0 }

    /// `{0, 0.25, …, 2}`: the η grid of the η sweep (spec A5).
    static let defaultSweepEtas = (0...8).map { Double($0) * 0.25 }

    /// `{1, 1.25, …, 4}`: the exponents of the power-grid sweep (spec A6).
    static let defaultSweepPowers = (0...12).map { 1 + Double($0) * 0.25 }

    static let gridDescription = "grid: \(TimeGrid.syntax)"

    /// A list of at least one distinct number ≥ `low`.
    private static func distinctList(atLeast low: Double) -> ParameterConstraint {
        .list(minCount: 1, element: .range(low: low, high: nil, lowIsExclusive: false), distinct: true)
    }

    // MARK: - Forward processes and their windows

    static let processes = Parameter<[String]>(
        "processes", default: ["vp-linear"],
        doc:
            "forward processes: vp-linear (β_min→β_max, horizon T), vp-cosine (offset s, horizon cosineT), ve-edm (σ(t) = t on [veEps, veT])",
        constraint: .list(minCount: 1, element: .choices(ForwardProcess.names), distinct: true))
    static let eps = Parameter<Double>(
        "eps", default: 1e-3, doc: "truncation time ε of the VP processes (ε > 0)", constraint: .positive)
    static let horizon = Parameter<Double>(
        "T", default: 1, doc: "horizon of vp-linear (T > eps)", constraint: .positive)
    static let cosineHorizon = Parameter<Double>(
        "cosineT", default: 0.95, doc: "horizon of vp-cosine (eps < cosineT < 1; β → ∞ at t = 1)",
        constraint: .positive)
    static let veEps = Parameter<Double>(
        "veEps", default: 2e-3, doc: "truncation σ_min = ε of ve-edm (ε > 0)", constraint: .positive)
    static let veHorizon = Parameter<Double>(
        "veT", default: 80, doc: "horizon σ_max = T of ve-edm (T > veEps)", constraint: .positive)
    static let betaMin = Parameter<Double>(
        "betaMin", default: 0.1, doc: "β(0) of vp-linear", constraint: .nonNegative)
    static let betaMax = Parameter<Double>(
        "betaMax", default: 20, doc: "β(1) of vp-linear (≥ betaMin)", constraint: .positive)
    static let cosineOffset = Parameter<Double>(
        "cosineOffset", default: 0.008, doc: "offset s of the cosine schedule", constraint: .positive)

    // MARK: - Convergence study (E1)

    static let spectra = Parameter<[String]>(
        "spectra", default: ["pow:0.5", "pow:1", "pow:2", "twoscale"],
        doc:
            "data spectra: pow:α (λ_k = k^−α, k ≤ dimension), twoscale (1, 0.01), file:<path> (one eigenvalue per line), cov:<path> (full covariance, eigendecomposed by LAPACK)",
        constraint: .list(
            minCount: 1, element: .rule(description: SpectrumSpecification.syntax, spectrumRule), distinct: true))
    static let dimension = Parameter<Int>(
        "dimension", default: 256, doc: "dimension d of the pow:α spectra", constraint: .atLeastOne)
    /// Read with the process windows (``ProcessConfiguration/lambdaScale``), so by every part
    /// that runs a process, not only by the convergence study.
    static let lambdaScale = Parameter<Double>(
        "lambdaScale", default: 1, doc: "factor applied to the eigenvalues for VP processes", constraint: .positive)
    static let veLambdaScale = Parameter<Double>(
        "veLambdaScale", default: 0.25, doc: "factor applied to the eigenvalues for ve-edm (σ_data = 0.5)",
        constraint: .positive)
    static let meanScale = Parameter<Double>(
        "meanScale", default: 0, doc: "data mean μ ~ meanScale·N(0, I) (seeded) in the convergence sweeps",
        constraint: .nonNegative)
    static let etas = Parameter<[Double]>(
        "etas", default: [0, 0.5, 1], doc: "diffusion coefficients η ≥ 0 (0 = probability-flow ODE, 1 = reverse SDE)",
        constraint: distinctList(atLeast: 0))
    static let grids = Parameter<[String]>(
        "grids", default: ["uniform", "power:2"], doc: "reverse time grids: uniform, power:p, edm:r",
        constraint: .list(minCount: 1, element: .rule(description: gridDescription, gridRule), distinct: true))
    static let stepCounts = Parameter<[Int]>(
        "Ks", default: defaultStepCounts, doc: "step counts K ≥ 1 (= score evaluations) of the convergence study",
        constraint: distinctList(atLeast: 1))
    static let initialization = Parameter<String>(
        "init", default: ChainInitialization.exact.rawValue,
        doc: "chain start: exact (Y_0 ~ p_T) or prior (N(0, I), VE: N(0, σ_T² I))",
        constraint: .choices([ChainInitialization.exact.rawValue, ChainInitialization.prior.rawValue]))

    // MARK: - η and power-grid sweeps (E3, E4)

    static let sweepAlphas = Parameter<[Double]>(
        "sweepAlphas", default: [0.5, 1, 2], doc: "power-law exponents α of the η and p sweeps",
        constraint: distinctList(atLeast: 0))
    static let etaSweepDimension = Parameter<Int>(
        "etaSweepDimension", default: 1000, doc: "dimension d of the η sweep", constraint: .atLeastOne)
    static let sweepEtas = Parameter<[Double]>(
        "sweepEtas", default: defaultSweepEtas, doc: "η grid of the η sweep", constraint: distinctList(atLeast: 0))
    static let sweepGrids = Parameter<[String]>(
        "sweepGrids", default: ["uniform", "power:2"], doc: "grids of the η sweep",
        constraint: .list(minCount: 1, element: .rule(description: gridDescription, gridRule), distinct: true))
    static let sweepPowers = Parameter<[Double]>(
        "sweepPowers", default: defaultSweepPowers, doc: "exponents p ≥ 1 of the power:p sweep",
        constraint: distinctList(atLeast: 1))
    static let powerSweepEtas = Parameter<[Double]>(
        "powerSweepEtas", default: [0, 1], doc: "η values of the power-grid sweep", constraint: distinctList(atLeast: 0)
    )
    static let powerSweepDimension = Parameter<Int>(
        "powerSweepDimension", default: 256, doc: "dimension d of the power-grid sweep", constraint: .atLeastOne)
    static let sweepStepCounts = Parameter<[Int]>(
        "sweepKs", default: [50, 200], doc: "step counts at which the sweeps' exact W2 is minimised",
        constraint: distinctList(atLeast: 1))

    // MARK: - Monte Carlo cross-check (A1)

    static let mcSamples = Parameter<Int>(
        "mcSamples", default: 20000, doc: "Monte Carlo sample size N", constraint: .range(low: 2, high: nil))
    static let mcDimensions = Parameter<[Int]>(
        "mcDimensions", default: [8], doc: "dimensions of the Monte Carlo data (λ_k = 1/k, random rotation, μ ≠ 0)",
        constraint: distinctList(atLeast: 1))
    static let mcStepCounts = Parameter<[Int]>(
        "mcKs", default: [10, 40], doc: "step counts of the Monte Carlo runs", constraint: distinctList(atLeast: 1))
    static let mcEtas = Parameter<[Double]>(
        "mcEtas", default: [0, 1], doc: "η values of the Monte Carlo runs", constraint: distinctList(atLeast: 0))
    static let mcMeanScale = Parameter<Double>(
        "mcMeanScale", default: 0.5, doc: "Monte Carlo data mean μ ~ mcMeanScale·N(0, I)", constraint: .nonNegative)
    static let mcGrid = Parameter<String>(
        "mcGrid", default: "uniform", doc: "grid of the Monte Carlo runs",
        constraint: .rule(description: gridDescription, gridRule))

    // MARK: - Heun and DDIM (A7)

    static let extensionGrid = Parameter<String>(
        "extensionGrid", default: "uniform", doc: "grid of the Heun/DDIM study (two-scale data)",
        constraint: .rule(description: gridDescription, gridRule))

    /// Every declared parameter, in display order (the core puts `parts` first).
    static let parameterDeclarations: [any ParameterDeclaration] = [
        processes, eps, horizon, cosineHorizon, veEps, veHorizon, betaMin, betaMax, cosineOffset, spectra,
        dimension, lambdaScale, veLambdaScale, meanScale, etas, grids, stepCounts, initialization, sweepAlphas,
        etaSweepDimension, sweepEtas, sweepGrids, sweepPowers, powerSweepEtas, powerSweepDimension, sweepStepCounts,
        mcSamples, mcDimensions, mcStepCounts, mcEtas, mcMeanScale, mcGrid, extensionGrid,
    ]
}
