import WorkbenchStore

/// Claim checks as rows for the machine formats of `check` and `show`: one row per claim with
/// its verdict, the `marginal` flag as a boolean, the measurement with its 95 % CI and the
/// accepted interval.
enum CheckRows {
    static let columns = [
        "claim", "part", "verdict", "marginal", "measured", "ci_low", "ci_high", "expected", "expected_low",
        "expected_high", "paper", "statement", "detail",
    ]

    static func table(_ checks: [StoredCheck]) -> TabularOutput {
        func number(_ value: Double?) -> OutputCell { value.map(OutputCell.number) ?? .null }
        func text(_ value: String?) -> OutputCell { value.map(OutputCell.text) ?? .null }
        let rows = checks.map { check -> [OutputCell] in
            [
                .text(check.claim), text(check.part), .text(check.verdict.rawValue), .boolean(check.marginal),
                number(check.measured), number(check.ciLow), number(check.ciHigh), .text(check.expected),
                number(check.expectedLow), number(check.expectedHigh), .text(check.paper), .text(check.statement),
                text(check.detail),
            ]
        }
        return TabularOutput(columns: columns, rows: rows)
    }
}
