import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `hardmax`, E3a: temperature growing like `λ_n = κ ln n` on the sphere `S^{d−1}(r)`.
///
/// `A = λ_n·I`, `V = I`, one query `x = s₀·e₁` (so `‖A₀x‖ = s₀`); the hardmax limit is
/// `Γ^∞(x) = r·e₁`. The error `‖Γ_{μ_n}^{λ_n}(x) − r e₁‖` has the deterministic part
/// `r(1 − A_d(λ_n r s₀)) ~ r(d−1)/(2λ_n r s₀)` (O7), so `err·ln n → (d−1)/(2κ s₀)` for `r = 1`.
struct AnnealedHardmaxStudy {
    typealias Experiment = TokenSampleComplexityExperiment

    /// The parameters this study reads.
    static let parameters: [any ParameterDeclaration] = [
        Experiment.hardmaxAnnealedDimensions, Experiment.hardmaxKappa, Experiment.hardmaxRadius,
        Experiment.hardmaxQueryScale, Experiment.hardmaxAnnealedN, Experiment.hardmaxAnnealedReps,
    ]

    let dimensions: [Int]
    let kappa: Double
    let radius: Double
    let queryScale: Double
    let tokenCounts: [Int]
    let repetitions: Int

    init(_ parameters: ParameterSet) {
        dimensions = parameters[Experiment.hardmaxAnnealedDimensions]
        kappa = parameters[Experiment.hardmaxKappa]
        radius = parameters[Experiment.hardmaxRadius]
        queryScale = parameters[Experiment.hardmaxQueryScale]
        tokenCounts = parameters[Experiment.hardmaxAnnealedN].sorted()
        repetitions = parameters[Experiment.hardmaxAnnealedReps]
    }

    /// The limit of `err·ln n`: `r(1 − A_d(κ ln n·r s₀))·ln n → (d−1)/(2κ s₀)`, whatever `r`.
    func limit(dimension d: Int) -> Double { Double(d - 1) / (2 * kappa * queryScale) }

    /// One dimension after the other: the limit first, each repetition's error as soon as it is
    /// done, each `n` as soon as its repetitions are done, then the fit `err ≈ b/ln n`.
    func run(_ context: RunContext) throws {
        for (dIndex, d) in dimensions.enumerated() {
            let key = MetricKeys.annealed(dimension: d)
            try context.record(key.appending("limit"), limit(dimension: d))
            var means = [Double]()
            for (nIndex, n) in tokenCounts.enumerated() {
                let errors = try context.parallelMap(repetitions) { rep in
                    let value = try error(dimension: d, dIndex: dIndex, n: n, nIndex: nIndex, rep: rep, context)
                    return try ConvergenceSeries.recordRepetition(key, n: n, rep: rep, error: value, into: context)
                }
                means.append(try recordPoint(key, dimension: d, n: n, errors: errors, context))
            }
            let fit = Self.inverseLogFit(tokenCounts: tokenCounts, means: means)
            try context.record(key.appending("fit_inverse_log_slope"), fit.slope)
            try context.record(key.appending("fit_inverse_log_r2"), fit.r2)
        }
    }

    /// `‖Γ^{λ_n}_{μ_n}(s₀e₁) − r e₁‖` for one sample of `n` tokens on `S^{d−1}(r)`.
    func error(dimension d: Int, dIndex: Int, n: Int, nIndex: Int, rep: Int, _ context: RunContext) throws -> Double {
        var generator = context.random("hardmax", "annealed", .of(dIndex), .of(nIndex), .of(rep))
        let query = Matrix(rows: 1, columns: d) { _, c in c == 0 ? queryScale : 0 }
        let tokens = SphereSampler.sample(n, dimension: d, radius: radius, using: &generator)
        let lambda = kappa * log(Double(n))
        // A = λ·I, V = I: keys λ·y_j (the rounding of λ·y_j is the same as in the product Y·A),
        // values the tokens themselves.
        var workspace = AttentionWorkspace()
        let output = try SoftmaxAttention().attend(
            queries: query, keys: lambda * tokens, values: tokens, workspace: &workspace)
        var sum = 0.0
        for c in 0..<d {
            let target = c == 0 ? radius : 0
            sum += (output[0, c] - target) * (output[0, c] - target)
        }
        return sum.squareRoot()
    }

    /// Records the summaries at `n` with the exact bias `r(1 − A_d(λ_n r s₀))`; returns the mean.
    func recordPoint(_ key: MetricKey, dimension d: Int, n: Int, errors: [Double], _ context: RunContext) throws
        -> Double
    {
        let summary = SampleSummary(errors)
        let x = Double(n)
        let lambda = kappa * log(x)
        let deterministic = radius * BesselRatio.deficit(dimension: d, kappa: lambda * radius * queryScale)
        try context.record([
            MetricPoint(key.appending("err_mean"), x: x, summary.mean),
            MetricPoint(key.appending("err_se"), x: x, summary.standardError),
            MetricPoint(key.appending("err_times_ln_n"), x: x, summary.mean * log(x)),
            MetricPoint(key.appending("deterministic"), x: x, deterministic),
            MetricPoint(key.appending("err_over_deterministic"), x: x, summary.mean / deterministic),
        ])
        return summary.mean
    }

    /// Least squares `err ≈ b/ln n` through the origin: `b = Σ u·err / Σ u²` with `u = 1/ln n`,
    /// and `r² = 1 − RSS/TSS` (NaN when the errors do not vary).
    static func inverseLogFit(tokenCounts: [Int], means: [Double]) -> (slope: Double, r2: Double) {
        let inverseLog = tokenCounts.map { 1 / log(Double($0)) }
        let suu = inverseLog.reduce(0) { $0 + $1 * $1 }
        let b = zip(inverseLog, means).reduce(0) { $0 + $1.0 * $1.1 } / suu
        let meanErr = means.reduce(0, +) / Double(max(1, means.count))
        let rss = zip(inverseLog, means).reduce(0) { $0 + ($1.1 - b * $1.0) * ($1.1 - b * $1.0) }
        let tss = means.reduce(0) { $0 + ($1 - meanErr) * ($1 - meanErr) }
        return (b, tss > 0 ? 1 - rss / tss : .nan)
    }
}
