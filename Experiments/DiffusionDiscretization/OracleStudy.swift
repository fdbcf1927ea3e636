import WorkbenchCore
import Foundation
import WorkbenchNumerics

/// Exactness checks of the recursion that hold in exact arithmetic (spec A2; the `oracles` part),
/// run for all three processes (with the run's windows), the run's grids, step counts and η —
/// cheap one- and two-dimensional recursions, so they are measured even when a process is not
/// selected. Each value is recorded as soon as it is computed:
///
/// - `oracle.{process}.odeUnitEigenvalueDeviation` (VP): `max |P_K − 1|` of the Euler-ODE for
///   `λ = 1`, whose drift vanishes identically (`b ≡ 0`).
/// - `oracle.{process}.odeDiracRelativeDeviation` (VE): `max |P_K − ε²|/ε²` of the Euler-ODE for
///   `λ = 0`, where each step multiplies `√P` by `t_{k+1}/t_k` exactly.
/// - `oracle.{process}.buresVsCommutingRelativeError`: on the rotated example of spec §3.5
///   (`Σ = R₃₀°·diag(1, 0.01)·R₃₀°ᵀ` times the process's λ scale, `μ = (1, −0.5)`, K = 10, uniform
///   grid, every η), the relative gap between the full Bures W2 (LAPACK, in the original
///   coordinates) and the commuting-covariance formula.
struct OracleStudy: Sendable {
    /// All three processes, whatever `processes` selects.
    let processes: [ProcessConfiguration]
    let grids: [TimeGrid]
    let stepCounts: [Int]
    let etas: [Double]

    /// The key of the oracle `name` of `process`.
    static func key(process: String, _ name: String) -> MetricKey {
        MetricKey("oracle", .text("process", process), .name(name))
    }

    func run(_ context: RunContext) throws {
        for process in processes {
            if process.setting.process.isVariancePreserving {
                try context.record(
                    Self.key(process: process.name, "odeUnitEigenvalueDeviation"),
                    maxDeviation(process, lambda: 1) { abs($0 - 1) })
            } else {
                let epsSquared = process.setting.truncation * process.setting.truncation
                try context.record(
                    Self.key(process: process.name, "odeDiracRelativeDeviation"),
                    maxDeviation(process, lambda: 0) { abs($0 - epsSquared) / epsSquared })
            }
            try context.record(Self.key(process: process.name, "buresVsCommutingRelativeError"), try buresGap(process))
        }
    }

    private func maxDeviation(
        _ process: ProcessConfiguration, lambda: Double, _ deviation: (Double) -> Double
    ) -> Double {
        let recursion = ExactSamplerRecursion(setting: process.setting, lambdas: [lambda])
        var worst = 0.0
        for grid in grids {
            for stepCount in stepCounts {
                let law = recursion.outputLaw(.eulerMaruyama(eta: 0), grid: grid, stepCount: stepCount)
                worst = max(worst, deviation(law.variance[0]))
            }
        }
        return worst
    }

    private func buresGap(_ process: ProcessConfiguration) throws -> Double {
        let angle = Double.pi / 6
        let rotation = Matrix(rowMajor: [[cos(angle), -sin(angle)], [sin(angle), cos(angle)]])
        let covariance = Matrix.product(
            Matrix.product(rotation, Matrix.diagonal([process.lambdaScale, 0.01 * process.lambdaScale])),
            rotation, transposeB: .transpose)
        let mean = [1.0, -0.5]
        let basis = try EigenBasis(covariance: covariance)
        let recursion = ExactSamplerRecursion(
            setting: process.setting, lambdas: basis.lambdas, eigenMean: basis.eigenCoordinates(of: mean))
        let target = recursion.target
        var worst = 0.0
        for eta in etas {
            let law = recursion.outputLaw(.eulerMaruyama(eta: eta), grid: .uniform, stepCount: 10)
            let commuting = law.squaredWassersteinDistance(to: target).squareRoot()
            let full = try BuresWasserstein.squaredDistance(
                mean1: basis.originalCoordinates(of: target.mean),
                covariance1: basis.covariance(variances: target.variance),
                mean2: basis.originalCoordinates(of: law.mean),
                covariance2: basis.covariance(variances: law.variance)
            ).squareRoot()
            worst = max(worst, commuting > 0 ? abs(full - commuting) / commuting : abs(full))
        }
        return worst
    }
}
