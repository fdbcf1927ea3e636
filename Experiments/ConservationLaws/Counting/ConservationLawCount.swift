import WorkbenchNumerics

/// The number of independent conservation laws of one architecture, `N = D − dim Lie(W_φ)(θ)`,
/// maximised over independent random points (a non-generic point can only lower the rank).
public struct ConservationLawCount: Sendable {
    /// The architecture counted.
    public let architecture: ArchitectureSpec
    /// `D`.
    public let dimension: Int
    /// `d`, the number of generator fields.
    public let generatorCount: Int
    /// The point that reached the largest rank (the first one on a tie): its levels, effort
    /// and float gap are the ones reported.
    public let best: LieTracePoint
    /// Number of independent known laws: the largest rank mod p of their gradients over the
    /// points (`nil` when the model has no known laws).
    public let knownLawCount: Int?
    /// Whether the known laws were orthogonal mod p to every generator and accepted bracket at
    /// every point.
    public let knownLawsOrthogonal: Bool
    /// Points used.
    public let pointCount: Int

    /// `dim Lie(W_φ)(θ)`.
    public var lieDimension: Int { best.rank }
    /// `N = D − dim Lie`.
    public var lawCount: Int { dimension - best.rank }
    /// The closed form of spec §3 for this architecture.
    public var closedForm: Int { ClosedFormCounts.lawCount(architecture) }
    /// Whether the exact and the float ranks agree.
    public var exactAndFloatAgree: Bool { best.floatRank == best.rank }

    /// Counts the laws of `model` at `pointCount` points; point `i` draws from `random(i)`.
    public static func compute(
        _ model: FactorizedModel, settings: LieTraceSettings, pointCount: Int,
        random: (Int) -> Xoshiro256StarStar
    ) throws -> ConservationLawCount {
        var best: LieTracePoint?
        var knownRank = 0
        var orthogonal = true
        for index in 0..<pointCount {
            var generator = random(index)
            let points = EvaluationPoints(dimension: model.dimension, random: &generator)
            let point = try LieTraceComputation(model: model, settings: settings).run(at: points, random: &generator)
            if point.rank > (best?.rank ?? -1) { best = point }
            knownRank = max(knownRank, point.knownRank)
            orthogonal = orthogonal && point.knownOrthogonal
        }
        return ConservationLawCount(
            architecture: model.architecture, dimension: model.dimension, generatorCount: model.generators.count,
            best: best ?? LieTracePoint(), knownLawCount: model.hasKnownLaws ? knownRank : nil,
            knownLawsOrthogonal: orthogonal, pointCount: pointCount)
    }
}
