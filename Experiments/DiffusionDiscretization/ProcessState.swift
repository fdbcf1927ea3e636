/// The coefficients of a ``ForwardProcess`` frozen at one time `t`, with the per-eigenvalue
/// quantities the samplers and the first-order constants need.
///
/// For an eigenvalue `λ` of the data covariance:
/// `v(λ, t) = a_t²λ + σ_t²`, `v' = 2f·v + g²`, `v'' = 2f'·v + 2f·v' + (g²)'`, and the drift of
/// the reverse family with diffusion coefficient `η` (`b`, so that `dξ/ds = b·ξ + …` in reverse
/// time) is `b = −f − (1 + η²)·g²/(2v)`. VP processes evaluate these through
/// `x = a_t²(λ − 1) = v − 1`, which is exact for `λ = 1` (so the Euler probability-flow step is
/// exactly the identity there) and free of cancellation.
struct ProcessState: Sendable {
    /// Which closed forms apply.
    enum Family: Sendable {
        /// `f = −β/2`, `g² = β`; stores `β(t)` and `β'(t)`.
        case variancePreserving(beta: Double, betaDerivative: Double)
        /// `a ≡ 1`, `σ² = t²`, `g² = 2t`.
        case varianceExploding
    }

    let time: Double
    /// `a_t`.
    let signalScale: Double
    /// `a_t²`.
    let signalScaleSquared: Double
    /// `σ_t²`.
    let noiseVariance: Double
    /// `r_t = σ_t²/a_t²`.
    let noiseToSignal: Double
    /// `f(t)`.
    let drift: Double
    /// `g(t)²`.
    let diffusionSquared: Double
    /// `a''(t)`.
    let signalScaleSecondDerivative: Double
    let family: Family

    /// A VP state from `a²`, `σ²`, `r` and `β`, `β'`.
    static func variancePreserving(
        time: Double, signalScaleSquared: Double, noiseVariance: Double, noiseToSignal: Double,
        beta: Double, betaDerivative: Double
    ) -> ProcessState {
        let scale = signalScaleSquared.squareRoot()
        return ProcessState(
            time: time, signalScale: scale, signalScaleSquared: signalScaleSquared,
            noiseVariance: noiseVariance, noiseToSignal: noiseToSignal, drift: -0.5 * beta,
            diffusionSquared: beta,
            signalScaleSecondDerivative: scale * (0.25 * beta * beta - 0.5 * betaDerivative),
            family: .variancePreserving(beta: beta, betaDerivative: betaDerivative))
    }

    /// `v(λ, t) = a_t²λ + σ_t²`.
    @inline(__always)
    func variance(_ lambda: Double) -> Double {
        switch family {
        case .variancePreserving:
            let excess = signalScaleSquared * (lambda - 1)
            return Self.variancePreservingVariance(
                excess: excess, lambdaTerm: signalScaleSquared * lambda, noise: noiseVariance)
        case .varianceExploding:
            return lambda + noiseVariance
        }
    }

    /// `v = 1 + x` when `|x| < ½` (exact for `λ = 1`), else `a²λ + σ²` (both terms ≥ 0).
    @inline(__always)
    static func variancePreservingVariance(excess: Double, lambdaTerm: Double, noise: Double)
        -> Double
    {
        abs(excess) < 0.5 ? 1 + excess : lambdaTerm + noise
    }

    /// `(v, v'')` for eigenvalue `λ`.
    func varianceAndSecondDerivative(_ lambda: Double) -> (value: Double, second: Double) {
        switch family {
        case .variancePreserving(let beta, let betaDerivative):
            let excess = signalScaleSquared * (lambda - 1)
            let value = Self.variancePreservingVariance(
                excess: excess, lambdaTerm: signalScaleSquared * lambda, noise: noiseVariance)
            return (value, (beta * beta - betaDerivative) * excess)
        case .varianceExploding:
            return (lambda + noiseVariance, 2)
        }
    }

    /// The reverse drift `b = −f − (1 + η²)g²/(2v)` for eigenvalue `λ` with variance `v`.
    func reverseDrift(lambda: Double, variance v: Double, etaSquared: Double) -> Double {
        switch family {
        case .variancePreserving(let beta, _):
            let excess = signalScaleSquared * (lambda - 1)
            return 0.5 * beta * (excess - etaSquared) / v
        case .varianceExploding:
            return -(1 + etaSquared) * time / v
        }
    }
}
