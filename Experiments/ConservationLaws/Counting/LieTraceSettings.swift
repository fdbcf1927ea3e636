/// The knobs of one Lie-algebra trace computation (see ``LieTraceComputation``).
public struct LieTraceSettings: Sendable {
    /// Bracket levels at most.
    public var maximumLevels: Int = 8
    /// A formed bracket field may have at most this many terms; beyond it the architecture is
    /// reported as capped.
    public var maximumTermsPerField: Int = 20_000_000
    /// Stop once the rank reaches this value (`D − n_known`, rigorous when the known laws are
    /// verified); `nil` runs until no level adds a direction.
    public var earlyExitRank: Int?
    /// Float rank counts `σ_i > floatRelativeTolerance·σ_1` of the row-normalized matrix.
    public var floatRelativeTolerance: Double = 1e-10
    /// Rows of the float cross-check matrix at most (all accepted rows are always kept; rejected
    /// brackets are subsampled).
    public var maximumFloatRows: Int = 2000

    public init() {}
}
