import WorkbenchCore
import WorkbenchNumerics

/// Beyond the paper (the `extensions` part, claim A7): Heun (second order, probability-flow ODE)
/// and DDIM (first order) against Euler-ODE, with their exact recursions, on the two-scale
/// spectrum `(1, 0.01)·lambdaScale`, μ = 0, exact init, grid `extensionGrid`.
///
/// Records the series `ext.w2.{sampler}.{process}` (sampler ∈ {euler, heun, ddim}) over K (the
/// run's `Ks`), one (process, sampler) series at a time.
struct ExtensionStudy: Sendable {
    let processes: [ProcessConfiguration]
    let stepCounts: [Int]
    let grid: TimeGrid

    static let samplers: [(name: String, sampler: ReverseSampler)] = [
        ("euler", .eulerMaruyama(eta: 0)), ("heun", .heun), ("ddim", .ddim),
    ]

    /// `ext.w2.{sampler}.{process}`, coordinates sampler and process.
    static func key(sampler: String, process: String) -> MetricKey {
        MetricKey("ext.w2", .text("sampler", sampler), .text("process", process))
    }

    func run(_ context: RunContext) throws {
        _ = try context.parallelMap(processes.count) { index in
            let process = processes[index]
            let recursion = ExactSamplerRecursion(
                setting: process.setting, lambdas: [process.lambdaScale, 0.01 * process.lambdaScale])
            let target = recursion.target
            for (name, sampler) in Self.samplers {
                let distances = stepCounts.map { stepCount in
                    recursion.outputLaw(sampler, grid: grid, stepCount: stepCount)
                        .squaredWassersteinDistance(to: target).squareRoot()
                }
                try context.record(
                    Self.key(sampler: name, process: process.name), xs: stepCounts.map(Double.init), values: distances)
            }
        }
    }
}
