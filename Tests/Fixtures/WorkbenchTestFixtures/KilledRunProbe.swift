#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import WorkbenchStore

/// Starts a real `workbench run` in its own process, SIGKILLs it after a delay, and reads back
/// what the database kept: the proof that recording is streamed (a run keeps everything it
/// computed more than about a second before it was killed).
public struct KilledRunProbe {
    /// Metric rows of the killed run.
    public let metricRows: Int
    /// The run's status as the next command sees it (`lost` after reconciliation).
    public let status: RunStatus
    /// Seconds between the start and the kill.
    public let killedAfter: Double

    /// Runs `workbench run <arguments> --db <path>` with the shipped binary and kills it
    /// `seconds` after its run row appears.
    public init(_ arguments: [String], killAfter seconds: Double, databasePath path: String) throws {
        let (process, output) = try FixtureProcess.start(
            ["run"] + arguments + ["--db", path, "--jobs", "2"], executable: FixtureProcess.shippedExecutable)
        // Drain the output so the child never blocks on a full pipe.
        let drain = Thread { _ = output.fileHandleForReading.readDataToEndOfFile() }
        drain.start()
        let started = Date()
        // Wait for the run row (the database exists and holds a run), then for the delay.
        var rowSeen: Date?
        while Date().timeIntervalSince(started) < 120 {
            if rowSeen == nil, let store = try? RunStore(path: path, mode: .readOnly), let runs = try? store.runs(),
                !runs.isEmpty
            {
                rowSeen = Date()
            }
            if let rowSeen, Date().timeIntervalSince(rowSeen) >= seconds { break }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        killedAfter = Date().timeIntervalSince(rowSeen ?? started)
        guard wasRunning else {
            throw ProbeError(description: "the run ended by itself before the kill (choose a heavier part or preset)")
        }
        // Reconcile as the next command would (the pid is gone → lost), then count.
        let writer = try RunStore(path: path)
        let run = try writer.runs().first
        guard let run else { throw ProbeError(description: "no run row was written") }
        _ = try writer.markLost(runID: run.runID, reason: "killed by the test")
        metricRows = try writer.metrics(run.runID).count
        status = try writer.run(run.runID).status
    }

    /// The probe could not make its measurement.
    public struct ProbeError: Error, CustomStringConvertible {
        public let description: String
    }
}
