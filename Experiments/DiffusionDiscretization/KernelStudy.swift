import Foundation
import WorkbenchCore

/// Experiment E2: the per-eigenvalue constants `C(λ)` and kernel `κ(λ) = C(λ)²/(4v_λ(ε))` on
/// `λ ∈ logspace(−4, 1, 26)` (unscaled, μ = 0), for every process, grid and η of the run.
///
/// Records the series `kernel.C.{process}.{grid}.eta{η}` and `kernel.kappa.{…}` with x = λ.
struct KernelStudy: Sendable {
    let configuration: RunConfiguration

    func points(_ context: RunContext) throws -> [MetricPoint] {
        let cells = configuration.processes.indices.flatMap { p in
            configuration.grids.indices.map { g in (process: p, grid: g) }
        }
        let lambdas = RunConfiguration.kernelLambdas
        let results = try context.parallelMap(cells.count) { index in
            let process = configuration.processes[cells[index].process]
            let grid = configuration.grids[cells[index].grid]
            let quadrature = FirstOrderQuadrature(setting: process.setting, grid: grid)
            var points = [MetricPoint]()
            for eta in configuration.etas {
                let constants = quadrature.constants(lambdas: lambdas, eta: eta)
                let suffix = "\(process.name).\(grid.label).eta\(MetricKey.number(eta))"
                let kernel = constants.kernel
                for (i, lambda) in lambdas.enumerated() {
                    points.append(MetricPoint("kernel.C.\(suffix)", x: lambda, constants.varianceConstants[i]))
                    points.append(MetricPoint("kernel.kappa.\(suffix)", x: lambda, kernel[i]))
                }
            }
            return points
        }
        return results.flatMap { $0 }
    }
}
