import Foundation
import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// The Runge–Kutta layers of the `reversible` part: the tableaus against their stability
/// polynomials, the reverse passes against matrix oracles, backprop against finite differences,
/// and the Euler and Heun instances against ``ResidualNetwork``.
struct RungeKuttaNetworkTests {
    /// A depth-`depth` network on d = 3, m = 4, B = 2 with i.i.d. N(0, 0.8²) nodes.
    static func network(_ kind: ResidualKind, _ scheme: RungeKuttaScheme, depth: Int, seed: UInt64)
        -> (RungeKuttaNetwork, Matrix, Matrix)
    {
        let (base, x0, target) = GradientTests.network(kind, depth: depth, seed: seed)
        return (RungeKuttaNetwork(residual: base.residual, nodes: base.nodes, scheme: scheme), x0, target)
    }

    /// `Σ_{k≤p} M^k/k!` for `M = step·A`.
    static func taylor(_ a: Matrix, step: Double, order: Int) -> Matrix {
        var result = Matrix.identity(a.rows)
        var term = Matrix.identity(a.rows)
        for k in 1...order {
            term = (step / Double(k)) * Matrix.product(term, a)
            result = result + term
        }
        return result
    }

    /// A constant linear network `f = A x` of depth `depth`.
    static func constantLinear(_ scheme: RungeKuttaScheme, depth: Int) -> (RungeKuttaNetwork, Matrix, Matrix) {
        var generator = RandomStream.generator(seed: 5, "rk-linear")
        let a = Matrix.gaussian(rows: 3, columns: 3, using: &generator)
        let x0 = Matrix.gaussian(rows: 3, columns: 2, using: &generator)
        let nodes = Array(repeating: LayerWeights(groups: [a]), count: depth + 1)
        return (RungeKuttaNetwork(residual: ResidualFunction(kind: .linear), nodes: nodes, scheme: scheme), a, x0)
    }

    static func relativeError(_ a: Matrix, _ b: Matrix) -> Double { (a - b).frobeniusNorm / b.frobeniusNorm }

    @Test(
        "with constant linear weights a layer is the stability polynomial Σ_{k≤p} (hA)^k/k! (s = p ≤ 4)",
        arguments: RungeKuttaScheme.allCases)
    func stabilityPolynomial(_ scheme: RungeKuttaScheme) {
        let (network, a, x0) = Self.constantLinear(scheme, depth: 7)
        let layer = Self.taylor(a, step: network.stepSize, order: scheme.order)
        var expected = x0
        for _ in 0..<7 { expected = Matrix.product(layer, expected) }
        // Both sides are a few dozen flops per entry apart in rounding order.
        #expect(Self.relativeError(network.output(x0), expected) <= 1e-13)
    }

    @Test(
        "with constant linear weights the reverse pass gives (P(−hA)P(hA))^N X_0 exactly",
        arguments: RungeKuttaScheme.allCases)
    func reverseOracle(_ scheme: RungeKuttaScheme) {
        let depth = 6
        let (network, a, x0) = Self.constantLinear(scheme, depth: depth)
        let roundTrip = Matrix.product(
            Self.taylor(a, step: -network.stepSize, order: scheme.order),
            Self.taylor(a, step: network.stepSize, order: scheme.order))
        var expected = x0
        for _ in 0..<depth { expected = Matrix.product(roundTrip, expected) }
        var reconstructed = network.output(x0)
        for n in stride(from: depth - 1, through: 0, by: -1) { network.reverseStep(&reconstructed, n) }
        #expect(Self.relativeError(reconstructed, expected) <= 1e-13)
        // And the reconstruction is not the identity: the oracle is informative.
        #expect(Self.relativeError(reconstructed, x0) > 1e-8)
    }

    @Test(
        "Euler and Heun reproduce ResidualNetwork's methods: outputs, backprop and adjoint",
        arguments: [(RungeKuttaScheme.euler, IntegrationMethod.euler), (.heun, .heun)])
    func matchesResidualNetwork(_ scheme: RungeKuttaScheme, _ method: IntegrationMethod) {
        let (reference, x0, target) = GradientTests.network(.mlp, depth: 6, seed: 11)
        let network = RungeKuttaNetwork(residual: reference.residual, nodes: reference.nodes, scheme: scheme)
        #expect(Self.relativeError(network.output(x0), reference.output(x0, method)) <= 1e-14)
        var arena = ActivationArena()
        let backprop = network.backpropagation(x0, target: target, arena: &arena)
        #expect(backprop.weightError(against: reference.backpropagation(x0, target: target, method)).relative <= 1e-13)
        let expected = reference.adjoint(output: reference.output(x0, method), target: target, method)
        let (adjoint, reconstructed) = network.adjoint(output: network.output(x0), target: target, arena: &arena)
        #expect(adjoint.weightError(against: expected.gradients).relative <= 1e-13)
        #expect(Self.relativeError(reconstructed, expected.reconstructedInput) <= 1e-14)
    }

    @Test(
        "backprop gradients equal central finite differences (ε = 1e−6; spec §6.2 tolerance)",
        arguments: [RungeKuttaScheme.midpoint, .rk3, .rk4], [ResidualKind.tanh, .mlp])
    func backpropMatchesFiniteDifferences(_ scheme: RungeKuttaScheme, _ kind: ResidualKind) {
        let (network, x0, target) = Self.network(kind, scheme, depth: 3, seed: 7)
        var arena = ActivationArena()
        let gradients = network.backpropagation(x0, target: target, arena: &arena)
        FiniteDifferenceGradient.expectMatch(
            gradients, nodes: network.nodes, input: x0, label: "\(scheme) \(kind)"
        ) { nodes, x in
            let perturbed = RungeKuttaNetwork(residual: network.residual, nodes: nodes, scheme: scheme)
            return ResidualNetwork.loss(perturbed.output(x), target: target).value
        }
    }

    @Test(
        "the adjoint's backward steps at the true states reproduce backprop to 1e−12 (bookkeeping)",
        arguments: RungeKuttaScheme.allCases)
    func adjointAtTrueStates(_ scheme: RungeKuttaScheme) {
        let (network, x0, target) = Self.network(.mlp, scheme, depth: 5, seed: 13)
        var states = [x0]
        var x = x0
        for n in 0..<network.depth {
            network.step(&x, n)
            states.append(x)
        }
        var arena = ActivationArena()
        let backprop = network.backpropagation(x0, target: target, arena: &arena)
        let (adjoint, _) = network.adjoint(output: x, target: target, arena: &arena, trueStates: states)
        #expect(adjoint.weightError(against: backprop).relative <= 1e-12)
        #expect(adjoint.inputError(against: backprop) <= 1e-12)
    }

    @Test("backprop keeps (N + 2)·d·B·8 bytes across layers, the adjoint 2·d·B·8 whatever N")
    func memory() {
        for depth in [2, 9] {
            let (network, x0, target) = Self.network(.mlp, .rk4, depth: depth, seed: 1)
            var backpropArena = ActivationArena()
            _ = network.backpropagation(x0, target: target, arena: &backpropArena)
            var adjointArena = ActivationArena()
            _ = network.adjoint(output: network.output(x0), target: target, arena: &adjointArena)
            #expect(backpropArena.peak == (depth + 2) * 3 * 2 * 8)
            #expect(adjointArena.peak == 2 * 3 * 2 * 8)
        }
    }
}
