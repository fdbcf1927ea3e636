import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// The `radius` part (C1, C7).
///
/// - O4 against R: `rad.o4.sigma` (Lanczos on the O4 configuration) and `rad.o4.exact`
///   = max(1, R²), so the growth exponent of the local constant in R is 2 (not Lipschitz).
/// - Worst cases against R at fixed n: `rad.ascent.n{n}.sigma` (``WorstCaseAscent`` on a d = radDim
///   head with N(0, 1/d) entries, 2 restarts × 60 steps) and the simple bound `rad.ascent.n{n}.bound`.
/// - Layer normalisation: a LayerNorm with `γ = 1 + 0.1ξ`, `β = 0.1ξ'` puts every token in
///   `B_{R_LN}`, `R_LN = √d‖γ‖_∞ + ‖β‖` (`rad.ln.radius_bound`); inputs `s·X₀` for `s` in radRadii
///   give `rad.ln.sigma_raw` (attention at `s·X₀`, grows with s) and `rad.ln.sigma_normalised`
///   (attention at `LN(s·X₀)`, bounded by the C2 bound at `R_LN`), with the worst
///   `rad.ln.max_norm_ratio` = max‖LN(x)‖/R_LN and the part's bound ratios.
struct RadiusStudy {
    let context: RunContext

    func run() throws {
        let radii = context[AttentionLipschitzExperiment.radRadii].sorted()
        let counts = context[AttentionLipschitzExperiment.radCounts]
        let d = context[AttentionLipschitzExperiment.radDim]
        let cap = context[AttentionLipschitzExperiment.lanczosCap]
        var generator = context.random("radius", "o4")
        for radius in radii {
            let (head, x) = ClosedFormOracles.nonLipschitzConfiguration(a: 1, radius: radius)
            let estimate = try LocalConstant.estimate(head.linearised(at: x), generator: &generator, maximumSteps: cap)
            try context.record("rad.o4.sigma", x: radius, estimate.value)
            try context.record("rad.o4.exact", x: radius, ClosedFormOracles.nonLipschitzValue(a: 1, radius: radius))
        }
        var headGenerator = context.random("radius", "head")
        let head = RandomHeads.dense(
            dimension: d, standardDeviation: 1 / Double(d).squareRoot(), generator: &headGenerator)
        let normA = try head.bilinearNorm()
        let normV = try head.valueNorm()
        let jobs = counts.flatMap { n in radii.map { (n: n, radius: $0) } }
        let ratios = try context.parallelMap(jobs.count) { index -> Double in
            let job = jobs[index]
            let ascent = WorstCaseAscent(
                head: head, count: job.n, radius: job.radius, restarts: 2, steps: 60, cap: cap)
            let best = try ascent.run(streams: context, label: "radius", index: index)
            let bound = LipschitzBounds(head: head, tokens: best.tokens, normA: normA, normV: normV)
            try context.record([
                MetricPoint(MetricKey("rad.ascent", .integer("n", job.n), "sigma"), x: job.radius, best.value),
                MetricPoint(
                    MetricKey("rad.ascent", .integer("n", job.n), "bound"), x: job.radius,
                    LipschitzBounds(
                        head: head, tokens: Self.ballCorners(d: d, n: job.n, radius: job.radius), normA: normA,
                        normV: normV
                    ).simple),
            ])
            return max(best.value / bound.paper, best.value / bound.simple)
        }
        let layerNorm = try layerNormalisation(head: head, radii: radii, d: d, cap: cap, normA: normA, normV: normV)
        try context.record(BoundRatios.key("radius", "paper"), max(ratios.maximumPropagatingNaN() ?? .nan, layerNorm.0))
        try context.record(
            BoundRatios.key("radius", "simple"), max(ratios.maximumPropagatingNaN() ?? .nan, layerNorm.1))
    }

    /// Tokens all of norm `R` (the bounds depend on X only through max‖x_i‖ and n).
    static func ballCorners(d: Int, n: Int, radius: Double) -> Matrix {
        Matrix(rows: d, columns: n) { r, _ in r == 0 ? radius : 0 }
    }

    /// The LayerNorm comparison; returns the worst bound ratios (paper, simple).
    func layerNormalisation(
        head: AttentionHead, radii: [Double], d: Int, cap: Int, normA: Double, normV: Double
    ) throws -> (Double, Double) {
        var generator = context.random("radius", "layer-norm")
        let gain = (0..<d).map { _ in 1 + 0.1 * generator.nextGaussian() }
        let shift = (0..<d).map { _ in 0.1 * generator.nextGaussian() }
        let bound = Double(d).squareRoot() * (gain.map(abs).max() ?? 0) + BLAS.norm2(shift)
        try context.record("rad.ln.radius_bound", bound)
        let n = 8
        let base = Matrix.gaussian(rows: d, columns: n, using: &generator)
        var worstNorm = 0.0
        var worstPaper = 0.0
        var worstSimple = 0.0
        for scale in radii {
            let raw = scale * base
            let normalised = Self.layerNorm(raw, gain: gain, shift: shift)
            worstNorm = max(worstNorm, (LocalConstant.tokenNorms(normalised).max() ?? 0) / bound)
            let sigmaRaw = try LocalConstant.estimate(
                head.linearised(at: raw), generator: &generator, maximumSteps: cap)
            let sigmaNormalised = try LocalConstant.estimate(
                head.linearised(at: normalised), generator: &generator, maximumSteps: cap)
            let atBound = LipschitzBounds(
                head: head, tokens: Self.ballCorners(d: d, n: n, radius: bound), normA: normA, normV: normV)
            worstPaper = max(worstPaper, sigmaNormalised.value / atBound.paper)
            worstSimple = max(worstSimple, sigmaNormalised.value / atBound.simple)
            try context.record("rad.ln.sigma_raw", x: scale, sigmaRaw.value)
            try context.record("rad.ln.sigma_normalised", x: scale, sigmaNormalised.value)
            try context.record("rad.ln.bound_at_radius", x: scale, atBound.simple)
        }
        try context.record("rad.ln.max_norm_ratio", worstNorm)
        return (worstPaper, worstSimple)
    }

    /// Per-token `γ ⊙ (x − mean)/√(var + 1e−12) + β`.
    static func layerNorm(_ x: Matrix, gain: [Double], shift: [Double]) -> Matrix {
        var result = x
        let d = x.rows
        for i in 0..<x.columns {
            let column = x.column(i)
            let mean = column.reduce(0, +) / Double(d)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d)
            let s = (variance + 1e-12).squareRoot()
            for a in 0..<d { result[a, i] = gain[a] * (column[a] - mean) / s + shift[a] }
        }
        return result
    }
}
