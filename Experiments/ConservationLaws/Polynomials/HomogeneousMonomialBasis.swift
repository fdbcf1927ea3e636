/// The `M = C(D + k − 1, k)` monomials of degree exactly `k` in `D` variables, indexed
/// `0..<M` in lexicographic order of their sorted variable lists: the unknowns `a_α` of a
/// homogeneous degree-`k` polynomial `h = Σ_α a_α m_α`.
struct HomogeneousMonomialBasis: Sendable {
    let dimension: Int
    let degree: Int
    let monomials: [Monomial]
    private let indexByMonomial: [Monomial: Int]

    init(dimension: Int, degree: Int) throws(PolynomialError) {
        self.dimension = dimension
        self.degree = degree
        var lists: [[Int]] = [[]]
        for _ in 0..<degree {
            lists = lists.flatMap { prefix in ((prefix.last ?? 0)..<dimension).map { prefix + [$0] } }
        }
        var monomials = [Monomial]()
        for list in lists { monomials.append(try Monomial(variables: list)) }
        self.monomials = monomials
        indexByMonomial = Dictionary(uniqueKeysWithValues: monomials.enumerated().map { ($0.element, $0.offset) })
    }

    /// `M`.
    var count: Int { monomials.count }

    /// The coefficient vector of `polynomial` in this basis mod p, or `nil` when it has a term
    /// of another degree.
    func coefficients(of polynomial: Polynomial) -> [UInt64]? {
        let modular = ModularArithmetic()
        var vector = [UInt64](repeating: 0, count: count)
        for term in polynomial.terms {
            guard let index = indexByMonomial[term.monomial] else { return nil }
            vector[index] = modular.element(term.coefficient)
        }
        return vector
    }

    /// The same in `Double`.
    func realCoefficients(of polynomial: Polynomial) -> [Double]? {
        var vector = [Double](repeating: 0, count: count)
        for term in polynomial.terms {
            guard let index = indexByMonomial[term.monomial] else { return nil }
            vector[index] = Double(term.coefficient)
        }
        return vector
    }

    /// `∇m_α(θ)` for every `α`, each as sparse `(v, ∂_v m_α(θ))`.
    func gradients<A: EvaluationArithmetic>(at point: [A.Element], in arithmetic: A) -> [[(Int, A.Element)]] {
        monomials.map { Polynomial([$0: 1]).gradient(at: point, in: arithmetic) }
    }

    /// The rows `row[α] = ∇m_α(θ)·X_i(θ)`, one per field value `X_i(θ)`: `h = Σ a_α m_α` has
    /// `⟨∇h, X_i⟩(θ) = 0` iff `row·a = 0`.
    func constraintRows<A: EvaluationArithmetic>(
        gradients: [[(Int, A.Element)]], fieldValues: [[A.Element]], in arithmetic: A
    ) -> [[A.Element]] {
        fieldValues.map { value in
            gradients.map { gradient in
                gradient.reduce(arithmetic.zero) { arithmetic.add($0, arithmetic.multiply($1.1, value[$1.0])) }
            }
        }
    }
}
