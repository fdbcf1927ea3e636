import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `hardmax`, E3b: hardmax attention on `n` uniform tokens of `S^{d−1}` for one query
/// direction `û = e₁` with `V = I`; the error `‖y_{j*} − û‖` is compared with its exact mean (O5)
/// and its rate in `n` (≍ `n^{−1/(d−1)}`, log-like for large `d`).
struct SphereHardmaxStudy {
    typealias Experiment = TokenSampleComplexityExperiment

    /// The parameters this study reads.
    static let parameters: [any ParameterDeclaration] = [
        Experiment.bootstrapResamples, Experiment.hardmaxSphereDimensions, Experiment.hardmaxSphereN,
        Experiment.hardmaxSphereReps,
    ]

    let dimensions: [Int]
    let tokenCounts: [Int]
    let repetitions: Int
    let bootstrapResamples: Int

    init(_ parameters: ParameterSet) {
        dimensions = parameters[Experiment.hardmaxSphereDimensions]
        tokenCounts = parameters[Experiment.hardmaxSphereN].sorted()
        repetitions = parameters[Experiment.hardmaxSphereReps]
        bootstrapResamples = parameters[Experiment.bootstrapResamples]
    }

    /// One dimension after the other: each repetition's error as soon as it is done, each `n`
    /// (summaries, oracle O5 and
    /// `z = (MC mean − oracle)/SE`) as soon as its repetitions are done; then the fits, the
    /// dimension's `max |z|`, and finally `max |z|` over all dimensions.
    func run(_ context: RunContext) throws {
        var maxAbsZ = 0.0
        for (dIndex, d) in dimensions.enumerated() {
            let key = MetricKeys.sphere(dimension: d)
            let oracle = SphereHardmaxOracle(dimension: d)
            var grouped = [[Double]]()
            var worstZ = 0.0
            for (nIndex, n) in tokenCounts.enumerated() {
                let errors = try context.parallelMap(repetitions) { rep in
                    let value = try error(dimension: d, dIndex: dIndex, n: n, nIndex: nIndex, rep: rep, context)
                    return try ConvergenceSeries.recordRepetition(key, n: n, rep: rep, error: value, into: context)
                }
                let summary = try ConvergenceSeries.recordPoint(key, n: n, errors: errors, into: context)
                let expected = oracle.expectedError(tokenCount: n)
                let z = (summary.mean - expected) / summary.standardError
                worstZ = max(worstZ, abs(z))
                try context.record([
                    MetricPoint(key.appending("oracle"), x: Double(n), expected),
                    MetricPoint(key.appending("z"), x: Double(n), z),
                ])
                grouped.append(errors)
            }
            let series = ConvergenceSeries(tokenCounts: tokenCounts, errors: grouped)
            var bootGenerator = context.random("hardmax", "sphere", "bootstrap", .of(dIndex))
            try series.recordFits(key, into: context, bootstrapResamples: bootstrapResamples, using: &bootGenerator)
            try context.record(key.appending("max_abs_z"), worstZ)
            maxAbsZ = max(maxAbsZ, worstZ)
        }
        try context.record("hardmax.sphere.max_abs_z", maxAbsZ)
    }

    /// Hardmax error `‖y_{j*} − e₁‖` for one sample of `n` uniform tokens on `S^{d−1}`.
    func error(dimension d: Int, dIndex: Int, n: Int, nIndex: Int, rep: Int, _ context: RunContext) throws -> Double {
        var generator = context.random("hardmax", "sphere", .of(dIndex), .of(nIndex), .of(rep))
        let query = Matrix(rows: 1, columns: d) { _, c in c == 0 ? 1 : 0 }
        let tokens = SphereSampler.sample(n, dimension: d, radius: 1, using: &generator)
        // A = V = I: the tokens are their own keys and values (no projection products).
        var workspace = AttentionWorkspace()
        let output = try SoftmaxAttention(normalization: .hardmax).attend(
            queries: query, keys: tokens, values: tokens, workspace: &workspace)
        var sum = 0.0
        for c in 0..<d {
            let delta = output[0, c] - (c == 0 ? 1 : 0)
            sum += delta * delta
        }
        return sum.squareRoot()
    }
}
