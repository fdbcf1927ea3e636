import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real single-node Slurm cluster of `scripts/slurm-test-cluster` (Debian's slurmctld,
/// slurmd and munge), as the Slurm tests see it: submit with `sbatch`, query with `squeue` and the
/// `jobcomp/filetxt` record of finished jobs, cancel with `scancel`. Nothing is simulated.
///
/// `scripts/test` starts the cluster and passes `WORKBENCH_SLURM_CLUSTER=<state directory>` (or
/// `WORKBENCH_SLURM_UNAVAILABLE=<reason>`) to the tests. Without either (a `swift test --filter`
/// run), ``available()`` uses a running cluster in `WORKBENCH_SLURM_DIR` (default
/// `/tmp/workbench-slurm`) or starts one, and stops the one it started when the process exits.
public struct SlurmTestCluster: Sendable {
    /// The cluster's state directory (configuration, spool, logs, `jobcomp.log`).
    public let directory: URL

    /// `directory/slurm.conf`, passed to every Slurm command as `SLURM_CONF`.
    public var configuration: URL { directory.appendingPathComponent("slurm.conf") }

    /// `directory/jobcomp.log`: one line per finished job or array task (state, exit code), kept
    /// after `squeue` forgets the job (`MinJobAge`).
    public var completionLog: URL { directory.appendingPathComponent("jobcomp.log") }

    /// The environment a Slurm client needs for this cluster.
    public var environment: [String: String] { ["SLURM_CONF": configuration.path] }

    public init(directory: URL) { self.directory = directory }

    // MARK: - Availability

    /// The cluster, or the one-line reason it cannot run here; decided once per process.
    public static func available() -> SlurmClusterAvailability { availability }

    /// The cluster, or `nil` after printing the reason it is unavailable (once per process), for
    /// tests that run only with a cluster: `guard let cluster = SlurmTestCluster.availableOrSayWhy()
    /// else { return }`.
    public static func availableOrSayWhy() -> SlurmTestCluster? {
        switch availability {
        case .available(let cluster): return cluster
        case .unavailable:
            _ = reasonPrinted
            return nil
        }
    }

    /// Whether this process must have a cluster: `WORKBENCH_REQUIRE_SLURM=1` (scripts/test sets it
    /// when run as root) or root in CI (`CI` set).
    public static var isRequired: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["WORKBENCH_REQUIRE_SLURM"] == "1" || (getuid() == 0 && environment["CI"] != nil)
    }

    private static let reasonPrinted: Void = {
        if case .unavailable(let reason) = availability {
            print("slurm test cluster unavailable: \(reason) (the Slurm tests did not run)")
        }
    }()

    private static let availability: SlurmClusterAvailability = findOrStart()

    /// The state directory of the cluster this process started, stopped at exit.
    private static let startedDirectory = StartedDirectory()

    /// The repository's `scripts/slurm-test-cluster`, found from this source file's path.
    public static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/slurm-test-cluster")
    }

    private static func findOrStart() -> SlurmClusterAvailability {
        let environment = ProcessInfo.processInfo.environment
        if let reason = environment["WORKBENCH_SLURM_UNAVAILABLE"], !reason.isEmpty {
            return .unavailable(reason: reason)
        }
        if let path = environment["WORKBENCH_SLURM_CLUSTER"], !path.isEmpty {
            let cluster = SlurmTestCluster(directory: URL(fileURLWithPath: path))
            if let problem = cluster.unresponsiveReason() {
                return .unavailable(reason: "WORKBENCH_SLURM_CLUSTER=\(path) does not answer: \(problem)")
            }
            return .available(cluster)
        }
        let directory = URL(
            fileURLWithPath: environment["WORKBENCH_SLURM_DIR"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "/tmp/workbench-slurm")
        let cluster = SlurmTestCluster(directory: directory)
        let scriptEnvironment = ["WORKBENCH_SLURM_DIR": directory.path]
        guard
            let status = try? FixtureProcess.run(
                [script.path, "status"], executable: URL(fileURLWithPath: "/bin/bash"),
                environment: scriptEnvironment)
        else { return .unavailable(reason: "cannot run bash \(script.path)") }
        if status.status == 0 { return .available(cluster) }
        let started: (status: Int32, output: String)
        do {
            started = try FixtureProcess.run(
                [script.path, "start"], executable: URL(fileURLWithPath: "/bin/bash"),
                environment: scriptEnvironment)
        } catch {
            return .unavailable(reason: "cannot run bash \(script.path): \(error)")
        }
        let lines = started.output.split(separator: "\n").map(String.init)
        let prefix = "slurm test cluster unavailable: "
        if started.status != 0 {
            let reason =
                lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                ?? "scripts/slurm-test-cluster start failed (exit \(started.status)): \(lines.last ?? "")"
            return .unavailable(reason: reason)
        }
        startedDirectory.set(directory.path)
        atexit { SlurmTestCluster.stopStartedCluster() }
        return .available(cluster)
    }

    /// Stops the cluster this process started (registered with `atexit`).
    private static func stopStartedCluster() {
        guard let path = startedDirectory.get() else { return }
        let stopped = try? FixtureProcess.run(
            [script.path, "stop"], executable: URL(fileURLWithPath: "/bin/bash"),
            environment: ["WORKBENCH_SLURM_DIR": path])
        if let stopped, stopped.status != 0 || !stopped.output.isEmpty {
            FileHandle.standardError.write(Data(stopped.output.utf8))
        }
    }

    /// Why the controller does not answer `scontrol ping`, or `nil` when it does.
    func unresponsiveReason() -> String? {
        guard FileManager.default.fileExists(atPath: configuration.path) else {
            return "no \(configuration.path)"
        }
        guard let ping = try? runCommand(["scontrol", "ping"]) else { return "cannot run scontrol" }
        if ping.status == 0 && ping.standardOutput.contains("is UP") { return nil }
        return (ping.standardOutput + ping.standardError).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Commands

    /// Runs `arguments` (the first is looked up in `PATH`) with this cluster's `SLURM_CONF` plus
    /// `environment`, in `directory` when given, and returns its exit status and both outputs.
    public func runCommand(
        _ arguments: [String], environment extra: [String: String] = [:], directory: URL? = nil
    ) throws -> SlurmCommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment.merge(environment) { _, new in new }
        processEnvironment.merge(extra) { _, new in new }
        process.environment = processEnvironment
        // Files rather than pipes: neither output can fill up and block the other.
        let outputs = try TemporaryDirectory("workbench-slurm-command")
        defer { outputs.remove() }
        let outputURL = outputs.url.appendingPathComponent("stdout")
        let errorURL = outputs.url.appendingPathComponent("stderr")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw SlurmClusterError.cannotLaunch(command: arguments, reason: "\(error)")
        }
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return SlurmCommandResult(
            command: arguments, status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// ``runCommand(_:environment:directory:)`` that throws ``SlurmClusterError/commandFailed(_:)``
    /// on a non-zero exit status.
    @discardableResult
    public func runChecked(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
    ) throws -> SlurmCommandResult {
        let result = try runCommand(arguments, environment: environment, directory: directory)
        guard result.status == 0 else { throw SlurmClusterError.commandFailed(result) }
        return result
    }

    /// Submits the batch script at `script` with `sbatch --parsable <extraArguments> <script>`,
    /// from `directory` (default: the script's directory, where `slurm-*.out` files land), with
    /// `environment` added to the exported environment; returns the job id (for an array, the
    /// array job id).
    public func submit(
        scriptAt script: URL, extraArguments: [String] = [], directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Int {
        let result = try runChecked(
            ["sbatch", "--parsable"] + extraArguments + [script.path], environment: environment,
            directory: directory ?? script.deletingLastPathComponent())
        // `--parsable` prints `<job id>` or `<job id>;<cluster>`.
        let text = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let id = text.split(separator: ";").first.flatMap({ Int($0) }) else {
            throw SlurmClusterError.unparsableSubmission(result)
        }
        return id
    }

    /// Cancels a job, an array job, or (with `arrayIndex`) one array task: `scancel` sends SIGTERM
    /// to every process of the job, then SIGKILL after `KillWait` (5 s).
    public func cancel(jobID: Int, arrayIndex: Int? = nil) throws {
        try runChecked(["scancel", arrayIndex.map { "\(jobID)_\($0)" } ?? "\(jobID)"])
    }

    // MARK: - Job states

    /// Every known record of `jobID` (a plain job, or every task of an array job): the
    /// `jobcomp.log` record of each finished one, else what `squeue` shows (pending tasks of an
    /// array are listed one by one). Empty for a job neither knows. When an array is cancelled
    /// with tasks still pending, the completion log has one record for all of them, without
    /// indices (``SlurmJobRecord/isPendingArrayRemainder``).
    public func records(of jobID: Int) throws -> [SlurmJobRecord] {
        var byTask: [Int?: SlurmJobRecord] = [:]
        for record in try queueRecords(of: jobID) { byTask[record.arrayTaskIndex] = record }
        for record in try finishedRecords(of: jobID) { byTask[record.arrayTaskIndex] = record }
        return byTask.values.sorted {
            ($0.arrayTaskIndex ?? -1, $0.jobID) < ($1.arrayTaskIndex ?? -1, $1.jobID)
        }
    }

    /// The state of each task of `jobID` by array task index; a job that is not an array appears
    /// under index 0. The record of an array's never-started remainder is left out.
    public func jobStates(_ jobID: Int) throws -> [Int: SlurmJobState] {
        let records = try records(of: jobID).filter { !$0.isPendingArrayRemainder }
        return Dictionary(records.map { ($0.arrayTaskIndex ?? 0, $0.state) }) { _, last in last }
    }

    /// What `squeue` shows of `jobID` in any state (finished jobs until `MinJobAge` passes).
    public func queueRecords(of jobID: Int) throws -> [SlurmJobRecord] {
        let result = try runCommand([
            "squeue", "--noheader", "--array", "--states=all", "--jobs=\(jobID)", "--format=%A %F %K %T",
        ])
        if result.status != 0 {
            // A job the controller no longer knows (purged after MinJobAge, or never existed).
            if result.standardError.contains("Invalid job id") { return [] }
            throw SlurmClusterError.commandFailed(result)
        }
        return try result.standardOutput.split(separator: "\n").map { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 4, let id = Int(fields[0]), let arrayID = Int(fields[1]) else {
                throw SlurmClusterError.unparsableQueue(line: String(line), result)
            }
            let index = Int(fields[2])
            return SlurmJobRecord(
                jobID: id, arrayJobID: index == nil ? nil : arrayID, arrayTaskIndex: index,
                state: SlurmJobState(rawValue: fields[3]), exitCode: nil, signal: nil)
        }
    }

    /// The `jobcomp.log` records of `jobID` (written when a job or array task finishes; the last
    /// record wins for a requeued one).
    public func finishedRecords(of jobID: Int) throws -> [SlurmJobRecord] {
        guard FileManager.default.fileExists(atPath: completionLog.path) else { return [] }
        let text = String(decoding: try Data(contentsOf: completionLog), as: UTF8.self)
        var byJob: [Int: SlurmJobRecord] = [:]
        for line in text.split(separator: "\n") {
            guard let record = SlurmJobRecord(completionLine: String(line)) else { continue }
            if record.jobID == jobID || record.arrayJobID == jobID { byJob[record.jobID] = record }
        }
        // The array's own record without task index: the tasks that never started.
        if let own = byJob[jobID], own.arrayJobID == nil, byJob.values.contains(where: { $0.arrayJobID == jobID }) {
            byJob[jobID] = SlurmJobRecord(
                jobID: jobID, arrayJobID: jobID, arrayTaskIndex: nil, state: own.state,
                exitCode: own.exitCode, signal: own.signal)
        }
        return Array(byJob.values)
    }

    /// Whether `jobID` has no pending, running or completing task left and its tasks are in the
    /// completion log.
    public func isFinished(_ jobID: Int) throws -> Bool {
        let active = try queueRecords(of: jobID).filter { !$0.state.isFinal }
        guard active.isEmpty else { return false }
        return try !finishedRecords(of: jobID).isEmpty
    }

    /// Polls every 0.2 s until every job in `jobIDs` is finished (``isFinished(_:)``); returns
    /// their records, or throws ``SlurmClusterError/timedOut(jobIDs:seconds:records:)``.
    @discardableResult
    public func waitUntilFinished(jobIDs: [Int], timeout: Double = 60) throws -> [Int: [SlurmJobRecord]] {
        try Self.waitUntil(timeout: timeout) {
            try jobIDs.allSatisfy { try isFinished($0) }
        } onTimeout: {
            SlurmClusterError.timedOut(
                jobIDs: jobIDs, seconds: timeout,
                records: jobIDs.flatMap { (try? records(of: $0)) ?? [] })
        }
        return Dictionary(uniqueKeysWithValues: try jobIDs.map { ($0, try records(of: $0)) })
    }

    /// Polls `condition` every 0.2 s for up to `timeout` seconds; throws the error `onTimeout`
    /// builds if it never holds.
    public static func waitUntil(
        timeout: Double, _ condition: () throws -> Bool, onTimeout: () -> SlurmClusterError
    ) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !(try condition()) {
            guard Date() < deadline else { throw onTimeout() }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}

/// Whether the Slurm tests can run here.
public enum SlurmClusterAvailability: Sendable {
    case available(SlurmTestCluster)
    /// The one-line reason (not root, packages missing, the cluster did not start).
    case unavailable(reason: String)
}

/// A Slurm job state (`squeue %T`, `JobState=` of the completion log), e.g. `COMPLETED`.
public struct SlurmJobState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending = SlurmJobState(rawValue: "PENDING")
    public static let running = SlurmJobState(rawValue: "RUNNING")
    public static let completing = SlurmJobState(rawValue: "COMPLETING")
    public static let completed = SlurmJobState(rawValue: "COMPLETED")
    public static let cancelled = SlurmJobState(rawValue: "CANCELLED")
    public static let failed = SlurmJobState(rawValue: "FAILED")
    public static let timeout = SlurmJobState(rawValue: "TIMEOUT")

    /// The states a job never leaves (Slurm's base states after the job ended).
    public var isFinal: Bool {
        [
            "COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL",
            "DEADLINE", "OUT_OF_MEMORY",
        ].contains(rawValue)
    }

    public var description: String { rawValue }
}

/// One job or array task as the cluster reports it.
public struct SlurmJobRecord: Hashable, Sendable, CustomStringConvertible {
    /// The job's own id (each array task has its own).
    public let jobID: Int
    /// The array job id, for an array task.
    public let arrayJobID: Int?
    /// The array task index, for an array task.
    public let arrayTaskIndex: Int?
    public let state: SlurmJobState
    /// Exit status of the batch script (completion log only).
    public let exitCode: Int32?
    /// Signal that ended the batch script, 0 if none (completion log only).
    public let signal: Int32?

    public init(
        jobID: Int, arrayJobID: Int?, arrayTaskIndex: Int?, state: SlurmJobState, exitCode: Int32?,
        signal: Int32?
    ) {
        self.jobID = jobID
        self.arrayJobID = arrayJobID
        self.arrayTaskIndex = arrayTaskIndex
        self.state = state
        self.exitCode = exitCode
        self.signal = signal
    }

    /// Parses a `jobcomp/filetxt` line (`JobId=12 … JobState=COMPLETED … ArrayJobId=10
    /// ArrayTaskId=2 … ExitCode=0:0`); `nil` for a line without job id and state. A plain job
    /// has `ArrayJobId=0` (or none) there.
    init?(completionLine line: String) {
        var fields: [String: String] = [:]
        for token in line.split(separator: " ") {
            guard let equals = token.firstIndex(of: "=") else { continue }
            let key = String(token[..<equals])
            if fields[key] == nil { fields[key] = String(token[token.index(after: equals)...]) }
        }
        guard let id = fields["JobId"].flatMap({ Int($0) }), let state = fields["JobState"] else {
            return nil
        }
        let arrayID = fields["ArrayJobId"].flatMap { Int($0) }.flatMap { $0 == 0 ? nil : $0 }
        let exit = fields["ExitCode"]?.split(separator: ":").compactMap { Int32($0) }
        self.init(
            jobID: id, arrayJobID: arrayID,
            arrayTaskIndex: arrayID == nil ? nil : fields["ArrayTaskId"].flatMap { Int($0) },
            state: SlurmJobState(rawValue: state), exitCode: exit?.first,
            signal: exit.flatMap { $0.count == 2 ? $0[1] : nil })
    }

    /// Whether this record stands for the tasks of an array that never started (cancelled while
    /// pending; Slurm records them together, without indices).
    public var isPendingArrayRemainder: Bool { arrayJobID != nil && arrayTaskIndex == nil }

    public var description: String {
        if isPendingArrayRemainder { return "\(jobID)_[never started] \(state)" }
        let task = arrayTaskIndex.map { "\(arrayJobID ?? jobID)_\($0)" } ?? "\(jobID)"
        let exit = exitCode.map { " exit \($0):\(signal ?? 0)" } ?? ""
        return "\(task)(\(jobID)) \(state)\(exit)"
    }
}

/// A Slurm client command's outcome.
public struct SlurmCommandResult: Sendable {
    public let command: [String]
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
}

/// What went wrong talking to the test cluster.
public enum SlurmClusterError: Error, CustomStringConvertible {
    case cannotLaunch(command: [String], reason: String)
    case commandFailed(SlurmCommandResult)
    case unparsableSubmission(SlurmCommandResult)
    case unparsableQueue(line: String, SlurmCommandResult)
    case timedOut(jobIDs: [Int], seconds: Double, records: [SlurmJobRecord])
    case conditionTimedOut(String, seconds: Double)

    public var description: String {
        switch self {
        case .cannotLaunch(let command, let reason):
            return "cannot run `\(command.joined(separator: " "))`: \(reason)"
        case .commandFailed(let result):
            return "`\(result.command.joined(separator: " "))` exited with \(result.status): "
                + (result.standardError + result.standardOutput).trimmingCharacters(in: .whitespacesAndNewlines)
        case .unparsableSubmission(let result):
            return "`\(result.command.joined(separator: " "))` printed no job id: '\(result.standardOutput)'"
        case .unparsableQueue(let line, let result):
            return "`\(result.command.joined(separator: " "))` printed an unexpected line '\(line)'"
        case .timedOut(let jobIDs, let seconds, let records):
            return "jobs \(jobIDs.map(String.init).joined(separator: ", ")) not finished after \(seconds) s: "
                + records.map(\.description).joined(separator: ", ")
        case .conditionTimedOut(let what, let seconds):
            return "\(what) did not happen within \(seconds) s"
        }
    }
}

/// The state directory of a cluster this process started (set once, read at exit).
private final class StartedDirectory: @unchecked Sendable {
    private let lock = NSLock()
    private var path: String?

    func set(_ newPath: String) { lock.withLock { path = newPath } }
    func get() -> String? { lock.withLock { path } }
}
