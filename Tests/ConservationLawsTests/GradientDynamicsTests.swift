import Foundation
import Testing
import WorkbenchNumerics
@testable import ConservationLaws

@Suite("gradient dynamics")
struct GradientDynamicsTests {
    /// The analytic gradient against central differences of the loss (h = 1e−6: truncation
    /// O(h²) ≈ 1e−12, rounding O(ε·E/h) ≈ 1e−10, so 1e−7 absolute is safe). ReLU: the random
    /// point has no pre-activation within h of 0, where E is smooth.
    @Test(arguments: [TwoLayerNetwork.Activation.linear, .relu])
    func gradientMatchesFiniteDifferences(_ activation: TwoLayerNetwork.Activation) {
        var random = Xoshiro256StarStar(seed: 3)
        let network = TwoLayerNetwork(
            activation: activation, outputs: 2, inputs: 3, width: 4, bias: activation == .relu, scale: 0.7,
            random: &random)
        let data = RegressionData(outputs: 2, inputs: 3, samples: 6, random: &random)
        let gradient = network.lossAndGradient(data).gradient
        let h = 1e-6
        func loss(_ shift: TwoLayerNetwork) -> Double { network.adding(shift, times: 1).lossAndGradient(data).loss }
        let zero = network.adding(network, times: -1)
        for index in 0..<(2 * 4 + 3 * 4 + (activation == .relu ? 4 : 0)) {
            var direction = zero
            if index < 8 {
                direction.u.storage[index] = 1
            } else if index < 20 {
                direction.v.storage[index - 8] = 1
            } else {
                direction.b[index - 20] = 1
            }
            let difference = (loss(direction.scaled(h)) - loss(direction.scaled(-h))) / (2 * h)
            let analytic =
                index < 8
                ? gradient.u.storage[index] : index < 20 ? gradient.v.storage[index - 8] : gradient.b[index - 20]
            #expect(abs(difference - analytic) < 1e-7, "parameter \(index)")
        }
    }

    /// The law drift of GD halves with η at a fixed horizon, RK4's falls by ≈ 2⁴ per halving,
    /// and the exact per-step identity holds to rounding (invariants of spec §3).
    @Test func driftScalings() {
        var random = Xoshiro256StarStar(seed: 5)
        let network = TwoLayerNetwork(
            activation: .linear, outputs: 2, inputs: 3, width: 3, bias: false, scale: 0.5, random: &random)
        let data = RegressionData(outputs: 2, inputs: 3, samples: 10, random: &random)
        let coarse = DiscreteFlows.gradientDescent(from: network, data: data, stepSize: 0.02, horizon: 5)
        let fine = DiscreteFlows.gradientDescent(from: network, data: data, stepSize: 0.01, horizon: 5)
        #expect(abs(coarse.lawDrift / fine.lawDrift - 2) < 0.2)
        #expect(fine.scaledIdentityError < 1e-13 && fine.boundRatio <= 1)
        let rk4Coarse = DiscreteFlows.rungeKutta(from: network, data: data, step: 0.1, horizon: 5)
        let rk4Fine = DiscreteFlows.rungeKutta(from: network, data: data, step: 0.05, horizon: 5)
        #expect(abs(log2(rk4Coarse.lawDrift / rk4Fine.lawDrift) - 4) < 0.5)
    }
}
