import WorkbenchNumerics

/// Empirical mean and unbiased covariance (`ddof = 1`) of the rows of an `N × d` matrix;
/// the covariance is `X_cᵀX_c/(N − 1)` by dsyrk.
struct SampleMoments: Sendable {
    let mean: [Double]
    let covariance: Matrix

    init(rows samples: Matrix) {
        let n = samples.rows
        var mean = [Double](repeating: 0, count: samples.columns)
        for j in 0..<samples.columns {
            var sum = 0.0
            for i in 0..<n { sum += samples[i, j] }
            mean[j] = sum / Double(n)
        }
        var centered = samples
        MonteCarloSampler.shiftColumns(&centered, by: mean, sign: -1)
        self.mean = mean
        covariance = (1 / Double(n - 1)) * centered.gram
    }
}
