import Foundation
import WorkbenchCore

/// Experiments E3/E4: which η, and which power-grid exponent p, minimise the error for a given
/// power-law spectrum `λ_k = k^{−α}` (μ = 0, exact init).
///
/// η sweep, per (process, α, grid) with `d = etaSweepDimension`: series over η of the
/// first-order constant `etasweep.E.{process}.pow{α}.{grid}` and of the exact W2
/// `etasweep.w2.K{K}.{…}` for each K of `sweepKs`; scalars `etastar.fo.{…}` and
/// `etastar.K{K}.{…}` (argmins; the first one on ties; non-finite errors never win).
///
/// p sweep, per (process, α, η) with `d = powerSweepDimension`: series over p
/// `psweep.E.{process}.pow{α}.eta{η}`, `psweep.w2.K{K}.{…}`; scalars `pstar.fo.{…}`,
/// `pstar.K{K}.{…}`.
struct GeometrySweep: Sendable {
    let configuration: RunConfiguration

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
        let w2 = configuration.sweepStepCounts.map { stepCount in
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

    func points(_ context: RunContext) throws -> [MetricPoint] {
        try etaSweepPoints(context) + powerSweepPoints(context)
    }

    private func etaSweepPoints(_ context: RunContext) throws -> [MetricPoint] {
        var groups = [(process: Int, alpha: Double, grid: Int)]()
        for p in configuration.processes.indices {
            for alpha in configuration.sweepAlphas {
                for g in configuration.sweepGrids.indices { groups.append((p, alpha, g)) }
            }
        }
        return try sweep(
            context, groups: groups, abscissae: configuration.sweepEtas, sweep: "etasweep", optimum: "etastar",
            suffix: { group in
                "\(configuration.processes[group.process].name).pow\(MetricKey.number(group.alpha))."
                    + configuration.sweepGrids[group.grid].label
            },
            evaluate: { group, eta in
                let process = configuration.processes[group.process]
                let lambdas = spectrum(
                    alpha: group.alpha, dimension: configuration.etaSweepDimension, scale: process.lambdaScale)
                return evaluate(
                    process: process, lambdas: lambdas, grid: configuration.sweepGrids[group.grid], eta: eta)
            })
    }

    private func powerSweepPoints(_ context: RunContext) throws -> [MetricPoint] {
        var groups = [(process: Int, alpha: Double, eta: Double)]()
        for p in configuration.processes.indices {
            for alpha in configuration.sweepAlphas {
                for eta in configuration.powerSweepEtas { groups.append((p, alpha, eta)) }
            }
        }
        return try sweep(
            context, groups: groups, abscissae: configuration.sweepPowers, sweep: "psweep", optimum: "pstar",
            suffix: { group in
                "\(configuration.processes[group.process].name).pow\(MetricKey.number(group.alpha))"
                    + ".eta\(MetricKey.number(group.eta))"
            },
            evaluate: { group, power in
                let process = configuration.processes[group.process]
                let lambdas = spectrum(
                    alpha: group.alpha, dimension: configuration.powerSweepDimension, scale: process.lambdaScale)
                return evaluate(process: process, lambdas: lambdas, grid: .power(power), eta: group.eta)
            })
    }

    /// Evaluates every (group, abscissa) pair in parallel (results by index, so independent of
    /// the worker count) and records each group's sweep.
    private func sweep<Group: Sendable>(
        _ context: RunContext, groups: [Group], abscissae: [Double], sweep: String, optimum: String,
        suffix: (Group) -> String, evaluate: @escaping @Sendable (Group, Double) -> Evaluation
    ) throws -> [MetricPoint] {
        let evaluations = try context.parallelMap(groups.count * abscissae.count) { index in
            evaluate(groups[index / abscissae.count], abscissae[index % abscissae.count])
        }
        var points = [MetricPoint]()
        for (g, group) in groups.enumerated() {
            let slice = Array(evaluations[(g * abscissae.count)..<((g + 1) * abscissae.count)])
            points += sweepPoints(
                sweep: sweep, optimum: optimum, suffix: suffix(group), abscissae: abscissae, evaluations: slice)
        }
        return points
    }

    private func sweepPoints(
        sweep: String, optimum: String, suffix: String, abscissae: [Double], evaluations: [Evaluation]
    ) -> [MetricPoint] {
        var points = [MetricPoint]()
        let constants = evaluations.map(\.errorConstant)
        for (x, value) in zip(abscissae, constants) {
            points.append(MetricPoint("\(sweep).E.\(suffix)", x: x, value))
        }
        points.append(MetricPoint("\(optimum).fo.\(suffix)", Self.argmin(constants).map { abscissae[$0] } ?? .nan))
        for (k, stepCount) in configuration.sweepStepCounts.enumerated() {
            let values = evaluations.map { $0.exactW2[k] }
            for (x, value) in zip(abscissae, values) {
                points.append(MetricPoint("\(sweep).w2.K\(stepCount).\(suffix)", x: x, value))
            }
            points.append(
                MetricPoint(
                    "\(optimum).K\(stepCount).\(suffix)", Self.argmin(values).map { abscissae[$0] } ?? .nan))
        }
        return points
    }
}
