import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `hardmax`, E3c: one-dimensional standardised scores `t_j ~ N(0, 1)`.
///
/// The attention output along the query direction at signal `s` is
/// `τ_n = Σ t_j e^{s t_j} / Σ e^{s t_j}` (1-D attention with key/value `t_j` and query `s`); its
/// mean-field target is `s`, but `τ_n ≤ M_n = max_j t_j ≈ √(2 ln n)`, so reaching `s` takes
/// `n ≳ e^{s²/2}`. Records `s − E τ_n`, `E M_n` against O6, and `τ_n ≤ M_n` rep by rep.
struct GaussianExtremeStudy {
    let signals: [Double]
    let tokenCounts: [Int]
    let repetitions: Int

    init(_ parameters: ParameterSet) throws {
        typealias Key = TokenSampleComplexityExperiment.Key
        signals = try parameters.reals(Key.hardmaxGaussSignals)
        tokenCounts = try parameters.ints(Key.hardmaxGaussN).sorted()
        repetitions = try parameters.int(Key.hardmaxGaussReps)
    }

    struct Draw: Sendable {
        let maximum: Double
        let outputs: [Double]
    }

    func run(_ context: RunContext) throws {
        let cells = tokenCounts.count * repetitions
        let draws = try context.parallelMap(cells) { cell -> Draw in
            let nIndex = cell / repetitions
            let rep = cell % repetitions
            let n = tokenCounts[nIndex]
            var generator = context.random("hardmax", "gauss", .of(nIndex), .of(rep))
            let scores = Matrix.gaussian(rows: n, columns: 1, using: &generator)
            let queries = Matrix(rows: signals.count, columns: 1, columnMajor: signals)
            var workspace = AttentionWorkspace()
            let output = try SoftmaxAttention().attend(
                queries: queries, keys: scores, values: scores, workspace: &workspace)
            return Draw(maximum: scores.storage.max() ?? .nan, outputs: output.storage)
        }
        var points = [MetricPoint]()
        var violations = 0
        for (nIndex, n) in tokenCounts.enumerated() {
            let group = Array(draws[(nIndex * repetitions)..<((nIndex + 1) * repetitions)])
            let x = Double(n)
            let maxima = SampleSummary(group.map(\.maximum))
            let oracle = GaussianMaximumOracle.expectedMaximum(count: n)
            points.append(MetricPoint("hardmax.gauss.max_mean", x: x, maxima.mean))
            points.append(MetricPoint("hardmax.gauss.max_se", x: x, maxima.standardError))
            points.append(MetricPoint("hardmax.gauss.max_oracle", x: x, oracle))
            points.append(MetricPoint("hardmax.gauss.max_z", x: x, (maxima.mean - oracle) / maxima.standardError))
            for (sIndex, s) in signals.enumerated() {
                let label = "hardmax.gauss." + MetricLabel.real("s", s)
                let outputs = SampleSummary(group.map { $0.outputs[sIndex] })
                violations += group.filter { $0.outputs[sIndex] > $0.maximum }.count
                points.append(MetricPoint("\(label).gap_mean", x: x, s - outputs.mean))
                points.append(MetricPoint("\(label).gap_se", x: x, outputs.standardError))
                points.append(MetricPoint("\(label).gap_floor", x: x, s - maxima.mean))
                points.append(MetricPoint("\(label).sqrt_2ln_n", x: x, (2 * log(x)).squareRoot()))
            }
        }
        points.append(MetricPoint("hardmax.gauss.tau_above_max_count", Double(violations)))
        try context.record(points)
        for s in signals {
            let label = "hardmax.gauss." + MetricLabel.real("s", s)
            let gaps = points.filter { $0.key == "\(label).gap_mean" }.map(\.value)
            let fit = LinearFit(x: tokenCounts.map { (2 * log(Double($0))).squareRoot() }, y: gaps)
            try context.record("\(label).slope_vs_sqrt_2ln_n", fit?.slope ?? .nan)
        }
    }
}
