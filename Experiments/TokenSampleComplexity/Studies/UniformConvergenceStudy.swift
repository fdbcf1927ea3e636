import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `uniform` (spec E1): `sup_{‖x‖≤R} ‖Γ_{μ_n}(x) − Γ_μ(x)‖` against `n` for several radii,
/// with Gaussian tokens `N(0, I_d)` and the exact map `Γ_μ(x) = V A x` (O1).
///
/// `A = A₀/σ₁(A₀)` with `A₀ = KᵀQ`, `K, Q` i.i.d. `N(0, 1/d)`, so `σ₁ = ‖Σ^{1/2}A‖₂ = 1` and the
/// largest tilt on the ball is `s_max = R`. The sup is a maximum over a fixed query set per `R`:
/// `±R·v₁` (the direction of largest tilt), points uniform on the sphere of radius `R` and
/// optional interior points, plus an optional local refinement of the worst four queries.
struct UniformConvergenceStudy {
    typealias Experiment = TokenSampleComplexityExperiment

    /// The parameters this study (the `uniform` part) reads.
    static let parameters: [any ParameterDeclaration] = [
        Experiment.bootstrapResamples, Experiment.uniformDimension, Experiment.uniformRadii, Experiment.uniformN,
        Experiment.uniformReps, Experiment.uniformSphereQueries, Experiment.uniformInteriorQueries,
        Experiment.uniformRefineSteps, Experiment.uniformValueMap,
    ]

    let dimension: Int
    let radii: [Double]
    let tokenCounts: [Int]
    let repetitions: Int
    let sphereQueries: Int
    let interiorQueries: Int
    let refineSteps: Int
    let randomValueMap: Bool
    let bootstrapResamples: Int

    init(_ parameters: ParameterSet) {
        dimension = parameters[Experiment.uniformDimension]
        radii = parameters[Experiment.uniformRadii]
        tokenCounts = parameters[Experiment.uniformN].sorted()
        repetitions = parameters[Experiment.uniformReps]
        sphereQueries = parameters[Experiment.uniformSphereQueries]
        interiorQueries = parameters[Experiment.uniformInteriorQueries]
        refineSteps = parameters[Experiment.uniformRefineSteps]
        randomValueMap = parameters[Experiment.uniformValueMap] == "random"
        bootstrapResamples = parameters[Experiment.bootstrapResamples]
    }

    /// The token model: `N(0, I)`, `A` normalised to `σ₁ = 1`, `V = I` or `N(0, 1/d)`; returns
    /// the raw `σ₁(A₀)` too.
    func model(_ context: RunContext) throws -> (model: GaussianTokenModel, rawSigma: Double) {
        let d = dimension
        var generator = context.random("uniform", "weights")
        let scale = 1 / Double(d).squareRoot()
        let q = Matrix.gaussian(rows: d, columns: d, standardDeviation: scale, using: &generator)
        let k = Matrix.gaussian(rows: d, columns: d, standardDeviation: scale, using: &generator)
        let raw = Matrix.product(k, q, transposeA: .transpose)
        let rawSigma = try raw.spectralNorm()
        guard rawSigma > 0 else { throw ExperimentError.failed("uniform: KᵀQ is zero") }
        let valueMap =
            randomValueMap
            ? Matrix.gaussian(rows: d, columns: d, standardDeviation: scale, using: &generator)
            : Matrix.identity(d)
        let model = try GaussianTokenModel(
            mean: [Double](repeating: 0, count: d), covariance: Matrix.identity(d),
            bilinearForm: (1 / rawSigma) * raw, valueMap: valueMap)
        return (model, rawSigma)
    }

    /// The query set for radius `R` (rows of an `M × d` matrix).
    func queries(radius: Double, radiusIndex: Int, direction: [Double], context: RunContext) -> Matrix {
        var generator = context.random("uniform", "queries", .of(radiusIndex))
        var rows: [[Double]] = [direction.map { radius * $0 }, direction.map { -radius * $0 }]
        for _ in 0..<sphereQueries {
            rows.append(generator.unitSphereVector(dimension: dimension).map { radius * $0 })
        }
        for _ in 0..<interiorQueries {
            // Uniform in the ball: radius R·U^{1/d}.
            let r = radius * pow(generator.nextUniform(), 1 / Double(dimension))
            rows.append(generator.unitSphereVector(dimension: dimension).map { r * $0 })
        }
        return Matrix(rowMajor: rows)
    }

    /// Records `uniform.sigma1_raw` and `uniform.sigma1`, then one radius after the other:
    /// its constants first, each repetition's sup error as soon as it is done, the summaries of
    /// each `n` as soon as its repetitions are done, and the fits and `C_hat = √n_max·sup-err(n_max)` when the grid is complete.
    func run(_ context: RunContext) throws {
        let (model, rawSigma) = try model(context)
        let (sigma, direction) = try model.topTiltDirection()
        try context.record("uniform.sigma1_raw", rawSigma)
        try context.record("uniform.sigma1", sigma)
        for (radiusIndex, radius) in radii.enumerated() {
            context.progress("R = \(radius)", fraction: Double(radiusIndex) / Double(radii.count))
            try runRadius(radiusIndex, radius: radius, sigma: sigma, direction: direction, model: model, context)
        }
    }

    /// The sup error of one radius, `n` by `n`.
    func runRadius(
        _ radiusIndex: Int, radius: Double, sigma: Double, direction: [Double], model: GaussianTokenModel,
        _ context: RunContext
    ) throws {
        let key = MetricKeys.uniform(radius: radius)
        let queryMatrix = queries(radius: radius, radiusIndex: radiusIndex, direction: direction, context: context)
        let exact = Matrix(rowMajor: (0..<queryMatrix.rows).map { model.meanFieldMap(queryMatrix.row($0)) })
        let logConstants = (0..<queryMatrix.rows).map { model.logAsymptoticErrorConstant(queryMatrix.row($0)) }
        let logWorstConstant = logConstants.max() ?? .nan
        let cPred = exp(0.5 * logWorstConstant)
        try context.record(key.appending("radius"), radius)
        try context.record(key.appending("s_max"), sigma * radius)
        try context.record(key.appending("C_pred"), cPred)
        var errors = [[Double]]()
        for (nIndex, n) in tokenCounts.enumerated() {
            let supErrors = try context.parallelMap(repetitions) { rep -> Double in
                var generator = context.random("uniform", "tokens", .of(radiusIndex), .of(nIndex), .of(rep))
                let tokens = model.sample(n, using: &generator)
                var search = SupremumSearch(model: model, tokens: tokens, radius: radius)
                var sup = try search.maximumError(queries: queryMatrix, exact: exact)
                if refineSteps > 0 {
                    var refineGenerator = context.random("uniform", "refine", .of(radiusIndex), .of(nIndex), .of(rep))
                    sup = try search.refine(steps: refineSteps, using: &refineGenerator)
                }
                return try ConvergenceSeries.recordRepetition(
                    key.appending("sup"), n: n, rep: rep, error: sup, into: context)
            }
            try ConvergenceSeries.recordPoint(key.appending("sup"), n: n, errors: supErrors, into: context)
            try context.record(
                key.appending("pred_rmse"), x: Double(n), (exp(logWorstConstant) / Double(n)).squareRoot())
            errors.append(supErrors)
        }
        let series = ConvergenceSeries(tokenCounts: tokenCounts, errors: errors)
        var bootGenerator = context.random("uniform", "bootstrap", .of(radiusIndex))
        try series.recordFits(
            key.appending("sup"), into: context, bootstrapResamples: bootstrapResamples, using: &bootGenerator)
        let nMax = Double(tokenCounts.last ?? 1)
        let cHat = nMax.squareRoot() * (series.summaries.last?.mean ?? .nan)
        try context.record(key.appending("C_hat"), cHat)
        try context.record(key.appending("C_ratio"), cHat / cPred)
    }
}
