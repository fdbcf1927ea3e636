extension ExactSamplerRecursion {
    /// Heun on the probability-flow ODE `dξ/ds = b(t)ξ + q(t)`, `q = (g²/2)a_tν/v`:
    /// predictor `ξ̃ = ξ + h(b_kξ + q_k)`, corrector `ξ' = ξ + (h/2)[(b_kξ + q_k) + (b_{k+1}ξ̃ + q_{k+1})]`,
    /// so `A = 1 + (h/2)(b_k + b_{k+1}(1 + h·b_k))`.
    func runHeun(times: [Double], law: inout DiagonalGaussian) {
        let d = lambdas.count
        for k in 0..<(times.count - 1) {
            let h = times[k] - times[k + 1]
            let now = setting.process.state(at: times[k])
            let next = setting.process.state(at: times[k + 1])
            for i in 0..<d {
                let lambda = lambdas[i]
                let vNow = now.variance(lambda)
                let vNext = next.variance(lambda)
                let bNow = now.reverseDrift(lambda: lambda, variance: vNow, etaSquared: 0)
                let bNext = next.reverseDrift(lambda: lambda, variance: vNext, etaSquared: 0)
                let a = 1 + 0.5 * h * (bNow + bNext * (1 + h * bNow))
                law.variance[i] = a * a * law.variance[i]
                let qNow = 0.5 * now.diffusionSquared * now.signalScale * eigenMean[i] / vNow
                let qNext = 0.5 * next.diffusionSquared * next.signalScale * eigenMean[i] / vNext
                law.mean[i] = a * law.mean[i] + 0.5 * h * (qNow + bNext * h * qNow + qNext)
            }
        }
    }
}
