/// One row of `sweeps`: a grid of configurations × seeds of one experiment, planned as cells.
public struct StoredSweep: Sendable, Equatable {
    /// Random 128-bit identifier, 32 lowercase hex digits (like run ids, so databases merge).
    public var sweepID: String
    /// A unique human name, usable wherever a sweep is selected.
    public var name: String?
    public var experiment: String
    public var preset: String
    /// The sweep's definition as JSON (fixed assignments, grid axes, seeds); see the CLI's
    /// `SweepSpecification`.
    public var spec: String
    public var cellCount: Int
    /// Cells computed by one batch task: cell `i` belongs to array task `i / cellsPerTask`.
    public var cellsPerTask: Int
    public var createdAt: String
    public var commandLine: String?

    public init(
        sweepID: String, name: String?, experiment: String, preset: String, spec: String, cellCount: Int,
        cellsPerTask: Int, createdAt: String, commandLine: String?
    ) {
        self.sweepID = sweepID
        self.name = name
        self.experiment = experiment
        self.preset = preset
        self.spec = spec
        self.cellCount = cellCount
        self.cellsPerTask = cellsPerTask
        self.createdAt = createdAt
        self.commandLine = commandLine
    }
}

/// The state of a sweep cell, as stored in `sweep_cells.status`: `planned` until a run exists,
/// then the status of its current run (`lost` counts as `killed`: the run did not finish).
public enum SweepCellStatus: String, Sendable, CaseIterable {
    case planned
    case running
    case finished
    case failed
    case killed

    /// Whether the cell still needs a run (`sweep resume`, `--resubmit`).
    public var isMissing: Bool { self == .planned || self == .failed || self == .killed }
}

/// One row of `sweep_cells`.
public struct StoredSweepCell: Sendable, Equatable {
    public var sweepID: String
    public var cellIndex: Int
    /// The cell's swept assignments as a JSON object of canonical texts, e.g. `{"mcSamples":"400"}`.
    public var parameters: String
    public var seed: UInt64
    /// The batch array task that computes the cell.
    public var arrayTask: Int
    public var status: SweepCellStatus
    /// The cell's current run: its finished run, else its latest attempt.
    public var runID: String?

    public init(
        sweepID: String, cellIndex: Int, parameters: String, seed: UInt64, arrayTask: Int,
        status: SweepCellStatus = .planned, runID: String? = nil
    ) {
        self.sweepID = sweepID
        self.cellIndex = cellIndex
        self.parameters = parameters
        self.seed = seed
        self.arrayTask = arrayTask
        self.status = status
        self.runID = runID
    }
}

/// A batch job submitted for a sweep (`sweep_jobs`).
public struct StoredSweepJob: Sendable, Equatable {
    public var jobID: String
    /// `array` (the cells) or `merge` (the dependent merge job).
    public var kind: String
    /// The array indices of an array job, as given to `--array` (e.g. `0-5%2` or `3,4`).
    public var arrayTasks: String?
    public var submittedAt: String

    public init(jobID: String, kind: String, arrayTasks: String?, submittedAt: String) {
        self.jobID = jobID
        self.kind = kind
        self.arrayTasks = arrayTasks
        self.submittedAt = submittedAt
    }
}
