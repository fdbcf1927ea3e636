#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A family of reverse time grids `T = t_0 > t_1 > … > t_K = ε`, `t_k = ψ(k/K)`.
///
/// The step density `ρ(t) = |ψ'(ψ^{-1}(t))|` gives the local step `h ≈ ρ(t)/K` and satisfies
/// `∫_ε^T dt/ρ = 1`.
///
/// | grid | `t_k` | `ρ(t)` |
/// |---|---|---|
/// | `uniform` | `T + (ε − T)k/K` | `T − ε` |
/// | `power:p` | `ε + (T − ε)(1 − k/K)^p` | `p(T − ε)^{1/p}(t − ε)^{1 − 1/p}` |
/// | `edm:r` | `(T^{1/r} + (k/K)(ε^{1/r} − T^{1/r}))^r` | `r·t^{1 − 1/r}(T^{1/r} − ε^{1/r})` |
enum TimeGrid: Sendable, Equatable, Hashable {
    case uniform
    /// Polynomial clustering near `ε` with exponent `p ≥ 1` (`p = 1` is uniform). For
    /// `p ≤ ½` the density `ρ ∝ (t − ε)^{1 − 1/p}` is not integrable and the first-order
    /// constants diverge, so the parameter syntax requires `p ≥ 1`.
    case power(Double)
    /// Karras et al.'s grid with exponent `r > 0` (uniform in `t^{1/r}`).
    case edm(Double)

    /// The `K + 1` grid times, `t_0 = T` and `t_K = ε` exactly, decreasing.
    func times(stepCount: Int, horizon: Double, truncation: Double) -> [Double] {
        let k = Double(stepCount)
        var points = [Double](repeating: 0, count: stepCount + 1)
        for index in 0...stepCount {
            let u = Double(index) / k
            switch self {
            case .uniform:
                points[index] = horizon + (truncation - horizon) * u
            case .power(let exponent):
                points[index] = truncation + (horizon - truncation) * pow(1 - u, exponent)
            case .edm(let exponent):
                let top = pow(horizon, 1 / exponent)
                let bottom = pow(truncation, 1 / exponent)
                points[index] = pow(top + u * (bottom - top), exponent)
            }
        }
        points[0] = horizon
        points[stepCount] = truncation
        return points
    }

    /// The step density `ρ(t)` on `(ε, T]`.
    func density(at t: Double, horizon: Double, truncation: Double) -> Double {
        switch self {
        case .uniform:
            return horizon - truncation
        case .power(let exponent):
            return exponent * pow(horizon - truncation, 1 / exponent)
                * pow(t - truncation, 1 - 1 / exponent)
        case .edm(let exponent):
            return exponent * pow(t, 1 - 1 / exponent)
                * (pow(horizon, 1 / exponent) - pow(truncation, 1 / exponent))
        }
    }
}
