import WorkbenchCore
import WorkbenchNumerics

/// The `ascent` part (beyond the paper, A10): worst cases found by ``WorstCaseAscent`` on a
/// d = ascDim head (A, V with N(0, 1/d) entries, stream `(seed, ascent, head)`) against the C3
/// construction and the C2 bounds, per n at radius ascRadius.
///
/// Series against n: `asc.best`, `asc.construction`, `asc.bound_paper`, `asc.bound_simple`
/// (bounds at the best X), plus the part's worst bound ratios.
struct AscentStudy {
    let context: RunContext

    func run() throws {
        let d = context[AttentionLipschitzExperiment.ascDim]
        let counts = context[AttentionLipschitzExperiment.ascCounts].sorted()
        let radius = context[AttentionLipschitzExperiment.ascRadius]
        var generator = context.random("ascent", "head")
        let head = RandomHeads.dense(dimension: d, standardDeviation: 1 / Double(d).squareRoot(), generator: &generator)
        let normA = try head.bilinearNorm()
        let normV = try head.valueNorm()
        let ratios = try context.parallelMap(counts.count) { index -> (Double, Double) in
            let n = counts[index]
            let ascent = WorstCaseAscent(
                head: head, count: n, radius: radius, restarts: context[AttentionLipschitzExperiment.ascRestarts],
                steps: context[AttentionLipschitzExperiment.ascSteps],
                cap: context[AttentionLipschitzExperiment.lanczosCap])
            let result = try ascent.run(streams: context, label: "ascent", index: n)
            let bound = LipschitzBounds(head: head, tokens: result.tokens, normA: normA, normV: normV)
            let x = Double(n)
            try context.record([
                MetricPoint("asc.best", x: x, result.value),
                MetricPoint("asc.construction", x: x, result.construction),
                MetricPoint("asc.bound_paper", x: x, bound.paper),
                MetricPoint("asc.bound_simple", x: x, bound.simple),
            ])
            return (result.value / bound.paper, result.value / bound.simple)
        }
        try context.record(BoundRatios.key("ascent", "paper"), ratios.map(\.0).maximumPropagatingNaN() ?? .nan)
        try context.record(BoundRatios.key("ascent", "simple"), ratios.map(\.1).maximumPropagatingNaN() ?? .nan)
    }
}
