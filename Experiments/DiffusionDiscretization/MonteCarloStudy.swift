import WorkbenchCore
import WorkbenchNumerics

/// The Monte Carlo cross-check (claim A1): for every process, dimension `d ∈ mcDimensions`,
/// `η ∈ mcEtas` and `K ∈ mcKs`, data `λ_k = 1/k` (times the process's λ scale) in a seeded Haar
/// basis with mean `μ ~ mcMeanScale·N(0, I)`, simulate `mcSamples` chains and compare with
/// the recursion.
///
/// Records, under `mc.{process}.d{d}.eta{η}.K{K}`: `zmax_cov`, `zmax_mean`, `fd_mc`,
/// `fd_exact`, `floor`, `fd_mc_minus_floor` (spec §3.2's correction), `bias` and
/// `fd_mc_minus_bias` (the delta-method correction, see ``MonteCarloComparison``).
struct MonteCarloStudy: Sendable {
    let configuration: RunConfiguration

    struct Cell: Sendable {
        let process: Int
        let dimension: Int
        let eta: Double
        let stepCount: Int
    }

    func points(_ context: RunContext) throws -> [MetricPoint] {
        var collected = [Cell]()
        for p in configuration.processes.indices {
            for d in configuration.monteCarloDimensions {
                for eta in configuration.monteCarloEtas {
                    for k in configuration.monteCarloStepCounts {
                        collected.append(Cell(process: p, dimension: d, eta: eta, stepCount: k))
                    }
                }
            }
        }
        let cells = collected
        let results = try context.parallelMap(cells.count) { index in
            try points(cells[index], context: context)
        }
        return results.flatMap { $0 }
    }

    private func points(_ cell: Cell, context: RunContext) throws -> [MetricPoint] {
        let process = configuration.processes[cell.process]
        var setup = context.random("mc-data", .label(process.name), .of(cell.dimension))
        let vectors = try Matrix.randomOrthogonal(cell.dimension, using: &setup)
        let lambdas = (1...cell.dimension).map { process.lambdaScale / Double($0) }
        let basis = EigenBasis(lambdas: lambdas, vectors: vectors)
        let mean = setup.gaussianVector(cell.dimension).map { configuration.monteCarloMeanScale * $0 }
        let sampler = MonteCarloSampler(setting: process.setting, basis: basis, mean: mean)
        var noise = context.random(
            "mc-samples", .label(process.name), .of(cell.dimension), .label(MetricKey.number(cell.eta)),
            .of(cell.stepCount))
        let samples = sampler.samples(
            eta: cell.eta, grid: configuration.monteCarloGrid, stepCount: cell.stepCount,
            sampleCount: configuration.monteCarloSamples, initialization: configuration.initialization,
            using: &noise)
        let recursion = ExactSamplerRecursion(
            setting: process.setting, lambdas: lambdas, eigenMean: basis.eigenCoordinates(of: mean))
        let law = recursion.outputLaw(
            .eulerMaruyama(eta: cell.eta), grid: configuration.monteCarloGrid, stepCount: cell.stepCount,
            initialization: configuration.initialization)
        let comparison = try MonteCarloComparison(
            moments: SampleMoments(rows: samples), sampleCount: configuration.monteCarloSamples, law: law,
            target: recursion.target, basis: basis)
        let prefix = Self.prefix(
            process: process.name, dimension: cell.dimension, eta: cell.eta, stepCount: cell.stepCount)
        return [
            MetricPoint("\(prefix).zmax_cov", comparison.maxCovarianceZ),
            MetricPoint("\(prefix).zmax_mean", comparison.maxMeanZ),
            MetricPoint("\(prefix).fd_mc", comparison.fdMonteCarlo),
            MetricPoint("\(prefix).fd_exact", comparison.fdExact),
            MetricPoint("\(prefix).floor", comparison.floor),
            MetricPoint("\(prefix).fd_mc_minus_floor", comparison.fdMonteCarlo - comparison.floor),
            MetricPoint("\(prefix).bias", comparison.bias),
            MetricPoint("\(prefix).fd_mc_minus_bias", comparison.fdMonteCarlo - comparison.bias),
        ]
    }

    static func prefix(process: String, dimension: Int, eta: Double, stepCount: Int) -> String {
        "mc.\(process).d\(dimension).eta\(MetricKey.number(eta)).K\(stepCount)"
    }
}
