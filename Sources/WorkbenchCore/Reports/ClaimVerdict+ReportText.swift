import WorkbenchStore

extension ClaimVerdict {
    /// The verdict as plain report text: `pass`, `FAIL` (capitals so failures stand out),
    /// `inconclusive`, `not-run` or `not-applicable`.
    public var plainText: String {
        switch self {
        case .fail: return "FAIL"
        default: return rawValue
        }
    }

    /// The verdict as Markdown: `**pass**`, `**FAIL**`, or the plain word for the others.
    public var reportText: String {
        isDecided ? "**\(plainText)**" : plainText
    }
}
