/// One row of the `runs` table: a run's identity, status and provenance — where, when and with
/// what it was computed, i.e. everything that could change its bits.
public struct RunRecord: Sendable, Equatable {
    /// Random 128-bit identifier, 32 lowercase hex digits.
    public var runID: String
    /// Experiment id, e.g. `diffusion-discretization`.
    public var experiment: String
    /// Preset the parameters started from (`quick`, `paper`, …).
    public var preset: String
    /// Lifecycle state.
    public var status: RunStatus
    /// Master seed of every random stream of the run.
    public var seed: UInt64
    /// SHA-256 of the canonical typed parameters.
    public var configHash: String
    /// ISO-8601 UTC start time.
    public var startedAt: String
    /// ISO-8601 UTC end time, `nil` while running.
    public var endedAt: String?
    /// Wall-clock duration in seconds, `nil` while running.
    public var durationSeconds: Double?
    /// Host name of the machine that ran it.
    public var host: String
    /// Process id of the run (used to detect vanished runs on this host).
    public var pid: Int
    /// Commit of the source tree, `nil` outside a git checkout.
    public var gitCommit: String?
    /// Whether the tree had uncommitted changes.
    public var gitDirty: Bool?
    /// Version of the workbench program.
    public var workbenchVersion: String
    /// OpenBLAS kernel (`openblas_get_corename`).
    public var blasCore: String
    /// OpenBLAS thread count during the run.
    public var blasThreads: Int
    /// SQLite library version.
    public var sqliteVersion: String
    /// SHA-256 over the IEEE-754 bits of all metrics in canonical order.
    public var resultDigest: String?
    /// The run this one re-executes (`workbench verify`), if any.
    public var rerunOf: String?
    /// Error text for failed runs.
    public var error: String?
    /// Last liveness signal of a running process (ISO-8601 UTC).
    public var heartbeatAt: String?
    /// OpenBLAS build configuration string.
    public var blasConfig: String?
    /// Worker threads used for parallel loops.
    public var workers: Int?
    /// The command line that started the run.
    public var commandLine: String?
    /// A unique human name (`run --name`), usable wherever a run is selected.
    public var name: String?
    /// Free text about the run (`run --note`, `workbench note`).
    public var note: String?
    /// The sweep this run is a cell of (`runs.sweep_id`), if any. Written with the run; not read
    /// back by ``RunStore/run(_:)`` (the sweep commands query it), so older files stay readable.
    public var sweepID: String?
    /// The cell of ``sweepID`` this run computes.
    public var cellIndex: Int?

    public init(
        runID: String, experiment: String, preset: String, status: RunStatus, seed: UInt64,
        configHash: String, startedAt: String, endedAt: String? = nil,
        durationSeconds: Double? = nil, host: String, pid: Int, gitCommit: String? = nil,
        gitDirty: Bool? = nil, workbenchVersion: String, blasCore: String, blasThreads: Int,
        sqliteVersion: String, resultDigest: String? = nil, rerunOf: String? = nil,
        error: String? = nil, heartbeatAt: String? = nil, blasConfig: String? = nil,
        workers: Int? = nil, commandLine: String? = nil, name: String? = nil, note: String? = nil,
        sweepID: String? = nil, cellIndex: Int? = nil
    ) {
        self.runID = runID
        self.experiment = experiment
        self.preset = preset
        self.status = status
        self.seed = seed
        self.configHash = configHash
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.durationSeconds = durationSeconds
        self.host = host
        self.pid = pid
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.workbenchVersion = workbenchVersion
        self.blasCore = blasCore
        self.blasThreads = blasThreads
        self.sqliteVersion = sqliteVersion
        self.resultDigest = resultDigest
        self.rerunOf = rerunOf
        self.error = error
        self.heartbeatAt = heartbeatAt
        self.blasConfig = blasConfig
        self.workers = workers
        self.commandLine = commandLine
        self.name = name
        self.note = note
        self.sweepID = sweepID
        self.cellIndex = cellIndex
    }
}
