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
    let dimension: Int
    let radii: [Double]
    let tokenCounts: [Int]
    let repetitions: Int
    let sphereQueries: Int
    let interiorQueries: Int
    let refineSteps: Int
    let randomValueMap: Bool
    let bootstrapResamples: Int

    init(_ parameters: ParameterSet) throws {
        dimension = try parameters.int(TokenSampleComplexityExperiment.Key.uniformDimension)
        radii = try parameters.reals(TokenSampleComplexityExperiment.Key.uniformRadii)
        tokenCounts = try parameters.ints(TokenSampleComplexityExperiment.Key.uniformN).sorted()
        repetitions = try parameters.int(TokenSampleComplexityExperiment.Key.uniformReps)
        sphereQueries = try parameters.int(TokenSampleComplexityExperiment.Key.uniformSphereQueries)
        interiorQueries = try parameters.int(TokenSampleComplexityExperiment.Key.uniformInteriorQueries)
        refineSteps = try parameters.int(TokenSampleComplexityExperiment.Key.uniformRefineSteps)
        randomValueMap = try parameters.text(TokenSampleComplexityExperiment.Key.uniformValueMap) == "random"
        bootstrapResamples = try parameters.int(TokenSampleComplexityExperiment.Key.bootstrapResamples)
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

    func run(_ context: RunContext) throws {
        let (model, rawSigma) = try model(context)
        let (sigma, direction) = try model.topTiltDirection()
        try context.record("uniform.sigma1_raw", rawSigma)
        try context.record("uniform.sigma1", sigma)
        let nMax = Double(tokenCounts.last ?? 1)
        for (radiusIndex, radius) in radii.enumerated() {
            context.progress(
                "uniform: R = \(radius)", fraction: Double(radiusIndex) / Double(radii.count))
            let label = "uniform." + MetricLabel.real("R", radius)
            let queryMatrix = queries(
                radius: radius, radiusIndex: radiusIndex, direction: direction, context: context)
            let exact = Matrix(rowMajor: (0..<queryMatrix.rows).map { model.meanFieldMap(queryMatrix.row($0)) })
            let logConstants = (0..<queryMatrix.rows).map { model.logAsymptoticErrorConstant(queryMatrix.row($0)) }
            let logWorstConstant = logConstants.max() ?? .nan
            let cells = tokenCounts.count * repetitions
            let supErrors = try context.parallelMap(cells) { cell -> Double in
                let nIndex = cell / repetitions
                let rep = cell % repetitions
                var generator = context.random("uniform", "tokens", .of(radiusIndex), .of(nIndex), .of(rep))
                let tokens = model.sample(tokenCounts[nIndex], using: &generator)
                var search = SupremumSearch(model: model, tokens: tokens, radius: radius)
                var sup = try search.maximumError(queries: queryMatrix, exact: exact)
                if refineSteps > 0 {
                    var refineGenerator = context.random(
                        "uniform", "refine", .of(radiusIndex), .of(nIndex), .of(rep))
                    sup = try search.refine(steps: refineSteps, using: &refineGenerator)
                }
                return sup
            }
            let errors = (0..<tokenCounts.count).map { i in
                Array(supErrors[(i * repetitions)..<((i + 1) * repetitions)])
            }
            let series = ConvergenceSeries(tokenCounts: tokenCounts, errors: errors)
            var bootGenerator = context.random("uniform", "bootstrap", .of(radiusIndex))
            try series.record(
                prefix: "\(label).sup", into: context, bootstrapResamples: bootstrapResamples,
                using: &bootGenerator)
            let predicted = tokenCounts.map { (exp(logWorstConstant) / Double($0)).squareRoot() }
            try context.record(
                "\(label).pred_rmse", xs: tokenCounts.map(Double.init), values: predicted)
            let supAtMax = series.summaries.last?.mean ?? .nan
            let cHat = nMax.squareRoot() * supAtMax
            let cPred = exp(0.5 * logWorstConstant)
            try context.record("\(label).radius", radius)
            try context.record("\(label).s_max", sigma * radius)
            try context.record("\(label).C_hat", cHat)
            try context.record("\(label).C_pred", cPred)
            try context.record("\(label).C_ratio", cHat / cPred)
        }
    }
}
