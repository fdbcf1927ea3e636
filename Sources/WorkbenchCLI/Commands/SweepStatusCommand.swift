import Foundation
import WorkbenchCore
import WorkbenchStore

/// `workbench sweep status <sweep> [--resubmit] [--format F]`: the cells by status, the array
/// tasks that hold missing cells (planned, failed or killed), the submitted jobs; with
/// `--resubmit`, submits an array job of exactly those tasks (and a new merge job after it).
struct SweepStatusCommand {
    let context: WorkbenchCommandLine

    static let options = ["--db", "--resubmit", "--format", "--sweep-dir"] + SweepCommand.slurmOptions

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let resubmit = try scanner.flag("--resubmit")
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let directoryOption = try scanner.option("--sweep-dir")
        let batch = try SlurmOptions(scanner: &scanner)
        let words = Array(try scanner.positionals(validOptions: Self.options).dropFirst())
        guard words.count == 1 else { throw UsageError("sweep status takes one sweep (its name or an id prefix)") }
        let store =
            resubmit ? try DatabaseLocation.openForWriting(path) : try DatabaseLocation.openForReading(path)
        let sweep = try SweepCommand.select(words[0], in: store)
        var cells = try store.cells(ofSweep: sweep.sweepID)
        let missingTasks = Self.missingTasks(cells)
        if resubmit {
            guard !missingTasks.isEmpty else {
                context.console.write("sweep \(sweep.sweepID.prefix(12)): complete, nothing to resubmit\n")
                return ExitCode.success
            }
            let directory = SlurmSweep.directory(option: directoryOption, databasePath: path, sweep: sweep)
            let submission = SlurmSweep(
                context: context, store: store, databasePath: path, directory: directory, options: batch)
            let status = try submission.resubmit(sweep, cells: cells, tasks: missingTasks)
            cells = try store.cells(ofSweep: sweep.sweepID)
            return status
        }
        if format != .table {
            let rows: [[OutputCell]] = cells.map {
                [
                    .integer(Int64($0.cellIndex)), .integer(Int64($0.arrayTask)), .text(String($0.seed)),
                    .text($0.parameters),
                    .text($0.status.rawValue), .text($0.runID ?? ""),
                ]
            }
            context.console.write(
                TabularOutput(columns: ["cell", "array_task", "seed", "parameters", "status", "run_id"], rows: rows)
                    .render(format))
            return ExitCode.success
        }
        var text = "sweep \(sweep.sweepID)\(sweep.name.map { " (\($0))" } ?? ""): \(sweep.experiment) [\(sweep.preset)]"
        if let spec = try? SweepSpecification.decode(sweep.spec) { text += ", " + SweepCommand.shape(spec) }
        text += "\n" + Self.countsLine(cells) + "\n"
        for status in SweepCellStatus.allCases where status != .finished {
            let matching = cells.filter { $0.status == status }
            guard !matching.isEmpty else { continue }
            text += "  \(status.rawValue): cells \(Self.ranges(matching.map(\.cellIndex)))\n"
        }
        if missingTasks.isEmpty {
            text += "complete: every cell has a finished run\n"
        } else {
            text +=
                "array tasks to resubmit: \(Self.ranges(missingTasks)) (cells per task: \(sweep.cellsPerTask)); "
                + "`workbench sweep status \(words[0]) --resubmit` submits them, `workbench sweep resume \(words[0])` runs them here\n"
        }
        for job in try store.jobs(ofSweep: sweep.sweepID) {
            text +=
                "  slurm \(job.kind) job \(job.jobID)\(job.arrayTasks.map { " (--array=\($0))" } ?? "") submitted \(job.submittedAt)\n"
        }
        context.console.write(text)
        return ExitCode.success
    }

    /// `"cells: 6 — 4 finished, 1 killed, 1 planned"`.
    static func countsLine(_ cells: [StoredSweepCell]) -> String {
        let parts = SweepCellStatus.allCases.compactMap { status -> String? in
            let count = cells.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        return "cells: \(cells.count) — " + parts.joined(separator: ", ")
    }

    /// The array tasks holding a cell that still needs a run, ascending.
    static func missingTasks(_ cells: [StoredSweepCell]) -> [Int] {
        Array(Set(cells.filter { $0.status.isMissing }.map(\.arrayTask))).sorted()
    }

    /// Ascending integers as Slurm writes index lists: `0-3,7,9-10`.
    static func ranges(_ values: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = values.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}

/// `workbench sweep resume <sweep> [--jobs N]`: runs the sweep's missing cells (planned, failed,
/// killed) here, through the same worker path; finished cells are never run again.
struct SweepResumeCommand {
    let context: WorkbenchCommandLine

    static let options = ["--db", "--jobs", "--threads"]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let jobs = try scanner.integerOption("--jobs", in: 1...256) ?? 1
        let threads = try scanner.integerOption("--threads", in: 1...256) ?? 1
        let words = Array(try scanner.positionals(validOptions: Self.options).dropFirst())
        guard words.count == 1 else { throw UsageError("sweep resume takes one sweep (its name or an id prefix)") }
        let store = try DatabaseLocation.openForWriting(path)
        _ = try? RunReconciler.reconcile(store)
        let sweep = try SweepCommand.select(words[0], in: store)
        try store.refreshCells(ofSweep: sweep.sweepID)
        let cells = try store.cells(ofSweep: sweep.sweepID)
        let spec = try SweepSpecification.decode(sweep.spec)
        let running = cells.filter { $0.status == .running }
        if !running.isEmpty {
            context.console.writeError(
                "note: cells \(SweepStatusCommand.ranges(running.map(\.cellIndex))) are running elsewhere; they are left alone\n"
            )
        }
        let pending = cells.filter { $0.status.isMissing }.map(\.cellIndex)
        guard !pending.isEmpty else {
            context.console.write(
                "sweep \(sweep.sweepID.prefix(12)): " + SweepStatusCommand.countsLine(cells) + "; nothing to run\n")
            return running.isEmpty ? ExitCode.success : ExitCode.failure
        }
        context.console.write(
            "sweep \(sweep.sweepID.prefix(12)): running \(pending.count) missing cell\(pending.count == 1 ? "" : "s")\n"
        )
        let plan = SweepPlanFile(sweep: sweep, spec: spec, pending: pending)
        return try LocalSweep(context: context, store: store, databasePath: path, jobs: jobs, threads: threads).run(
            plan)
    }
}

/// `workbench sweep list` / `workbench sweeps`: every sweep with its cell counts.
struct SweepListCommand {
    let context: WorkbenchCommandLine

    static let options = ["--db", "--format"]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let words = try scanner.positionals(validOptions: Self.options).filter { $0 != "list" }
        if let word = words.first { throw UsageError("sweep list takes no words (got '\(word)')") }
        let store = try DatabaseLocation.openForReading(path)
        var rows: [[OutputCell]] = []
        for sweep in store.tracksSweeps ? try store.sweeps() : [] {
            let cells = try store.cells(ofSweep: sweep.sweepID)
            let identifier = format == .table ? String(sweep.sweepID.prefix(12)) : sweep.sweepID
            let finished = Int64(cells.filter { $0.status == .finished }.count)
            let missing = Int64(cells.filter { $0.status.isMissing }.count)
            let row: [OutputCell] = [
                .text(identifier), .text(sweep.name ?? ""), .text(sweep.experiment), .text(sweep.preset),
                .integer(Int64(cells.count)), .integer(finished), .integer(missing), .text(sweep.createdAt),
            ]
            rows.append(row)
        }
        context.console.write(
            TabularOutput(
                columns: ["sweep_id", "name", "experiment", "preset", "cells", "finished", "missing", "created_at"],
                rows: rows
            ).render(format))
        return ExitCode.success
    }
}
