extension Polynomial {
    /// `self + other`, merging the sorted term lists.
    ///
    /// - Throws: ``PolynomialError/coefficientOverflow`` when a sum leaves `Int64`.
    public func adding(_ other: Polynomial) throws(PolynomialError) -> Polynomial {
        var merged = [Term]()
        merged.reserveCapacity(terms.count + other.terms.count)
        var i = 0
        var j = 0
        while i < terms.count || j < other.terms.count {
            if j == other.terms.count || (i < terms.count && terms[i].monomial < other.terms[j].monomial) {
                merged.append(terms[i])
                i += 1
            } else if i == terms.count || other.terms[j].monomial < terms[i].monomial {
                merged.append(other.terms[j])
                j += 1
            } else {
                let (sum, overflow) = terms[i].coefficient.addingReportingOverflow(other.terms[j].coefficient)
                if overflow { throw .coefficientOverflow }
                if sum != 0 { merged.append(Term(monomial: terms[i].monomial, coefficient: sum)) }
                i += 1
                j += 1
            }
        }
        return Polynomial(sortedTerms: merged)
    }

    /// `factor · self`.
    public func scaled(by factor: Int64) throws(PolynomialError) -> Polynomial {
        if factor == 0 { return .zero }
        var scaled = [Term]()
        scaled.reserveCapacity(terms.count)
        for term in terms {
            let (product, overflow) = term.coefficient.multipliedReportingOverflow(by: factor)
            if overflow { throw .coefficientOverflow }
            scaled.append(Term(monomial: term.monomial, coefficient: product))
        }
        return Polynomial(sortedTerms: scaled)
    }

    /// `self − other`.
    public func subtracting(_ other: Polynomial) throws(PolynomialError) -> Polynomial {
        try adding(other.scaled(by: -1))
    }

    /// `∂self/∂x_v`: each term `c·x^α` becomes `c·α_v·x^{α − 1_v}`.
    public func derivative(_ variable: Int) throws(PolynomialError) -> Polynomial {
        var coefficients = [Monomial: Int64]()
        for term in terms {
            guard let (exponent, reduced) = term.monomial.derivative(variable) else { continue }
            let (product, overflow) = term.coefficient.multipliedReportingOverflow(by: exponent)
            if overflow { throw .coefficientOverflow }
            coefficients[reduced] = product
        }
        return Polynomial(coefficients)
    }

    /// Adds `factor · self · other` into `accumulator` (monomial → coefficient): the inner loop of
    /// bracket formation, `t_self · t_other` monomial products.
    func accumulateProduct(
        with other: Polynomial, factor: Int64, into accumulator: inout [Monomial: Int64]
    ) throws(PolynomialError) {
        for a in terms {
            let (scaled, overflowA) = a.coefficient.multipliedReportingOverflow(by: factor)
            if overflowA { throw .coefficientOverflow }
            for b in other.terms {
                let (product, overflowB) = scaled.multipliedReportingOverflow(by: b.coefficient)
                if overflowB { throw .coefficientOverflow }
                let monomial = try a.monomial.multiplied(by: b.monomial)
                let (sum, overflowC) = accumulator[monomial, default: 0].addingReportingOverflow(product)
                if overflowC { throw .coefficientOverflow }
                accumulator[monomial] = sum
            }
        }
    }

    /// `self · other`.
    public func multiplied(by other: Polynomial) throws(PolynomialError) -> Polynomial {
        var accumulator = [Monomial: Int64]()
        try accumulateProduct(with: other, factor: 1, into: &accumulator)
        return Polynomial(accumulator)
    }
}
