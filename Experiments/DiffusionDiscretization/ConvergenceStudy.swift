import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Experiment E1 (the `convergence` part): exact Euler–Maruyama errors against the first-order
/// prediction `𝓔/K`, for every (process, spectrum, grid, η) of the run.
///
/// Records per configuration (``ConvergenceCell``, keys `{family}.{process}.{spectrum}.{grid}.eta{η}`):
/// series over K — `w2`, `fd` (= W2²), `weak` (E‖Y_K‖² − E‖X_ε‖²), `w2pred` (𝓔/K),
/// `weakpred` (𝒲/K), `ratio` (K·W2/𝓔); scalars — `E`, `weakconst`, `slope` (log-log slope of
/// W2 on the last four K), `ratioKmax`, `maxAbsC`, `quadrel` (`max_i|K(P_K − v) − C_i|/max|C|` at
/// the largest K) and `quadrelRichardson` (the same with the Richardson value
/// `(K₁X₁ − K₀X₀)/(K₁ − K₀)` of the two largest K). Each configuration is recorded as soon as it
/// is computed, so an interrupted run keeps every finished configuration.
///
/// This part is the only one that reads `spectra`, so it is the one that records the spectra
/// read from files (``recordInput(_:eigenvalues:_:)``): once per run.
struct ConvergenceStudy: Sendable {
    let processes: [ProcessConfiguration]
    let spectra: [SpectrumSpecification]
    /// `d` of the `pow:α` spectra.
    let dimension: Int
    /// Data mean `μ ~ meanScale·N(0, I)`, seeded per spectrum.
    let meanScale: Double
    let etas: [Double]
    let grids: [TimeGrid]
    /// Ascending.
    let stepCounts: [Int]
    let initialization: ChainInitialization

    /// Every configuration, in run order (process, spectrum, grid, η).
    var cells: [ConvergenceCell] {
        var cells = [ConvergenceCell]()
        for process in processes {
            for (index, spectrum) in spectra.enumerated() {
                for grid in grids {
                    for eta in etas {
                        cells.append(
                            ConvergenceCell(
                                process: process, spectrumIndex: index, spectrum: spectrum, grid: grid, eta: eta))
                    }
                }
            }
        }
        return cells
    }

    /// Computes every configuration in parallel and records each one when it is done.
    ///
    /// - Throws: ``DiffusionDiscretizationError`` for a spectrum file that became unreadable
    ///   since validation; ``ExperimentError`` from recording.
    func run(_ context: RunContext) throws {
        var eigenvalues = [[Double]]()
        var eigenMeans = [[Double]]()
        for (index, spectrum) in spectra.enumerated() {
            let lambdas = try spectrum.eigenvalues(dimension: dimension)
            try recordInput(spectrum, eigenvalues: lambdas, context)
            var generator = context.random("mean", .label(spectrum.label), .of(index))
            eigenvalues.append(lambdas)
            eigenMeans.append(generator.gaussianVector(lambdas.count).map { meanScale * $0 })
        }
        let cells = self.cells
        let spectrumValues = eigenvalues
        let means = eigenMeans
        _ = try context.parallelMap(cells.count) { index in
            let cell = cells[index]
            try context.record(
                points(for: cell, eigenvalues: spectrumValues[cell.spectrumIndex], eigenMean: means[cell.spectrumIndex])
            )
            context.progress(cell.label, fraction: Double(index + 1) / Double(cells.count))
        }
    }

    /// A spectrum read from a file is data, not configuration: its eigenvalues are recorded as
    /// the series `input.{spectrum}.eigenvalue` over k = 1, 2, … (so they enter the result digest
    /// and `verify` notices a changed file) and the file itself is attached to the run.
    private func recordInput(
        _ spectrum: SpectrumSpecification, eigenvalues: [Double], _ context: RunContext
    ) throws {
        guard let path = spectrum.filePath else { return }
        try context.record(
            MetricKey("input", .text("spectrum", spectrum.label), "eigenvalue"),
            xs: eigenvalues.indices.map { Double($0 + 1) }, values: eigenvalues)
        if let data = FileManager.default.contents(atPath: path) {
            try context.attach(
                name: "input-\(spectrum.label).txt", mediaType: "text/plain",
                content: String(decoding: data, as: UTF8.self))
        }
    }

    /// The metric points of one configuration; `eigenvalues` are unscaled.
    func points(for cell: ConvergenceCell, eigenvalues: [Double], eigenMean nu: [Double]) -> [MetricPoint] {
        let process = cell.process
        let lambdas = eigenvalues.map { $0 * process.lambdaScale }
        let recursion = ExactSamplerRecursion(setting: process.setting, lambdas: lambdas, eigenMean: nu)
        let constants = FirstOrderQuadrature(setting: process.setting, grid: cell.grid)
            .constants(lambdas: lambdas, eigenMean: nu, eta: cell.eta)
        let target = recursion.target
        let errorConstant = constants.errorConstant
        let weakConstant = constants.weakConstant

        let series = (
            w2: cell.key("w2"), fd: cell.key("fd"), weak: cell.key("weak"), w2pred: cell.key("w2pred"),
            weakpred: cell.key("weakpred"), ratio: cell.key("ratio")
        )
        var points = [MetricPoint]()
        var w2Values = [Double]()
        var defects = [[Double]]()
        for stepCount in stepCounts {
            let law = recursion.outputLaw(
                .eulerMaruyama(eta: cell.eta), grid: cell.grid, stepCount: stepCount, initialization: initialization)
            let fd = law.squaredWassersteinDistance(to: target)
            let w2 = fd.squareRoot()
            let k = Double(stepCount)
            w2Values.append(w2)
            defects.append(lambdas.indices.map { k * (law.variance[$0] - target.variance[$0]) })
            points.append(MetricPoint(series.w2, x: k, w2))
            points.append(MetricPoint(series.fd, x: k, fd))
            points.append(MetricPoint(series.weak, x: k, law.squaredNormWeakError(relativeTo: target)))
            points.append(MetricPoint(series.w2pred, x: k, errorConstant / k))
            points.append(MetricPoint(series.weakpred, x: k, weakConstant / k))
            points.append(MetricPoint(series.ratio, x: k, k * w2 / errorConstant))
        }
        points.append(MetricPoint(cell.key("E"), errorConstant))
        points.append(MetricPoint(cell.key("weakconst"), weakConstant))
        points.append(MetricPoint(cell.key("maxAbsC"), constants.maxAbsVarianceConstant))
        let ks = stepCounts.map(Double.init)
        if let last = ks.last, let lastW2 = w2Values.last {
            points.append(MetricPoint(cell.key("ratioKmax"), last * lastW2 / errorConstant))
            let tail = max(0, ks.count - 4)
            let slope = LinearFit.powerLaw(x: Array(ks[tail...]), y: Array(w2Values[tail...]))?.slope
            points.append(MetricPoint(cell.key("slope"), slope ?? .nan))
            let scale = constants.maxAbsVarianceConstant
            let c = constants.varianceConstants
            if let lastDefect = defects.last {
                points.append(MetricPoint(cell.key("quadrel"), Self.relativeGap(lastDefect, c, scale)))
            }
            if ks.count >= 2 {
                let k0 = ks[ks.count - 2]
                let k1 = last
                let x0 = defects[defects.count - 2]
                let x1 = defects[defects.count - 1]
                let extrapolated = lambdas.indices.map { (k1 * x1[$0] - k0 * x0[$0]) / (k1 - k0) }
                points.append(MetricPoint(cell.key("quadrelRichardson"), Self.relativeGap(extrapolated, c, scale)))
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
