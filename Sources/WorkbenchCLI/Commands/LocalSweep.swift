import Foundation
import WorkbenchCore
import WorkbenchStore

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a sweep's pending cells on this machine through the batch path: each cell is a
/// `workbench exec --cell I` child process writing its own shard, at most `jobs` at a time, and
/// each delivered shard is merged into the database as its process ends.
///
/// SIGINT/SIGTERM: the children are sent SIGTERM (each ends its run `killed` and still delivers
/// its shard), every delivered shard is merged, and the command exits 130/143; `sweep resume`
/// then runs what is missing.
struct LocalSweep {
    let context: WorkbenchCommandLine
    let store: RunStore
    let databasePath: String
    let jobs: Int
    let threads: Int

    func run(_ plan: SweepPlanFile) throws -> Int32 {
        let console = context.console
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "workbench-sweep-\(plan.sweepID.prefix(12))-\(getpid())")
        try plan.write(to: directory)
        let logs = directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let shards = directory.appendingPathComponent(SweepPlanFile.shardsFolder).path
        let executable = CurrentExecutable.path
        let state = LocalSweepState()
        TerminationSignals.setHandler { signalNumber in
            state.stop(signalNumber)
            state.waitUntilDrained()
        }
        defer { TerminationSignals.setHandler(nil) }
        // On every exit path, and before the signal thread (waiting for `drained`) may end the
        // process: remove the temporary directory, then release that thread.
        defer {
            try? FileManager.default.removeItem(at: directory)
            state.drained()
        }

        var queue = plan.pending[...]
        var running: [(pid: pid_t, cell: Int)] = []
        var done = 0
        var failedLogs: [(cell: Int, log: String)] = []
        while true {
            while running.count < jobs, let cell = queue.first, !state.isStopping {
                queue = queue.dropFirst()
                let log = logs.appendingPathComponent("cell-\(cell).log").path
                let arguments = [
                    executable, "exec", "--sweep-dir", directory.path, "--cell", String(cell), "--threads",
                    String(threads),
                ]
                let pid = try ChildProcess.spawn(arguments, output: log)
                state.add(pid)
                running.append((pid, cell))
            }
            if running.isEmpty { break }
            var ended: [(cell: Int, status: Int32)] = []
            running.removeAll { child in
                guard let status = ChildProcess.exitStatus(child.pid) else { return false }
                state.remove(child.pid)
                ended.append((child.cell, status))
                return true
            }
            if ended.isEmpty {
                usleep(20_000)
                continue
            }
            try mergeDelivered(shards)
            let cells = try store.cells(ofSweep: plan.sweepID)
            for (cell, status) in ended {
                done += 1
                let row = cells.first { $0.cellIndex == cell }
                console.write(
                    "[\(done)/\(plan.pending.count)] cell \(cell) \(plan.spec.parametersJSON(cell)) seed \(plan.spec.cell(cell).seed): "
                        + "\(row?.status.rawValue ?? "?")\(row?.runID.map { " (run \($0.prefix(12)))" } ?? "")\n")
                if status != 0 && !state.isStopping {
                    failedLogs.append((cell, logs.appendingPathComponent("cell-\(cell).log").path))
                }
            }
        }
        try mergeDelivered(shards)
        try store.refreshCells(ofSweep: plan.sweepID)
        try? ExperimentViews.refresh(store, registry: context.registry)
        for (cell, log) in failedLogs {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            console.writeError("cell \(cell) exited with an error; its output:\n\(text.suffix(2000))\n")
        }
        let cells = try store.cells(ofSweep: plan.sweepID)
        console.write(SweepStatusCommand.countsLine(cells) + "\n")
        if let signalNumber = state.signalNumber {
            console.writeError(
                "workbench: sweep interrupted by \(TerminationSignals.name(of: signalNumber)); "
                    + "`workbench sweep resume \(plan.name ?? String(plan.sweepID.prefix(12)))` runs the missing cells\n"
            )
            return 128 + signalNumber
        }
        return cells.allSatisfy { $0.status == .finished } ? ExitCode.success : ExitCode.failure
    }

    /// Merges and removes every delivered shard in `directory`.
    private func mergeDelivered(_ directory: String) throws {
        for file in MergeCommand.databases(in: directory) {
            _ = try ShardMerger.merge(file, into: store)
            try? FileManager.default.removeItem(atPath: file)
        }
    }
}

/// The children of a local sweep and whether a termination signal asked it to stop; shared
/// between the main thread and the signal thread.
final class LocalSweepState: @unchecked Sendable {
    private let lock = NSLock()
    private var children = Set<pid_t>()
    private var stopSignal: Int32?
    private let finished = DispatchSemaphore(value: 0)

    var isStopping: Bool { lock.withLock { stopSignal != nil } }
    var signalNumber: Int32? { lock.withLock { stopSignal } }

    func add(_ pid: pid_t) {
        let stopping = lock.withLock { () -> Bool in
            children.insert(pid)
            return stopSignal != nil
        }
        if stopping { kill(pid, SIGTERM) }
    }

    func remove(_ pid: pid_t) { lock.withLock { _ = children.remove(pid) } }

    /// Records the signal and passes SIGTERM to every child.
    func stop(_ signalNumber: Int32) {
        let pids = lock.withLock { () -> Set<pid_t> in
            if stopSignal == nil { stopSignal = signalNumber }
            return children
        }
        for pid in pids { kill(pid, SIGTERM) }
    }

    /// Called by the main thread once every child has ended and every shard is merged.
    func drained() { finished.signal() }

    /// Blocks the signal thread until ``drained()``.
    func waitUntilDrained() { finished.wait() }
}

/// Child processes started with `posix_spawn`, their output appended to a log file.
enum ChildProcess {
    /// Starts `arguments[0]` with `arguments`, the current environment, standard input from
    /// `/dev/null` and standard output and error into `output`.
    static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard code == 0 else {
            throw ChildProcessError(command: arguments.joined(separator: " "), reason: String(cString: strerror(code)))
        }
        return pid
    }

    /// The exit status of `pid` if it has ended (128 + signal when killed by one), else `nil`.
    static func exitStatus(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return result < 0 ? 1 : nil }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

/// A child process could not be started.
struct ChildProcessError: Error, CustomStringConvertible {
    let command: String
    let reason: String

    var description: String { "could not start `\(command)`: \(reason)" }
}

/// The path of the running `workbench` binary (children and batch scripts run the same one).
enum CurrentExecutable {
    static var path: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
