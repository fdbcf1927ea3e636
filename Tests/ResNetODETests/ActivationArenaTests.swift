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
