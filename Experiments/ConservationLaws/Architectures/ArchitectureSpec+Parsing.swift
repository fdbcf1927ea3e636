extension ArchitectureSpec {
    /// Largest number of parameters the monomial packing allows (variable indices `< 511`).
    public static let maximumParameters = Monomial.maximumVariables

    /// Parses `lin:2-4-5-2`, `relu:3-2-4`, `relu:3-2-4:b`, `prod:4`, `rand1:5:3`.
    ///
    /// - Throws: ``ArchitectureParseError`` naming the offending piece of `text`.
    public init(parsing text: String) throws(ArchitectureParseError) {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let kind = pieces.first, !kind.isEmpty else { throw .init(text, "is empty; expected e.g. lin:2-3-2") }
        switch kind {
        case "lin":
            guard pieces.count == 2 else { throw .init(text, "expected lin:<n0>-<n1>-…-<nq> with no suffix") }
            self = .linear(widths: try Self.widths(pieces[1], in: text))
        case "relu":
            guard pieces.count == 2 || (pieces.count == 3 && pieces[2] == "b") else {
                throw .init(text, "expected relu:<n0>-…-<nq> or relu:<n0>-…-<nq>:b (b = hidden biases)")
            }
            self = .relu(widths: try Self.widths(pieces[1], in: text), bias: pieces.count == 3)
        case "prod":
            guard pieces.count == 2, let dimension = Int(pieces[1]), dimension >= 1 else {
                throw .init(text, "expected prod:<D> with an integer D ≥ 1")
            }
            self = .product(dimension: dimension)
        case "rand1":
            guard pieces.count == 3, let dimension = Int(pieces[1]), let degree = Int(pieces[2]),
                dimension >= 1, (1...Monomial.maximumDegree).contains(degree)
            else {
                throw .init(text, "expected rand1:<D>:<degree> with D ≥ 1 and 1 ≤ degree ≤ \(Monomial.maximumDegree)")
            }
            self = .randomPolynomial(dimension: dimension, degree: degree)
        default:
            throw .init(text, "unknown kind '\(kind)'; expected lin, relu, prod or rand1")
        }
        guard parameterCount <= Self.maximumParameters else {
            throw .init(text, "has D = \(parameterCount) parameters; at most \(Self.maximumParameters) are supported")
        }
    }

    /// `n0-n1-…-nq` with at least three positive widths (one hidden layer or more).
    private static func widths(_ list: String, in text: String) throws(ArchitectureParseError) -> [Int] {
        let items = list.split(separator: "-", omittingEmptySubsequences: false)
        var widths = [Int]()
        for item in items {
            guard let width = Int(item), width >= 1 else {
                throw .init(text, "width '\(item)' is not an integer ≥ 1")
            }
            widths.append(width)
        }
        guard widths.count >= 3 else {
            throw .init(text, "needs at least 3 widths (output-hidden-…-input), got \(widths.count)")
        }
        return widths
    }

    /// `nil` when `text` parses, else the reason (for the `archs` parameter's constraint).
    public static func problem(with text: String) -> String? {
        do {
            _ = try ArchitectureSpec(parsing: text)
            return nil
        } catch {
            return error.description
        }
    }
}
