import Foundation

/// Spec O5: expected hardmax error on the unit sphere `S^{d−1}` with one query direction `û`
/// and `V = I`: `E‖y_{j*} − û‖ = ∫₀^π cos(θ/2)·(1 − G(θ))ⁿ dθ`, where `G` is the normalised
/// cumulative integral of `sin^{d−2}θ` (the law of the angle between a uniform point and `û`).
///
/// `‖y − û‖ = 2 sin(θ/2)`, so `E‖err‖ = ∫ P(θ* > θ)·d(2 sin(θ/2))`; quadrature by the trapezoid
/// rule on a uniform grid, with `(1 − G)ⁿ = exp(n·log1p(−G))` (0 when `G = 1`).
struct SphereHardmaxOracle: Sendable {
    let dimension: Int
    /// Grid angles `θ_k = kπ/K`.
    private let angles: [Double]
    /// `G(θ_k)`.
    private let cumulative: [Double]

    /// Tabulates `G` for `S^{d−1}` (`d ≥ 2`) on `gridIntervals + 1` points.
    init(dimension: Int, gridIntervals: Int = 200_000) {
        self.dimension = dimension
        let h = Double.pi / Double(gridIntervals)
        var angles = [Double](repeating: 0, count: gridIntervals + 1)
        var density = [Double](repeating: 0, count: gridIntervals + 1)
        for k in 0...gridIntervals {
            let theta = Double(k) * h
            angles[k] = theta
            density[k] = pow(sin(theta), Double(dimension - 2))
        }
        if dimension == 2 {
            // sin⁰ = 1 everywhere, including the end points.
            for k in density.indices { density[k] = 1 }
        }
        var cumulative = [Double](repeating: 0, count: gridIntervals + 1)
        for k in 1...gridIntervals {
            cumulative[k] = cumulative[k - 1] + 0.5 * h * (density[k - 1] + density[k])
        }
        let total = cumulative[gridIntervals]
        self.angles = angles
        self.cumulative = cumulative.map { min(1, $0 / total) }
    }

    /// `E‖y_{j*} − û‖` for `n` tokens.
    func expectedError(tokenCount n: Int) -> Double {
        let count = Double(n)
        var integral = 0.0
        var previous = 1.0  // integrand at θ = 0: cos 0 · (1 − 0)ⁿ
        for k in 1..<angles.count {
            let g = cumulative[k]
            let survival = g >= 1 ? 0 : exp(count * log1p(-g))
            let value = cos(0.5 * angles[k]) * survival
            integral += 0.5 * (angles[k] - angles[k - 1]) * (previous + value)
            previous = value
        }
        return integral
    }
}
