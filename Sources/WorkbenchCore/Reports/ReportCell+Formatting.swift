extension ReportCell {
    /// The cell as Markdown table text: numbers with their significant digits (`ReportNumber.format`).
    var markdownText: String {
        switch self {
        case .text(let text): return text
        case .number(let value, let digits): return ReportNumber.format(value, digits: digits)
        case .integer(let value): return String(value)
        case .empty: return ""
        }
    }

    /// The cell as an unquoted CSV field: numbers in full round-trip precision (`ReportNumber.exact`).
    var csvText: String {
        switch self {
        case .text(let text): return text
        case .number(let value, _): return ReportNumber.exact(value)
        case .integer(let value): return String(value)
        case .empty: return ""
        }
    }
}
