import WorkbenchStore

/// Reads a run back from the database into everything a report needs.
public enum ReportLoader {
    /// The run's results (parameters, metrics, artifacts) as stored.
    public static func results(_ store: RunStore, runID: String) throws -> RunResults {
        let record = try store.run(runID)
        let parameters = try ParameterSet(stored: try store.parameters(runID))
        let metrics = try store.metrics(runID).map {
            MetricPoint($0.key, x: $0.x, $0.value, coordinates: CoordinateJSON.decode($0.coordinates))
        }
        let artifacts = try store.artifacts(runID).map {
            RunArtifact(name: $0.name, mediaType: $0.mediaType, content: $0.content)
        }
        return RunResults(
            runID: runID, experiment: record.experiment, preset: record.preset, seed: record.seed,
            parameters: parameters, metrics: metrics, artifacts: artifacts)
    }

    /// The full report input for `runID` of `experiment`.
    public static func document(
        _ store: RunStore, runID: String, experiment: any Experiment, databaseName: String
    ) throws -> ReportDocument {
        let results = try results(store, runID: runID)
        let checks = try store.checks(runID).map(CheckResult.init(stored:))
        return ReportDocument(
            descriptor: experiment.descriptor, results: results, checks: checks,
            provenance: try store.run(runID), content: experiment.report(results),
            databaseName: databaseName,
            companions: try seedCompanions(store, descriptor: experiment.descriptor, databaseName: databaseName))
    }

    /// The seed-robustness report of the latest sweep over seeds alone (no swept parameter) of
    /// the experiment with a finished cell, if the database holds one.
    static func seedCompanions(_ store: RunStore, descriptor: ExperimentDescriptor, databaseName: String) throws
        -> [ReportCompanion]
    {
        guard store.tracksSweeps else { return [] }
        for sweep in try store.sweeps() where sweep.experiment == descriptor.id {
            guard let spec = try? SweepSpecification.decode(sweep.spec), spec.axes.isEmpty else { continue }
            let data = try SweepReportData.load(store, sweep: sweep, descriptor: descriptor, databaseName: databaseName)
            let finished = data.cells.filter { $0.status == .finished }.count
            guard finished > 0 else { continue }
            let claims = data.claims.map { ClaimRobustness(claim: $0, in: data) }
            let failing = claims.filter { $0.fail > 0 }
            let summary =
                "\(finished) seeds (\(SweepReport.seedRanges(spec.seeds))) of the `\(spec.preset)` preset"
                + (spec.fixed.isEmpty ? "" : " with " + spec.fixed.map { "`\($0)`" }.joined(separator: " "))
                + "; "
                + (failing.isEmpty
                    ? "every evaluated claim passes on every seed"
                    : "claims failing on some seeds: "
                        + failing.map { "\($0.claim) passes \(SweepReport.rateText($0))" }.joined(separator: ", "))
            return [
                ReportCompanion(
                    title: "Pass rate of every claim over seeds", fileName: SweepReport.stem(sweep, spec: spec) + ".md",
                    summary: summary)
            ]
        }
        return []
    }
}
