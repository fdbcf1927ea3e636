import WorkbenchCore
import WorkbenchNumerics

/// Experiment E1: exact Euler–Maruyama errors against the first-order prediction `𝓔/K`, for
/// every (process, spectrum, grid, η) of the run.
///
/// Records per configuration `cfg = {process}.{spectrum}.{grid}.eta{η}`:
/// series over K — `w2`, `fd` (= W2²), `weak` (E‖Y_K‖² − E‖X_ε‖²), `w2pred` (𝓔/K),
/// `weakpred` (𝒲/K), `ratio` (K·W2/𝓔); scalars — `E`, `weakconst`, `slope` (log-log slope of
/// W2 on the last four K), `ratioKmax`, `maxAbsC`, `quadrel` (`max_i|K(P_K − v) − C_i|/max|C|` at
/// the largest K) and `quadrelRichardson` (the same with the Richardson value
/// `(K₁X₁ − K₀X₀)/(K₁ − K₀)` of the two largest K).
struct ConvergenceStudy: Sendable {
    let configuration: RunConfiguration
    /// Eigenvalues per spectrum (unscaled), in `configuration.spectra` order.
    let spectra: [[Double]]
    /// Eigen-means per spectrum.
    let eigenMeans: [[Double]]

    /// One (process, spectrum, grid, η) cell.
    struct Cell: Sendable {
        let process: Int
        let spectrum: Int
        let grid: Int
        let eta: Double
    }

    var cells: [Cell] {
        var cells = [Cell]()
        for p in configuration.processes.indices {
            for s in spectra.indices {
                for g in configuration.grids.indices {
                    for eta in configuration.etas {
                        cells.append(Cell(process: p, spectrum: s, grid: g, eta: eta))
                    }
                }
            }
        }
        return cells
    }

    /// The metric points of every cell, computed in parallel and returned in cell order.
    func points(_ context: RunContext) throws -> [MetricPoint] {
        let cells = self.cells
        let results = try context.parallelMap(cells.count) { index in
            points(for: cells[index])
        }
        return results.flatMap { $0 }
    }

    func key(_ cell: Cell) -> String {
        MetricKey.configuration(
            process: configuration.processes[cell.process].name,
            spectrum: configuration.spectra[cell.spectrum].label,
            grid: configuration.grids[cell.grid].label, eta: cell.eta)
    }

    func points(for cell: Cell) -> [MetricPoint] {
        let process = configuration.processes[cell.process]
        let grid = configuration.grids[cell.grid]
        let lambdas = spectra[cell.spectrum].map { $0 * process.lambdaScale }
        let nu = eigenMeans[cell.spectrum]
        let recursion = ExactSamplerRecursion(setting: process.setting, lambdas: lambdas, eigenMean: nu)
        let constants = FirstOrderQuadrature(setting: process.setting, grid: grid)
            .constants(lambdas: lambdas, eigenMean: nu, eta: cell.eta)
        let target = recursion.target
        let errorConstant = constants.errorConstant
        let weakConstant = constants.weakConstant
        let cfg = key(cell)

        var points = [MetricPoint]()
        var w2Values = [Double]()
        var defects = [[Double]]()
        for stepCount in configuration.stepCounts {
            let law = recursion.outputLaw(
                .eulerMaruyama(eta: cell.eta), grid: grid, stepCount: stepCount,
                initialization: configuration.initialization)
            let fd = law.squaredWassersteinDistance(to: target)
            let w2 = fd.squareRoot()
            let k = Double(stepCount)
            w2Values.append(w2)
            defects.append(lambdas.indices.map { k * (law.variance[$0] - target.variance[$0]) })
            points.append(MetricPoint("w2.\(cfg)", x: k, w2))
            points.append(MetricPoint("fd.\(cfg)", x: k, fd))
            points.append(MetricPoint("weak.\(cfg)", x: k, law.squaredNormWeakError(relativeTo: target)))
            points.append(MetricPoint("w2pred.\(cfg)", x: k, errorConstant / k))
            points.append(MetricPoint("weakpred.\(cfg)", x: k, weakConstant / k))
            points.append(MetricPoint("ratio.\(cfg)", x: k, k * w2 / errorConstant))
        }
        points.append(MetricPoint("E.\(cfg)", errorConstant))
        points.append(MetricPoint("weakconst.\(cfg)", weakConstant))
        points.append(MetricPoint("maxAbsC.\(cfg)", constants.maxAbsVarianceConstant))
        let ks = configuration.stepCounts.map(Double.init)
        if let last = ks.last, let lastW2 = w2Values.last {
            points.append(MetricPoint("ratioKmax.\(cfg)", last * lastW2 / errorConstant))
            let tail = max(0, ks.count - 4)
            let slope = LinearFit.powerLaw(x: Array(ks[tail...]), y: Array(w2Values[tail...]))?.slope
            points.append(MetricPoint("slope.\(cfg)", slope ?? .nan))
            let scale = constants.maxAbsVarianceConstant
            let c = constants.varianceConstants
            if let lastDefect = defects.last {
                points.append(MetricPoint("quadrel.\(cfg)", Self.relativeGap(lastDefect, c, scale)))
            }
            if ks.count >= 2 {
                let k0 = ks[ks.count - 2]
                let k1 = last
                let x0 = defects[defects.count - 2]
                let x1 = defects[defects.count - 1]
                let extrapolated = lambdas.indices.map { (k1 * x1[$0] - k0 * x0[$0]) / (k1 - k0) }
                points.append(MetricPoint("quadrelRichardson.\(cfg)", Self.relativeGap(extrapolated, c, scale)))
            }
        }
        return points
    }

    /// `max_i |x_i − c_i| / scale` (absolute when `scale = 0`).
    static func relativeGap(_ x: [Double], _ c: [Double], _ scale: Double) -> Double {
        var gap = 0.0
        for i in x.indices { gap = max(gap, abs(x[i] - c[i])) }
        return scale > 0 ? gap / scale : gap
    }
}
