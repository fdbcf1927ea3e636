/// The outcome of a claim check.
///
/// The rule: a claim whose part ran and whose conditions hold is measured; the point estimate
/// decides `pass` (inside the accepted interval) or `fail` (outside, or NaN). When the 95 %
/// confidence interval of the estimate straddles a bound, the check is additionally flagged
/// *marginal* (``CheckResult/marginal``). Every other verdict carries its reason.
public enum ClaimVerdict: String, Sendable, CaseIterable {
    /// The measured value lies in the accepted interval.
    case pass
    /// The measured value lies outside the accepted interval (or is NaN).
    case fail
    /// The part ran, but its data cannot decide the claim (e.g. too few points in the window).
    case inconclusive
    /// The claim's part was not selected, or an input it needs is missing.
    case notRun = "not-run"
    /// The run's configuration differs from the setting in which the paper's statement holds.
    case notApplicable = "not-applicable"

    /// `pass` or `fail`: the claim was decided.
    public var isDecided: Bool { self == .pass || self == .fail }
}
