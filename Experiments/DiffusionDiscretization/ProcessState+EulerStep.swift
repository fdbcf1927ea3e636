extension ProcessState {
    /// Fills, for every eigenvalue, `v_i = v(λ_i, t)` and the Euler–Maruyama factor
    /// `A_i = 1 + h·b_i` with `b_i = −f − (1 + η²)g²/(2v_i)`, for the step from `t` (this state)
    /// to `t' = nextTime`, `h = t − t'`.
    ///
    /// VE evaluates `A = (λ + t·t' − η²ht)/v`, algebraically identical but free of the
    /// cancellation `1 − h/t` when `h ≈ t` (the factor is then `t'/t` to rounding for
    /// `λ = 0`, `η = 0`).
    ///
    /// - Parameters:
    ///   - lambdas: eigenvalues `λ_i ≥ 0`, length `d`.
    ///   - etaSquared: `η²`.
    ///   - nextTime: `t' = t_{k+1} < t`.
    ///   - variance: output `v_i`, length `d`.
    ///   - factor: output `A_i`, length `d`.
    func fillEulerStep(
        lambdas: UnsafeBufferPointer<Double>, etaSquared: Double, nextTime: Double,
        variance: UnsafeMutableBufferPointer<Double>, factor: UnsafeMutableBufferPointer<Double>
    ) {
        let h = time - nextTime
        switch family {
        case .variancePreserving(let beta, _):
            let a2 = signalScaleSquared
            let s2 = noiseVariance
            let halfBetaStep = 0.5 * beta * h
            for i in 0..<lambdas.count {
                let lambda = lambdas[i]
                let excess = a2 * (lambda - 1)
                let v = Self.variancePreservingVariance(
                    excess: excess, lambdaTerm: a2 * lambda, noise: s2)
                variance[i] = v
                factor[i] = 1 + halfBetaStep * (excess - etaSquared) / v
            }
        case .varianceExploding:
            let t = time
            let numeratorShift = t * nextTime - etaSquared * h * t
            for i in 0..<lambdas.count {
                let v = lambdas[i] + noiseVariance
                variance[i] = v
                factor[i] = (lambdas[i] + numeratorShift) / v
            }
        }
    }
}
