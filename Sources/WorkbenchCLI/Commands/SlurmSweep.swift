import Foundation
import WorkbenchCore
import WorkbenchStore

/// A sweep on Slurm: the sweep directory (on storage every node sees), an sbatch job-array
/// script whose task `k` runs `workbench exec --task k`, a merge job that runs after the whole
/// array (`--dependency=afterany`, so the shards of failed or cancelled tasks are merged too),
/// and `--emit tsv`, one command per cell for other schedulers.
///
/// Directory layout: `plan.json`, `shards/` (delivered shards), `logs/` (task output),
/// `array.sbatch`, `merge.sbatch`, `cells.tsv`.
struct SlurmSweep {
    let context: WorkbenchCommandLine
    let store: RunStore
    let databasePath: String
    let directory: URL
    let options: SlurmOptions

    /// `--sweep-dir`, else `workbench-sweeps/<name or id prefix>` beside the database.
    static func directory(option: String?, databasePath: String, sweep: StoredSweep) -> URL {
        if let option { return URL(fileURLWithPath: option).standardizedFileURL }
        let database = URL(fileURLWithPath: databasePath).standardizedFileURL
        return database.deletingLastPathComponent().appendingPathComponent("workbench-sweeps")
            .appendingPathComponent(sweep.name ?? String(sweep.sweepID.prefix(12)))
    }

    /// Writes the plan and both scripts; with `submit`, submits the array and the merge job and
    /// records their ids.
    func launch(_ plan: SweepPlanFile, submit: Bool) throws -> Int32 {
        try plan.write(to: directory)
        let taskCount = (plan.spec.cellCount + plan.cellsPerTask - 1) / plan.cellsPerTask
        let arraySpec = "0-\(taskCount - 1)" + (options.parallel.map { "%\($0)" } ?? "")
        let arrayScript = try writeArrayScript(plan, array: arraySpec)
        let mergeScript = try writeMergeScript(plan)
        let console = context.console
        guard submit else {
            console.write(
                """
                wrote \(arrayScript) (--array=\(arraySpec), \(plan.cellsPerTask) cell\(plan.cellsPerTask == 1 ? "" : "s") per task)
                  and \(mergeScript); submit with:
                  job=$(sbatch --parsable \(Shell.quote(arrayScript)))
                  sbatch --dependency=afterany:${job%%;*} \(Shell.quote(mergeScript))

                """)
            return ExitCode.success
        }
        try submitJobs(
            plan.sweepID, arrayScript: arrayScript, mergeScript: mergeScript, array: arraySpec, override: nil)
        return ExitCode.success
    }

    /// Submits an array job of `tasks` only (their finished cells are skipped: the plan is
    /// rewritten with only the missing cells pending) and a merge job after it.
    func resubmit(_ sweep: StoredSweep, cells: [StoredSweepCell], tasks: [Int]) throws -> Int32 {
        let active = try activeJobs(sweep.sweepID)
        guard active.isEmpty else {
            throw UsageError(
                "jobs \(active.joined(separator: ", ")) of this sweep are still queued or running; wait for them (squeue) or scancel them first"
            )
        }
        let spec = try SweepSpecification.decode(sweep.spec)
        let plan = SweepPlanFile(
            sweep: sweep, spec: spec, pending: cells.filter { $0.status.isMissing }.map(\.cellIndex))
        try plan.write(to: directory)
        let array = SweepStatusCommand.ranges(tasks) + (options.parallel.map { "%\($0)" } ?? "")
        let arrayScript = try writeArrayScript(plan, array: array)
        let mergeScript = try writeMergeScript(plan)
        try submitJobs(sweep.sweepID, arrayScript: arrayScript, mergeScript: mergeScript, array: array, override: array)
        return ExitCode.success
    }

    /// `cells.tsv`: cell, array task, seed, swept parameters, and the command that computes the
    /// cell (its shard lands in `shards/`; `workbench merge` it afterwards).
    func emitTSV(_ plan: SweepPlanFile) throws -> Int32 {
        try plan.write(to: directory)
        let executable = CurrentExecutable.path
        var text = "cell\tarray_task\tseed\tparameters\tcommand\n"
        for cell in plan.pending {
            let command = [
                Shell.quote(executable), "exec", "--sweep-dir", Shell.quote(directory.path), "--cell", String(cell),
            ].joined(separator: " ")
            text +=
                "\(cell)\t\(cell / plan.cellsPerTask)\t\(plan.spec.cell(cell).seed)\t\(plan.spec.parametersJSON(cell))\t\(command)\n"
        }
        let file = directory.appendingPathComponent("cells.tsv")
        try Data(text.utf8).write(to: file, options: .atomic)
        context.console.write(
            """
            wrote \(file.path) (\(plan.pending.count) commands); e.g. run them with
              tail -n +2 \(Shell.quote(file.path)) | cut -f5 | parallel -j 4
            then merge: workbench merge --db \(Shell.quote(absoluteDatabase)) \(Shell.quote(directory.appendingPathComponent(SweepPlanFile.shardsFolder).path))

            """)
        return ExitCode.success
    }

    private var absoluteDatabase: String { URL(fileURLWithPath: databasePath).standardizedFileURL.path }

    private func writeArrayScript(_ plan: SweepPlanFile, array: String) throws -> String {
        var lines = [
            "#!/bin/bash",
            "#SBATCH --job-name=workbench-\(plan.name ?? String(plan.sweepID.prefix(8)))",
            "#SBATCH --array=\(array)",
            "#SBATCH --output=\(directory.path)/logs/task-%a.log",
            "#SBATCH --ntasks=1",
        ]
        if let partition = options.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time = options.time { lines.append("#SBATCH --time=\(time)") }
        if let memory = options.memory { lines.append("#SBATCH --mem=\(memory)") }
        lines += options.extra.map { "#SBATCH \($0)" }
        lines += [
            "# Sweep \(plan.sweepID): task k computes cells k*\(plan.cellsPerTask) ..< (k+1)*\(plan.cellsPerTask) of plan.json",
            "# into a shard on node-local disk and delivers it to shards/ (also when cancelled).",
            "export OPENBLAS_NUM_THREADS=\"${OPENBLAS_NUM_THREADS:-1}\"",
            "exec \(Shell.quote(CurrentExecutable.path)) exec --sweep-dir \(Shell.quote(directory.path)) --task \"$SLURM_ARRAY_TASK_ID\"",
        ]
        return try write(lines, "array.sbatch")
    }

    private func writeMergeScript(_ plan: SweepPlanFile) throws -> String {
        var lines = [
            "#!/bin/bash",
            "#SBATCH --job-name=workbench-merge-\(plan.name ?? String(plan.sweepID.prefix(8)))",
            "#SBATCH --output=\(directory.path)/logs/merge-%j.log",
            "#SBATCH --ntasks=1",
        ]
        if let partition = options.partition { lines.append("#SBATCH --partition=\(partition)") }
        lines += options.extra.map { "#SBATCH \($0)" }
        let executable = Shell.quote(CurrentExecutable.path)
        lines += [
            "# Merges every delivered shard of sweep \(plan.sweepID) into the database (idempotent).",
            "\(executable) merge --db \(Shell.quote(absoluteDatabase)) \(Shell.quote(directory.appendingPathComponent(SweepPlanFile.shardsFolder).path))",
            "status=$?",
            "\(executable) sweep status \(plan.sweepID) --db \(Shell.quote(absoluteDatabase))",
            "exit $status",
        ]
        return try write(lines, "merge.sbatch")
    }

    private func write(_ lines: [String], _ name: String) throws -> String {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file.path
    }

    private func submitJobs(
        _ sweepID: String, arrayScript: String, mergeScript: String, array: String, override: String?
    ) throws {
        let arrayJob = try Batch.submit((override.map { ["--array=\($0)"] } ?? []) + [arrayScript])
        try store.recordJob(
            sweepID: sweepID,
            StoredSweepJob(jobID: arrayJob, kind: "array", arrayTasks: array, submittedAt: Timestamp.now()))
        let mergeJob = try Batch.submit(["--dependency=afterany:\(arrayJob)", mergeScript])
        try store.recordJob(
            sweepID: sweepID,
            StoredSweepJob(jobID: mergeJob, kind: "merge", arrayTasks: nil, submittedAt: Timestamp.now()))
        context.console.write(
            "submitted array job \(arrayJob) (--array=\(array)) and merge job \(mergeJob) (afterany:\(arrayJob)); "
                + "`workbench sweep status \(sweepID.prefix(12))` shows progress once shards are merged\n")
    }

    /// Recorded jobs of the sweep that `squeue` still lists.
    private func activeJobs(_ sweepID: String) throws -> [String] {
        let ids = try store.jobs(ofSweep: sweepID).map(\.jobID)
        guard !ids.isEmpty else { return [] }
        let output = try Batch.run("squeue", ["--noheader", "--format=%F", "--jobs=\(ids.joined(separator: ","))"])
        let listed = Set(output.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        return ids.filter { listed.contains($0) }
    }
}

/// Slurm's command-line tools.
enum Batch {
    /// `sbatch --parsable arguments…`; returns the job id.
    static func submit(_ arguments: [String]) throws -> String {
        let result = try run("sbatch", ["--parsable"] + arguments)
        guard result.status == 0,
            let id = result.text.split(whereSeparator: \.isNewline).first?.split(separator: ";").first,
            !id.isEmpty
        else {
            throw BatchError(command: "sbatch \(arguments.joined(separator: " "))", output: result.text)
        }
        return String(id)
    }

    /// Runs a Slurm tool found on `PATH`; returns its exit status and standard output and error.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw BatchError(command: tool, output: "could not start it: \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus == 127 {
            throw BatchError(command: tool, output: "not found on PATH (is Slurm installed on this machine?)")
        }
        return (process.terminationStatus, text)
    }
}

/// A Slurm command failed.
struct BatchError: Error, CustomStringConvertible {
    let command: String
    let output: String

    var description: String { "`\(command)` failed: \(output.trimmingCharacters(in: .whitespacesAndNewlines))" }
}

/// Quoting for generated shell scripts.
enum Shell {
    /// `text` in single quotes (a `'` inside becomes `'\''`) unless it is plainly safe.
    static func quote(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@%".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
