#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A linear forward noising SDE `dX_t = f(t)·X_t dt + g(t) dW_t` on `R^d`.
///
/// The marginal is `X_t = a_t·X_0 + σ_t·Z` with `a_t = exp(∫₀ᵗ f)` and
/// `σ_t² = a_t² ∫₀ᵗ g²/a_s² ds`. For data `N(μ, Σ)` with `Σ = U·diag(λ)·Uᵀ` the
/// marginal variance along eigen-direction `i` is `v_i(t) = a_t²·λ_i + σ_t²`.
///
/// - `variancePreservingLinear`: Song et al.'s VP SDE, `β(t) = β_min + t(β_max − β_min)`,
///   `f = −β/2`, `g² = β`, `a_t² = e^{−B(t)}`, `σ_t² = 1 − e^{−B(t)}`, `B = ∫β`.
/// - `variancePreservingCosine`: the continuous Nichol–Dhariwal schedule,
///   `a_t² = cos²θ(t)/cos²θ(0)` with `θ(t) = (π/2)(t + s)/(1 + s)`; `β = π·tanθ/(1 + s)`
///   diverges at `t = 1`, so horizons must stay below 1.
/// - `varianceExploding`: the EDM process `σ(t) = t`, `a ≡ 1`, `f = 0`, `g² = 2t`.
enum ForwardProcess: Sendable, Equatable {
    case variancePreservingLinear(betaMin: Double, betaMax: Double)
    case variancePreservingCosine(offset: Double)
    case varianceExploding

    /// The parameter spelling of each process family.
    static let names = ["vp-linear", "vp-cosine", "ve-edm"]

    /// `true` for the VP family (`σ_t² = 1 − a_t²`).
    var isVariancePreserving: Bool {
        if case .varianceExploding = self { return false }
        return true
    }

    /// The coefficients of the process at time `t` (closed forms, no numerical integration).
    func state(at t: Double) -> ProcessState {
        switch self {
        case .variancePreservingLinear(let betaMin, let betaMax):
            let slope = betaMax - betaMin
            let integratedBeta = betaMin * t + 0.5 * slope * t * t
            let beta = betaMin + slope * t
            return ProcessState.variancePreserving(
                time: t, signalScaleSquared: exp(-integratedBeta),
                noiseVariance: -expm1(-integratedBeta), noiseToSignal: expm1(integratedBeta),
                beta: beta, betaDerivative: slope)
        case .variancePreservingCosine(let offset):
            let angle0 = 0.5 * Double.pi * offset / (1 + offset)
            let angle = 0.5 * Double.pi * (t + offset) / (1 + offset)
            let cos0Squared = cos(angle0) * cos(angle0)
            let cosSquared = cos(angle) * cos(angle)
            // cos²θ₀ − cos²θ = sin(θ − θ₀)·sin(θ + θ₀): no cancellation at small t.
            let difference = sin(angle - angle0) * sin(angle + angle0)
            let beta = Double.pi * tan(angle) / (1 + offset)
            let betaDerivative =
                Double.pi * Double.pi / (2 * (1 + offset) * (1 + offset)) / cosSquared
            return ProcessState.variancePreserving(
                time: t, signalScaleSquared: cosSquared / cos0Squared,
                noiseVariance: difference / cos0Squared, noiseToSignal: difference / cosSquared,
                beta: beta, betaDerivative: betaDerivative)
        case .varianceExploding:
            return ProcessState(
                time: t, signalScale: 1, signalScaleSquared: 1, noiseVariance: t * t,
                noiseToSignal: t * t, drift: 0, diffusionSquared: 2 * t,
                signalScaleSecondDerivative: 0, family: .varianceExploding)
        }
    }

    /// Variance of the reference prior `N(0, σ²I)` used by `init=prior`: 1 for VP, `σ_T²` for VE.
    func priorVariance(horizon: Double) -> Double {
        isVariancePreserving ? 1 : state(at: horizon).noiseVariance
    }
}
