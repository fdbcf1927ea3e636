import WorkbenchCore
import WorkbenchNumerics

/// The `random-init` part (A11; the E1d analogue and the Cesàro effect of §8.3): H heads of
/// width d/H with `N(0, σ²)` projections, concatenated, on LayerNorm'd Gaussian tokens
/// (`x = (g − mean g)/std g`, so `‖x‖ = √d`), unmasked and causal.
///
/// Records `ri.{mask}.sigma` (mean over riSequences inputs) and `ri.{mask}.iterations` (max
/// Lanczos steps) against n, the part's bound ratios, and the artifact rows of
/// `lipschitz_vs_n.csv` for every input.
struct RandomInitStudy {
    let context: RunContext

    func run() throws -> [LipschitzRow] {
        let d = context[AttentionLipschitzExperiment.riDim]
        let headCount = context[AttentionLipschitzExperiment.riHeads]
        let std = context[AttentionLipschitzExperiment.riStd]
        let counts = context[AttentionLipschitzExperiment.riCounts].sorted()
        let sequences = context[AttentionLipschitzExperiment.riSequences]
        let cap = context[AttentionLipschitzExperiment.lanczosCap]
        let width = max(1, d / headCount)
        var generator = context.random("random-init", "weights")
        let heads = (0..<headCount).map { _ in
            RandomHeads.transformer(dimension: d, width: width, standardDeviation: std, generator: &generator)
        }
        let norms = try heads.map { (try $0.bilinearNorm(), try $0.valueNorm()) }
        let attention = MultiHeadAttention(heads: heads, combination: .concatenate)
        let jobs = counts.flatMap { n in
            [false, true].flatMap { causal in (0..<sequences).map { (n: n, sequence: $0, causal: causal) } }
        }
        let results = try context.parallelMap(jobs.count) { index -> (LipschitzRow, Double, Double) in
            let job = jobs[index]
            var tokenGenerator = context.random("random-init", "tokens", .of(job.n), .of(job.sequence))
            var x = Matrix.gaussian(rows: d, columns: job.n, using: &tokenGenerator)
            for i in 0..<job.n {
                let column = x.column(i)
                let mean = column.reduce(0, +) / Double(d)
                let std = (column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d)).squareRoot()
                for a in 0..<d { x[a, i] = (column[a] - mean) / std }
            }
            var start = context.random("random-init", "start", .of(index))
            let state = attention.masked(job.causal).linearised(at: x)
            let estimate = try LocalConstant.estimate(state, generator: &start, maximumSteps: cap)
            let bound = LipschitzBounds.combine(
                zip(heads, norms).map {
                    LipschitzBounds(head: $0.0, tokens: x, normA: $0.1.0, normV: $0.1.1)
                })
            let radii = LocalConstant.radii(x)
            let row = LipschitzRow(
                part: "random-init", model: "random", layer: -1, head: "all", masked: job.causal, n: job.n,
                sequence: job.sequence, rms: radii.rms, maximum: radii.max, value: estimate.value,
                iterations: estimate.iterations)
            return (row, estimate.value / bound.paper, estimate.value / bound.simple)
        }
        for n in counts {
            for causal in [false, true] {
                let rows = results.map(\.0).filter { $0.n == n && $0.masked == causal }
                let mask = causal ? "causal" : "unmasked"
                let mean = rows.reduce(0) { $0 + $1.value } / Double(rows.count)
                try context.record([
                    MetricPoint(MetricKey("ri", .text("mask", mask), "sigma"), x: Double(n), mean),
                    MetricPoint(
                        MetricKey("ri", .text("mask", mask), "iterations"), x: Double(n),
                        Double(rows.map(\.iterations).max() ?? 0)),
                ])
            }
        }
        try context.record(BoundRatios.key("random-init", "paper"), results.map(\.1).maximumPropagatingNaN() ?? .nan)
        try context.record(BoundRatios.key("random-init", "simple"), results.map(\.2).maximumPropagatingNaN() ?? .nan)
        return results.map(\.0)
    }
}

/// One row of `lipschitz_vs_n.csv`: part, model, layer, head, masked, n, seq, R_rms, R_max, L, iters.
struct LipschitzRow: Sendable {
    let part: String
    let model: String
    let layer: Int
    let head: String
    let masked: Bool
    let n: Int
    let sequence: Int
    let rms: Double
    let maximum: Double
    let value: Double
    let iterations: Int

    static let header = "part,model,layer,head,masked,n,seq,R_rms,R_max,L,iters\n"

    var line: String {
        "\(part),\(model),\(layer),\(head),\(masked ? 1 : 0),\(n),\(sequence),\(rms),\(maximum),\(value),\(iterations)\n"
    }
}
