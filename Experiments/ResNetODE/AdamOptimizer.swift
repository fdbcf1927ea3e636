import Foundation

/// Adam (Kingma & Ba) with bias correction on a list of layer weights:
/// `m ← β1 m + (1 − β1) g`, `v ← β2 v + (1 − β2) g²`,
/// `θ ← θ − lr·m̂/(√v̂ + ε)` with `m̂ = m/(1 − β1^t)`, `v̂ = v/(1 − β2^t)`, entry by entry.
struct AdamOptimizer: Sendable {
    let learningRate: Double
    let beta1 = 0.9
    let beta2 = 0.999
    let epsilon = 1e-8
    private var firstMoment: [[Double]]
    private var secondMoment: [[Double]]
    private var step = 0

    /// An optimizer for parameters shaped like `parameters`.
    init(learningRate: Double, shapedLike parameters: [LayerWeights]) {
        self.learningRate = learningRate
        let sizes = parameters.flatMap { $0.groups.map(\.storage.count) }
        firstMoment = sizes.map { [Double](repeating: 0, count: $0) }
        secondMoment = firstMoment
    }

    /// One update of `parameters` with `gradients` (same shapes).
    mutating func update(_ parameters: inout [LayerWeights], gradients: [LayerWeights]) {
        step += 1
        let correction1 = 1 - pow(beta1, Double(step))
        let correction2 = 1 - pow(beta2, Double(step))
        var slot = 0
        for n in parameters.indices {
            for g in parameters[n].groups.indices {
                let gradient = gradients[n].groups[g].storage
                for i in gradient.indices {
                    let m = beta1 * firstMoment[slot][i] + (1 - beta1) * gradient[i]
                    let v = beta2 * secondMoment[slot][i] + (1 - beta2) * gradient[i] * gradient[i]
                    firstMoment[slot][i] = m
                    secondMoment[slot][i] = v
                    parameters[n].groups[g].storage[i] -=
                        learningRate * (m / correction1) / ((v / correction2).squareRoot() + epsilon)
                }
                slot += 1
            }
        }
    }
}
