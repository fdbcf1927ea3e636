import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// Central finite differences of a network loss against its analytic gradients.
enum FiniteDifferenceGradient {
    /// Expects `gradients` to match central differences (ε = 1e−6) of `loss(nodes, x0)` in every
    /// entry of every node and of the input: |g_fd − g| ≤ 1e−5·max(|g|, 1e−3·‖g‖_∞) (spec §6.2;
    /// central differences are accurate to ~ε² + 1e−16/ε ≈ 1e−10 here, far inside the bound).
    /// `label` names the case in failure messages.
    static func expectMatch(
        _ gradients: NetworkGradients, nodes: [LayerWeights], input x0: Matrix, label: String,
        loss: ([LayerWeights], Matrix) -> Double
    ) {
        let scale = (gradients.flattenedWeights + gradients.input.storage).map(abs).max() ?? 0
        let epsilon = 1e-6
        func check(_ fd: Double, _ g: Double, _ entry: String) {
            #expect(abs(fd - g) <= 1e-5 * max(abs(g), 1e-3 * scale), "\(label) \(entry)")
        }
        for n in nodes.indices {
            for group in nodes[n].groups.indices {
                for i in nodes[n].groups[group].storage.indices {
                    var plus = nodes
                    var minus = nodes
                    plus[n].groups[group].storage[i] += epsilon
                    minus[n].groups[group].storage[i] -= epsilon
                    let fd = (loss(plus, x0) - loss(minus, x0)) / (2 * epsilon)
                    check(fd, gradients.weights[n].groups[group].storage[i], "θ_\(n) group \(group) [\(i)]")
                }
            }
        }
        for i in x0.storage.indices {
            var plus = x0
            var minus = x0
            plus.storage[i] += epsilon
            minus.storage[i] -= epsilon
            check((loss(nodes, plus) - loss(nodes, minus)) / (2 * epsilon), gradients.input.storage[i], "X_0[\(i)]")
        }
    }
}
