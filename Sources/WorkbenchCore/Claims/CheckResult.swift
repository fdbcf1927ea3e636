import WorkbenchStore

/// The evaluated outcome of one claim on one run.
public struct CheckResult: Sendable, Equatable {
    public let claim: String
    public let statement: String
    public let paperValue: String
    public let expected: ExpectedInterval
    /// `nil` when the claim was not measured in this run.
    public let measurement: Measurement?
    public let verdict: ClaimVerdict
    /// Why a claim is `inconclusive`, `not-run` or `not-applicable` (`nil` for pass/fail).
    public let reason: String?
    /// The 95 % confidence interval of the measurement straddles a bound of the accepted
    /// interval: the verdict stands on the point estimate alone.
    public let marginal: Bool

    public init(
        claim: String, statement: String, paperValue: String, expected: ExpectedInterval,
        measurement: Measurement?, verdict: ClaimVerdict, reason: String? = nil, marginal: Bool = false
    ) {
        self.claim = claim
        self.statement = statement
        self.paperValue = paperValue
        self.expected = expected
        self.measurement = measurement
        self.verdict = verdict
        self.reason = reason
        self.marginal = marginal
    }

    /// The verdict as shown to people: `pass`, `pass (marginal)`, `not-run`, …
    public var verdictText: String { verdict.rawValue + (marginal ? " (marginal)" : "") }
}
