import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `moments` (spec E2 and extension 7.1): mean and covariance of the transformed token
/// distribution `ν_n = (Γ_{μ_n})_# μ_n` (self-attention on the sample, self term included)
/// against `n`, for several horizons `H`, with exact references from O3.
///
/// Tokens `N(0, ρI_d)`; `A = H·A₀/‖Σ^{1/2}A₀Σ^{1/2}‖₂` so the horizon `H_eff = ‖LᵀAL‖₂` is exactly
/// `H`. `A₀` is i.i.d. `N(0, 1)` (`gaussian`) or `Wk0ᵀWq0/√d` with `N(0, 1/d)` weights (`repo`,
/// the reference code's law). `V` is i.i.d. `N(0, 1/d)`. Errors: `‖mean_n − V(I+ΣA)m‖₂` and
/// `‖cov_n − VΣAΣAᵀΣVᵀ‖_F` with the `1/n` covariance of the outputs.
struct MomentConvergenceStudy {
    typealias Experiment = TokenSampleComplexityExperiment

    /// The parameters this study (the `moments` part) reads.
    static let parameters: [any ParameterDeclaration] = [
        Experiment.bootstrapResamples, Experiment.momentsDimension, Experiment.momentsVariance,
        Experiment.momentsHorizons, Experiment.momentsN, Experiment.momentsReps, Experiment.momentsForm,
    ]

    let dimension: Int
    let variance: Double
    let horizons: [Double]
    let tokenCounts: [Int]
    let repetitions: Int
    let repoForm: Bool
    let bootstrapResamples: Int

    init(_ parameters: ParameterSet) {
        dimension = parameters[Experiment.momentsDimension]
        variance = parameters[Experiment.momentsVariance]
        horizons = parameters[Experiment.momentsHorizons]
        tokenCounts = parameters[Experiment.momentsN].sorted()
        repetitions = parameters[Experiment.momentsReps]
        repoForm = parameters[Experiment.momentsForm] == "repo"
        bootstrapResamples = parameters[Experiment.bootstrapResamples]
    }

    /// Errors of one repetition: mean error, covariance error and `cov_n − cov_∞` (for the bias).
    struct RepetitionErrors: Sendable {
        let mean: Double
        let covariance: Double
        let meanDeviation: [Double]
        let covarianceDeviation: [Double]
    }

    func baseForm(_ context: RunContext) -> (form: Matrix, valueMap: Matrix) {
        let d = dimension
        var generator = context.random("moments", "weights")
        let scale = 1 / Double(d).squareRoot()
        let form: Matrix
        if repoForm {
            let wq = Matrix.gaussian(rows: d, columns: d, standardDeviation: scale, using: &generator)
            let wk = Matrix.gaussian(rows: d, columns: d, standardDeviation: scale, using: &generator)
            form = Matrix.product(wk, wq, transposeA: .transpose, alpha: scale)
        } else {
            form = Matrix.gaussian(rows: d, columns: d, using: &generator)
        }
        let valueMap = Matrix.gaussian(rows: d, columns: d, standardDeviation: scale, using: &generator)
        return (form, valueMap)
    }

    /// One horizon after the other: its horizon scalars first, each repetition's errors as soon as
    /// it is done, the error summaries and bias shares of each `n` as soon as its repetitions are
    /// done, then the fits.
    func run(_ context: RunContext) throws {
        let d = dimension
        let covariance = variance * Matrix.identity(d)
        let (form, valueMap) = baseForm(context)
        let unitModel = try GaussianTokenModel(
            mean: [Double](repeating: 0, count: d), covariance: covariance, bilinearForm: form,
            valueMap: valueMap)
        let baseHorizon = try unitModel.horizon()
        guard baseHorizon > 0 else { throw ExperimentError.failed("moments: A₀ is zero") }
        for (hIndex, horizon) in horizons.enumerated() {
            context.progress("H = \(horizon)", fraction: Double(hIndex) / Double(horizons.count))
            let model = try GaussianTokenModel(
                mean: unitModel.mean, covariance: covariance,
                bilinearForm: (horizon / baseHorizon) * form, valueMap: valueMap)
            try runHorizon(hIndex, horizon: horizon, model: model, context)
        }
    }

    /// Records the horizon scalars of `model`: requested `H`, `H_eff = ‖LᵀAL‖₂`,
    /// `H_code = √d·H_eff`, `β(H_eff) = 1/(2(1+H_eff²))` and the envelope `min(½, 1/H_eff²)`.
    func recordHorizon(_ horizon: Double, model: GaussianTokenModel, _ context: RunContext) throws {
        let key = MetricKeys.moments(horizon: horizon)
        let effective = try model.horizon()
        try context.record(key.appending("H"), horizon)
        try context.record(key.appending("H_eff"), effective)
        try context.record(key.appending("H_code"), Double(dimension).squareRoot() * effective)
        try context.record(key.appending("theory_beta"), 1 / (2 * (1 + effective * effective)))
        try context.record(key.appending("heuristic_upper"), min(0.5, 1 / (effective * effective)))
    }

    /// The moment errors of one horizon, `n` by `n`.
    func runHorizon(_ hIndex: Int, horizon: Double, model: GaussianTokenModel, _ context: RunContext) throws {
        try recordHorizon(horizon, model: model, context)
        let meanKey = MetricKeys.moments(horizon: horizon, .mean)
        let covKey = MetricKeys.moments(horizon: horizon, .cov)
        let exactMean = model.pushforwardMean
        let exactCovariance = model.pushforwardCovariance
        var meanErrors = [[Double]]()
        var covErrors = [[Double]]()
        for (nIndex, n) in tokenCounts.enumerated() {
            let group = try context.parallelMap(repetitions) { rep -> RepetitionErrors in
                var generator = context.random("moments", "tokens", .of(hIndex), .of(nIndex), .of(rep))
                let tokens = model.sample(n, using: &generator)
                var workspace = AttentionWorkspace()
                let outputs = try SoftmaxAttention().attend(
                    queries: tokens, tokens: tokens, bilinearForm: model.bilinearForm,
                    valueMap: model.valueMap, workspace: &workspace)
                let moments = EmpiricalMoments(outputs)
                let meanDeviation = zip(moments.mean, exactMean).map { $0 - $1 }
                let covarianceDeviation = (moments.covariance - exactCovariance).storage
                let errors = RepetitionErrors(
                    mean: BLAS.norm2(meanDeviation), covariance: BLAS.norm2(covarianceDeviation),
                    meanDeviation: meanDeviation, covarianceDeviation: covarianceDeviation)
                try context.record([
                    MetricPoint(MetricKeys.repetitionErrors(meanKey, n: n), x: Double(rep), errors.mean),
                    MetricPoint(MetricKeys.repetitionErrors(covKey, n: n), x: Double(rep), errors.covariance),
                ])
                return errors
            }
            let x = Double(n)
            try ConvergenceSeries.recordPoint(meanKey, n: n, errors: group.map(\.mean), into: context)
            try ConvergenceSeries.recordPoint(covKey, n: n, errors: group.map(\.covariance), into: context)
            try context.record([
                MetricPoint(
                    meanKey.appending("bias_frac"), x: x, BiasVarianceSplit(group.map(\.meanDeviation)).biasFraction),
                MetricPoint(
                    covKey.appending("bias_frac"), x: x,
                    BiasVarianceSplit(group.map(\.covarianceDeviation)).biasFraction),
            ])
            meanErrors.append(group.map(\.mean))
            covErrors.append(group.map(\.covariance))
        }
        var bootGenerator = context.random("moments", "bootstrap", .of(hIndex))
        let meanSeries = ConvergenceSeries(tokenCounts: tokenCounts, errors: meanErrors)
        let covSeries = ConvergenceSeries(tokenCounts: tokenCounts, errors: covErrors)
        try meanSeries.recordFits(meanKey, into: context, bootstrapResamples: bootstrapResamples, using: &bootGenerator)
        try covSeries.recordFits(covKey, into: context, bootstrapResamples: bootstrapResamples, using: &bootGenerator)
        let key = MetricKeys.moments(horizon: horizon)
        try context.record(key.appending("beta_mean"), -(meanSeries.ordinaryFit()?.slope ?? .nan))
        try context.record(key.appending("beta_cov"), -(covSeries.ordinaryFit()?.slope ?? .nan))
    }
}
