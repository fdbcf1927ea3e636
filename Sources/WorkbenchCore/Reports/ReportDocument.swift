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
    /// Reports rendered beside this one from the same database (the seed-robustness report of
    /// a sweep over seeds), linked from the README.
    public let companions: [ReportCompanion]

    public init(
        descriptor: ExperimentDescriptor, results: RunResults, checks: [CheckResult],
        provenance: RunProvenance, content: ReportContent, databaseName: String,
        companions: [ReportCompanion] = []
    ) {
        self.descriptor = descriptor
        self.results = results
        self.checks = checks
        self.provenance = provenance
        self.content = content
        self.databaseName = databaseName
        self.companions = companions
    }
}

/// A report beside the run's report, linked from its README: a file name and a one-line
/// summary (e.g. the claims that fail on some seeds).
public struct ReportCompanion: Sendable, Equatable {
    public let title: String
    public let fileName: String
    public let summary: String

    public init(title: String, fileName: String, summary: String) {
        self.title = title
        self.fileName = fileName
        self.summary = summary
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
