/// How the layer weights `θ_0 … θ_N` (at the nodes `t_n = n/N`) depend on depth (spec §5.3).
///
/// - `smooth`: `θ_n = Θ(n/N)` with the fixed smooth path ``SmoothWeightPath``.
/// - `iid`: entries `~ N(0, s²/fan_in)`, fresh per layer.
/// - `alternating`: `(−1)ⁿ Θ(n/N)` on every group.
/// - `lipwalk`: `θ_0 ~ N(0, 1/fan_in)`, `θ_n = θ_{n−1} + (3/N) ξ_n`, `ξ_n ~ N(0, 1/fan_in)`.
/// - `brownian`: `θ_0 ~ N(0, 1/fan_in)`, `θ_n = θ_{n−1} + ξ_n/√N`.
enum WeightScheme: String, CaseIterable, Sendable {
    case smooth
    case iid
    case alternating
    case lipwalk
    case brownian

    /// The words accepted by the weight-scheme parameters.
    static let names = allCases.map(\.rawValue)

    /// Whether the scheme draws fresh random numbers for each depth (from the stream
    /// `(seed, part, residual, scheme, N)`); `smooth` and `alternating` reuse the fixed `Θ`.
    var isRandomPerDepth: Bool {
        switch self {
        case .smooth, .alternating: return false
        case .iid, .lipwalk, .brownian: return true
        }
    }
}
