/// A sparse multivariate polynomial `Σ_α c_α x^α` with `Int64` coefficients, terms sorted by
/// monomial with no zero coefficient (so equal polynomials have equal term lists).
public struct Polynomial: Equatable, Sendable {
    /// One term `c·x^α`.
    public struct Term: Equatable, Sendable {
        public let monomial: Monomial
        public let coefficient: Int64
    }

    /// The terms, ascending by monomial, coefficients nonzero.
    public let terms: [Term]

    /// The zero polynomial.
    public static let zero = Polynomial(sortedTerms: [])

    init(sortedTerms: [Term]) { terms = sortedTerms }

    /// Collects `coefficients` (monomial → coefficient), dropping zeros.
    public init(_ coefficients: [Monomial: Int64]) {
        terms = coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }
            .map { Term(monomial: $0.key, coefficient: $0.value) }
    }

    /// `c·Π x_v` over `variables` (with repetition).
    public static func monomial(_ variables: [Int], coefficient: Int64 = 1) throws(PolynomialError) -> Polynomial {
        Polynomial([try Monomial(variables: variables): coefficient])
    }

    /// Whether every coefficient is zero.
    public var isZero: Bool { terms.isEmpty }

    /// The largest total degree of a term (0 for the zero polynomial).
    public var degree: Int { terms.map(\.monomial.degree).max() ?? 0 }

    /// The largest `|c_α|` (0 for the zero polynomial).
    public var maximumAbsoluteCoefficient: UInt64 { terms.map(\.coefficient.magnitude).max() ?? 0 }

    /// The variables that occur, ascending.
    public var variables: [Int] {
        Array(Set(terms.flatMap(\.monomial.variables))).sorted()
    }
}
