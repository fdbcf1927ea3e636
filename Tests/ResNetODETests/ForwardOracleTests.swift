import Foundation
import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// The closed-form oracles of spec §3.1–3.3 for the forward passes and the RK4 references.
struct ForwardOracleTests {
    /// The rotation generator `A = [[0, 1], [−1, 0]]`, `e^A = [[cos 1, sin 1], [−sin 1, cos 1]]`.
    static let rotation = Matrix(rowMajor: [[0, 1], [-1, 0]])
    static let rotationExponential = Matrix(rowMajor: [[cos(1), sin(1)], [-sin(1), cos(1)]])

    /// A linear network with the constant weight `a` at every node, applied to `X_0 = I`, so
    /// the output is the network's matrix.
    static func constantNetwork(_ a: Matrix, depth: Int) -> ResidualNetwork {
        ResidualNetwork(
            residual: ResidualFunction(kind: .linear),
            nodes: Array(repeating: LayerWeights(groups: [a]), count: depth + 1))
    }

    @Test("Euler (I + A/N)^N against e^A for the rotation generator (spec §3.2, to 1e−9 relative)")
    func rotationEuler() {
        let expected: [(Int, Double)] = [(10, 7.2298884682e-2), (100, 7.0885771944e-3)]
        for (depth, gap) in expected {
            let output = Self.constantNetwork(Self.rotation, depth: depth).eulerOutput(.identity(2))
            let measured = (output - Self.rotationExponential).frobeniusNorm
            #expect(abs(measured - gap) <= 1e-9 * gap, "N = \(depth): \(measured)")
        }
        let output = Self.constantNetwork(Self.rotation, depth: 1000).eulerOutput(.identity(2))
        let scaled = 1000 * (output - Self.rotationExponential).frobeniusNorm
        #expect(abs(scaled - 0.707283) <= 1e-3, "N·gap = \(scaled)")
    }

    @Test("Euler matrix equals (1 + 1/N²)^{N/2} R(N atan(1/N)) exactly (spec §3.2)")
    func rotationClosedForm() {
        for depth in [3, 10, 37] {
            let n = Double(depth)
            let radius = pow(1 + 1 / (n * n), n / 2)
            let angle = n * atan(1 / n)
            let expected = Matrix(rowMajor: [
                [radius * cos(angle), radius * sin(angle)], [-radius * sin(angle), radius * cos(angle)],
            ])
            let output = Self.constantNetwork(Self.rotation, depth: depth).eulerOutput(.identity(2))
            // Round-off of N products of 2×2 matrices with entries O(1): N·few ulp.
            #expect((output - expected).maxAbsEntry <= 1e-13)
        }
    }

    @Test("Heun I + hA + h²A²/2 per step: gap 2.356713e−3 (N = 10), 2.357018e−5 (N = 100) for the rotation")
    func rotationHeun() {
        for (depth, gap) in [(10, 2.356713e-3), (100, 2.357018e-5)] {
            let output = Self.constantNetwork(Self.rotation, depth: depth).heunOutput(.identity(2))
            let measured = (output - Self.rotationExponential).frobeniusNorm
            // The spec prints 7 digits.
            #expect(abs(measured - gap) <= 1e-6 * gap, "N = \(depth): \(measured)")
        }
    }

    /// Scalar weights `a_n = cos(πn/N)`, `n = 0…N`, starting from `x_0 = 1`.
    static func cosineNetwork(depth: Int) -> ResidualNetwork {
        let nodes = (0...depth).map {
            LayerWeights(groups: [Matrix(rowMajor: [[cos(Double.pi * Double($0) / Double(depth))]])])
        }
        return ResidualNetwork(residual: ResidualFunction(kind: .linear), nodes: nodes)
    }

    @Test("Scalar cos weights: N·(x_N − 1) = 0.7502815601 ± 1e−8 at N = 1000 and 0.781440 at N = 10 (spec §3.3)")
    func scalarCosine() {
        let x1000 = Self.cosineNetwork(depth: 1000).eulerOutput(Matrix(rowMajor: [[1]]))[0, 0]
        #expect(abs(1000 * (x1000 - 1) - 0.7502815601) <= 1e-8)
        let x10 = Self.cosineNetwork(depth: 10).eulerOutput(Matrix(rowMajor: [[1]]))[0, 0]
        #expect(abs(10 * (x10 - 1) - 0.781440) <= 1e-6)
        // Heun regression value (spec: N²·(x_N − 1) = −0.0568 at N = 10, 3 digits printed).
        let heun = Self.cosineNetwork(depth: 10).heunOutput(Matrix(rowMajor: [[1]]))[0, 0]
        #expect(abs(100 * (heun - 1) + 0.0568) <= 1e-4)
    }

    @Test("RK4 on constant weights reproduces e^A to 1e−11; the limit solver agrees with the PL solver")
    func rungeKuttaReferences() {
        let nodes = Array(repeating: LayerWeights(groups: [Self.rotation]), count: 9)
        let pl = ODEReference.piecewiseAffine(
            ResidualFunction(kind: .linear), nodes: nodes, substeps: 16, from: .identity(2))
        // RK4 error ≈ (1/128)⁴/120·‖A⁵‖ ≈ 3e−11 at most; measured far below.
        #expect((pl - Self.rotationExponential).maxAbsEntry <= 1e-10)
        let path = SmoothWeightPath(coefficients: [LayerWeights(groups: [Self.rotation])])
        let limit = ODEReference.limit(ResidualFunction(kind: .linear), path: path, steps: 128, from: .identity(2))
        #expect((limit - pl).maxAbsEntry <= 1e-10)
    }

    @Test("Heun reference convention runs N − 1 steps: its output is the nodes-convention output of depth N − 1 steps")
    func heunReferenceConvention() {
        let network = Self.cosineNetwork(depth: 8)
        var x = Matrix(rowMajor: [[1]])
        for n in 0..<7 { network.heunStep(&x, n) }
        #expect(network.heunOutput(Matrix(rowMajor: [[1]]), convention: .reference) == x)
    }
}
