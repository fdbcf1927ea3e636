/// Where a ``RunContext`` sends what an experiment records. The runner's sink writes batches
/// into the database; ``MemoryMetricSink`` keeps everything in memory for tests.
public protocol MetricSink: AnyObject, Sendable {
    /// Accepts points in recording order. Called under the context's lock.
    func append(_ points: [MetricPoint]) throws
    /// Accepts one artifact.
    func append(_ artifact: RunArtifact) throws
}

/// Progress messages from a running experiment (shown on stderr when it is a terminal).
public protocol ProgressReporter: Sendable {
    func report(_ message: String, fraction: Double?)
}
