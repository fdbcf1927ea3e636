import Foundation

/// A ``MetricSink`` that keeps every point in memory (for tests and dry runs).
public final class MemoryMetricSink: MetricSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storedPoints: [MetricPoint] = []
    private var storedArtifacts: [RunArtifact] = []

    public init() {}

    public func append(_ points: [MetricPoint]) throws {
        lock.withLock { storedPoints.append(contentsOf: points) }
    }

    public func append(_ artifact: RunArtifact) throws {
        lock.withLock { storedArtifacts.append(artifact) }
    }

    /// Everything recorded so far, in recording order.
    public var points: [MetricPoint] { lock.withLock { storedPoints } }

    /// Artifacts recorded so far.
    public var artifacts: [RunArtifact] { lock.withLock { storedArtifacts } }
}
