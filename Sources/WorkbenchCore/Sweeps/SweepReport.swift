import Foundation
import WorkbenchStore

/// The report of a sweep, rendered from the database alone and byte-identical for the same
/// rows: per claim its pass rate over the sweep's finished cells and the distribution of its
/// measured value (``ClaimRobustness``), the cells that fail it, a figure per claim whose
/// measurement varies (against the first swept parameter, one line per value of the second; for
/// a sweep over seeds alone, against the seed), a table of cells, a closing note stating every
/// claim's pass rate, and provenance.
///
/// Files: `<stem>.md`, `<stem>-claims.csv`, `<stem>-cells.csv`, `<stem>-<claim>.svg`; the stem is
/// `seeds` for a sweep over seeds alone (the seed-robustness report the experiment's README
/// links to), else `sweep-<name or id prefix>`.
public enum SweepReport {
    /// The file stem of `sweep`'s report.
    public static func stem(_ sweep: StoredSweep, spec: SweepSpecification) -> String {
        spec.axes.isEmpty ? "seeds" : "sweep-" + (sweep.name ?? String(sweep.sweepID.prefix(12)))
    }

    /// `seed 7`, or `mcSamples=800 seed 7`.
    static func label(_ cell: SweepReportData.Cell) -> String {
        (cell.assignments.map { "\($0.key)=\($0.value)" } + ["seed \(cell.seed)"]).joined(separator: " ")
    }

    /// The report's files.
    public static func render(_ data: SweepReportData) -> [ReportFile] {
        let stem = stem(data.sweep, spec: data.spec)
        let claims = data.claims.map { ClaimRobustness(claim: $0, in: data) }
        let figures = claims.compactMap { figure(for: $0, data: data, stem: stem) }
        var files = [
            ReportFile(name: "\(stem).md", contents: markdown(data, claims: claims, figures: figures, stem: stem)),
            ReportFile(name: "\(stem)-claims.csv", contents: claimsCSV(claims)),
            ReportFile(name: "\(stem)-cells.csv", contents: cellsCSV(data)),
        ]
        files += figures.map {
            ReportFile(name: ReportFileName.make($0.id, extension: "svg"), contents: SVGPlot($0).svg)
        }
        return files
    }

    static func markdown(
        _ data: SweepReportData, claims: [ClaimRobustness], figures: [ReportFigure], stem: String
    ) -> String {
        let finished = data.cells.filter { $0.status == .finished }.count
        let spec = data.spec
        var text = "# \(data.descriptor.title) — \(spec.axes.isEmpty ? "seed robustness" : "sweep")\n\n"
        text +=
            "Sweep `\(data.sweep.name ?? data.sweep.sweepID)` of `\(data.descriptor.id)` at preset `\(spec.preset)`: "
            + describe(spec) + ". "
            + "\(finished) of \(data.cells.count) cells finished; the statistics below are over the finished cells. "
            + "Rendered from the database only.\n\n"
        if !spec.fixed.isEmpty {
            text += "Fixed parameters: " + spec.fixed.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
        }
        text += "## Claims over the cells\n\n"
        text +=
            "Pass rate = pass / evaluated (cells where the claim was pass, fail or inconclusive). "
            + "Measured: mean, min – max and a 95 % percentile bootstrap interval of the mean "
            + "(\(ClaimRobustness.bootstrapResamples) resamples, seeded by the claim id). "
            + "Accepted intervals are the experiment's, unchanged.\n\n"
        var table = MarkdownTable(columns: [
            "claim", "pass rate", "pass", "fail", "inconclusive", "not evaluated", "mean", "min – max",
            "95 % bootstrap CI", "accepted", "failing cells",
        ])
        for claim in claims {
            table.rows.append([
                claim.claim, rateText(claim), String(claim.pass), String(claim.fail), String(claim.inconclusive),
                String(claim.notEvaluated), claim.mean.map { number($0) } ?? "—",
                claim.measured.isEmpty
                    ? "—" : "\(number(claim.measured.min() ?? .nan)) – \(number(claim.measured.max() ?? .nan))",
                claim.bootstrapInterval.map { "[\(number($0.low)), \(number($0.high))]" } ?? "—", claim.expected,
                claim.failingCells.isEmpty ? "—" : claim.failingCells.joined(separator: "; "),
            ])
        }
        text += table.text + "\n"
        let marginal = claims.filter { $0.marginal > 0 }
        if !marginal.isEmpty {
            text +=
                "Marginal verdicts (the point estimate decides; its CI straddles a bound): "
                + marginal.map { "\($0.claim) \($0.marginal)×" }.joined(separator: ", ") + ".\n\n"
        }
        text += "Statements:\n\n"
        for claim in claims { text += "- **\(claim.claim)**: \(claim.statement)\n" }
        text += "\n"
        if !figures.isEmpty {
            text += "## Figures\n\n"
            for figure in figures {
                text += "![\(figure.title)](\(ReportFileName.make(figure.id, extension: "svg")))\n\n"
            }
        }
        text += "## Cells\n\n"
        text += cellsTable(data).text + "\n"
        text += "## Closing note\n\n"
        text += closingNote(claims) + "\n"
        text += "## Provenance\n\n"
        text += provenance(data)
        return text
    }

    static func closingNote(_ claims: [ClaimRobustness]) -> String {
        var text =
            "Pass rate of every claim: "
            + claims.map { "\($0.claim) \($0.passRate == nil ? "not evaluated" : rateText($0))" }
            .joined(separator: ", ") + ".\n\n"
        let failing = claims.filter { $0.fail > 0 }
        let inconclusive = claims.filter { $0.inconclusive > 0 }
        if failing.isEmpty && inconclusive.isEmpty {
            text += "Every evaluated claim passed in every finished cell.\n"
        }
        if !failing.isEmpty {
            text +=
                "Claims that fail in some cells: "
                + failing.map { "\($0.claim) (fails for \($0.failingCells.joined(separator: ", ")))" }
                .joined(separator: "; ")
                + ". Their accepted intervals are unchanged; the failures are the measurement.\n"
        }
        if !inconclusive.isEmpty {
            text +=
                "Claims inconclusive in some cells: "
                + inconclusive.map { "\($0.claim) (\($0.inconclusiveCells.joined(separator: ", ")))" }
                .joined(separator: "; ") + ".\n"
        }
        return text
    }

    static func cellsTable(_ data: SweepReportData) -> MarkdownTable {
        let keys = data.spec.axes.map(\.key)
        var table = MarkdownTable(columns: ["cell"] + keys + ["seed", "status", "run", "pass", "fail", "other"])
        for cell in data.cells {
            let pass = cell.checks.filter { $0.verdict == .pass }.count
            let fail = cell.checks.filter { $0.verdict == .fail }.count
            table.rows.append(
                [String(cell.index)] + cell.assignments.map(\.value) + [
                    String(cell.seed), cell.status.rawValue, cell.runID.map { String($0.prefix(12)) } ?? "—",
                    String(pass), String(fail), String(cell.checks.count - pass - fail),
                ])
        }
        return table
    }

    static func claimsCSV(_ claims: [ClaimRobustness]) -> String {
        CSVText.document(
            header: [
                "claim", "evaluated", "pass", "fail", "inconclusive", "not_evaluated", "pass_rate", "mean", "min",
                "max", "bootstrap_low", "bootstrap_high", "expected", "failing_cells",
            ],
            rows: claims.map { claim in
                let interval = claim.bootstrapInterval
                return [
                    claim.claim, String(claim.evaluated), String(claim.pass), String(claim.fail),
                    String(claim.inconclusive), String(claim.notEvaluated),
                    claim.passRate.map(ReportNumber.exact) ?? "",
                    claim.mean.map(ReportNumber.exact) ?? "", claim.measured.min().map(ReportNumber.exact) ?? "",
                    claim.measured.max().map(ReportNumber.exact) ?? "",
                    interval.map { ReportNumber.exact($0.low) } ?? "",
                    interval.map { ReportNumber.exact($0.high) } ?? "", claim.expected,
                    claim.failingCells.joined(separator: "; "),
                ]
            })
    }

    static func cellsCSV(_ data: SweepReportData) -> String {
        let claims = data.claims
        let keys = data.spec.axes.map(\.key)
        return CSVText.document(
            header: ["cell"] + keys + ["seed", "status", "run_id"] + claims.flatMap { ["\($0)", "\($0)_measured"] },
            rows: data.cells.map { cell in
                [String(cell.index)] + cell.assignments.map(\.value) + [
                    String(cell.seed), cell.status.rawValue, cell.runID ?? "",
                ]
                    + claims.flatMap { claim -> [String] in
                        let check = cell.checks.first { $0.claim == claim }
                        return [check?.verdict.rawValue ?? "", check?.measured.map(ReportNumber.exact) ?? ""]
                    }
            })
    }

    static func provenance(_ data: SweepReportData) -> String {
        let runs = data.cells.compactMap(\.run)
        let commits = Set(runs.map { ($0.gitCommit ?? "unknown") + ($0.gitDirty == true ? " (dirty)" : "") }).sorted()
        let blas = Set(runs.map { "\($0.blasCore), \($0.blasThreads) thread\($0.blasThreads == 1 ? "" : "s")" })
            .sorted()
        var text = "- sweep: `\(data.sweep.sweepID)`"
        if let name = data.sweep.name { text += " (`\(name)`)" }
        text += ", created \(data.sweep.createdAt)\n"
        if let command = data.sweep.commandLine { text += "- command: `\(command)`\n" }
        text += "- runs: \(runs.count) (ids in `\(stemHint(data))-cells.csv`)\n"
        text += "- code: " + commits.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        text += "- BLAS: " + blas.joined(separator: "; ") + "\n"
        text += "- database: `\(data.databaseName)`\n"
        return text
    }

    private static func stemHint(_ data: SweepReportData) -> String { stem(data.sweep, spec: data.spec) }

    static func describe(_ spec: SweepSpecification) -> String {
        var parts = spec.axes.map { "\($0.key) ∈ {\($0.values.joined(separator: "; "))}" }
        parts.append("seeds \(seedRanges(spec.seeds))")
        return parts.joined(separator: " × ") + " (\(spec.cellCount) cells)"
    }

    static func seedRanges(_ seeds: [UInt64]) -> String {
        var parts: [String] = []
        var index = 0
        while index < seeds.count {
            var end = index
            while end + 1 < seeds.count && seeds[end + 1] == seeds[end] + 1 { end += 1 }
            parts.append(end == index ? "\(seeds[index])" : "\(seeds[index])–\(seeds[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    static func rateText(_ claim: ClaimRobustness) -> String {
        guard let rate = claim.passRate else { return "—" }
        return "\(claim.pass)/\(claim.evaluated) (\(String(format: "%.0f", rate * 100)) %)"
    }

    static func number(_ value: Double) -> String { ReportNumber.format(value, digits: 4) }
}
