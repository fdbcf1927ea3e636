import Foundation
import WorkbenchCore
import WorkbenchStore
import WorkbenchNumerics

/// `workbench run`: validate everything, then run and record each selected experiment.
struct RunCommand {
    let context: WorkbenchCommandLine
    /// The arguments as typed, recorded with the run.
    let invocation: [String]

    static let options = [
        "--preset", "--seed", "--jobs", "--blas-threads", "--db", "--dry-run", "--name", "--tag", "--note", "--check",
        "--progress",
    ]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let console = context.console
        let presetName = try scanner.option("--preset")
        let seedOption = try scanner.integerOption("--seed", in: 0...Int(Int64.max))
        let jobs =
            try scanner.integerOption("--jobs", in: 1...256)
            ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let blasThreads = try scanner.integerOption("--blas-threads", in: 1...256)
        let databaseOption = try scanner.option("--db")
        let dryRun = try scanner.flag("--dry-run")
        let failOnClaim = try scanner.flag("--check")
        let progressLines = try scanner.flag("--progress")
        let nameOption = try scanner.option("--name")
        let note = try scanner.option("--note")
        let tags = try scanner.options("--tag").map { text throws(UsageError) in try RunLabelParser.tag(text) }
        let words = try scanner.positionals(validOptions: Self.options)
        guard let target = words.first else {
            throw UsageError("run needs an experiment id or `all`", validChoices: context.registry.ids + ["all"])
        }
        let assignments = Array(words.dropFirst())
        let experiments = try context.registry.selection(target)
        if target == "all" && !assignments.isEmpty {
            throw UsageError("parameter overrides need a single experiment, not `all` (got '\(assignments[0])')")
        }
        // Validate every experiment's configuration before anything is written.
        var plans: [(experiment: any Experiment, parameters: ParameterSet, preset: String)] = []
        for experiment in experiments {
            let preset = presetName ?? Preset.quickName
            let parameters = try ParameterResolver.resolve(
                experiment.descriptor, preset: preset, assignments: assignments)
            plans.append((experiment, parameters, preset))
        }
        if dryRun {
            for plan in plans {
                console.write(
                    ConfigurationListing.text(
                        plan.experiment.descriptor, plan.parameters, preset: plan.preset,
                        seed: seedOption.map { UInt64($0) } ?? plan.experiment.descriptor.defaultSeed))
            }
            return ExitCode.success
        }
        let path = context.databasePath(databaseOption)
        var name: String?
        if let nameOption {
            guard plans.count == 1 else { throw UsageError("--name names one run; `all` starts several") }
            let existing =
                FileManager.default.fileExists(atPath: path) ? try DatabaseLocation.openForReading(path) : nil
            name = try RunLabelParser.name(nameOption, registry: context.registry, store: existing)
        }
        let store = try DatabaseLocation.openForWriting(path)
        _ = try? RunReconciler.reconcile(store)
        try? ExperimentViews.refresh(store, registry: context.registry)

        BLASConfiguration.setThreadCount(
            blasThreads ?? context.environment["OPENBLAS_NUM_THREADS"].flatMap(Int.init) ?? 1)
        let commandLine = WorkbenchCommandLine.provenanceText(invocation)
        var exitStatus = ExitCode.success
        for plan in plans {
            let descriptor = plan.experiment.descriptor
            let seed = seedOption.map { UInt64($0) } ?? descriptor.defaultSeed
            let progress: TerminalProgress?
            if console.errorIsTerminal {
                progress = TerminalProgress(console: console, prefix: descriptor.id)
            } else if progressLines {
                progress = TerminalProgress(console: console, prefix: descriptor.id, style: .lines)
            } else {
                progress = nil
            }
            let request = RunRequest(
                experiment: plan.experiment, parameters: plan.parameters, preset: plan.preset, seed: seed,
                databasePath: path, workers: jobs, commandLine: commandLine,
                inputLocation: InputLocation(environment: context.environment),
                labels: RunLabels(name: name, note: note, tags: tags))
            if let builtAt = ProvenanceCollector.programModificationDate,
                let checkout = ProvenanceCollector.sourceRepository,
                let edited = ProvenanceCollector.programSource(of: checkout, editedAfter: builtAt)
            {
                console.writeError(
                    "workbench: warning: \(edited) changed after this program was built; the run records "
                        + "its commit with git_dirty unknown (rebuild with `swift build -c release` first)\n")
            }
            let outcome: RunOutcome
            do {
                outcome = try Runner.execute(request, progress: progress)
            } catch {
                progress?.clear()
                console.writeError("workbench: error: could not record \(descriptor.id): \(error)\n")
                return ExitCode.failure
            }
            progress?.clear()
            console.write(RunSummary.text(descriptor: descriptor, outcome: outcome, preset: plan.preset))
            if outcome.status != .finished { exitStatus = ExitCode.failure }
            if failOnClaim && outcome.checks.contains(where: { $0.verdict == .fail }) { exitStatus = ExitCode.failure }
        }
        return exitStatus
    }
}

/// The text printed after a run.
enum RunSummary {
    static func text(descriptor: ExperimentDescriptor, outcome: RunOutcome, preset: String) -> String {
        var text =
            "\(descriptor.id) [\(preset)] run \(outcome.runID): \(outcome.status?.rawValue ?? "not recorded") in "
            + ReportNumber.format(outcome.durationSeconds, digits: 3) + " s\n"
        if let error = outcome.error { text += "  error: \(error)\n" }
        if !outcome.checks.isEmpty {
            text += CheckTable.render(outcome.checks)
        }
        return text
    }
}

/// A compact claims table for the terminal, followed by the reasons of the claims that were not
/// decided (grouped, so a skipped part reads as one line).
enum CheckTable {
    static func render(_ checks: [CheckResult]) -> String {
        let rows: [[OutputCell]] = checks.map { check in
            [
                .text(check.claim), .text(check.verdictText),
                .text(check.measurement.map { measured($0) } ?? "—"), .text(check.expected.text),
                .text(check.paperValue),
            ]
        }
        let table = TabularOutput(columns: ["claim", "verdict", "measured", "expected", "paper"], rows: rows)
        let counts = ClaimVerdict.allCases.map { verdict in
            "\(checks.filter { $0.verdict == verdict }.count) \(verdict.rawValue)"
        }
        let marginal = checks.filter(\.marginal).count
        var text = table.render(.table).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        text += "\n  claims: " + counts.joined(separator: ", ") + (marginal > 0 ? " (\(marginal) marginal)" : "") + "\n"
        var reasons: [(reason: String, claims: [String])] = []
        for check in checks {
            guard let reason = check.reason else { continue }
            let line = "\(check.verdict.rawValue): \(reason)"
            if let index = reasons.firstIndex(where: { $0.reason == line }) {
                reasons[index].claims.append(check.claim)
            } else {
                reasons.append((line, [check.claim]))
            }
        }
        for (reason, claims) in reasons {
            text += "  \(claims.joined(separator: ", ")) — \(reason)\n"
        }
        if marginal > 0 {
            text += "  marginal: the verdict stands on the point estimate; its 95 % CI straddles a bound\n"
        }
        return text
    }

    static func measured(_ measurement: WorkbenchCore.Measurement) -> String {
        var text = ReportNumber.format(measurement.value, digits: 4)
        if let low = measurement.ciLow, let high = measurement.ciHigh {
            text += " [\(ReportNumber.format(low, digits: 3)), \(ReportNumber.format(high, digits: 3))]"
        }
        return text
    }
}

/// The resolved configuration of a planned run (`run --dry-run`).
enum ConfigurationListing {
    static func text(_ descriptor: ExperimentDescriptor, _ parameters: ParameterSet, preset: String, seed: UInt64)
        -> String
    {
        let rows: [[OutputCell]] = descriptor.parameters.map { spec in
            let value = parameters.values[spec.key] ?? spec.defaultValue
            return [
                .text(spec.key), .text(spec.kind.rawValue), .text(value.canonicalText),
                .text(value == spec.defaultValue ? "" : "changed"),
            ]
        }
        return
            "\(descriptor.id) [\(preset)] seed \(seed), config hash \(parameters.configHash(experiment: descriptor.id).prefix(16))\n"
            + TabularOutput(columns: ["parameter", "kind", "value", "vs default"], rows: rows).render(.table) + "\n"
    }
}
