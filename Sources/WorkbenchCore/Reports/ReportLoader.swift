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
            databaseName: databaseName)
    }
}
