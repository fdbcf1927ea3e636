import Foundation
import Testing
@testable import WorkbenchCore

@Suite("Report rendering")
struct ReportRendererTests {
    let files = ReportRenderer.render(ReportTestDocument.document)

    private var readme: String { files.first { $0.name == "README.md" }?.contents ?? "" }

    @Test func renderingTwiceGivesIdenticalFiles() {
        let again = ReportRenderer.render(ReportTestDocument.document)
        #expect(files == again)
        #expect(Data(files.map(\.contents).joined().utf8) == Data(again.map(\.contents).joined().utf8))
    }

    @Test func filesAreReadmeThenTablesAndFiguresInBlockOrder() {
        #expect(files.map(\.name) == ["README.md", "errors.csv", "error-vs-steps.svg"])
    }

    @Test func readmeStartsWithTitlePaperAndSummary() {
        #expect(readme.hasPrefix("# Toy discretization error\n\n"))
        #expect(
            readme.contains(
                "**Paper:** A. Author and B. Author, *Rates | for toy solvers*, arXiv preprint, 2026 (arXiv:2601.00001)"
            ))
        #expect(readme.contains("Measures the error of Euler's method against the step count K."))
        #expect(!readme.contains("Warning"))
    }

    @Test func configurationListsEveryParameterAndMarksChangedValues() {
        #expect(readme.contains("## Configuration"))
        #expect(readme.contains("Preset `paper` (the paper's scale), seed 42."))
        #expect(readme.contains("| parameter | value | default | meaning |"))
        #expect(readme.contains("| `steps` | **`10,20,40,80,160,320`** | `10,20,40` | Step counts K. |"))
        #expect(readme.contains("| `eta` | `0.5` | `0.5` | Step size factor. |"))
        #expect(readme.contains("| `method` | `euler` | `euler` | Solver \\| scheme. |"))
        #expect(readme.contains("| `verbose` | `false` | `false` | Print progress. |"))
        #expect(readme.contains("Values in **bold** differ from the declared default."))
    }

    @Test func claimsTableShowsEachVerdictAndATally() {
        #expect(readme.contains("| claim | statement | paper | expected | measured | verdict |"))
        #expect(
            readme.contains(
                "| A1 | Error decays like 1/K | slope −1 | [-1.1, -0.9] | -1.012 (95% CI [-1.05, -0.97]); log-log slope over 6 points | **pass** |"
            ))
        #expect(readme.contains("| A2 | Constant is at most 1 \\| tight | C ≤ 1 | ≤ 1 | 2.5 | **FAIL** |"))
        #expect(
            readme.contains("| A3 | Second-order part | slope −2 | [-2.2, -1.8] | — (too few points) | inconclusive |"))
        #expect(
            readme.contains("Tally: **1 pass**, **1 FAIL**, 1 inconclusive, 0 not-run, 0 not-applicable (3 claims)."))
    }

    @Test func bodyBlocksFollowInOrder() throws {
        let heading = try #require(readme.range(of: "## Error against K\n"))
        let paragraph = try #require(readme.range(of: "The error falls like 1/K.\n"))
        let table = try #require(
            readme.range(of: "**Errors by step count** ([CSV](errors.csv))\n\n| K | error | note |"))
        let figure = try #require(readme.range(of: "![Error vs steps K](error-vs-steps.svg)\n"))
        let provenance = try #require(readme.range(of: "## Provenance"))
        let claims = try #require(readme.range(of: "## Claims"))
        #expect(claims.lowerBound < heading.lowerBound)
        #expect(heading.lowerBound < paragraph.lowerBound)
        #expect(paragraph.lowerBound < table.lowerBound)
        #expect(table.lowerBound < figure.lowerBound)
        #expect(figure.lowerBound < provenance.lowerBound)
        #expect(readme.contains("| 10 | 0.2 | coarse, \"first\" |"))
        #expect(readme.contains("| total | 0.333 |  |"))
    }

    @Test func provenanceFooterHasEveryField() {
        let expectedRows = [
            "| run | `run-0123456789ab` |", "| status | finished |",
            "| started (UTC) | 2026-11-22T10:00:00Z |", "| ended (UTC) | 2026-11-22T10:01:05Z |",
            "| duration | 1 min 5 s |", "| host | node-7 |",
            "| git commit | `abcdef1234567890` (dirty: uncommitted changes) |",
            "| workbench version | 0.3.0 |", "| BLAS core | Haswell |", "| BLAS threads | 1 |",
            "| SQLite version | 3.40.1 |", "| config hash | `cfg0hash1234` |",
            "| result digest | `digest9876` |", "| database | `workbench.sqlite` |",
        ]
        for row in expectedRows { #expect(readme.contains(row), "missing \(row)") }
        #expect(readme.hasSuffix("| database | `workbench.sqlite` |\n"))
    }

    @Test func unfinishedRunIsFlaggedAndMissingValuesShowDashes() {
        var provenance = ReportTestDocument.provenance
        provenance.status = .failed
        provenance.error = "matrix | not positive definite"
        provenance.endedAt = nil
        provenance.durationSeconds = nil
        provenance.gitCommit = nil
        provenance.resultDigest = nil
        let document = ReportDocument(
            descriptor: ReportTestDocument.descriptor, results: ReportTestDocument.results, checks: [],
            provenance: provenance, content: ReportContent(), databaseName: "db.sqlite")
        let text = ReportRenderer.markdown(document)
        #expect(text.contains("> **Warning:** this run's status is `failed`: matrix | not positive definite."))
        #expect(text.contains("| error | matrix \\| not positive definite |"))
        #expect(text.contains("| ended (UTC) | — |"))
        #expect(text.contains("| duration | — |"))
        #expect(text.contains("| git commit | unknown (not a git checkout) |"))
        #expect(text.contains("| result digest | — |"))
        #expect(text.contains("No claims are checked for this experiment."))
        #expect(ReportRenderer.render(document).map(\.name) == ["README.md"])
    }

    @Test func durationsReadNaturally() {
        #expect(ReportRenderer.durationText(12.345) == "12.3 s")
        #expect(ReportRenderer.durationText(0.004) == "0.004 s")
        #expect(ReportRenderer.durationText(3725) == "1 h 2 min 5 s")
    }
}
