extension PolynomialVectorField {
    /// The Lie bracket `[X, Y] = ∂Y·X − ∂X·Y` with `X = self`, i.e. componentwise
    /// `[X, Y]_k = Σ_j (X_j ∂_j Y_k − Y_j ∂_j X_k)`.
    ///
    /// - Parameter maximumTerms: the result must have at most this many terms in all, else
    ///   ``PolynomialError/tooManyTerms(_:)``.
    public func bracket(with other: PolynomialVectorField, maximumTerms: Int = .max) throws(PolynomialError)
        -> PolynomialVectorField
    {
        let derivativesOfSelf = try partialDerivatives()
        let derivativesOfOther = try other.partialDerivatives()
        var accumulators = [Int: [Monomial: Int64]]()
        // + Σ_j X_j ∂_j Y_k
        for (j, xj) in components {
            for (k, derivative) in derivativesOfOther[j] ?? [] {
                try xj.accumulateProduct(with: derivative, factor: 1, into: &accumulators[k, default: [:]])
            }
        }
        // − Σ_j Y_j ∂_j X_k
        for (j, yj) in other.components {
            for (k, derivative) in derivativesOfSelf[j] ?? [] {
                try yj.accumulateProduct(with: derivative, factor: -1, into: &accumulators[k, default: [:]])
            }
        }
        var result = [(index: Int, polynomial: Polynomial)]()
        var terms = 0
        for (k, accumulator) in accumulators {
            let polynomial = Polynomial(accumulator)
            terms += polynomial.terms.count
            if terms > maximumTerms { throw .tooManyTerms(terms) }
            result.append((k, polynomial))
        }
        return PolynomialVectorField(dimension: dimension, components: result)
    }

    /// `∂_j X_k` grouped by the variable `j`: `j → [(k, ∂_j X_k)]`, nonzero entries only.
    func partialDerivatives() throws(PolynomialError) -> [Int: [(Int, Polynomial)]] {
        var byVariable = [Int: [(Int, Polynomial)]]()
        for (k, polynomial) in components {
            for j in polynomial.variables {
                let derivative = try polynomial.derivative(j)
                if !derivative.isZero { byVariable[j, default: []].append((k, derivative)) }
            }
        }
        return byVariable
    }
}
