import Foundation
import WorkbenchCore

/// Experiments E3/E4 (the `sweeps` part): which η, and which power-grid exponent p, minimise the
/// error for a given power-law spectrum `λ_k = k^{−α}` (μ = 0, exact init).
///
/// η sweep, per (process, α, grid) with `d = etaSweepDimension`: series over η of the
/// first-order constant `etasweep.E.{process}.pow{α}.{grid}` and of the exact W2
/// `etasweep.w2.K{K}.{…}` for each K of `sweepKs`; scalars `etastar.fo.{…}` and
/// `etastar.K{K}.{…}` (argmins; the first one on ties; non-finite errors never win).
///
/// p sweep, per (process, α, η) with `d = powerSweepDimension`: series over p
/// `psweep.E.{process}.pow{α}.eta{η}`, `psweep.w2.K{K}.{…}`; scalars `pstar.fo.{…}`,
/// `pstar.K{K}.{…}`. Keys are built by ``SweepKind``; each group is recorded when its sweep is done.
struct GeometrySweep: Sendable {
    let processes: [ProcessConfiguration]
    /// Exponents α of the swept spectra.
    let alphas: [Double]
    let etaSweepDimension: Int
    /// The η grid of the η sweep.
    let etas: [Double]
    /// The grids of the η sweep.
    let grids: [TimeGrid]
    /// The exponents p of the power-grid sweep.
    let powers: [Double]
    /// The η values of the power-grid sweep.
    let powerSweepEtas: [Double]
    let powerSweepDimension: Int
    /// The K at which the exact W2 is minimised.
    let stepCounts: [Int]

    /// One evaluation: first-order 𝓔 and exact W2 at each sweep K.
    struct Evaluation: Sendable {
        let errorConstant: Double
        let exactW2: [Double]
    }

    func evaluate(
        process: ProcessConfiguration, lambdas: [Double], grid: TimeGrid, eta: Double
    ) -> Evaluation {
        let constants = FirstOrderQuadrature(setting: process.setting, grid: grid)
            .constants(lambdas: lambdas, eta: eta)
        let recursion = ExactSamplerRecursion(setting: process.setting, lambdas: lambdas)
        let target = recursion.target
        let w2 = stepCounts.map { stepCount in
            recursion.outputLaw(.eulerMaruyama(eta: eta), grid: grid, stepCount: stepCount)
                .squaredWassersteinDistance(to: target).squareRoot()
        }
        return Evaluation(errorConstant: constants.errorConstant, exactW2: w2)
    }

    func spectrum(alpha: Double, dimension: Int, scale: Double) -> [Double] {
        (1...dimension).map { scale * Foundation.pow(Double($0), -alpha) }
    }

    /// Index of the smallest finite value (first on ties); `nil` if none is finite.
    static func argmin(_ values: [Double]) -> Int? {
        var best: Int?
        for (i, value) in values.enumerated() where value.isFinite {
            if let b = best, values[b] <= value { continue }
            best = i
        }
        return best
    }

    func run(_ context: RunContext) throws {
        try runEtaSweep(context)
        try runPowerSweep(context)
    }

    private func runEtaSweep(_ context: RunContext) throws {
        var groups = [(process: ProcessConfiguration, alpha: Double, grid: TimeGrid)]()
        for process in processes {
            for alpha in alphas {
                for grid in grids { groups.append((process, alpha, grid)) }
            }
        }
        try sweep(
            context, .eta, groups: groups, abscissae: etas,
            segments: { SweepKind.etaGroup(process: $0.process.name, alpha: $0.alpha, grid: $0.grid) },
            evaluate: { group, eta in
                let lambdas = spectrum(
                    alpha: group.alpha, dimension: etaSweepDimension, scale: group.process.lambdaScale)
                return evaluate(process: group.process, lambdas: lambdas, grid: group.grid, eta: eta)
            })
    }

    private func runPowerSweep(_ context: RunContext) throws {
        var groups = [(process: ProcessConfiguration, alpha: Double, eta: Double)]()
        for process in processes {
            for alpha in alphas {
                for eta in powerSweepEtas { groups.append((process, alpha, eta)) }
            }
        }
        try sweep(
            context, .power, groups: groups, abscissae: powers,
            segments: { SweepKind.powerGroup(process: $0.process.name, alpha: $0.alpha, eta: $0.eta) },
            evaluate: { group, power in
                let lambdas = spectrum(
                    alpha: group.alpha, dimension: powerSweepDimension, scale: group.process.lambdaScale)
                return evaluate(process: group.process, lambdas: lambdas, grid: .power(power), eta: group.eta)
            })
    }

    /// Sweeps the groups in parallel (each group's values depend only on the group, so not on
    /// the worker count) and records each group as soon as its sweep is complete.
    private func sweep<Group: Sendable>(
        _ context: RunContext, _ kind: SweepKind, groups: [Group], abscissae: [Double],
        segments: @escaping @Sendable (Group) -> [MetricKey.Segment],
        evaluate: @escaping @Sendable (Group, Double) -> Evaluation
    ) throws {
        _ = try context.parallelMap(groups.count) { index in
            let group = groups[index]
            let evaluations = abscissae.map { evaluate(group, $0) }
            try context.record(points(kind, group: segments(group), abscissae: abscissae, evaluations: evaluations))
            context.progress("\(kind.seriesFamily) \(index + 1)/\(groups.count)")
        }
    }

    private func points(
        _ kind: SweepKind, group: [MetricKey.Segment], abscissae: [Double], evaluations: [Evaluation]
    ) -> [MetricPoint] {
        var points = [MetricPoint]()
        let constants = evaluations.map(\.errorConstant)
        let constantKey = kind.constantKey(group)
        for (x, value) in zip(abscissae, constants) {
            points.append(MetricPoint(constantKey, x: x, value))
        }
        points.append(
            MetricPoint(kind.firstOrderOptimumKey(group), Self.argmin(constants).map { abscissae[$0] } ?? .nan))
        for (k, stepCount) in stepCounts.enumerated() {
            let values = evaluations.map { $0.exactW2[k] }
            let exactKey = kind.exactKey(group, stepCount: stepCount)
            for (x, value) in zip(abscissae, values) {
                points.append(MetricPoint(exactKey, x: x, value))
            }
            points.append(
                MetricPoint(
                    kind.exactOptimumKey(group, stepCount: stepCount), Self.argmin(values).map { abscissae[$0] } ?? .nan
                ))
        }
        return points
    }
}
