import Foundation
import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// The linear ResNet's gradient, the SPD oracle of spec §3.4 and the Figure-2 values.
struct LinearResidualNetworkTests {
    static func randomNetwork(dimension d: Int, depth: Int, seed: UInt64) -> LinearResidualNetwork {
        var generator = RandomStream.generator(seed: seed, "linear-test")
        let weights = (0..<depth).map { _ in Matrix.gaussian(rows: d, columns: d, using: &generator) }
        let target =
            Matrix.identity(d) + Matrix.gaussian(rows: d, columns: d, standardDeviation: 0.5, using: &generator)
        return LinearResidualNetwork(weights: weights, target: target)
    }

    @Test("∂ℓ/∂A_n = (1/N) L_nᵀ G R_nᵀ equals central finite differences (ε = 1e−6) on every entry")
    func gradientMatchesFiniteDifferences() {
        let network = Self.randomNetwork(dimension: 3, depth: 7, seed: 2)
        let (gradients, loss) = network.gradient()
        #expect(loss == network.loss)
        let epsilon = 1e-6
        let scale = gradients.map(\.maxAbsEntry).max() ?? 0
        for n in 0..<network.depth {
            for i in 0..<9 {
                var plus = network
                var minus = network
                plus.weights[n].storage[i] += epsilon
                minus.weights[n].storage[i] -= epsilon
                let fd = (plus.loss - minus.loss) / (2 * epsilon)
                // Spec §6.2: |g_fd − g| ≤ 1e−5·max(|g|, 1e−3·‖g‖_∞).
                let g = gradients[n].storage[i]
                #expect(abs(fd - g) <= 1e-5 * max(abs(g), 1e-3 * scale), "A_\(n)[\(i)]")
            }
        }
    }

    @Test("SPD target: from A = 0 every layer stays equal and converges to N(B^{1/N} − I) (spec §3.4)")
    func symmetricPositiveTarget() throws {
        var generator = RandomStream.generator(seed: 1, "spd")
        let q = try Matrix.randomOrthogonal(3, using: &generator)
        let eigenvalues = [0.6, 1.0, 1.8]
        let target = q * Matrix.diagonal(eigenvalues) * q.transposed
        let depth = 10
        var network = LinearResidualNetwork(
            weights: Array(repeating: Matrix(rows: 3, columns: 3), count: depth), target: target)
        for _ in 0..<400 { network.descend(learningRate: Double(depth)) }
        let root =
            q * Matrix.diagonal(eigenvalues.map { Double(depth) * (pow($0, 1 / Double(depth)) - 1) }) * q.transposed
        for a in network.weights {
            // The spec measured ≤ 1.2e−13 after convergence; 1e−10 leaves room for the basis.
            #expect((a - network.weights[0]).maxAbsEntry <= 1e-10)
            #expect((a - root).maxAbsEntry <= 1e-10)
        }
        #expect(network.smoothness <= 1e-10)
        // N·‖A* − log B‖_F = 0.217934 at N = 10 (a function of the eigenvalues only).
        let logarithm = q * Matrix.diagonal(eigenvalues.map { log($0) }) * q.transposed
        #expect(abs(Double(depth) * (root - logarithm).frobeniusNorm - 0.217934) <= 1e-6)
    }

    @Test("the product integral of constant weights is e^A (row convention), to 1e−12")
    func productIntegral() {
        let a = Matrix(rowMajor: [[0, 1], [-1, 0]])
        let network = LinearResidualNetwork(weights: Array(repeating: a, count: 4), target: .identity(2))
        let expected = Matrix(rowMajor: [[cos(1), sin(1)], [-sin(1), cos(1)]])
        // RK4 with 64 steps: error ≈ h⁴/120 ≈ 5e−10·… — measured ≈ 1e−11 here; 1e−9 is safe.
        #expect((network.productIntegral(substeps: 16) - expected).maxAbsEntry <= 1e-9)
    }

    @Test("Figure 2: loss 1.376192 at step 0, 0.61011 at step 1, 1.00295e−5 at step 32, 1.889e−8 at step 100")
    func figureTwo() throws {
        let run = try TestRuns.run([
            TestRuns.parts.set(["linear"]), Declared.linDepths.set([8, 16]), Declared.linRefDepth.set(64),
        ])
        let loss = { (k: Double) in run.results.value("lin.loss", at: k) ?? .nan }
        // The spec prints these to 4–7 digits (torch float32 = NumPy float64 to 4 digits).
        #expect(abs(loss(0) - 1.376192) <= 1e-6)
        #expect(abs(loss(1) - 0.61011) <= 1e-5)
        #expect(abs(loss(32) - 1.00295e-5) <= 1e-10)
        #expect(abs(loss(100) - 1.889e-8) <= 1e-11)
        #expect(run.results.scalar("lin.first_step_below_1e-5") == 33)
        #expect(abs((run.results.value("lin.smoothness", at: 100) ?? .nan) - 4.549) <= 1e-3)
        let csv = try #require(run.results.artifact("lin_weights.csv"))
        #expect(csv.content.split(separator: "\n").count == 1 + 6 * 100 * 4)
    }
}
