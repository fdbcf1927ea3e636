import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// The arena's counts against the closed forms, and that counting changes no result.
struct ActivationArenaTests {
    @Test(
        "backprop keeps (N + 2)·d·B·8 bytes at its peak, the adjoint 2·d·B·8; both end at 0",
        arguments: IntegrationMethod.allCases)
    func closedForms(_ method: IntegrationMethod) {
        for depth in [1, 5, 17] {
            let (network, x0, target) = GradientTests.network(.mlp, depth: depth, seed: 11)
            var backprop = ActivationArena()
            let counted = network.backpropagation(x0, target: target, method, arena: &backprop)
            #expect(backprop.peak == (depth + 2) * 3 * 2 * 8)
            #expect(backprop.current == 0)
            let plain = network.backpropagation(x0, target: target, method)
            #expect(counted.flattenedWeights == plain.flattenedWeights)
            var adjoint = ActivationArena()
            _ = network.adjoint(output: network.output(x0, method), target: target, method, arena: &adjoint)
            #expect(adjoint.peak == 2 * 3 * 2 * 8)
            #expect(adjoint.current == 0)
        }
    }
}

/// Adam against a hand-computed first step.
struct AdamOptimizerTests {
    @Test("the first Adam step moves every entry by lr·sign(g) (bias-corrected m̂/√v̂ = g/|g|)")
    func firstStep() {
        var parameters = [LayerWeights(groups: [Matrix(rowMajor: [[1, -2], [0.5, 3]])])]
        let gradients = [LayerWeights(groups: [Matrix(rowMajor: [[0.3, -4], [1e-3, 0]])])]
        var adam = AdamOptimizer(learningRate: 0.01, shapedLike: parameters)
        adam.update(&parameters, gradients: gradients)
        let moved = parameters[0].groups[0]
        // m̂/(√v̂ + ε) = g/(|g| + 1e−8): within 1e−8/|g| of ±1 (and 0 for g = 0).
        #expect(abs(moved[0, 0] - (1 - 0.01)) <= 1e-9)
        #expect(abs(moved[0, 1] - (-2 + 0.01)) <= 1e-9)
        #expect(abs(moved[1, 0] - (0.5 - 0.01)) <= 1e-7)
        #expect(moved[1, 1] == 3)
    }
}
