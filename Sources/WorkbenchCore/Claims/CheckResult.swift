/// The evaluated outcome of one claim on one run.
public struct CheckResult: Sendable, Equatable {
    public let claim: String
    public let statement: String
    public let paperValue: String
    public let expected: ExpectedInterval
    /// `nil` when the claim could not be measured in this run.
    public let measurement: Measurement?
    public let verdict: ClaimVerdict

    public init(
        claim: String, statement: String, paperValue: String, expected: ExpectedInterval,
        measurement: Measurement?, verdict: ClaimVerdict
    ) {
        self.claim = claim
        self.statement = statement
        self.paperValue = paperValue
        self.expected = expected
        self.measurement = measurement
        self.verdict = verdict
    }
}
