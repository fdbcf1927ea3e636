import Foundation
import WorkbenchStore

#if canImport(Glibc)
    import Glibc
#endif

/// Finds runs marked `running` whose process is gone and marks them `lost`.
///
/// A run is lost when (a) it was started on this host and its pid no longer exists, or (b) its
/// heartbeat (refreshed every ``RunRecorder/heartbeatInterval`` seconds by a live run) is older
/// than ``staleAfter`` — which also covers other hosts and reused pids.
public enum RunReconciler {
    /// Heartbeat age after which a run is presumed dead, in seconds.
    public static let staleAfter: TimeInterval = 600

    /// Marks lost runs; returns their ids.
    @discardableResult
    public static func reconcile(_ store: RunStore, now: Date = Date()) throws -> [String] {
        let host = ProvenanceCollector.hostName
        var lost: [String] = []
        for run in try store.runs(where: "status = 'running'") {
            let heartbeat = run.heartbeatAt.flatMap(Timestamp.parse) ?? Timestamp.parse(run.startedAt)
            let age = heartbeat.map { now.timeIntervalSince($0) } ?? .infinity
            let reason: String?
            if run.host == host && !processExists(run.pid) {
                reason = "process \(run.pid) on \(host) ended without finishing the run"
            } else if age > staleAfter {
                reason = "no heartbeat for \(Int(age)) s"
            } else {
                reason = nil
            }
            if let reason, try store.markLost(runID: run.runID, reason: reason) {
                lost.append(run.runID)
            }
        }
        return lost
    }

    /// Whether a process with this pid exists on this host.
    public static func processExists(_ pid: Int) -> Bool {
        guard pid > 0, let pid32 = Int32(exactly: pid) else { return false }
        return kill(pid32, 0) == 0 || errno == EPERM
    }
}
