import Testing
import WorkbenchNumerics

@testable import DiffusionDiscretization

/// Heun and DDIM recursions (spec §3.6).
@Suite("Heun and DDIM")
struct SamplerExtensionTests {
    let twoScale = [1.0, 0.01]

    func w2(_ sampler: ReverseSampler, _ steps: Int, setting: DiffusionSetting = TestSettings.vpLinear) -> Double {
        let recursion = ExactSamplerRecursion(setting: setting, lambdas: twoScale)
        return recursion.outputLaw(sampler, grid: .uniform, stepCount: steps)
            .squaredWassersteinDistance(to: recursion.target).squareRoot()
    }

    /// Spec §3.6 prints K²·W2 = 7.29, 9.49, 10.17, 10.67, 11.01, 11.18 (3–4 digits → 1e-3 relative).
    @Test("Heun: K²·W2 of the two-scale example")
    func heunValues() {
        let expected = [7.29, 9.49, 10.17, 10.67, 11.01, 11.18]
        for (j, value) in expected.enumerated() {
            let k = 10 << j
            #expect(TestSettings.relativeError(Double(k * k) * w2(.heun, k), value) < 1e-3)
        }
    }

    @Test("Heun is second order and DDIM first order on K ∈ [80, 320] (±0.05)")
    func orders() throws {
        let ks = [80.0, 160, 320]
        let heun = try #require(LinearFit.powerLaw(x: ks, y: ks.map { w2(.heun, Int($0)) }))
        let ddim = try #require(LinearFit.powerLaw(x: ks, y: ks.map { w2(.ddim, Int($0)) }))
        let euler = try #require(LinearFit.powerLaw(x: ks, y: ks.map { w2(.eulerMaruyama(eta: 0), Int($0)) }))
        #expect(abs(heun.slope + 2) < 0.05)
        #expect(abs(ddim.slope + 1) < 0.05)
        #expect(abs(euler.slope + 1) < 0.05)
        // Spec: DDIM's K·W2 tends to about 2.19 (two digits of the spec's "≈").
        #expect(abs(5120 * w2(.ddim, 5120) - 2.19) < 0.01)
    }

    @Test("DDIM is exact for λ = 0 and shrinks the variance otherwise")
    func ddimExactness() {
        for setting in [TestSettings.vpLinear, TestSettings.vpCosine, TestSettings.veEDM] {
            let recursion = ExactSamplerRecursion(setting: setting, lambdas: [0, 0.3])
            let target = recursion.target
            for steps in [1, 7, 100] {
                let law = recursion.outputLaw(.ddim, grid: .uniform, stepCount: steps)
                // Relative 1e-12: a product of K rounded factors.
                #expect(TestSettings.relativeError(law.variance[0], target.variance[0]) < 1e-12)
                #expect(law.variance[1] <= target.variance[1])
            }
        }
    }

    /// One DDIM step: `v(t') − A²v(t) = λ(a_{t'}σ_t − σ_{t'}a_t)²/v(t)` (checked to 1e-15 in the spec).
    @Test("DDIM one-step variance deficit identity")
    func ddimDeficit() {
        let setting = DiffusionSetting(process: TestSettings.vpLinear.process, horizon: 0.6, truncation: 0.2)
        let lambda = 0.37
        let law = ExactSamplerRecursion(setting: setting, lambdas: [lambda]).outputLaw(
            .ddim, grid: .uniform, stepCount: 1)
        let now = setting.process.state(at: 0.6)
        let next = setting.process.state(at: 0.2)
        let cross =
            next.signalScale * now.noiseVariance.squareRoot() - next.noiseVariance.squareRoot() * now.signalScale
        let deficit = lambda * cross * cross / now.variance(lambda)
        #expect(abs(next.variance(lambda) - law.variance[0] - deficit) < 1e-15)
    }

    @Test("The mean is propagated exactly by DDIM for λ = 0 and converges for Heun")
    func meanPropagation() {
        let recursion = ExactSamplerRecursion(
            setting: TestSettings.vpLinear, lambdas: [0, 0.5], eigenMean: [0.7, -1.2])
        let target = recursion.target
        let ddim = recursion.outputLaw(.ddim, grid: .uniform, stepCount: 3)
        #expect(abs(ddim.mean[0] - target.mean[0]) < 1e-12)
        let coarse = recursion.outputLaw(.heun, grid: .uniform, stepCount: 200)
        let fine = recursion.outputLaw(.heun, grid: .uniform, stepCount: 400)
        let ratio = abs(coarse.mean[1] - target.mean[1]) / abs(fine.mean[1] - target.mean[1])
        #expect(abs(ratio - 4) < 0.2)
    }
}
