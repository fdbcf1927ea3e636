import Foundation
import WorkbenchCore

/// A hand-made report document covering every report feature, shared by the report tests.
enum ReportTestDocument {
    static let steps = [10.0, 20, 40, 80, 160, 320]

    static var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "toy-discretization", title: "Toy discretization error",
            paper: PaperReference(
                authors: "A. Author and B. Author", title: "Rates | for toy solvers",
                venue: "arXiv preprint, 2026", arxiv: "2601.00001"),
            summary: "Measures the error of Euler's method against the step count K.",
            parameters: [
                ParameterSpec("steps", .intList([10, 20, 40]), doc: "Step counts K."),
                ParameterSpec("eta", .real(0.5), doc: "Step size factor."),
                ParameterSpec("method", .text("euler"), doc: "Solver | scheme."),
                ParameterSpec("verbose", .bool(false), doc: "Print progress."),
            ],
            presets: [
                Preset("paper", summary: "the paper's scale", overrides: ["steps": .intList(steps.map { Int($0) })])
            ],
            parts: [], metrics: [MetricSpec("error", "discretization error", unit: "1 vs K")])
    }

    static var results: RunResults {
        let metrics = steps.map { MetricPoint("error", x: $0, 2 / $0) } + [MetricPoint("slope", -1.01)]
        return RunResults(
            runID: "run-0123456789ab", experiment: "toy-discretization", preset: "paper", seed: 42,
            parameters: ParameterSet([
                "steps": .intList(steps.map { Int($0) }), "eta": .real(0.5),
                "method": .text("euler"), "verbose": .bool(false),
            ]),
            metrics: metrics)
    }

    static var checks: [CheckResult] {
        [
            CheckResult(
                claim: "A1", statement: "Error decays like 1/K", paperValue: "slope −1",
                expected: .around(-1, tolerance: 0.1),
                measurement: Measurement(
                    -1.0123456, ciLow: -1.05, ciHigh: -0.97, detail: "log-log slope over 6 points"),
                verdict: .pass),
            CheckResult(
                claim: "A2", statement: "Constant is at most 1 | tight", paperValue: "C ≤ 1",
                expected: .atMost(1), measurement: Measurement(2.5), verdict: .fail),
            CheckResult(
                claim: "A3", statement: "Second-order part", paperValue: "slope −2",
                expected: .between(-2.2, -1.8), measurement: nil, verdict: .inconclusive,
                reason: "too few points"),
        ]
    }

    static var provenance: RunProvenance {
        RunProvenance(
            runID: "run-0123456789ab", experiment: "toy-discretization", preset: "paper",
            status: .finished, seed: 42, configHash: "cfg0hash1234", startedAt: "2026-11-22T10:00:00Z",
            endedAt: "2026-11-22T10:01:05Z", durationSeconds: 65.4, host: "node-7", pid: 4242,
            gitCommit: "abcdef1234567890", gitDirty: true, workbenchVersion: "0.3.0",
            blasCore: "Haswell", blasThreads: 1, sqliteVersion: "3.40.1",
            resultDigest: "digest9876")
    }

    static var figure: ReportFigure {
        ReportFigure(
            id: "error-vs-steps", title: "Error vs steps K", xLabel: "steps K", yLabel: "error",
            series: [
                PlotSeries(label: "measured error", points: steps.map { ($0, 2 / $0 * (1 + 0.05 * sin($0))) }),
                PlotSeries(label: "fit: slope −1.01", points: [(10, 0.2), (320, 0.2 / 32)], style: .fitted),
                PlotSeries(label: "paper: K^-1", points: [(10, 0.3), (320, 0.3 / 32)], style: .reference),
                PlotSeries(label: "runs <seed & 1>", points: [(15, 0.1), (150, 0.02)], style: .markers),
            ])
    }

    static var table: ReportTable {
        ReportTable(
            id: "errors", title: "Errors by step count", columns: ["K", "error", "note"],
            rows: steps.map { k in [.integer(Int(k)), .number(2 / k), .text(k == 10 ? "coarse, \"first\"" : "")] }
                + [[.text("total"), .number(1.0 / 3.0, digits: 3), .empty]])
    }

    static var content: ReportContent {
        var content = ReportContent()
        content.heading("Error against K")
        content.paragraph("The error falls like 1/K.")
        content.table(table)
        content.figure(figure)
        return content
    }

    static var document: ReportDocument {
        ReportDocument(
            descriptor: descriptor, results: results, checks: checks, provenance: provenance,
            content: content, databaseName: "workbench.sqlite")
    }
}
