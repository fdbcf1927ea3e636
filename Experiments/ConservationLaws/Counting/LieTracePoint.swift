/// What one evaluation point gave: the trace dimension level by level, the effort, the float
/// cross-check and the known-law verification.
public struct LieTracePoint: Sendable {
    /// `dim W_k(θ)` for `k = 0, 1, …`, without a repeated last level.
    public var levels: [Int] = []
    /// Lazy bracket values computed.
    public var bracketsEvaluated = 0
    /// Bracket polynomials formed (accepted brackets only).
    public var bracketsFormed = 0
    /// Largest term count, degree and `|coefficient|` of a field in the computation.
    public var maximumTerms = 0
    public var maximumDegree = 0
    public var maximumAbsoluteCoefficient: UInt64 = 0
    /// Whether a bracket hit the term cap (the count is then a lower bound on `dim Lie`).
    public var capped = false
    /// Float rank of the stacked, row-normalized values at `θ_f`.
    public var floatRank = 0
    /// `log10(σ_k/σ_{k+1})` with `k` the exact rank (`+∞` when `σ_{k+1}` is 0 or absent).
    public var gapLog10 = Double.infinity
    /// Rank mod p of the known laws' gradients at `θ_p`.
    public var knownRank = 0
    /// Whether every known law's gradient is orthogonal mod p to every generator and accepted
    /// bracket at `θ_p`.
    public var knownOrthogonal = true

    /// `dim Lie(W_φ)(θ)`: the last level.
    public var rank: Int { levels.last ?? 0 }
    /// Bracket levels that added a direction.
    public var depth: Int { max(0, levels.count - 1) }
}
