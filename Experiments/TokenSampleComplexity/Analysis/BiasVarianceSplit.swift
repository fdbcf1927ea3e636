/// Split of a mean squared error over repetitions into squared bias and variance
/// (spec extension 7.1).
///
/// With deviations `e_r = estimate_r − truth` (`k` repetitions) and `ē` their mean:
/// `MSE = (1/k)Σ‖e_r‖² = ‖ē‖² + (1/k)Σ‖e_r − ē‖²`. `‖ē‖²` overestimates `‖E e‖²` by
/// `tr Var/k`, so the bias² estimate is `‖ē‖² − Σ‖e_r − ē‖²/(k(k−1))`, clamped at 0.
struct BiasVarianceSplit {
    let meanSquaredError: Double
    let squaredBias: Double

    init(_ deviations: [[Double]]) {
        let k = deviations.count
        guard k >= 2, let width = deviations.first?.count else {
            meanSquaredError = .nan
            squaredBias = .nan
            return
        }
        var average = [Double](repeating: 0, count: width)
        var mse = 0.0
        for e in deviations {
            for (i, value) in e.enumerated() {
                average[i] += value / Double(k)
                mse += value * value / Double(k)
            }
        }
        var spread = 0.0
        for e in deviations {
            for (i, value) in e.enumerated() { spread += (value - average[i]) * (value - average[i]) }
        }
        let biasOfMean = average.reduce(0) { $0 + $1 * $1 }
        meanSquaredError = mse
        squaredBias = max(0, biasOfMean - spread / Double(k * (k - 1)))
    }

    /// `bias²/MSE` in [0, 1].
    var biasFraction: Double { min(1, squaredBias / meanSquaredError) }
}
