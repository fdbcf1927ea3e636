/// Gradient descent `θ_{k+1} = θ_k − η∇E(θ_k)` and RK4 on the flow `θ̇ = −∇E(θ)`, tracking the
/// laws of ``TwoLayerNetwork`` along the way.
///
/// For a quadratic law `h(θ) = θᵀQθ` with `⟨∇h, ∇E⟩ ≡ 0`, one GD step changes `h` by exactly
/// `η²GᵀQG`; here `Δ(UᵀU − VᵀV − bbᵀ) = η²(G_UᵀG_U − G_VᵀG_V − g_bg_bᵀ)` on the law entries, so
/// `|h(θ_K) − h(θ_0)| ≤ η²Σ_k‖G_k‖²` and the drift at a fixed horizon `T = Kη` is `O(η)`.
enum DiscreteFlows {
    /// `round(horizon/η)` GD steps from `start`.
    static func gradientDescent(
        from start: TwoLayerNetwork, data: RegressionData, stepSize eta: Double, horizon: Double
    ) -> DriftMeasurement {
        var tracker = DriftTracker(start)
        var theta = start
        let steps = Int((horizon / eta).rounded())
        let checkpointSteps = Set(
            DriftMeasurement.checkpointFractions.map { max(1, Int(($0 * Double(steps)).rounded())) })
        for step in stride(from: 1, through: steps, by: 1) {
            let (_, gradient) = theta.lossAndGradient(data)
            let before = theta.balance
            theta = theta.adding(gradient, times: -eta)
            let after = theta.balance
            let predicted = gradient.balance
            for i in 0..<theta.width {
                for j in 0..<theta.width where theta.isLawEntry(i, j) {
                    let error = abs(after[i, j] - before[i, j] - eta * eta * predicted[i, j])
                    tracker.measurement.identityError = max(tracker.measurement.identityError, error)
                }
            }
            tracker.measurement.driftBound += eta * eta * gradient.squaredNorm
            tracker.observe(theta, balance: after)
            if checkpointSteps.contains(step) {
                tracker.measurement.checkpoints.append(
                    (Double(step) * eta, tracker.measurement.lawDrift, tracker.measurement.nonlawDrift))
            }
        }
        tracker.measurement.steps = steps
        tracker.measurement.finalLoss = theta.lossAndGradient(data).loss
        return tracker.measurement
    }

    /// Classical RK4 with step `h` on `θ̇ = −∇E(θ)` up to `horizon`.
    static func rungeKutta(
        from start: TwoLayerNetwork, data: RegressionData, step h: Double, horizon: Double
    ) -> DriftMeasurement {
        var tracker = DriftTracker(start)
        var theta = start
        let steps = Int((horizon / h).rounded())
        func velocity(_ point: TwoLayerNetwork) -> TwoLayerNetwork { point.lossAndGradient(data).gradient }
        for _ in 0..<steps {
            let k1 = velocity(theta)
            let k2 = velocity(theta.adding(k1, times: -h / 2))
            let k3 = velocity(theta.adding(k2, times: -h / 2))
            let k4 = velocity(theta.adding(k3, times: -h))
            theta = theta.adding(k1, times: -h / 6).adding(k2, times: -h / 3).adding(k3, times: -h / 3)
                .adding(k4, times: -h / 6)
            tracker.observe(theta, balance: theta.balance)
        }
        tracker.measurement.steps = steps
        tracker.measurement.finalLoss = theta.lossAndGradient(data).loss
        return tracker.measurement
    }
}
