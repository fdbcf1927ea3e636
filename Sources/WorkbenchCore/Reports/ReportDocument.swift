/// Everything a report is rendered from, all of it read back from the database.
public struct ReportDocument: Sendable {
    public let descriptor: ExperimentDescriptor
    public let results: RunResults
    public let checks: [CheckResult]
    public let provenance: RunProvenance
    /// The experiment's own tables and figures (`experiment.report(results)`).
    public let content: ReportContent
    /// Database file name as shown in the provenance footer.
    public let databaseName: String

    public init(
        descriptor: ExperimentDescriptor, results: RunResults, checks: [CheckResult],
        provenance: RunProvenance, content: ReportContent, databaseName: String
    ) {
        self.descriptor = descriptor
        self.results = results
        self.checks = checks
        self.provenance = provenance
        self.content = content
        self.databaseName = databaseName
    }
}

/// One file of a rendered report: a path relative to `Reports/<id>/` and its bytes.
public struct ReportFile: Sendable, Equatable {
    public let name: String
    public let contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
