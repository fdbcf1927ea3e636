/// The residual function `f(x, θ)` of a layer, applied column by column to a batch `X` (d×B).
///
/// - `linear`: `f = W x`, `θ = (W)` with `W` d×d.
/// - `tanh`: `f = tanh(W x)`, `θ = (W)`.
/// - `relu`: `f = max(W x, 0)`, `θ = (W)`.
/// - `mlp`: `f = W2 tanh(W1 x)`, `θ = (W1, W2)` with `W1` m×d and `W2` d×m.
///
/// No biases (spec §5.3).
enum ResidualKind: String, CaseIterable, Sendable {
    case linear
    case tanh
    case relu
    case mlp

    /// The words accepted by the `residuals` parameter.
    static let names = allCases.map(\.rawValue)

    /// Shapes `(rows, columns)` of the parameter groups for state dimension `d` and width `m`,
    /// in the order of ``LayerWeights/groups``.
    func groupShapes(dimension d: Int, hidden m: Int) -> [(rows: Int, columns: Int)] {
        switch self {
        case .linear, .tanh, .relu: return [(d, d)]
        case .mlp: return [(m, d), (d, m)]
        }
    }
}
