import Foundation
import WorkbenchNumerics

/// RK4 on the heavy-ball flow `θ̈ + τθ̇ = −∇E(θ)` of a linear 2-layer net, written as
/// `θ̇ = w`, `ẇ = −τw − ∇E(θ)`, tracking the angular-momentum law
/// `e^{τt}(UᵀU̇ − U̇ᵀU + VᵀV̇ − V̇ᵀV)` (conserved: its derivative is
/// `e^{τt}(Uᵀ∇_U E − ∇_U EᵀU + Vᵀ∇_V E − ∇_V EᵀV) = 0` since `∇_U E = R'V`, `∇_V E = R'ᵀU`) and the
/// gradient-flow law `UᵀU − VᵀV` (not conserved by the momentum flow).
enum MomentumFlow {
    struct Drift: Sendable {
        /// `max_t max|L(t) − L(0)| ÷ max|L(0)|`.
        var relativeAngularDrift = 0.0
        /// `max_t max|H(t) − H(0)|`, `H = UᵀU − VᵀV`.
        var balanceDrift = 0.0
    }

    static func run(
        from start: TwoLayerNetwork, velocity: TwoLayerNetwork, data: RegressionData, tau: Double, step h: Double,
        horizon: Double
    ) -> Drift {
        var theta = start
        var w = velocity
        let initialLaw = angularMomentum(theta, w, time: 0, tau: tau)
        let initialBalance = theta.balance
        let scale = initialLaw.maxAbsEntry
        var drift = Drift()
        let steps = Int((horizon / h).rounded())
        func acceleration(_ point: TwoLayerNetwork, _ speed: TwoLayerNetwork) -> TwoLayerNetwork {
            speed.scaled(-tau).adding(point.lossAndGradient(data).gradient, times: -1)
        }
        for step in 1...max(1, steps) {
            let k1 = (w, acceleration(theta, w))
            let t2 = (theta.adding(k1.0, times: h / 2), w.adding(k1.1, times: h / 2))
            let k2 = (t2.1, acceleration(t2.0, t2.1))
            let t3 = (theta.adding(k2.0, times: h / 2), w.adding(k2.1, times: h / 2))
            let k3 = (t3.1, acceleration(t3.0, t3.1))
            let t4 = (theta.adding(k3.0, times: h), w.adding(k3.1, times: h))
            let k4 = (t4.1, acceleration(t4.0, t4.1))
            theta = theta.adding(k1.0, times: h / 6).adding(k2.0, times: h / 3).adding(k3.0, times: h / 3)
                .adding(k4.0, times: h / 6)
            w = w.adding(k1.1, times: h / 6).adding(k2.1, times: h / 3).adding(k3.1, times: h / 3)
                .adding(k4.1, times: h / 6)
            let law = angularMomentum(theta, w, time: Double(step) * h, tau: tau)
            drift.relativeAngularDrift = max(drift.relativeAngularDrift, (law - initialLaw).maxAbsEntry / scale)
            drift.balanceDrift = max(drift.balanceDrift, (theta.balance - initialBalance).maxAbsEntry)
        }
        return drift
    }

    /// `e^{τt}(UᵀU̇ − U̇ᵀU + VᵀV̇ − V̇ᵀV)`.
    static func angularMomentum(_ theta: TwoLayerNetwork, _ w: TwoLayerNetwork, time: Double, tau: Double) -> Matrix {
        var m = Matrix.product(theta.u, w.u, transposeA: .transpose)
        m.addProduct(theta.v, w.v, transposeA: .transpose)
        return exp(tau * time) * (m - m.transposed)
    }
}
