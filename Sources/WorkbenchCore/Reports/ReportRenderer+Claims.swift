import WorkbenchStore

extension ReportRenderer {
    /// `## Claims`: one row per check (paper vs expected vs measured vs verdict) and a tally.
    static func claimsSection(_ checks: [CheckResult]) -> String {
        var text = "## Claims\n\n"
        guard !checks.isEmpty else { return text + "No claims are checked for this experiment.\n" }
        var table = MarkdownTable(
            columns: ["claim", "statement", "paper", "expected", "measured", "verdict"])
        for check in checks {
            table.rows.append([
                check.claim, check.statement, check.paperValue, check.expected.text,
                check.reason.map { "— (\(MarkdownText.singleLine($0)))" } ?? measuredText(check.measurement),
                check.verdict.reportText + (check.marginal ? " ⚠︎ marginal" : ""),
            ])
        }
        text += table.text + "\n" + tally(checks) + "\n"
        if checks.contains(where: \.marginal) {
            text +=
                "\n⚠︎ marginal: the point estimate decides the verdict, but its 95 % confidence interval "
                + "straddles a bound of the accepted interval.\n"
        }
        return text
    }

    /// The measured column: value, the 95 % confidence interval when known, and the detail.
    static func measuredText(_ measurement: Measurement?) -> String {
        guard let measurement else { return "not measured" }
        var text = ReportNumber.format(measurement.value)
        if measurement.ciLow != nil || measurement.ciHigh != nil {
            let low = measurement.ciLow.map { ReportNumber.format($0) } ?? "?"
            let high = measurement.ciHigh.map { ReportNumber.format($0) } ?? "?"
            text += " (95% CI [\(low), \(high)])"
        }
        if let detail = measurement.detail, !detail.isEmpty { text += "; \(detail)" }
        return text
    }

    /// One line such as `Tally: **2 pass**, **1 FAIL**, 0 inconclusive (3 claims).`
    static func tally(_ checks: [CheckResult]) -> String {
        let counts = ClaimVerdict.allCases.map { verdict in
            (verdict, checks.filter { $0.verdict == verdict }.count)
        }
        let parts = counts.map { verdict, count -> String in
            let part = "\(count) \(verdict.plainText)"
            return count > 0 && verdict.isDecided ? "**\(part)**" : part
        }
        let noun = checks.count == 1 ? "claim" : "claims"
        let marginal = checks.filter(\.marginal).count
        return "Tally: " + parts.joined(separator: ", ") + " (\(checks.count) \(noun)"
            + (marginal > 0 ? ", \(marginal) marginal" : "") + ")."
    }
}
