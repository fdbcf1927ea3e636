/// Which weights and steps a depth-`N` Heun network uses (spec §5.1, pitfall 3).
///
/// - `nodes`: `N` steps of size `h = 1/N` on the nodes `θ_0 … θ_N` (step `n` uses `θ_n` and
///   `θ_{n+1}`), so the output approximates `z(1)`.
/// - `reference`: the authors' HeunNet — `N` weights `θ_0 … θ_{N−1}`, `N − 1` steps of size
///   `h = 1/N`, so the output approximates `z((N − 1)/N)`.
enum HeunConvention: String, CaseIterable, Sendable {
    case nodes
    case reference

    /// The words accepted by `heunConvention`.
    static let names = allCases.map(\.rawValue)
}
