/// Why a polynomial operation could not be carried out exactly.
public enum PolynomialError: Error, Equatable, CustomStringConvertible {
    /// A monomial of this degree does not fit the 14 slots of ``Monomial``.
    case degreeTooHigh(Int)
    /// A variable index outside `0..<511`.
    case variableOutOfRange(Int)
    /// An integer coefficient left the `Int64` range (the result would not be exact).
    case coefficientOverflow
    /// A formed field has more terms than the cap (`maxTermsPerField`).
    case tooManyTerms(Int)

    public var description: String {
        switch self {
        case .degreeTooHigh(let degree): return "monomial degree \(degree) exceeds \(Monomial.maximumDegree)"
        case .variableOutOfRange(let index): return "variable index \(index) outside 0..<\(Monomial.maximumVariables)"
        case .coefficientOverflow: return "an integer coefficient overflowed Int64"
        case .tooManyTerms(let count): return "a field reached \(count) terms, above the cap"
        }
    }
}
