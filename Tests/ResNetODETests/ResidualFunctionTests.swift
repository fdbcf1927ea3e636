import Foundation
import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// The residual functions' VJPs against central finite differences, and the vectorised tanh.
struct ResidualFunctionTests {
    static let dimension = 5
    static let hidden = 7
    static let batch = 3

    static func sample(_ kind: ResidualKind, seed: UInt64) -> (x: Matrix, theta: LayerWeights, g: Matrix) {
        var generator = RandomStream.generator(seed: seed, "residual-test", .label(kind.rawValue))
        let theta = LayerWeights(
            groups: kind.groupShapes(dimension: dimension, hidden: hidden).map {
                Matrix.gaussian(rows: $0.rows, columns: $0.columns, standardDeviation: 0.7, using: &generator)
            })
        let x = Matrix.gaussian(rows: dimension, columns: batch, using: &generator)
        let g = Matrix.gaussian(rows: dimension, columns: batch, using: &generator)
        return (x, theta, g)
    }

    /// `⟨G, f(X, θ)⟩`, whose gradient is the VJP.
    static func pairing(_ f: ResidualFunction, _ x: Matrix, _ theta: LayerWeights, _ g: Matrix) -> Double {
        BLAS.dot(f.evaluate(x, theta).storage, g.storage)
    }

    @Test("VJP of every residual equals central finite differences (ε = 1e−6)", arguments: ResidualKind.allCases)
    func vectorJacobianProduct(_ kind: ResidualKind) {
        let f = ResidualFunction(kind: kind)
        let (x, theta, g) = Self.sample(kind, seed: 3)
        let (dx, dTheta) = f.vectorJacobianProduct(x, theta, cotangent: g)
        let epsilon = 1e-6
        // Central differences: truncation O(ε²·f''') ≈ 1e−12 and cancellation ≈ 1e−16/ε = 1e−10,
        // so 1e−7 absolute is a safe bound for O(1) gradients (ReLU: no kink within ε, checked).
        for i in x.storage.indices {
            var plus = x
            var minus = x
            plus.storage[i] += epsilon
            minus.storage[i] -= epsilon
            let fd = (Self.pairing(f, plus, theta, g) - Self.pairing(f, minus, theta, g)) / (2 * epsilon)
            #expect(abs(fd - dx.storage[i]) <= 1e-7, "\(kind) dX[\(i)]")
        }
        for group in theta.groups.indices {
            for i in theta.groups[group].storage.indices {
                var plus = theta
                var minus = theta
                plus.groups[group].storage[i] += epsilon
                minus.groups[group].storage[i] -= epsilon
                let fd = (Self.pairing(f, x, plus, g) - Self.pairing(f, x, minus, g)) / (2 * epsilon)
                #expect(abs(fd - dTheta.groups[group].storage[i]) <= 1e-7, "\(kind) dθ\(group)[\(i)]")
            }
        }
    }

    @Test("vectorised tanh is within 4e−16 of glibc tanh, and odd")
    func vectorTanh() {
        var values = (0..<2001).map { -20 + Double($0) * 0.02 } + [0, 1e-300, -1e-12, 400, -800, 1e-9]
        let expected = values.map { Foundation.tanh($0) }
        let inputs = values
        VectorTanh.apply(&values)
        for (index, value) in values.enumerated() {
            #expect(abs(value - expected[index]) <= 4e-16, "tanh(\(inputs[index]))")
        }
        var negated = inputs.map { -$0 }
        VectorTanh.apply(&negated)
        #expect(zip(negated, values).allSatisfy { $0 == -$1 })
    }

    @Test("flipping the signs of both MLP groups leaves the function unchanged (spec §3.6)")
    func mlpSignFlip() {
        let f = ResidualFunction(kind: .mlp)
        let (x, theta, _) = Self.sample(.mlp, seed: 5)
        #expect(f.evaluate(x, theta) == f.evaluate(x, theta.scaled(by: -1)))
    }
}
