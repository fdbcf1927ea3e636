import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `hardmax`, E3a: temperature growing like `λ_n = κ ln n` on the sphere `S^{d−1}(r)`.
///
/// `A = λ_n·I`, `V = I`, one query `x = s₀·e₁` (so `‖A₀x‖ = s₀`); the hardmax limit is
/// `Γ^∞(x) = r·e₁`. The error `‖Γ_{μ_n}^{λ_n}(x) − r e₁‖` has the deterministic part
/// `r(1 − A_d(λ_n r s₀)) ~ r(d−1)/(2λ_n r s₀)` (O7), so `err·ln n → (d−1)/(2κ s₀)` for `r = 1`.
struct AnnealedHardmaxStudy {
    let dimensions: [Int]
    let kappa: Double
    let radius: Double
    let queryScale: Double
    let tokenCounts: [Int]
    let repetitions: Int

    init(_ parameters: ParameterSet) throws {
        typealias Key = TokenSampleComplexityExperiment.Key
        dimensions = try parameters.ints(Key.hardmaxAnnealedDimensions)
        kappa = try parameters.real(Key.hardmaxKappa)
        radius = try parameters.real(Key.hardmaxRadius)
        queryScale = try parameters.real(Key.hardmaxQueryScale)
        tokenCounts = try parameters.ints(Key.hardmaxAnnealedN).sorted()
        repetitions = try parameters.int(Key.hardmaxAnnealedReps)
    }

    /// The limit of `err·ln n`: `r(1 − A_d(κ ln n·r s₀))·ln n → (d−1)/(2κ s₀)`, whatever `r`.
    func limit(dimension d: Int) -> Double { Double(d - 1) / (2 * kappa * queryScale) }

    func run(_ context: RunContext) throws {
        for (dIndex, d) in dimensions.enumerated() {
            let label = "hardmax.annealed." + MetricLabel.integer("d", d)
            let query = Matrix(rows: 1, columns: d) { _, c in c == 0 ? queryScale : 0 }
            let cells = tokenCounts.count * repetitions
            let errors = try context.parallelMap(cells) { cell -> Double in
                let nIndex = cell / repetitions
                let rep = cell % repetitions
                let n = tokenCounts[nIndex]
                var generator = context.random("hardmax", "annealed", .of(dIndex), .of(nIndex), .of(rep))
                let tokens = SphereSampler.sample(n, dimension: d, radius: radius, using: &generator)
                let lambda = kappa * log(Double(n))
                var workspace = AttentionWorkspace()
                let output = try SoftmaxAttention().attend(
                    queries: query, tokens: tokens, bilinearForm: lambda * Matrix.identity(d),
                    valueMap: nil, workspace: &workspace)
                var sum = 0.0
                for c in 0..<d {
                    let target = c == 0 ? radius : 0
                    sum += (output[0, c] - target) * (output[0, c] - target)
                }
                return sum.squareRoot()
            }
            var points = [MetricPoint]()
            var inverseLog = [Double]()
            var means = [Double]()
            for (nIndex, n) in tokenCounts.enumerated() {
                let summary = SampleSummary(Array(errors[(nIndex * repetitions)..<((nIndex + 1) * repetitions)]))
                let x = Double(n)
                let lambda = kappa * log(x)
                let deterministic = radius * BesselRatio.deficit(dimension: d, kappa: lambda * radius * queryScale)
                points.append(MetricPoint("\(label).err_mean", x: x, summary.mean))
                points.append(MetricPoint("\(label).err_se", x: x, summary.standardError))
                points.append(MetricPoint("\(label).err_times_ln_n", x: x, summary.mean * log(x)))
                points.append(MetricPoint("\(label).deterministic", x: x, deterministic))
                points.append(MetricPoint("\(label).err_over_deterministic", x: x, summary.mean / deterministic))
                inverseLog.append(1 / log(x))
                means.append(summary.mean)
            }
            // err ≈ b / ln n through the origin: b = Σ u·err / Σ u², u = 1/ln n.
            let suu = inverseLog.reduce(0) { $0 + $1 * $1 }
            let b = zip(inverseLog, means).reduce(0) { $0 + $1.0 * $1.1 } / suu
            let meanErr = means.reduce(0, +) / Double(max(1, means.count))
            let rss = zip(inverseLog, means).reduce(0) { $0 + ($1.1 - b * $1.0) * ($1.1 - b * $1.0) }
            let tss = means.reduce(0) { $0 + ($1 - meanErr) * ($1 - meanErr) }
            points.append(MetricPoint("\(label).limit", limit(dimension: d)))
            points.append(MetricPoint("\(label).fit_inverse_log_slope", b))
            points.append(MetricPoint("\(label).fit_inverse_log_r2", tss > 0 ? 1 - rss / tss : .nan))
            try context.record(points)
        }
    }
}
