import WorkbenchCore
import WorkbenchNumerics

/// The `adversarial` part (C3, C6, E2): the √n construction on a synthetic head, alone and as
/// head 0 of an `H`-head sum `Σ_h f^h`, unmasked and causal, for each radius and `n`.
///
/// The head `A, V` (N(0, 1/d) entries) comes from the stream `(seed, adversarial, draw, i)`
/// for `i = 0, 1, …`: the first draw whose `A` has a real eigenvalue and gap `γ ≥ 15` at
/// `R = 6` is used (spec A4), and `adv.draw`, `adv.gamma` (at R = 6), `adv.branch` (1 or 2) and
/// `adv.normV` are recorded. Per `(mode ∈ single|multi, mask ∈ unmasked|causal, R)`: the series
/// `adv.{mode}.{mask}.R{R}.sigma` against n, for `single` also `….ratio` = σ/(‖V‖√m) with the
/// construction's `m`, and the worst ratios to the C2 bounds `adversarial.max_bound_ratio.{form}`.
/// The paper's power iteration (tolerance 1e−4, 100 iterations) is run on the single unmasked
/// head at the first radius: `adv.power.ratio` (its estimate over Lanczos) and
/// `adv.power.iterations` against n.
struct AdversarialStudy {
    let context: RunContext
    var dimension: Int { context[AttentionLipschitzExperiment.advDim] }
    var headCount: Int { context[AttentionLipschitzExperiment.advHeads] }
    var radii: [Double] { context[AttentionLipschitzExperiment.advRadii] }
    var counts: [Int] { context[AttentionLipschitzExperiment.advCounts].sorted() }
    var cap: Int { context[AttentionLipschitzExperiment.lanczosCap] }

    static let acceptanceRadius = 6.0
    static let acceptanceGap = 15.0

    /// The accepted draw: head, construction and draw index.
    func acceptedHead() throws -> (AttentionHead, AdversarialConstruction, Int) {
        let s = 1 / Double(dimension).squareRoot()
        for draw in 0..<1000 {
            var generator = context.random("adversarial", "draw", .of(draw))
            let head = RandomHeads.dense(dimension: dimension, standardDeviation: s, generator: &generator)
            if let construction = try AdversarialConstruction(bilinearForm: head.bilinearForm, rule: .paper),
                construction.gap(radius: Self.acceptanceRadius) >= Self.acceptanceGap
            {
                return (head, construction, draw)
            }
        }
        throw ExperimentError.failed("adversarial: no draw in 1000 has a real eigenvalue with γ ≥ 15 at R = 6")
    }

    func run() throws {
        let (head, construction, draw) = try acceptedHead()
        let normA = try head.bilinearNorm()
        let normV = try head.valueNorm()
        try context.record("adv.draw", Double(draw))
        try context.record("adv.gamma", construction.gap(radius: Self.acceptanceRadius))
        try context.record("adv.branch", Double(construction.branch.rawValue))
        try context.record("adv.normV", normV)
        let s = 1 / Double(dimension).squareRoot()
        var others: [AttentionHead] = []
        for index in 1..<max(headCount, 1) {
            var generator = context.random("adversarial", "head", .of(index))
            others.append(RandomHeads.dense(dimension: dimension, standardDeviation: s, generator: &generator))
        }
        let heads = [head] + others
        let headNorms = try heads.map { (try $0.bilinearNorm(), try $0.valueNorm()) }
        let multi = MultiHeadAttention(
            heads: heads, combination: .sum(Array(repeating: .identity(dimension), count: heads.count)))
        let jobs = radii.flatMap { radius in
            [false, true].flatMap { causal in counts.map { (radius: radius, causal: causal, n: $0) } }
        }
        let results = try context.parallelMap(jobs.count) { index -> (Double, Double) in
            let job = jobs[index]
            let mask = job.causal ? "causal" : "unmasked"
            let x = construction.tokens(count: job.n, radius: job.radius)
            var generator = context.random("adversarial", "start", .of(index))
            let single = head.masked(job.causal)
            let state = single.linearised(at: x)
            let sigma = try LocalConstant.estimate(state, generator: &generator, maximumSteps: cap).value
            let m = Double(construction.referenceLength(count: job.n, causal: job.causal))
            let bound = LipschitzBounds(head: single, tokens: x, normA: normA, normV: normV)
            let combined = multi.masked(job.causal)
            let multiState = combined.linearised(at: x)
            let multiSigma = try LocalConstant.estimate(multiState, generator: &generator, maximumSteps: cap).value
            let multiBound = LipschitzBounds.combine(
                zip(heads, headNorms).map {
                    LipschitzBounds(head: $0.0.masked(job.causal), tokens: x, normA: $0.1.0, normV: $0.1.1)
                }, weights: Array(repeating: 1, count: heads.count))
            let x0 = Double(job.n)
            var points = [
                MetricPoint(Self.key("single", mask, job.radius, "sigma"), x: x0, sigma),
                MetricPoint(Self.key("single", mask, job.radius, "ratio"), x: x0, sigma / (normV * m.squareRoot())),
                MetricPoint(Self.key("multi", mask, job.radius, "sigma"), x: x0, multiSigma),
            ]
            if job.radius == radii[0] && !job.causal {
                var powerStart = context.random("adversarial", "power", .of(job.n))
                let power = PaperPowerIteration.largestSingularValue(
                    of: state, start: powerStart.gaussianVector(state.columnCount))
                points.append(MetricPoint("adv.power.ratio", x: x0, power.value / sigma))
                points.append(MetricPoint("adv.power.iterations", x: x0, Double(power.iterations)))
            }
            try context.record(points)
            return (
                max(sigma / bound.paper, multiSigma / multiBound.paper),
                max(sigma / bound.simple, multiSigma / multiBound.simple)
            )
        }
        try context.record(
            BoundRatios.key("adversarial", "paper"), results.map { $0.0 }.maximumPropagatingNaN() ?? .nan)
        try context.record(
            BoundRatios.key("adversarial", "simple"), results.map { $0.1 }.maximumPropagatingNaN() ?? .nan)
    }

    static func key(_ mode: String, _ mask: String, _ radius: Double, _ name: String) -> MetricKey {
        MetricKey("adv", .text("mode", mode), .text("mask", mask), .number("R", radius), .name(name))
    }
}

/// The worst `σ/bound` of a part: `{part}.max_bound_ratio.{form}` (spec A6).
enum BoundRatios {
    static func key(_ part: String, _ form: String) -> MetricKey {
        MetricKey(.text("part", part), "max_bound_ratio", .text("form", form))
    }
}
