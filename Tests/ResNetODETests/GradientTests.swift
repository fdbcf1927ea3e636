import Foundation
import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// Backpropagation against finite differences (spec §3.7), the adjoint's exact cases (§3.8) and
/// the reverse-step reconstruction oracles (§3.1–3.2).
struct GradientTests {
    static func network(_ kind: ResidualKind, depth: Int, seed: UInt64) -> (ResidualNetwork, Matrix, Matrix) {
        var generator = RandomStream.generator(seed: seed, "gradient-test", .label(kind.rawValue))
        let nodes = (0...depth).map { _ in
            LayerWeights(
                groups: kind.groupShapes(dimension: 3, hidden: 4).map {
                    Matrix.gaussian(rows: $0.rows, columns: $0.columns, standardDeviation: 0.8, using: &generator)
                })
        }
        let x0 = Matrix.gaussian(rows: 3, columns: 2, using: &generator)
        let target = Matrix.gaussian(rows: 3, columns: 2, using: &generator)
        return (ResidualNetwork(residual: ResidualFunction(kind: kind), nodes: nodes), x0, target)
    }

    static func loss(_ network: ResidualNetwork, _ x0: Matrix, _ target: Matrix, _ method: IntegrationMethod) -> Double
    {
        ResidualNetwork.loss(network.output(x0, method), target: target).value
    }

    @Test(
        "backprop gradients equal central finite differences (ε = 1e−6; spec §6.2 tolerance)",
        arguments: [ResidualKind.linear, .tanh, .mlp], IntegrationMethod.allCases)
    func backpropMatchesFiniteDifferences(_ kind: ResidualKind, _ method: IntegrationMethod) {
        let (network, x0, target) = Self.network(kind, depth: 3, seed: 7)
        let gradients = network.backpropagation(x0, target: target, method)
        FiniteDifferenceGradient.expectMatch(
            gradients, nodes: network.nodes, input: x0, label: "\(kind) \(method)"
        ) { nodes, x in
            Self.loss(ResidualNetwork(residual: network.residual, nodes: nodes), x, target, method)
        }
    }

    @Test(
        "with f ≡ 0 (W2 = 0) the adjoint reconstructs exactly and equals backprop to 1e−12",
        arguments: IntegrationMethod.allCases)
    func adjointExactWhenResidualVanishes(_ method: IntegrationMethod) {
        let (network, x0, target) = Self.network(.mlp, depth: 5, seed: 3)
        let nodes = network.nodes.map { LayerWeights(groups: [$0.groups[0], 0 * $0.groups[1]]) }
        let zeroed = ResidualNetwork(residual: network.residual, nodes: nodes)
        let backprop = zeroed.backpropagation(x0, target: target, method)
        let (adjoint, reconstructed) = zeroed.adjoint(output: zeroed.output(x0, method), target: target, method)
        #expect(reconstructed == x0)
        #expect(adjoint.weightError(against: backprop).relative <= 1e-12)
        #expect(adjoint.inputError(against: backprop) <= 1e-12)
    }

    @Test("reverse steps on the rotation generator: Euler (1 + 1/N²)^N − 1, Heun (1 + 1/(4N⁴))^N − 1 (spec §3.2)")
    func reconstructionOracles() {
        let a = ForwardOracleTests.rotation
        for (depth, euler, heun) in [(10, 1.046221e-1, 2.500281e-4), (100, 1.004966e-2, 2.500000e-7)] {
            let network = ForwardOracleTests.constantNetwork(a, depth: depth)
            let x0 = Matrix.identity(2)
            for (method, expected) in [(IntegrationMethod.euler, euler), (.heun, heun)] {
                let (_, reconstructed) = network.adjoint(
                    output: network.output(x0, method), target: x0, method)
                // For a rotation generator A² = −I: X̃_0 = (1 + 1/N²)^N I (Euler) and
                // (1 + 1/(4N⁴))^N I (Heun); the spec prints 7 digits.
                let relative = (reconstructed - x0).frobeniusNorm / x0.frobeniusNorm
                #expect(abs(relative - expected) <= 1e-6 * expected, "\(method) N = \(depth): \(relative)")
                let exact =
                    method == .euler
                    ? pow(1 + 1 / Double(depth * depth), Double(depth)) - 1
                    : pow(1 + 1 / (4 * pow(Double(depth), 4)), Double(depth)) - 1
                // The exact identity, to 1e−9 relative (round-off of N steps on O(1) states:
                // ~N·1e−16 absolute against values ≥ 2.5e−7).
                #expect(abs(relative - exact) <= 1e-9 * exact + 1e-13)
            }
        }
    }
}
