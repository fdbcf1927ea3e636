import Foundation
import WorkbenchCore
import WorkbenchNumerics
import WorkbenchStore

/// `workbench exec`: the worker entry of a sweep — what each local worker process, each Slurm
/// array task and each line of `--emit tsv` runs.
///
/// Reads the sweep directory's `plan.json` (never the main database), runs the pending cells of
/// one array task (`--task K`) or one cell (`--cell I`) as ordinary runs into its own shard
/// database on local disk (`--db`, default under `$TMPDIR`), then delivers the shard into the
/// sweep's `shards/` directory atomically (``ShardDelivery``). On SIGINT/SIGTERM (Ctrl-C,
/// `scancel`, a time limit) the run in progress ends `killed` and the shard is still delivered.
struct ExecCommand {
    let context: WorkbenchCommandLine

    static let options = ["--sweep-dir", "--task", "--cell", "--db", "--threads"]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let console = context.console
        guard let directoryText = try scanner.option("--sweep-dir") else {
            throw UsageError("exec needs --sweep-dir DIR (the directory `workbench sweep` wrote)")
        }
        let task = try scanner.integerOption("--task", in: 0...Int(Int32.max))
        let cell = try scanner.integerOption("--cell", in: 0...Int(Int32.max))
        let shardOption = try scanner.option("--db")
        let threads = try scanner.integerOption("--threads", in: 1...256) ?? 1
        let words = try scanner.positionals(validOptions: Self.options)
        if let word = words.first { throw UsageError("exec takes no positional words (got '\(word)')") }
        guard (task == nil) != (cell == nil) else { throw UsageError("exec needs exactly one of --task K or --cell I") }
        let directory = URL(fileURLWithPath: directoryText)
        let plan = try SweepPlanFile.read(from: directory)
        let experiment = try context.registry.experiment(plan.spec.experiment)
        let descriptor = experiment.descriptor
        let indices: [Int]
        let label: String
        if let task {
            indices = plan.pendingCells(ofTask: task)
            label = "task-\(task)"
        } else {
            let cell = cell ?? 0
            guard cell < plan.spec.cellCount else {
                throw UsageError("--cell \(cell): the sweep has cells 0…\(plan.spec.cellCount - 1)")
            }
            indices = [cell]
            label = "cell-\(cell)"
        }
        // Every cell's configuration is validated before anything is written.
        let configurations = try indices.map { index throws(UsageError) in
            (
                index,
                try ParameterResolver.resolve(
                    descriptor, preset: plan.spec.preset, assignments: plan.spec.assignments(index))
            )
        }
        let temporary = context.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let shardPath =
            shardOption ?? "\(temporary)/workbench-\(plan.sweepID.prefix(12))-\(label)-\(getpid()).sqlite"
        let shard = try DatabaseLocation.openForWriting(shardPath)
        try shard.insertSweep(plan.storedSweep, cells: plan.storedCells)
        let uuid = try shard.database.scalar("SELECT value FROM db_info WHERE key = 'db_uuid'")?.textValue ?? "shard"
        let delivery = ShardDelivery(
            shardPath: shardPath, directory: directory.appendingPathComponent(SweepPlanFile.shardsFolder),
            fileName: "\(label)-\(uuid).sqlite")
        let removesShard = shardOption == nil
        TerminationSignals.setExitAction { _ in
            do {
                try delivery.deliver()
                if removesShard { Self.remove(shardPath) }
            } catch {
                FileHandle.standardError.write(Data("workbench: \(error)\n".utf8))
            }
        }
        BLASConfiguration.setThreadCount(context.environment["OPENBLAS_NUM_THREADS"].flatMap(Int.init) ?? 1)
        var status = ExitCode.success
        for (index, parameters) in configurations {
            let seed = plan.spec.cell(index).seed
            let commandLine =
                "workbench exec --sweep-dir \(directory.path) --\(task == nil ? "cell" : "task") \(task ?? index)"
            let request = RunRequest(
                experiment: experiment, parameters: parameters, preset: plan.spec.preset, seed: seed,
                databasePath: shardPath, workers: threads, commandLine: commandLine,
                inputLocation: InputLocation(environment: context.environment),
                sweepCell: (plan.sweepID, index))
            let outcome = try Runner.execute(request)
            console.write(
                "cell \(index) (\(plan.spec.parametersJSON(index)) seed \(seed)): run \(outcome.runID) "
                    + "\(outcome.status?.rawValue ?? "not recorded") in "
                    + ReportNumber.format(outcome.durationSeconds, digits: 3) + " s\n")
            if outcome.status != .finished {
                status = ExitCode.failure
                if let error = outcome.error { console.writeError("cell \(index): \(error)\n") }
            }
        }
        TerminationSignals.setExitAction(nil)
        let delivered = try delivery.deliver()
        shard.database.close()
        if removesShard { Self.remove(shardPath) }
        console.write("shard delivered: \(delivered)\n")
        return status
    }

    /// Removes a database file and its side files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
