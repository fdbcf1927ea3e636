extension ClaimVerdict {
    /// The verdict as plain report text: `pass`, `FAIL` (capitals so failures stand out) or
    /// `inconclusive`.
    public var plainText: String {
        switch self {
        case .pass: return "pass"
        case .fail: return "FAIL"
        case .inconclusive: return "inconclusive"
        }
    }

    /// The verdict as Markdown: `**pass**`, `**FAIL**` or `inconclusive`.
    public var reportText: String {
        switch self {
        case .pass, .fail: return "**\(plainText)**"
        case .inconclusive: return plainText
        }
    }
}
