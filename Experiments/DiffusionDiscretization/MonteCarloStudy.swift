import WorkbenchCore
import WorkbenchNumerics

/// The Monte Carlo cross-check (the `monte-carlo` part, claim A1): for every process, dimension
/// `d ∈ mcDimensions`, `η ∈ mcEtas` and `K ∈ mcKs`, data `λ_k = 1/k` (times the process's λ scale) in a seeded Haar
/// basis with mean `μ ~ mcMeanScale·N(0, I)`, simulate `mcSamples` chains and compare with
/// the recursion.
///
/// Records, under `mc.{process}.d{d}.eta{η}.K{K}`: `zmax_cov`, `zmax_mean`, `fd_mc`,
/// `fd_exact`, `floor`, `fd_mc_minus_floor` (spec §3.2's correction), `bias` and
/// `fd_mc_minus_bias` (the delta-method correction, see ``MonteCarloComparison``), each cell as
/// soon as it is simulated.
struct MonteCarloStudy: Sendable {
    let processes: [ProcessConfiguration]
    /// `N`, the number of simulated chains per cell.
    let sampleCount: Int
    let dimensions: [Int]
    let stepCounts: [Int]
    let etas: [Double]
    /// Data mean `μ ~ meanScale·N(0, I)`.
    let meanScale: Double
    let grid: TimeGrid
    let initialization: ChainInitialization

    struct Cell: Sendable {
        let process: ProcessConfiguration
        let dimension: Int
        let eta: Double
        let stepCount: Int
    }

    func run(_ context: RunContext) throws {
        var collected = [Cell]()
        for process in processes {
            for d in dimensions {
                for eta in etas {
                    for k in stepCounts {
                        collected.append(Cell(process: process, dimension: d, eta: eta, stepCount: k))
                    }
                }
            }
        }
        let cells = collected
        _ = try context.parallelMap(cells.count) { index in
            try context.record(points(cells[index], context: context))
            context.progress("cell \(index + 1)/\(cells.count)", fraction: Double(index + 1) / Double(cells.count))
        }
    }

    private func points(_ cell: Cell, context: RunContext) throws -> [MetricPoint] {
        let process = cell.process
        var setup = context.random("mc-data", .label(process.name), .of(cell.dimension))
        let vectors = try Matrix.randomOrthogonal(cell.dimension, using: &setup)
        let lambdas = (1...cell.dimension).map { process.lambdaScale / Double($0) }
        let basis = EigenBasis(lambdas: lambdas, vectors: vectors)
        let mean = setup.gaussianVector(cell.dimension).map { meanScale * $0 }
        let sampler = MonteCarloSampler(setting: process.setting, basis: basis, mean: mean)
        var noise = context.random(
            "mc-samples", .label(process.name), .of(cell.dimension), .label(MetricKey.format(cell.eta)),
            .of(cell.stepCount))
        let samples = sampler.samples(
            eta: cell.eta, grid: grid, stepCount: cell.stepCount, sampleCount: sampleCount,
            initialization: initialization, using: &noise)
        let recursion = ExactSamplerRecursion(
            setting: process.setting, lambdas: lambdas, eigenMean: basis.eigenCoordinates(of: mean))
        let law = recursion.outputLaw(
            .eulerMaruyama(eta: cell.eta), grid: grid, stepCount: cell.stepCount, initialization: initialization)
        let comparison = try MonteCarloComparison(
            moments: SampleMoments(rows: samples), sampleCount: sampleCount, law: law,
            target: recursion.target, basis: basis)
        let key = { (statistic: String) in
            Self.key(
                process: process.name, dimension: cell.dimension, eta: cell.eta, stepCount: cell.stepCount, statistic)
        }
        return [
            MetricPoint(key("zmax_cov"), comparison.maxCovarianceZ),
            MetricPoint(key("zmax_mean"), comparison.maxMeanZ),
            MetricPoint(key("fd_mc"), comparison.fdMonteCarlo),
            MetricPoint(key("fd_exact"), comparison.fdExact),
            MetricPoint(key("floor"), comparison.floor),
            MetricPoint(key("fd_mc_minus_floor"), comparison.fdMonteCarlo - comparison.floor),
            MetricPoint(key("bias"), comparison.bias),
            MetricPoint(key("fd_mc_minus_bias"), comparison.fdMonteCarlo - comparison.bias),
        ]
    }

    /// `mc.{process}.d{d}.eta{η}.K{K}.{statistic}`, coordinates process, d, eta and K.
    static func key(process: String, dimension: Int, eta: Double, stepCount: Int, _ statistic: String) -> MetricKey {
        MetricKey(
            "mc", .text("process", process), .integer("d", dimension), .number("eta", eta),
            .integer("K", stepCount), .name(statistic))
    }
}
