import Foundation
import WorkbenchNumerics

/// What an experiment sees while it runs: its parameters and seed, a way to record metrics,
/// seeded random streams, deterministic parallel loops and progress reporting.
///
/// Recording is thread-safe. Each `(key, x)` pair may be recorded once; a second record throws
/// ``ExperimentError/duplicateMetric(key:x:)``, so no result is silently overwritten.
public final class RunContext: @unchecked Sendable {
    /// Resolved, validated parameters.
    public let parameters: ParameterSet
    /// The run's master seed; derive generators with ``random(_:)``.
    public let seed: UInt64
    /// Number of worker threads for ``parallelMap(_:_:)``; results never depend on it.
    public let workerCount: Int

    private let sink: MetricSink
    private let progressReporter: ProgressReporter?
    private let lock = NSLock()
    private var seen = Set<MetricIdentity>()
    private var recorded: [MetricPoint] = []

    private struct MetricIdentity: Hashable {
        let key: String
        let x: UInt64?
    }

    public init(
        parameters: ParameterSet, seed: UInt64, workerCount: Int = 1, sink: MetricSink,
        progress: ProgressReporter? = nil
    ) {
        self.parameters = parameters
        self.seed = seed
        self.workerCount = max(1, workerCount)
        self.sink = sink
        self.progressReporter = progress
    }

    /// Records the scalar metric `key`.
    public func record(_ key: String, _ value: Double) throws {
        try record([MetricPoint(key, value)])
    }

    /// Records the point `(x, value)` of the series `key`.
    public func record(_ key: String, x: Double, _ value: Double) throws {
        try record([MetricPoint(key, x: x, value)])
    }

    /// Records a whole series `key` at abscissae `xs`.
    public func record(_ key: String, xs: [Double], values: [Double]) throws {
        precondition(xs.count == values.count, "series abscissae and values differ in length")
        try record(zip(xs, values).map { MetricPoint(key, x: $0, $1) })
    }

    /// Records several points at once (one batch for the store).
    public func record(_ points: [MetricPoint]) throws {
        try lock.withLock {
            for point in points {
                let identity = MetricIdentity(key: point.key, x: point.x?.bitPattern)
                guard seen.insert(identity).inserted else {
                    throw ExperimentError.duplicateMetric(key: point.key, x: point.x)
                }
            }
            try sink.append(points)
            recorded.append(contentsOf: points)
        }
    }

    /// Attaches a text artifact (e.g. a CSV the report links to).
    public func attach(name: String, mediaType: String = "text/csv", content: String) throws {
        try lock.withLock {
            try sink.append(RunArtifact(name: name, mediaType: mediaType, content: content))
        }
    }

    /// Everything recorded so far, in recording order.
    public var recordedPoints: [MetricPoint] { lock.withLock { recorded } }

    /// An independent generator for the stream `(seed, path…)`; the same path always gives the
    /// same numbers, whatever thread asks.
    public func random(_ path: RandomStreamKey...) -> Xoshiro256StarStar {
        RandomStream.generator(seed: seed, path: path)
    }

    /// An independent generator for `(seed, path)`.
    public func random(path: [RandomStreamKey]) -> Xoshiro256StarStar {
        RandomStream.generator(seed: seed, path: path)
    }

    /// Reports progress (`fraction` in [0, 1] when known).
    public func progress(_ message: String, fraction: Double? = nil) {
        progressReporter?.report(message, fraction: fraction)
    }

    /// Evaluates `body(i)` for `i` in `0..<count` on up to ``workerCount`` threads and returns the
    /// results in index order. The first error thrown (lowest index) is rethrown.
    public func parallelMap<T: Sendable>(
        _ count: Int, _ body: @Sendable (Int) throws -> T
    ) throws -> [T] {
        try ParallelWork.map(count, workers: workerCount, body)
    }
}
