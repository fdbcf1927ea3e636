/// A polynomial vector field `X: ℝ^D → ℝ^D`, stored sparsely as its nonzero components
/// `(k, X_k)` ascending by `k`.
public struct PolynomialVectorField: Equatable, Sendable {
    /// Ambient dimension `D`.
    public let dimension: Int
    /// The nonzero components, ascending by index.
    public let components: [(index: Int, polynomial: Polynomial)]

    /// The field with the given components (zero components are dropped, order is normalized).
    public init(dimension: Int, components: [(index: Int, polynomial: Polynomial)]) {
        self.dimension = dimension
        self.components = components.filter { !$0.polynomial.isZero }.sorted { $0.index < $1.index }
    }

    /// The gradient field `∇φ = (∂_1φ, …, ∂_Dφ)`.
    public static func gradient(of function: Polynomial, dimension: Int) throws(PolynomialError)
        -> PolynomialVectorField
    {
        var components = [(index: Int, polynomial: Polynomial)]()
        for variable in function.variables {
            components.append((variable, try function.derivative(variable)))
        }
        return PolynomialVectorField(dimension: dimension, components: components)
    }

    /// Total number of terms over all components.
    public var termCount: Int { components.reduce(0) { $0 + $1.polynomial.terms.count } }
    /// Largest total degree of a component.
    public var degree: Int { components.map(\.polynomial.degree).max() ?? 0 }
    /// Largest `|coefficient|`.
    public var maximumAbsoluteCoefficient: UInt64 {
        components.map(\.polynomial.maximumAbsoluteCoefficient).max() ?? 0
    }

    public static func == (a: PolynomialVectorField, b: PolynomialVectorField) -> Bool {
        a.dimension == b.dimension && a.components.count == b.components.count
            && zip(a.components, b.components).allSatisfy { $0.index == $1.index && $0.polynomial == $1.polynomial }
    }
}
