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

    /// The declared inputs found for this run, by id.
    public let inputs: [String: InputFile]

    private let sink: MetricSink
    private let progressReporter: ProgressReporter?
    private var partLabel: String?
    private let lock = NSLock()
    private var seen = Set<MetricIdentity>()
    private var recorded: [MetricPoint] = []

    private struct MetricIdentity: Hashable {
        let key: String
        let x: UInt64?
    }

    public init(
        parameters: ParameterSet, seed: UInt64, workerCount: Int = 1, sink: MetricSink,
        progress: ProgressReporter? = nil, inputs: [String: InputFile] = [:]
    ) {
        self.inputs = inputs
        self.parameters = parameters
        self.seed = seed
        self.workerCount = max(1, workerCount)
        self.sink = sink
        self.progressReporter = progress
    }

    /// Records the scalar metric `key` with its coordinates (a string literal is a key without
    /// coordinates).
    public func record(_ key: MetricKey, _ value: Double) throws {
        try record([MetricPoint(key, value)])
    }

    /// Records the point `(x, value)` of the series `key` with its coordinates.
    public func record(_ key: MetricKey, x: Double, _ value: Double) throws {
        try record([MetricPoint(key, x: x, value)])
    }

    /// Records a whole series `key` at abscissae `xs`, with its coordinates.
    public func record(_ key: MetricKey, xs: [Double], values: [Double]) throws {
        precondition(xs.count == values.count, "series abscissae and values differ in length")
        try record(zip(xs, values).map { MetricPoint(key, x: $0, $1) })
    }

    /// The value of the typed parameter `parameter`.
    public subscript<Value>(_ parameter: Parameter<Value>) -> Value { parameters[parameter] }

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

    /// Reports progress within the current part (`fraction` in [0, 1] when known).
    public func progress(_ message: String, fraction: Double? = nil) {
        let label = lock.withLock { partLabel }
        progressReporter?.report(label.map { "\($0): \(message)" } ?? message, fraction: fraction)
    }

    /// The file of the declared input `id`.
    ///
    /// - Throws: ``ExperimentError/failed(_:)`` when the input was not found (the runner skips
    ///   parts whose inputs are missing, so this means the part did not declare it).
    public func input(_ id: String) throws -> InputFile {
        guard let file = inputs[id] else {
            throw ExperimentError.failed(
                "input '\(id)' is not available to this part (declare it in the part's inputs)")
        }
        return file
    }

    /// Marks the start of part `name` (the `index`-th of `count` selected), for progress.
    func beginPart(_ name: String, index: Int, of count: Int) {
        let label = "part \(index + 1)/\(count) \(name)"
        lock.withLock { partLabel = label }
        progressReporter?.report(label, fraction: 0)
    }

    /// Marks the end of the current part.
    func endPart() {
        lock.withLock { partLabel = nil }
    }

    /// Evaluates `body(i)` for `i` in `0..<count` on up to ``workerCount`` threads and returns the
    /// results in index order. The first error thrown (lowest index) is rethrown.
    public func parallelMap<T: Sendable>(
        _ count: Int, _ body: @Sendable (Int) throws -> T
    ) throws -> [T] {
        try ParallelWork.map(count, workers: workerCount, body)
    }
}
