import Foundation

/// Spec O6: `E[M_n]` for the maximum of `n` i.i.d. standard normals.
///
/// `E[M_n] = ∫₀^∞ (1 − Φⁿ) − ∫_{−∞}^0 Φⁿ = b − ∫_a^b Φⁿ dx` for `a = −9`, `b = 10` (the tails
/// beyond are below 1e-18 for the `n` used here), which integrates a smooth function: trapezoid
/// rule with `4e5` intervals and `Φⁿ = exp(n·log Φ)`, `log Φ` by `log1p(−½erfc(x/√2))` for
/// `x ≥ 0` and `log(½erfc(−x/√2))` for `x < 0` (both accurate).
enum GaussianMaximumOracle {
    static func expectedMaximum(count n: Int, intervals: Int = 400_000) -> Double {
        let lower = -9.0
        let upper = 10.0
        let h = (upper - lower) / Double(intervals)
        let count = Double(n)
        let rootTwo = 2.0.squareRoot()
        var sum = 0.0
        for k in 0...intervals {
            let x = lower + Double(k) * h
            let logPhi = x >= 0 ? log1p(-0.5 * erfc(x / rootTwo)) : log(0.5 * erfc(-x / rootTwo))
            let weight = (k == 0 || k == intervals) ? 0.5 : 1
            sum += weight * exp(count * logPhi)
        }
        return upper - sum * h
    }

    /// The Gumbel asymptotics `√(2 ln n) − (ln ln n + ln 4π − 2γ)/(2√(2 ln n))`.
    static func asymptoticMaximum(count n: Int) -> Double {
        let eulerGamma = 0.5772156649015329
        let root = (2 * log(Double(n))).squareRoot()
        return root - (log(log(Double(n))) + log(4 * Double.pi) - 2 * eulerGamma) / (2 * root)
    }
}
