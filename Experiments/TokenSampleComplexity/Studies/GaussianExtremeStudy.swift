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
    typealias Experiment = TokenSampleComplexityExperiment

    /// The parameters this study reads.
    static let parameters: [any ParameterDeclaration] = [
        Experiment.hardmaxGaussSignals, Experiment.hardmaxGaussN, Experiment.hardmaxGaussReps,
    ]

    let signals: [Double]
    let tokenCounts: [Int]
    let repetitions: Int

    init(_ parameters: ParameterSet) {
        signals = parameters[Experiment.hardmaxGaussSignals]
        tokenCounts = parameters[Experiment.hardmaxGaussN].sorted()
        repetitions = parameters[Experiment.hardmaxGaussReps]
    }

    /// One repetition: `M_n` and `τ_n` at every signal.
    struct Draw: Sendable {
        let maximum: Double
        let outputs: [Double]
    }

    /// Each repetition recorded as soon as it is done, each `n` as soon as its repetitions are
    /// done; then the count of repetitions with
    /// `τ_n > M_n` and, per signal, the slope of `s − E τ_n` against `√(2 ln n)`.
    func run(_ context: RunContext) throws {
        var violations = 0
        var gaps = [[Double]](repeating: [], count: signals.count)
        for (nIndex, n) in tokenCounts.enumerated() {
            let group = try context.parallelMap(repetitions) { rep in
                let result = try draw(n: n, nIndex: nIndex, rep: rep, context)
                try recordRepetition(result, n: n, rep: rep, context)
                return result
            }
            violations += try recordPoint(n: n, group: group, gaps: &gaps, context)
        }
        try context.record("hardmax.gauss.tau_above_max_count", Double(violations))
        let abscissae = tokenCounts.map { (2 * log(Double($0))).squareRoot() }
        for (s, gap) in zip(signals, gaps) {
            let fit = LinearFit(x: abscissae, y: gap)
            try context.record(MetricKeys.gauss(signal: s).appending("slope_vs_sqrt_2ln_n"), fit?.slope ?? .nan)
        }
    }

    /// `n` standard normal scores, their maximum and the 1-D attention outputs at every signal.
    func draw(n: Int, nIndex: Int, rep: Int, _ context: RunContext) throws -> Draw {
        var generator = context.random("hardmax", "gauss", .of(nIndex), .of(rep))
        let scores = Matrix.gaussian(rows: n, columns: 1, using: &generator)
        let queries = Matrix(rows: signals.count, columns: 1, columnMajor: signals)
        var workspace = AttentionWorkspace()
        let output = try SoftmaxAttention().attend(
            queries: queries, keys: scores, values: scores, workspace: &workspace)
        return Draw(maximum: scores.storage.max() ?? .nan, outputs: output.storage)
    }

    /// Records one repetition as soon as it is done: `M_n` (`hardmax.gauss.n{n}.max`) and, per
    /// signal, `τ_n` (`hardmax.gauss.s{s}.n{n}.tau`), at `x = rep`.
    func recordRepetition(_ draw: Draw, n: Int, rep: Int, _ context: RunContext) throws {
        let x = Double(rep)
        var points = [MetricPoint(MetricKey("hardmax.gauss", .integer("n", n), "max"), x: x, draw.maximum)]
        for (s, output) in zip(signals, draw.outputs) {
            points.append(MetricPoint(MetricKeys.gauss(signal: s).appending(.integer("n", n), "tau"), x: x, output))
        }
        try context.record(points)
    }

    /// Records `E M_n` against O6 and, per signal, `s − E τ_n`, its SE, the floor `s − E M_n` and
    /// `√(2 ln n)` at `x = n`; appends the gaps to `gaps` and returns the `τ_n > M_n` count.
    func recordPoint(n: Int, group: [Draw], gaps: inout [[Double]], _ context: RunContext) throws -> Int {
        let x = Double(n)
        let maxima = SampleSummary(group.map(\.maximum))
        let oracle = GaussianMaximumOracle.expectedMaximum(count: n)
        var points = [
            MetricPoint("hardmax.gauss.max_mean", x: x, maxima.mean),
            MetricPoint("hardmax.gauss.max_se", x: x, maxima.standardError),
            MetricPoint("hardmax.gauss.max_oracle", x: x, oracle),
            MetricPoint("hardmax.gauss.max_z", x: x, (maxima.mean - oracle) / maxima.standardError),
        ]
        var violations = 0
        for (sIndex, s) in signals.enumerated() {
            let key = MetricKeys.gauss(signal: s)
            let outputs = SampleSummary(group.map { $0.outputs[sIndex] })
            violations += group.filter { $0.outputs[sIndex] > $0.maximum }.count
            gaps[sIndex].append(s - outputs.mean)
            points += [
                MetricPoint(key.appending("gap_mean"), x: x, s - outputs.mean),
                MetricPoint(key.appending("gap_se"), x: x, outputs.standardError),
                MetricPoint(key.appending("gap_floor"), x: x, s - maxima.mean),
                MetricPoint(key.appending("sqrt_2ln_n"), x: x, (2 * log(x)).squareRoot()),
            ]
        }
        try context.record(points)
        return violations
    }
}
