import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `hardmax`, E3b: hardmax attention on `n` uniform tokens of `S^{d−1}` for one query
/// direction `û = e₁` with `V = I`; the error `‖y_{j*} − û‖` is compared with its exact mean (O5)
/// and its rate in `n` (≍ `n^{−1/(d−1)}`, log-like for large `d`).
struct SphereHardmaxStudy {
    let dimensions: [Int]
    let tokenCounts: [Int]
    let repetitions: Int
    let bootstrapResamples: Int

    init(_ parameters: ParameterSet) throws {
        typealias Key = TokenSampleComplexityExperiment.Key
        dimensions = try parameters.ints(Key.hardmaxSphereDimensions)
        tokenCounts = try parameters.ints(Key.hardmaxSphereN).sorted()
        repetitions = try parameters.int(Key.hardmaxSphereReps)
        bootstrapResamples = try parameters.int(Key.bootstrapResamples)
    }

    func run(_ context: RunContext) throws {
        var maxAbsZ = 0.0
        for (dIndex, d) in dimensions.enumerated() {
            let label = "hardmax.sphere." + MetricLabel.integer("d", d)
            let query = Matrix(rows: 1, columns: d) { _, c in c == 0 ? 1 : 0 }
            let cells = tokenCounts.count * repetitions
            let errors = try context.parallelMap(cells) { cell -> Double in
                let nIndex = cell / repetitions
                let rep = cell % repetitions
                var generator = context.random("hardmax", "sphere", .of(dIndex), .of(nIndex), .of(rep))
                let tokens = SphereSampler.sample(tokenCounts[nIndex], dimension: d, radius: 1, using: &generator)
                var workspace = AttentionWorkspace()
                let output = try SoftmaxAttention(normalization: .hardmax).attend(
                    queries: query, tokens: tokens, bilinearForm: Matrix.identity(d), valueMap: nil,
                    workspace: &workspace)
                var sum = 0.0
                for c in 0..<d {
                    let delta = output[0, c] - (c == 0 ? 1 : 0)
                    sum += delta * delta
                }
                return sum.squareRoot()
            }
            let grouped = (0..<tokenCounts.count).map { i in
                Array(errors[(i * repetitions)..<((i + 1) * repetitions)])
            }
            let series = ConvergenceSeries(tokenCounts: tokenCounts, errors: grouped)
            var bootGenerator = context.random("hardmax", "sphere", "bootstrap", .of(dIndex))
            try series.record(
                prefix: label, into: context, bootstrapResamples: bootstrapResamples, using: &bootGenerator)
            let oracle = SphereHardmaxOracle(dimension: d)
            var points = [MetricPoint]()
            var worstZ = 0.0
            for (n, summary) in zip(tokenCounts, series.summaries) {
                let expected = oracle.expectedError(tokenCount: n)
                let z = (summary.mean - expected) / summary.standardError
                worstZ = max(worstZ, abs(z))
                points.append(MetricPoint("\(label).oracle", x: Double(n), expected))
                points.append(MetricPoint("\(label).z", x: Double(n), z))
            }
            points.append(MetricPoint("\(label).max_abs_z", worstZ))
            try context.record(points)
            maxAbsZ = max(maxAbsZ, worstZ)
        }
        try context.record("hardmax.sphere.max_abs_z", maxAbsZ)
    }
}
