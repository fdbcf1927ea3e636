extension Polynomial {
    /// `Σ_α c_α Π_v x_v^{α_v}` in the ring of `arithmetic` at `point` (indexed by variable).

    public func evaluate<A: EvaluationArithmetic>(at point: [A.Element], in arithmetic: A) -> A.Element {
        var total = arithmetic.zero
        for term in terms {
            var product = arithmetic.element(term.coefficient)
            let monomial = term.monomial
            for index in 0..<monomial.degree {
                product = arithmetic.multiply(product, point[Int(monomial.slot(index)) - 1])
            }
            total = arithmetic.add(total, product)
        }
        return total
    }

    /// The gradient `(∂_v p)(point)` as sparse pairs `(v, value)` over the variables that occur,
    /// ascending by `v`; zero values are kept (their pattern is the polynomial's, not the point's).
    ///
    /// For a term `c·x^α`, `∂_v = c·α_v·x^{α − 1_v}`, computed as the product over the term's
    /// slots with the first occurrence of `v` left out, times `α_v`.
    public func gradient<A: EvaluationArithmetic>(at point: [A.Element], in arithmetic: A) -> [(Int, A.Element)] {
        var partials = [Int: A.Element]()
        for term in terms {
            let monomial = term.monomial
            let degree = monomial.degree
            var previous: UInt64 = 0
            for skipped in 0..<degree {
                let slotValue = monomial.slot(skipped)
                if slotValue == previous { continue }  // first occurrence only
                previous = slotValue
                var exponent: Int64 = 0
                var product = arithmetic.element(term.coefficient)
                for index in 0..<degree {
                    let value = monomial.slot(index)
                    if value == slotValue { exponent += 1 }
                    if index != skipped { product = arithmetic.multiply(product, point[Int(value) - 1]) }
                }
                product = arithmetic.multiply(product, arithmetic.element(exponent))
                let variable = Int(slotValue) - 1
                partials[variable] = arithmetic.add(partials[variable] ?? arithmetic.zero, product)
            }
        }
        return partials.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
