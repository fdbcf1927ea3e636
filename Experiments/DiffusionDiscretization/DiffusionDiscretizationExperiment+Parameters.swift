import WorkbenchCore

extension DiffusionDiscretizationExperiment {
    /// `10·2^j`, `j = 0…9`: the default step counts (10 … 5120).
    static let defaultStepCounts = (0..<10).map { 10 << $0 }

    /// `{0, 0.25, …, 2}`: the η grid of the η sweep (spec A5).
    static let defaultSweepEtas = (0...8).map { Double($0) * 0.25 }

    /// `{1, 1.25, …, 4}`: the exponents of the power-grid sweep (spec A6).
    static let defaultSweepPowers = (0...12).map { 1 + Double($0) * 0.25 }

    /// Element rule for spectrum texts; also checks that files are readable and parse.
    static let spectrumRule: @Sendable (String) -> String? = { text in
        guard let spectrum = SpectrumSpecification(text) else {
            return "'\(text)' is not a spectrum; expected \(SpectrumSpecification.syntax)"
        }
        switch spectrum {
        case .eigenvalueFile, .covarianceFile:
            do throws(DiffusionDiscretizationError) {
                _ = try spectrum.eigenvalues(dimension: 1)
            } catch {
                return error.description
            }
            return nil
        case .powerLaw, .twoScale:
            return nil
        }
    }

    /// Element rule for grid texts.
    static let gridRule: @Sendable (String) -> String? = { text in
        TimeGrid(text) == nil ? "'\(text)' is not a grid; expected \(TimeGrid.syntax)" : nil
    }

    static let gridDescription = "grid: \(TimeGrid.syntax)"

    /// The declared parameters, in display order.
    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "processes", .textList(["vp-linear"]),
            doc:
                "forward processes: vp-linear (β_min→β_max, horizon T), vp-cosine (offset s, horizon cosineT), ve-edm (σ(t) = t on [veEps, veT])",
            constraint: .list(minCount: 1, element: .choices(ForwardProcess.names))),
        ParameterSpec("eps", .real(1e-3), doc: "truncation time ε of the VP processes (ε > 0)", constraint: .positive),
        ParameterSpec("T", .real(1), doc: "horizon of vp-linear (T > eps)", constraint: .positive),
        ParameterSpec(
            "cosineT", .real(0.95), doc: "horizon of vp-cosine (eps < cosineT < 1; β → ∞ at t = 1)",
            constraint: .positive),
        ParameterSpec("veEps", .real(2e-3), doc: "truncation σ_min = ε of ve-edm (ε > 0)", constraint: .positive),
        ParameterSpec("veT", .real(80), doc: "horizon σ_max = T of ve-edm (T > veEps)", constraint: .positive),
        ParameterSpec("betaMin", .real(0.1), doc: "β(0) of vp-linear", constraint: .nonNegative),
        ParameterSpec("betaMax", .real(20), doc: "β(1) of vp-linear (≥ betaMin)", constraint: .positive),
        ParameterSpec("cosineOffset", .real(0.008), doc: "offset s of the cosine schedule", constraint: .positive),
        ParameterSpec(
            "spectra", .textList(["pow:0.5", "pow:1", "pow:2", "twoscale"]),
            doc:
                "data spectra: pow:α (λ_k = k^−α, k ≤ dimension), twoscale (1, 0.01), file:<path> (one eigenvalue per line), cov:<path> (full covariance, eigendecomposed by LAPACK)",
            constraint: .list(minCount: 1, element: .rule(description: SpectrumSpecification.syntax, spectrumRule))),
        ParameterSpec("dimension", .int(256), doc: "dimension d of the pow:α spectra", constraint: .atLeastOne),
        ParameterSpec(
            "lambdaScale", .real(1), doc: "factor applied to the eigenvalues for VP processes", constraint: .positive),
        ParameterSpec(
            "veLambdaScale", .real(0.25), doc: "factor applied to the eigenvalues for ve-edm (σ_data = 0.5)",
            constraint: .positive),
        ParameterSpec(
            "meanScale", .real(0), doc: "data mean μ ~ meanScale·N(0, I) (seeded) in the convergence sweeps",
            constraint: .nonNegative),
        ParameterSpec(
            "etas", .realList([0, 0.5, 1]),
            doc: "diffusion coefficients η ≥ 0 (0 = probability-flow ODE, 1 = reverse SDE)",
            constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "grids", .textList(["uniform", "power:2"]), doc: "reverse time grids: uniform, power:p, edm:r",
            constraint: .list(minCount: 1, element: .rule(description: gridDescription, gridRule))),
        ParameterSpec(
            "Ks", .intList(defaultStepCounts), doc: "step counts K ≥ 1 (= score evaluations) of the convergence study",
            constraint: .list(minCount: 1, element: .range(low: 1, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "init", .text("exact"), doc: "chain start: exact (Y_0 ~ p_T) or prior (N(0, I), VE: N(0, σ_T² I))",
            constraint: .choices(["exact", "prior"])),
        ParameterSpec("optimize", .bool(true), doc: "run the η and power-grid sweeps (claims A5, A6)"),
        ParameterSpec(
            "sweepAlphas", .realList([0.5, 1, 2]), doc: "power-law exponents α of the η and p sweeps",
            constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false))),
        ParameterSpec("etaSweepDimension", .int(1000), doc: "dimension d of the η sweep", constraint: .atLeastOne),
        ParameterSpec(
            "sweepEtas", .realList(defaultSweepEtas), doc: "η grid of the η sweep",
            constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "sweepGrids", .textList(["uniform", "power:2"]), doc: "grids of the η sweep",
            constraint: .list(minCount: 1, element: .rule(description: gridDescription, gridRule))),
        ParameterSpec(
            "sweepPowers", .realList(defaultSweepPowers), doc: "exponents p ≥ 1 of the power:p sweep",
            constraint: .list(minCount: 1, element: .range(low: 1, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "powerSweepEtas", .realList([0, 1]), doc: "η values of the power-grid sweep",
            constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "powerSweepDimension", .int(256), doc: "dimension d of the power-grid sweep", constraint: .atLeastOne),
        ParameterSpec(
            "sweepKs", .intList([50, 200]), doc: "step counts at which the sweeps' exact W2 is minimised",
            constraint: .list(minCount: 1, element: .range(low: 1, high: nil, lowIsExclusive: false))),
        ParameterSpec("monteCarlo", .bool(true), doc: "run the Monte Carlo cross-check (claim A1)"),
        ParameterSpec(
            "mcSamples", .int(20000), doc: "Monte Carlo sample size N", constraint: .range(low: 2, high: nil)),
        ParameterSpec(
            "mcDimensions", .intList([8]),
            doc: "dimensions of the Monte Carlo data (λ_k = 1/k, random rotation, μ ≠ 0)",
            constraint: .list(minCount: 1, element: .range(low: 1, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "mcKs", .intList([10, 40]), doc: "step counts of the Monte Carlo runs",
            constraint: .list(minCount: 1, element: .range(low: 1, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "mcEtas", .realList([0, 1]), doc: "η values of the Monte Carlo runs",
            constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false))),
        ParameterSpec(
            "mcMeanScale", .real(0.5), doc: "Monte Carlo data mean μ ~ mcMeanScale·N(0, I)", constraint: .nonNegative),
        ParameterSpec(
            "mcGrid", .text("uniform"), doc: "grid of the Monte Carlo runs",
            constraint: .rule(description: gridDescription, gridRule)),
        ParameterSpec("extensions", .bool(true), doc: "run the Heun and DDIM samplers (claim A7)"),
        ParameterSpec(
            "extensionGrid", .text("uniform"), doc: "grid of the Heun/DDIM study (two-scale data)",
            constraint: .rule(description: gridDescription, gridRule)),
    ]

    /// The `paper` preset: all three processes, d = 3072, finer η and K ranges, larger Monte Carlo.
    static let paperPreset = Preset(
        "paper",
        summary:
            "all processes, d = 3072, α ∈ {0.5, 1, 1.5, 2}, grids uniform/power:2/edm:7, η ∈ {0, 0.5, 1, 1.5, 2}, K to 10240, MC N = 10^5 (a few minutes)",
        overrides: [
            "processes": .textList(ForwardProcess.names),
            "spectra": .textList(["pow:0.5", "pow:1", "pow:1.5", "pow:2", "twoscale"]),
            "dimension": .int(3072),
            "etas": .realList([0, 0.5, 1, 1.5, 2]),
            "grids": .textList(["uniform", "power:2", "edm:7"]),
            "Ks": .intList((0..<11).map { 10 << $0 }),
            "sweepAlphas": .realList([0.5, 1, 1.5, 2]),
            "sweepGrids": .textList(["uniform", "power:2", "edm:7"]),
            "powerSweepEtas": .realList([0, 0.5, 1]),
            "sweepKs": .intList([50, 200, 1000]),
            "mcSamples": .int(100_000),
            "mcDimensions": .intList([2, 5, 10, 64]),
            "mcKs": .intList([10, 20, 40]),
            "mcEtas": .realList([0, 0.5, 1]),
        ])

    /// Cross-parameter rules: time windows, β ordering, Monte Carlo sample size, and no
    /// duplicated list entries (they would name the same metric twice).
    static let validateParameters: @Sendable (ParameterSet) -> ParameterProblem? = { parameters in
        do throws(ExperimentError) {
            let eps = try parameters.real("eps")
            if try parameters.real("T") <= eps {
                return ParameterProblem(parameter: "T", message: "the horizon T must exceed eps = \(eps)")
            }
            let cosineT = try parameters.real("cosineT")
            if cosineT <= eps || cosineT >= 1 {
                return ParameterProblem(
                    parameter: "cosineT", message: "must satisfy eps = \(eps) < cosineT < 1")
            }
            let veEps = try parameters.real("veEps")
            if try parameters.real("veT") <= veEps {
                return ParameterProblem(parameter: "veT", message: "must exceed veEps = \(veEps)")
            }
            if try parameters.real("betaMax") < parameters.real("betaMin") {
                return ParameterProblem(parameter: "betaMax", message: "must be ≥ betaMin")
            }
            let largestDimension = try parameters.ints("mcDimensions").max() ?? 1
            if try parameters.int("mcSamples") <= largestDimension + 1 {
                return ParameterProblem(
                    parameter: "mcSamples",
                    message: "needs more than mcDimensions + 1 = \(largestDimension + 1) samples for a covariance")
            }
            for key in ["etas", "sweepAlphas", "sweepEtas", "sweepPowers", "powerSweepEtas", "mcEtas"] {
                if let problem = duplicateProblem(key, try parameters.reals(key).map(MetricKey.number)) {
                    return problem
                }
            }
            for key in ["Ks", "sweepKs", "mcDimensions", "mcKs"] {
                if let problem = duplicateProblem(key, try parameters.ints(key).map(String.init)) {
                    return problem
                }
            }
            if let problem = duplicateProblem("processes", try parameters.texts("processes")) {
                return problem
            }
            for key in ["grids", "sweepGrids"] {
                let labels = try parameters.texts(key).map { TimeGrid($0)?.label ?? $0 }
                if let problem = duplicateProblem(key, labels) { return problem }
            }
            let spectrumLabels = try parameters.texts("spectra").map {
                SpectrumSpecification($0)?.label ?? $0
            }
            if let problem = duplicateProblem("spectra", spectrumLabels) { return problem }
        } catch {
            return ParameterProblem(parameter: parameterName(of: error), message: error.description)
        }
        return nil
    }

    private static func duplicateProblem(_ key: String, _ labels: [String]) -> ParameterProblem? {
        var seen = Set<String>()
        for label in labels where !seen.insert(label).inserted {
            return ParameterProblem(
                parameter: key, message: "'\(label)' appears twice (each entry names its own metrics)")
        }
        return nil
    }

    private static func parameterName(of error: ExperimentError) -> String {
        switch error {
        case .missingParameter(let key), .wrongParameterType(let key, _): return key
        default: return "parameters"
        }
    }
}
