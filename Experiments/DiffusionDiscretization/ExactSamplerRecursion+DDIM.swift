extension ExactSamplerRecursion {
    /// DDIM (`η_DDIM = 0`) from `t` to `t'`: `ξ' = Aξ + B` with
    /// `A = (a_{t'}a_tλ + σ_{t'}σ_t)/v(t)` and `B = ν·σ_t(a_{t'}σ_t − σ_{t'}a_t)/v(t)`.
    func runDDIM(times: [Double], law: inout DiagonalGaussian) {
        let d = lambdas.count
        for k in 0..<(times.count - 1) {
            let now = setting.process.state(at: times[k])
            let next = setting.process.state(at: times[k + 1])
            let sigmaNow = now.noiseVariance.squareRoot()
            let sigmaNext = next.noiseVariance.squareRoot()
            let cross = next.signalScale * sigmaNow - sigmaNext * now.signalScale
            for i in 0..<d {
                let lambda = lambdas[i]
                let v = now.variance(lambda)
                let a = (next.signalScale * now.signalScale * lambda + sigmaNext * sigmaNow) / v
                law.variance[i] = a * a * law.variance[i]
                law.mean[i] = a * law.mean[i] + eigenMean[i] * sigmaNow * cross / v
            }
        }
    }
}
