import Foundation
import WorkbenchCore
import WorkbenchStore

/// Metric-recording throughput: writes `points` series points through the runner's recording
/// path (RunContext → RunRecorder → batched transactions in a WAL database) and, as peers
/// measured in the same command, the same schema with one committed transaction per point: (a) in
/// WAL mode with synchronous=NORMAL, and (b) with the rollback journal and synchronous=FULL,
/// SQLite's defaults, which is how a tracker that commits every logged value through a default
/// connection writes (MLflow's SQLite store). Prints points per second for each and the ratios.
func runRecordingBenchmark(points: Int) throws {
    let peerPoints = max(1, min(points, 2_000))
    let defaultPeerPoints = max(1, min(points, 200))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "workbench-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    func runRecord(_ id: String) -> RunRecord {
        RunRecord(
            runID: id, experiment: "bench", preset: "quick", status: .running, seed: 0, configHash: "h",
            startedAt: Timestamp.now(), host: "bench", pid: 0, workbenchVersion: "bench", blasCore: "-",
            blasThreads: 1, sqliteVersion: Database.libraryVersion)
    }

    func newRun(_ store: RunStore) throws -> String {
        let id = RunIdentifier.random()
        try store.insertRun(runRecord(id), parameters: [])
        return id
    }

    // Workbench: the recording path every experiment uses.
    let batchedStore = try RunStore(path: directory.appendingPathComponent("batched.sqlite").path)
    let batchedRun = RunIdentifier.random()
    let recorder = RunRecorder(runID: batchedRun, store: batchedStore)
    try recorder.insert(runRecord(batchedRun), parameters: [])
    let context = RunContext(parameters: ParameterSet([:]), seed: 0, sink: recorder)
    let start = Date()
    for i in 0..<points {
        try context.record(MetricKey(.name("series.\(i % 16)")), x: Double(i / 16), Double(i) * 1e-3)
    }
    try recorder.finalize(status: .finished, durationSeconds: 0, resultDigest: nil, error: nil, checks: [])
    let batchedSeconds = Date().timeIntervalSince(start)
    let stored = try batchedStore.database.scalar("SELECT count(*) FROM metrics")?.integerValue ?? 0
    precondition(stored == Int64(points), "lost points: stored \(stored) of \(points)")

    /// Seconds to write `count` points to a fresh store at `name`, one committed transaction each,
    /// after running `pragmas` on the connection.
    func perPointSeconds(_ name: String, count: Int, pragmas: String? = nil) throws -> Double {
        let store = try RunStore(path: directory.appendingPathComponent(name).path)
        if let pragmas { try store.database.execute(pragmas) }
        let run = try newRun(store)
        let start = Date()
        for i in 0..<count {
            try store.appendMetrics(
                runID: run, [StoredMetric(key: "series.\(i % 16)", x: Double(i / 16), value: Double(i) * 1e-3)],
                firstSequence: i)
        }
        return Date().timeIntervalSince(start)
    }

    // Peers: one committed transaction per point, same schema; WAL, then SQLite's default durability.
    let peerSeconds = try perPointSeconds("per-point.sqlite", count: peerPoints)
    let defaultSeconds = try perPointSeconds(
        "defaults.sqlite", count: defaultPeerPoints, pragmas: "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")

    let batchedRate = Double(points) / batchedSeconds
    let peerRate = Double(peerPoints) / peerSeconds
    let defaultRate = Double(defaultPeerPoints) / defaultSeconds
    print(
        "workbench recording (batches of \(RunRecorder.batchSize), WAL): \(points) points in \(String(format: "%.3f", batchedSeconds)) s = \(Int(batchedRate)) points/s"
    )
    print(
        "peer, one transaction per point (WAL):            \(peerPoints) points in \(String(format: "%.3f", peerSeconds)) s = \(Int(peerRate)) points/s"
    )
    print(
        "peer, one transaction per point (rollback journal, synchronous=FULL): \(defaultPeerPoints) points in \(String(format: "%.3f", defaultSeconds)) s = \(Int(defaultRate)) points/s"
    )
    print(
        "ratios: \(String(format: "%.0f", batchedRate / peerRate))× the WAL per-point peer, \(String(format: "%.0f", batchedRate / defaultRate))× the default-settings peer"
    )
}
