import Foundation
import WorkbenchStore

/// The plan a sweep's tasks read: `plan.json` in the sweep directory.
///
/// Tasks on cluster nodes read this file, never the main database (SQLite's locking is not
/// reliable over network file systems). It is rewritten from the database before every launch,
/// so `pending` lists exactly the cells that still need a run and a resubmitted task skips the
/// cells that have finished.
public struct SweepPlanFile: Sendable, Equatable, Codable {
    public static let fileName = "plan.json"
    /// Where tasks deliver their shards, inside the sweep directory.
    public static let shardsFolder = "shards"

    public let sweepID: String
    public let name: String?
    public let createdAt: String
    public let commandLine: String?
    public let spec: SweepSpecification
    /// Cells per batch array task: task `k` computes cells `k·M ..< (k+1)·M`.
    public let cellsPerTask: Int
    /// Cells that need a run, ascending.
    public let pending: [Int]

    public init(sweep: StoredSweep, spec: SweepSpecification, pending: [Int]) {
        sweepID = sweep.sweepID
        name = sweep.name
        createdAt = sweep.createdAt
        commandLine = sweep.commandLine
        self.spec = spec
        cellsPerTask = sweep.cellsPerTask
        self.pending = pending
    }

    /// The sweep row this plan belongs to.
    public var storedSweep: StoredSweep {
        StoredSweep(
            sweepID: sweepID, name: name, experiment: spec.experiment, preset: spec.preset, spec: spec.json(),
            cellCount: spec.cellCount, cellsPerTask: cellsPerTask, createdAt: createdAt, commandLine: commandLine)
    }

    /// The planned cell rows of the sweep.
    public var storedCells: [StoredSweepCell] {
        (0..<spec.cellCount).map {
            StoredSweepCell(
                sweepID: sweepID, cellIndex: $0, parameters: spec.parametersJSON($0), seed: spec.cell($0).seed,
                arrayTask: $0 / cellsPerTask)
        }
    }

    /// The pending cells of array task `task`.
    public func pendingCells(ofTask task: Int) -> [Int] {
        pending.filter { $0 / cellsPerTask == task }
    }

    /// Writes the plan into `directory` (created if needed) atomically.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(Self.shardsFolder), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: directory.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// Reads the plan of the sweep directory `directory`.
    public static func read(from directory: URL) throws -> SweepPlanFile {
        let url = directory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UsageError("no sweep plan at '\(url.path)' (give the directory `workbench sweep` wrote)")
        }
        return try JSONDecoder().decode(SweepPlanFile.self, from: data)
    }
}
