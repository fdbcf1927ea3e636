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
    let dimension: Int
    let variance: Double
    let horizons: [Double]
    let tokenCounts: [Int]
    let repetitions: Int
    let repoForm: Bool
    let bootstrapResamples: Int

    init(_ parameters: ParameterSet) throws {
        typealias Key = TokenSampleComplexityExperiment.Key
        dimension = try parameters.int(Key.momentsDimension)
        variance = try parameters.real(Key.momentsVariance)
        horizons = try parameters.reals(Key.momentsHorizons)
        tokenCounts = try parameters.ints(Key.momentsN).sorted()
        repetitions = try parameters.int(Key.momentsReps)
        repoForm = try parameters.text(Key.momentsForm) == "repo"
        bootstrapResamples = try parameters.int(Key.bootstrapResamples)
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
            context.progress("moments: H = \(horizon)", fraction: Double(hIndex) / Double(horizons.count))
            let label = "moments." + MetricLabel.real("H", horizon)
            let model = try GaussianTokenModel(
                mean: unitModel.mean, covariance: covariance,
                bilinearForm: (horizon / baseHorizon) * form, valueMap: valueMap)
            let exactMean = model.pushforwardMean
            let exactCovariance = model.pushforwardCovariance
            let cells = tokenCounts.count * repetitions
            let results = try context.parallelMap(cells) { cell -> RepetitionErrors in
                let nIndex = cell / repetitions
                let rep = cell % repetitions
                var generator = context.random("moments", "tokens", .of(hIndex), .of(nIndex), .of(rep))
                let tokens = model.sample(tokenCounts[nIndex], using: &generator)
                var workspace = AttentionWorkspace()
                let outputs = try SoftmaxAttention().attend(
                    queries: tokens, tokens: tokens, bilinearForm: model.bilinearForm,
                    valueMap: model.valueMap, workspace: &workspace)
                let moments = EmpiricalMoments(outputs)
                let meanDeviation = zip(moments.mean, exactMean).map { $0 - $1 }
                let covarianceDeviation = (moments.covariance - exactCovariance).storage
                return RepetitionErrors(
                    mean: BLAS.norm2(meanDeviation), covariance: BLAS.norm2(covarianceDeviation),
                    meanDeviation: meanDeviation, covarianceDeviation: covarianceDeviation)
            }
            let grouped = (0..<tokenCounts.count).map { i in
                Array(results[(i * repetitions)..<((i + 1) * repetitions)])
            }
            var bootGenerator = context.random("moments", "bootstrap", .of(hIndex))
            let meanSeries = ConvergenceSeries(tokenCounts: tokenCounts, errors: grouped.map { $0.map(\.mean) })
            let covSeries = ConvergenceSeries(
                tokenCounts: tokenCounts, errors: grouped.map { $0.map(\.covariance) })
            try meanSeries.record(
                prefix: "\(label).mean", into: context, bootstrapResamples: bootstrapResamples,
                using: &bootGenerator)
            try covSeries.record(
                prefix: "\(label).cov", into: context, bootstrapResamples: bootstrapResamples,
                using: &bootGenerator)
            let xs = tokenCounts.map(Double.init)
            try context.record(
                "\(label).mean.bias_frac", xs: xs,
                values: grouped.map { BiasVarianceSplit($0.map(\.meanDeviation)).biasFraction })
            try context.record(
                "\(label).cov.bias_frac", xs: xs,
                values: grouped.map { BiasVarianceSplit($0.map(\.covarianceDeviation)).biasFraction })
            let effective = try model.horizon()
            try context.record("\(label).H", horizon)
            try context.record("\(label).H_eff", effective)
            try context.record("\(label).H_code", Double(d).squareRoot() * effective)
            try context.record("\(label).theory_beta", 1 / (2 * (1 + effective * effective)))
            try context.record("\(label).heuristic_upper", min(0.5, 1 / (effective * effective)))
            try context.record("\(label).beta_mean", -(meanSeries.ordinaryFit()?.slope ?? .nan))
            try context.record("\(label).beta_cov", -(covSeries.ordinaryFit()?.slope ?? .nan))
        }
    }
}
