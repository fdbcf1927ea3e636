import WorkbenchNumerics

/// A model `g(θ, x) = f(φ(θ), x)` reduced to what the conservation-law count needs: the generator
/// fields `X_i = ∇φ_i` spanning `W_φ`, the known conservation laws, and the closed-form count.
public struct FactorizedModel: Sendable {
    /// The architecture it was built from.
    public let architecture: ArchitectureSpec
    /// `D`.
    public let dimension: Int
    /// The fields `∇φ_i`, `i = 1…d`.
    public let generators: [PolynomialVectorField]
    /// The known laws `h` (balancedness); their number of independent ones is the rank of their
    /// gradients at a generic point, not their count.
    public let knownLaws: [Polynomial]
    /// Whether ``knownLaws`` is meant to be complete (false for `rand1`, which has no known laws).
    public let hasKnownLaws: Bool

    /// A model given by its generators directly (e.g. the momentum phase space).
    init(
        architecture: ArchitectureSpec, dimension: Int, generators: [PolynomialVectorField], knownLaws: [Polynomial],
        hasKnownLaws: Bool
    ) {
        self.architecture = architecture
        self.dimension = dimension
        self.generators = generators
        self.knownLaws = knownLaws
        self.hasKnownLaws = hasKnownLaws
    }

    /// Builds `φ` and the known laws of `architecture`; `random` draws the `rand1` polynomial.
    public init(_ architecture: ArchitectureSpec, random: inout Xoshiro256StarStar) throws(PolynomialError) {
        self.architecture = architecture
        dimension = architecture.parameterCount
        switch architecture {
        case .linear(let widths):
            let layout = ParameterLayout(widths: widths, hasBias: false)
            generators = try Self.linearGenerators(layout)
            knownLaws = try Self.linearKnownLaws(layout)
            hasKnownLaws = true
        case .relu(let widths, let bias):
            let layout = ParameterLayout(widths: widths, hasBias: bias)
            generators = try Self.reluGenerators(layout)
            knownLaws = try Self.reluKnownLaws(layout)
            hasKnownLaws = true
        case .product(let dimension):
            let product = try Polynomial.monomial(Array(0..<dimension))
            generators = [try .gradient(of: product, dimension: dimension)]
            knownLaws = try (0..<(dimension - 1)).map { (i) throws(PolynomialError) in
                try Polynomial.monomial([i, i]).subtracting(.monomial([i + 1, i + 1]))
            }
            hasKnownLaws = true
        case .randomPolynomial(let dimension, let degree):
            let function = try Self.randomPolynomial(dimension: dimension, degree: degree, random: &random)
            generators = [try .gradient(of: function, dimension: dimension)]
            knownLaws = []
            hasKnownLaws = false
        }
    }

    /// `∇φ_{ab}` for `φ = U_1⋯U_q`: `φ_{ab} = Σ_paths Π_l U_l[j_{l−1}, j_l]` with `j_0 = a`, `j_q = b`.
    static func linearGenerators(_ layout: ParameterLayout) throws(PolynomialError) -> [PolynomialVectorField] {
        var entries = [[Int]: [Monomial: Int64]]()
        for path in layout.paths() {
            let key = [path[0], path[layout.depth]]
            entries[key, default: [:]][try Monomial(variables: layout.weightsAlong(path)), default: 0] += 1
        }
        var fields = [PolynomialVectorField]()
        for key in entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            fields.append(try .gradient(of: Polynomial(entries[key] ?? [:]), dimension: layout.parameterCount))
        }
        return fields
    }

    /// `∇` of each path monomial `Π_l U_l[j_{l−1}, j_l]` and, with biases, of each
    /// `b_l[j_l]·Π_{t≤l} U_t[j_{t−1}, j_t]`.
    static func reluGenerators(_ layout: ParameterLayout) throws(PolynomialError) -> [PolynomialVectorField] {
        var monomials = try layout.paths().map { (path) throws(PolynomialError) in
            try Polynomial.monomial(layout.weightsAlong(path))
        }
        if layout.hasBias {
            for layer in 1..<layout.depth {
                for path in layout.paths(through: layer) {
                    let variables = layout.weightsAlong(path) + [layout.bias(layer, path[layer])]
                    monomials.append(try .monomial(variables))
                }
            }
        }
        return try monomials.map { (function) throws(PolynomialError) in
            try .gradient(of: function, dimension: layout.parameterCount)
        }
    }

    /// The entries `a ≤ b` of `U_lᵀU_l − U_{l+1}U_{l+1}ᵀ` for every hidden layer `l`.
    static func linearKnownLaws(_ layout: ParameterLayout) throws(PolynomialError) -> [Polynomial] {
        var laws = [Polynomial]()
        for layer in 1..<layout.depth {
            let width = layout.widths[layer]
            for a in 0..<width {
                for b in a..<width {
                    var coefficients = [Monomial: Int64]()
                    for i in 0..<layout.widths[layer - 1] {
                        let variables = [layout.weight(layer, i, a), layout.weight(layer, i, b)]
                        coefficients[try Monomial(variables: variables), default: 0] += 1
                    }
                    for k in 0..<layout.widths[layer + 1] {
                        let variables = [layout.weight(layer + 1, a, k), layout.weight(layer + 1, b, k)]
                        coefficients[try Monomial(variables: variables), default: 0] -= 1
                    }
                    laws.append(Polynomial(coefficients))
                }
            }
        }
        return laws
    }

    /// `‖U_l[:, j]‖² − ‖U_{l+1}[j, :]‖² − b_l[j]²` for every hidden neuron `(l, j)`.
    static func reluKnownLaws(_ layout: ParameterLayout) throws(PolynomialError) -> [Polynomial] {
        var laws = [Polynomial]()
        for layer in 1..<layout.depth {
            for unit in 0..<layout.widths[layer] {
                var coefficients = [Monomial: Int64]()
                for i in 0..<layout.widths[layer - 1] {
                    let v = layout.weight(layer, i, unit)
                    coefficients[try Monomial(variables: [v, v]), default: 0] += 1
                }
                for k in 0..<layout.widths[layer + 1] {
                    let v = layout.weight(layer + 1, unit, k)
                    coefficients[try Monomial(variables: [v, v]), default: 0] -= 1
                }
                if layout.hasBias {
                    let v = layout.bias(layer, unit)
                    coefficients[try Monomial(variables: [v, v]), default: 0] -= 1
                }
                laws.append(Polynomial(coefficients))
            }
        }
        return laws
    }

    /// Every monomial of degree `1…degree` with a coefficient uniform in `{−3, …, 3}`, redrawn
    /// until some variable has a nonzero derivative (so `∇φ ≢ 0`).
    static func randomPolynomial(
        dimension: Int, degree: Int, random: inout Xoshiro256StarStar
    ) throws(PolynomialError) -> Polynomial {
        var monomials = [[Int]]()
        var frontier: [[Int]] = [[]]
        for _ in 1...degree {
            frontier = frontier.flatMap { prefix in
                ((prefix.last ?? 0)..<dimension).map { prefix + [$0] }
            }
            monomials += frontier
        }
        while true {
            var coefficients = [Monomial: Int64]()
            for variables in monomials {
                coefficients[try Monomial(variables: variables)] = Int64(random.nextBounded(7)) - 3
            }
            let function = Polynomial(coefficients)
            if !function.variables.isEmpty { return function }
        }
    }
}
