import Foundation
import WorkbenchCore

/// Experiment E2 (the `kernel` part): the per-eigenvalue constants `C(λ)` and kernel
/// `κ(λ) = C(λ)²/(4v_λ(ε))` on `λ ∈ logspace(−4, 1, 26)` (unscaled, μ = 0), for every process,
/// grid and η of the run.
///
/// Records the series `kernel.C.{process}.{grid}.eta{η}` and `kernel.kappa.{…}` with x = λ, one
/// (process, grid) at a time as each is computed.
struct KernelStudy: Sendable {
    let processes: [ProcessConfiguration]
    let grids: [TimeGrid]
    let etas: [Double]

    /// The eigenvalue grid of the κ(λ) table: `logspace(−4, 1, 26)`.
    static let lambdas: [Double] = (0..<26).map { Foundation.pow(10, -4 + Double($0) / 5) }

    /// The key of `quantity` (`C` or `kappa`) for one (process, grid, η).
    static func key(_ quantity: String, process: String, grid: TimeGrid, eta: Double) -> MetricKey {
        MetricKey(
            .name("kernel." + quantity), .text("process", process), .text("grid", grid.label), .number("eta", eta))
    }

    func run(_ context: RunContext) throws {
        let cells = processes.flatMap { process in grids.map { grid in (process: process, grid: grid) } }
        let lambdas = Self.lambdas
        _ = try context.parallelMap(cells.count) { index in
            let (process, grid) = cells[index]
            let quadrature = FirstOrderQuadrature(setting: process.setting, grid: grid)
            var points = [MetricPoint]()
            for eta in etas {
                let constants = quadrature.constants(lambdas: lambdas, eta: eta)
                let kernel = constants.kernel
                let cKey = Self.key("C", process: process.name, grid: grid, eta: eta)
                let kappaKey = Self.key("kappa", process: process.name, grid: grid, eta: eta)
                for (i, lambda) in lambdas.enumerated() {
                    points.append(MetricPoint(cKey, x: lambda, constants.varianceConstants[i]))
                    points.append(MetricPoint(kappaKey, x: lambda, kernel[i]))
                }
            }
            try context.record(points)
        }
    }
}
