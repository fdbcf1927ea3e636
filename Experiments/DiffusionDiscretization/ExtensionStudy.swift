import WorkbenchCore
import WorkbenchNumerics

/// Beyond the paper (claim A7): Heun (second order, probability-flow ODE) and DDIM (first
/// order) against Euler-ODE, with their exact recursions, on the two-scale spectrum
/// `(1, 0.01)·lambdaScale`, μ = 0, exact init, grid `extensionGrid`.
///
/// Records the series `ext.w2.{euler|heun|ddim}.{process}` over K (the run's `Ks`).
struct ExtensionStudy: Sendable {
    let configuration: RunConfiguration

    static let samplers: [(name: String, sampler: ReverseSampler)] = [
        ("euler", .eulerMaruyama(eta: 0)), ("heun", .heun), ("ddim", .ddim),
    ]

    func points(_ context: RunContext) throws -> [MetricPoint] {
        let results = try context.parallelMap(configuration.processes.count) { index in
            let process = configuration.processes[index]
            let recursion = ExactSamplerRecursion(
                setting: process.setting, lambdas: [process.lambdaScale, 0.01 * process.lambdaScale])
            let target = recursion.target
            var points = [MetricPoint]()
            for (name, sampler) in Self.samplers {
                for stepCount in configuration.stepCounts {
                    let law = recursion.outputLaw(
                        sampler, grid: configuration.extensionGrid, stepCount: stepCount)
                    points.append(
                        MetricPoint(
                            "ext.w2.\(name).\(process.name)", x: Double(stepCount),
                            law.squaredWassersteinDistance(to: target).squareRoot()))
                }
            }
            return points
        }
        return results.flatMap { $0 }
    }
}
