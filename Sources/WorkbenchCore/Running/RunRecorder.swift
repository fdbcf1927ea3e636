import Foundation
import WorkbenchStore

/// The runner's ``MetricSink``: writes the run row, buffers metric points and writes them in
/// batched transactions, keeps the run's heartbeat fresh, and finalises the run row.
///
/// All database access goes through one connection guarded by one lock, so the experiment's
/// threads, the heartbeat thread and the signal thread never interleave inside a transaction.
/// Recorded points reach the database when ``batchSize`` accumulate and otherwise within
/// ``flushInterval`` seconds (a background thread flushes them), and on every exit path the
/// process can observe.
public final class RunRecorder: MetricSink, @unchecked Sendable {
    /// Points buffered before a write is forced.
    public static let batchSize = 4096
    /// Longest time recorded points stay only in memory, in seconds.
    public static let flushInterval: TimeInterval = 1
    /// Interval between heartbeats, in seconds (a multiple of ``flushInterval``).
    public static let heartbeatInterval: TimeInterval = 2

    /// The run this recorder writes.
    public let runID: String
    private let store: RunStore
    private let lock = NSLock()
    private var pending: [StoredMetric] = []
    private var nextSequence = 0
    private var lastFlush = Date()
    private var inserted = false
    private var finalized = false
    private var backgroundThread: Thread?

    public init(runID: String, store: RunStore) {
        self.runID = runID
        self.store = store
    }

    /// Commits the run row and its parameters (under the lock, so a signal handler that
    /// finalises the run waits for it).
    public func insert(
        _ record: RunRecord, parameters: [StoredParameter], inputs: [StoredInput] = [],
        tags: [(key: String, value: String)] = []
    ) throws {
        try lock.withLock {
            try store.insertRun(record, parameters: parameters, inputs: inputs, tags: tags)
            inserted = true
        }
    }

    public func append(_ points: [MetricPoint]) throws {
        try lock.withLock {
            pending.append(
                contentsOf: points.map {
                    StoredMetric(
                        key: $0.key, x: $0.x, value: $0.value, coordinates: CoordinateJSON.encode($0.coordinates))
                })
            if pending.count >= Self.batchSize || Date().timeIntervalSince(lastFlush) >= Self.flushInterval {
                try flushLocked()
            }
        }
    }

    public func append(_ artifact: RunArtifact) throws {
        try lock.withLock {
            try store.appendArtifact(
                runID: runID,
                StoredArtifact(name: artifact.name, mediaType: artifact.mediaType, content: artifact.content))
        }
    }

    /// Writes all pending points now.
    public func flush() throws {
        try lock.withLock { try flushLocked() }
    }

    private func flushLocked() throws {
        lastFlush = Date()
        guard !pending.isEmpty, inserted, !finalized else { return }
        try store.appendMetrics(runID: runID, pending, firstSequence: nextSequence)
        nextSequence += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Starts the background thread that flushes pending points every ``flushInterval`` and
    /// refreshes `heartbeat_at` every ``heartbeatInterval``.
    public func startBackgroundWrites() {
        let ticksPerHeartbeat = max(1, Int((Self.heartbeatInterval / Self.flushInterval).rounded()))
        let thread = Thread { [weak self] in
            var tick = 0
            while !Thread.current.isCancelled {
                Thread.sleep(forTimeInterval: Self.flushInterval)
                guard let recorder = self, !Thread.current.isCancelled else { break }
                tick += 1
                recorder.tick(heartbeat: tick % ticksPerHeartbeat == 0)
            }
        }
        thread.name = "workbench-recorder"
        lock.withLock { backgroundThread = thread }
        thread.start()
    }

    private func tick(heartbeat: Bool) {
        lock.withLock {
            guard inserted, !finalized else { return }
            try? flushLocked()
            if heartbeat { try? store.heartbeat(runID: runID, at: Timestamp.now()) }
        }
    }

    /// Flushes pending points and ends the run (once; later calls do nothing).
    ///
    /// - Returns: `false` if this recorder had already finalised the run, never inserted it, or
    ///   the row had already ended (so it was not changed).
    @discardableResult
    public func finalize(
        status: RunStatus, durationSeconds: Double, resultDigest: String?, error: String?,
        checks: [StoredCheck]
    ) throws -> Bool {
        try lock.withLock {
            backgroundThread?.cancel()
            guard inserted, !finalized else { return false }
            do {
                try flushLocked()
            } catch {
                finalized = true
                try store.finishRun(
                    runID: runID, status: .failed, endedAt: Timestamp.now(),
                    durationSeconds: durationSeconds, resultDigest: nil,
                    error: "could not store metrics: \(error)", checks: [])
                throw error
            }
            finalized = true
            return try store.finishRun(
                runID: runID, status: status, endedAt: Timestamp.now(),
                durationSeconds: durationSeconds, resultDigest: resultDigest, error: error,
                checks: checks)
        }
    }
}
