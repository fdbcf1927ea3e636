/// A model factorised through a polynomial map `φ(θ)`, as written on the command line.
///
/// * `lin:n0-n1-…-nq` — deep linear network `g(x) = U_1U_2⋯U_q x`, `U_l ∈ ℝ^{n_{l−1}×n_l}`
///   (`n_0` is the output width, `n_q` the input width), `φ = U_1⋯U_q`;
/// * `relu:n0-…-nq` and `relu:n0-…-nq:b` — ReLU network without / with hidden biases, `φ` the
///   path-lifting (one monomial per input→output path, plus one per bias→output path);
/// * `prod:D` — `φ(θ) = θ_1θ_2⋯θ_D`;
/// * `rand1:D:k` — one random polynomial `φ` of degree `k` in `D` variables (integer
///   coefficients in `[−3, 3]`), drawn from the run's seeded stream.
public enum ArchitectureSpec: Equatable, Hashable, Sendable, CustomStringConvertible {
    case linear(widths: [Int])
    case relu(widths: [Int], bias: Bool)
    case product(dimension: Int)
    case randomPolynomial(dimension: Int, degree: Int)

    /// The canonical text, e.g. `relu:3-2-4:b` (parsing it gives back the same value).
    public var description: String {
        switch self {
        case .linear(let widths): return "lin:" + widths.map(String.init).joined(separator: "-")
        case .relu(let widths, let bias):
            return "relu:" + widths.map(String.init).joined(separator: "-") + (bias ? ":b" : "")
        case .product(let dimension): return "prod:\(dimension)"
        case .randomPolynomial(let dimension, let degree): return "rand1:\(dimension):\(degree)"
        }
    }

    /// The layer widths `[n_0, …, n_q]` of a network (empty for `prod` and `rand1`).
    public var widths: [Int] {
        switch self {
        case .linear(let widths), .relu(let widths, _): return widths
        case .product, .randomPolynomial: return []
        }
    }

    /// The number of parameters `D`.
    public var parameterCount: Int {
        switch self {
        case .linear(let widths): return Self.weightCount(widths)
        case .relu(let widths, let bias): return Self.weightCount(widths) + (bias ? Self.hiddenWidthSum(widths) : 0)
        case .product(let dimension), .randomPolynomial(let dimension, _): return dimension
        }
    }

    /// `Σ_l n_{l−1}n_l`.
    static func weightCount(_ widths: [Int]) -> Int {
        zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `Σ_{l=1}^{q−1} n_l`, the number of hidden neurons.
    static func hiddenWidthSum(_ widths: [Int]) -> Int { widths.dropFirst().dropLast().reduce(0, +) }
}
