import WorkbenchNumerics

/// A full-space Euler–Maruyama simulation of the reverse family for Gaussian data
/// `N(μ, U·diag(λ)·Uᵀ)` with the exact score, used only to cross-check ``ExactSamplerRecursion``.
///
/// Samples are the rows of an `N × d` column-major matrix `Y`. Each step applies
/// `Y ← (1 − h f)Y − h c_k (Y − 1·(a_tμ)ᵀ)Σ_t^{-1} + η g √h Z` with
/// `Σ_t^{-1} = U·diag(1/v(t))·Uᵀ` formed per step and applied by dgemm.
struct MonteCarloSampler: Sendable {
    let setting: DiffusionSetting
    let basis: EigenBasis
    /// The data mean `μ` in the original coordinates.
    let mean: [Double]

    /// `N` samples of `Y_K` (rows), drawn with `generator` in a fixed order: the initial
    /// Gaussians column by column, then each step's noise column by column.
    func samples<G: RandomNumberGenerator>(
        eta: Double, grid: TimeGrid, stepCount: Int, sampleCount: Int,
        initialization: ChainInitialization, using generator: inout G
    ) -> Matrix {
        let d = basis.lambdas.count
        let start = setting.process.state(at: setting.horizon)
        var initialScales: [Double]
        var initialMean: [Double]
        switch initialization {
        case .exact:
            initialScales = basis.lambdas.map { start.variance($0).squareRoot() }
            initialMean = mean.map { start.signalScale * $0 }
        case .prior:
            let variance = setting.process.priorVariance(horizon: setting.horizon)
            initialScales = [Double](repeating: variance.squareRoot(), count: d)
            initialMean = [Double](repeating: 0, count: d)
        }
        var z = Matrix.gaussian(rows: sampleCount, columns: d, using: &generator)
        for j in 0..<d {
            for i in 0..<sampleCount { z[i, j] *= initialScales[j] }
        }
        var y = Matrix.product(z, basis.vectors, transposeB: .transpose)
        Self.shiftColumns(&y, by: initialMean, sign: 1)

        let times = grid.times(stepCount: stepCount, horizon: setting.horizon, truncation: setting.truncation)
        let etaSquared = eta * eta
        for k in 0..<stepCount {
            let h = times[k] - times[k + 1]
            let state = setting.process.state(at: times[k])
            let precision = basis.covariance(variances: basis.lambdas.map { 1 / state.variance($0) })
            let c = 0.5 * (1 + etaSquared) * state.diffusionSquared
            var centered = y
            Self.shiftColumns(&centered, by: mean.map { state.signalScale * $0 }, sign: -1)
            y.addProduct(centered, precision, alpha: -h * c, beta: 1 - h * state.drift)
            if eta > 0 {
                let noiseScale = (etaSquared * state.diffusionSquared * h).squareRoot()
                for index in y.storage.indices {
                    y.storage[index] += noiseScale * generator.nextGaussian()
                }
            }
        }
        return y
    }

    /// Adds `sign·shift[j]` to every entry of column `j`.
    static func shiftColumns(_ matrix: inout Matrix, by shift: [Double], sign: Double) {
        let rows = matrix.rows
        matrix.storage.withUnsafeMutableBufferPointer { buffer in
            for j in 0..<matrix.columns {
                let delta = sign * shift[j]
                for i in 0..<rows { buffer[i + j * rows] += delta }
            }
        }
    }
}
