@testable import ConservationLaws

/// A dual number `a + bε` with `ε² = 0`: evaluating a polynomial at `θ + εv` gives
/// `p(θ) + ε·∇p(θ)·v`, forward-mode differentiation independent of the symbolic derivative.
struct Dual: Sendable, Equatable {
    var value: Double
    var tangent: Double
}

/// The ring of dual numbers over `Double`.
struct DualArithmetic: EvaluationArithmetic {
    var zero: Dual { Dual(value: 0, tangent: 0) }
    func element(_ value: Int64) -> Dual { Dual(value: Double(value), tangent: 0) }
    func add(_ a: Dual, _ b: Dual) -> Dual { Dual(value: a.value + b.value, tangent: a.tangent + b.tangent) }
    func subtract(_ a: Dual, _ b: Dual) -> Dual { Dual(value: a.value - b.value, tangent: a.tangent - b.tangent) }
    func multiply(_ a: Dual, _ b: Dual) -> Dual {
        Dual(value: a.value * b.value, tangent: a.value * b.tangent + a.tangent * b.value)
    }
}

extension PolynomialVectorField {
    /// `J_X(θ)·v` by forward mode: the tangent of `X(θ + εv)`.
    func jacobianVectorProduct(at point: [Double], direction: [Double]) -> [Double] {
        let dualPoint = zip(point, direction).map { Dual(value: $0, tangent: $1) }
        var result = [Double](repeating: 0, count: dimension)
        for (k, polynomial) in components {
            result[k] = polynomial.evaluate(at: dualPoint, in: DualArithmetic()).tangent
        }
        return result
    }

    /// `X(θ)` in `Double`.
    func value(at point: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: dimension)
        for (k, polynomial) in components { result[k] = polynomial.evaluate(at: point, in: RealArithmetic()) }
        return result
    }
}
