import Foundation
import WorkbenchStore

/// The runner's ``MetricSink``: buffers metric points and writes them to the run's database in
/// batched transactions, keeps the run's heartbeat fresh, and finalises the run row.
///
/// All database access goes through one connection guarded by one lock, so the experiment's
/// threads, the heartbeat thread and a signal handler thread never interleave inside a
/// transaction. Pending points are committed at least every ``flushInterval`` seconds (by the
/// heartbeat) and on every exit path the process can observe.
public final class RunRecorder: MetricSink, @unchecked Sendable {
    /// Points buffered before a write is forced.
    public static let batchSize = 4096
    /// Longest time recorded points stay only in memory, in seconds.
    public static let flushInterval: TimeInterval = 1
    /// Interval between heartbeats, in seconds.
    public static let heartbeatInterval: TimeInterval = 2

    public let runID: String
    private let store: RunStore
    private let lock = NSLock()
    private var pending: [StoredMetric] = []
    private var nextSequence = 0
    private var lastFlush = Date()
    private var finalized = false
    private var heartbeatThread: Thread?

    public init(runID: String, store: RunStore) {
        self.runID = runID
        self.store = store
    }

    public func append(_ points: [MetricPoint]) throws {
        try lock.withLock {
            pending.append(contentsOf: points.map { StoredMetric(key: $0.key, x: $0.x, value: $0.value) })
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
        guard !pending.isEmpty, !finalized else { return }
        try store.appendMetrics(runID: runID, pending, firstSequence: nextSequence)
        nextSequence += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Starts a background thread that refreshes `heartbeat_at` and flushes pending points.
    public func startHeartbeat() {
        let thread = Thread { [weak self] in
            while let recorder = self, !Thread.current.isCancelled {
                Thread.sleep(forTimeInterval: Self.heartbeatInterval)
                if Thread.current.isCancelled { break }
                recorder.beat()
            }
        }
        thread.name = "workbench-heartbeat"
        heartbeatThread = thread
        thread.start()
    }

    private func beat() {
        lock.withLock {
            guard !finalized else { return }
            try? flushLocked()
            try? store.heartbeat(runID: runID, at: Timestamp.now())
        }
    }

    /// Flushes pending points and ends the run (once; later calls do nothing).
    ///
    /// - Returns: `false` if the run was already finalised.
    @discardableResult
    public func finalize(
        status: String, durationSeconds: Double, resultDigest: String?, error: String?,
        checks: [StoredCheck]
    ) throws -> Bool {
        heartbeatThread?.cancel()
        return try lock.withLock {
            guard !finalized else { return false }
            do {
                try flushLocked()
            } catch {
                finalized = true
                try store.finishRun(
                    runID: runID, status: "failed", endedAt: Timestamp.now(),
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
