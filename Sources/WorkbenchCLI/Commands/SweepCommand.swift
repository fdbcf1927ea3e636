import Foundation
import WorkbenchCore
import WorkbenchStore

/// `workbench sweep`: plan a grid × seeds as linked runs and run it locally (`--jobs N`) or on
/// Slurm (`--slurm`), or write the batch files (`--emit slurm|tsv`); `sweep resume`,
/// `sweep status`, `sweep list` (also `workbench sweeps`).
///
/// The plan — the sweep row and one `planned` row per cell — is committed before any run
/// starts. Every cell runs through `workbench exec` in its own process writing its own shard,
/// and shards are merged into the database (``ShardMerger``), locally as cells finish.
struct SweepCommand {
    let context: WorkbenchCommandLine
    let invocation: [String]

    static let subcommands = ["resume", "status", "list"]
    static let slurmOptions = ["--partition", "--time", "--mem", "--parallel", "--sbatch-option"]
    static let options =
        [
            "--grid", "--seeds", "--preset", "--jobs", "--name", "--db", "--slurm", "--emit", "--sweep-dir",
            "--cells-per-task", "--threads",
        ] + slurmOptions

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let first = scanner.peekPositional()
        switch first {
        case "resume": return try SweepResumeCommand(context: context).execute(&scanner)
        case "status": return try SweepStatusCommand(context: context).execute(&scanner)
        case "list": return try SweepListCommand(context: context).execute(&scanner)
        default: return try plan(&scanner)
        }
    }

    /// `workbench sweep <experiment> …`: validates, records the plan, then runs or submits it.
    private func plan(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let console = context.console
        let gridWords = try scanner.options("--grid")
        let seedsText = try scanner.option("--seeds")
        let preset = try scanner.option("--preset") ?? Preset.quickName
        let jobs = try scanner.integerOption("--jobs", in: 1...256) ?? 1
        let threads = try scanner.integerOption("--threads", in: 1...256) ?? 1
        let name = try scanner.option("--name")
        let path = context.databasePath(try scanner.option("--db"))
        let slurm = try scanner.flag("--slurm")
        let emit = try scanner.option("--emit")
        let directoryOption = try scanner.option("--sweep-dir")
        let cellsPerTask = try scanner.integerOption("--cells-per-task", in: 1...100_000) ?? 1
        let batch = try SlurmOptions(scanner: &scanner)
        let words = try scanner.positionals(validOptions: Self.options)
        guard let experimentID = words.first else {
            throw UsageError(
                "sweep needs an experiment id (or one of \(Self.subcommands.joined(separator: ", ")))",
                validChoices: context.registry.ids + Self.subcommands)
        }
        let experiment: any Experiment
        do {
            experiment = try context.registry.experiment(experimentID)
        } catch {
            let closest = ClosestWord.suggestion(for: experimentID, among: context.registry.ids + Self.subcommands)
            throw UsageError(
                "unknown experiment or sweep command '\(experimentID)'"
                    + (closest.map { " (did you mean '\($0)'?)" } ?? ""),
                validChoices: context.registry.ids + Self.subcommands)
        }
        if let emit, !["slurm", "tsv"].contains(emit) {
            throw UsageError(
                "--emit expects slurm or tsv, got '\(emit)'"
                    + (ClosestWord.suggestion(for: emit, among: ["slurm", "tsv"]).map { " (did you mean '\($0)'?)" }
                        ?? ""),
                validChoices: ["slurm", "tsv"])
        }
        if slurm && emit == "tsv" { throw UsageError("--slurm submits; --emit tsv only writes commands: pick one") }
        if let name { try Self.checkName(name) }
        let descriptor = experiment.descriptor
        let fixed = Array(words.dropFirst())
        // The fixed assignments alone must be valid (unknown keys, kinds, ranges).
        _ = try ParameterResolver.resolve(descriptor, preset: preset, assignments: fixed)
        let fixedKeys = Set(fixed.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
        let axes = try SweepGrammar.axes(gridWords, for: descriptor, fixedKeys: fixedKeys)
        let seeds =
            try seedsText.map { text throws(UsageError) in try SweepGrammar.seeds(text) } ?? [descriptor.defaultSeed]
        let spec = SweepSpecification(
            experiment: descriptor.id, preset: preset, fixed: fixed, axes: axes, seeds: seeds)
        guard spec.cellCount <= 1_000_000 else {
            throw UsageError("the sweep has \(spec.cellCount) cells; at most 1000000")
        }
        for index in 0..<spec.cellCount {
            do {
                _ = try ParameterResolver.resolve(descriptor, preset: preset, assignments: spec.assignments(index))
            } catch {
                throw UsageError("cell \(index) (\(spec.parametersJSON(index))): \(error.message)")
            }
        }
        let store = try DatabaseLocation.openForWriting(path)
        let sweep = StoredSweep(
            sweepID: RunIdentifier.random(), name: name, experiment: descriptor.id, preset: preset, spec: spec.json(),
            cellCount: spec.cellCount, cellsPerTask: cellsPerTask, createdAt: Timestamp.now(),
            commandLine: WorkbenchCommandLine.provenanceText(invocation))
        let plan = SweepPlanFile(sweep: sweep, spec: spec, pending: Array(0..<spec.cellCount))
        do {
            try store.insertSweep(sweep, cells: plan.storedCells)
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
        console.write(
            "sweep \(sweep.sweepID)\(name.map { " (\($0))" } ?? ""): \(descriptor.id) [\(preset)], "
                + Self.shape(spec) + ", planned\n")
        if slurm || emit != nil {
            let directory = SlurmSweep.directory(option: directoryOption, databasePath: path, sweep: sweep)
            let submission = SlurmSweep(
                context: context, store: store, databasePath: path, directory: directory, options: batch)
            if emit == "tsv" { return try submission.emitTSV(plan) }
            return try submission.launch(plan, submit: slurm && emit == nil)
        }
        return try LocalSweep(
            context: context, store: store, databasePath: path, jobs: jobs, threads: threads
        ).run(plan)
    }

    /// `"2 values of mcSamples × 3 seeds = 6 cells"`.
    static func shape(_ spec: SweepSpecification) -> String {
        let factors =
            spec.axes.map { "\($0.values.count) value\($0.values.count == 1 ? "" : "s") of \($0.key)" }
            + ["\(spec.seeds.count) seed\(spec.seeds.count == 1 ? "" : "s")"]
        return factors.joined(separator: " × ") + " = \(spec.cellCount) cell\(spec.cellCount == 1 ? "" : "s")"
    }

    /// Sweep names select sweeps, so they must not look like ids or options.
    static func checkName(_ name: String) throws(UsageError) {
        guard !name.isEmpty, !name.hasPrefix("-"), !name.contains(where: { $0 == "/" || $0.isWhitespace }) else {
            throw UsageError("--name '\(name)': a sweep name is one word without '/' or spaces, not starting with '-'")
        }
        if subcommands.contains(name) { throw UsageError("--name '\(name)' is a sweep command; choose another name") }
    }

    /// The sweep `word` selects, or a usage error with the closest sweep name.
    static func select(_ word: String, in store: RunStore) throws -> StoredSweep {
        do {
            return try store.sweep(selectedBy: word)
        } catch StoreError.noSuchSweep(_, let names) {
            throw UsageError(
                "no sweep is named '\(word)' or has an id starting with it"
                    + (ClosestWord.suggestion(for: word, among: names).map { " (did you mean '\($0)'?)" } ?? "")
                    + (names.isEmpty ? "; `workbench sweeps` lists them" : ""),
                validChoices: Array(names.prefix(20)))
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
    }
}

/// `--partition`, `--time`, `--mem`, `--parallel` and `--sbatch-option` (passed to sbatch).
struct SlurmOptions {
    var partition: String?
    var time: String?
    var memory: String?
    /// The `%K` limit on simultaneously running array tasks.
    var parallel: Int?
    /// Extra `#SBATCH` lines, as typed (e.g. `--account=lab`).
    var extra: [String]

    init(scanner: inout ArgumentScanner) throws(UsageError) {
        do {
            extra = try scanner.options("--sbatch-option")
        } catch {
            // `--sbatch-option --account=lab` reads as two options.
            throw UsageError(
                "--sbatch-option needs its value attached: --sbatch-option=--account=lab (one per sbatch option)")
        }
        partition = try scanner.option("--partition")
        time = try scanner.option("--time")
        memory = try scanner.option("--mem")
        parallel = try scanner.integerOption("--parallel", in: 1...100_000)
        for option in extra where !option.hasPrefix("-") {
            throw UsageError("--sbatch-option '\(option)': give an sbatch option such as --account=lab")
        }
    }

    init() {
        extra = []
    }
}
