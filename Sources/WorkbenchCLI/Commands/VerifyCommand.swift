import Foundation
import WorkbenchCore
import WorkbenchNumerics
import WorkbenchStore

/// `workbench verify`: rerun a recorded configuration and compare every metric bit for bit.
struct VerifyCommand {
    let context: WorkbenchCommandLine
    /// The arguments as typed, recorded with the run.
    let invocation: [String]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let jobs =
            try scanner.integerOption("--jobs", in: 1...256)
            ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let words = try scanner.positionals(validOptions: ["--jobs", "--db", "--preset"])
        guard words.count == 1 else { throw UsageError("verify takes exactly one run") }
        let reader = try DatabaseLocation.openForReading(path)
        let runID = try RunSelector(store: reader, registry: context.registry, preset: preset).resolve(words[0])
        let original: RunRecord
        let parameters: ParameterSet
        let originalMetrics: [StoredMetric]
        do {
            original = try reader.run(runID)
            parameters = try ParameterSet(stored: try reader.parameters(runID))
            originalMetrics = try reader.metrics(runID)
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
        guard original.status == .finished else {
            throw UsageError("run \(runID) is \(original.status); only finished runs can be verified")
        }
        let experiment = try context.registry.experiment(original.experiment)
        let declared = Set(experiment.descriptor.parameters.map(\.key))
        guard declared == Set(parameters.values.keys) else {
            throw UsageError(
                "run \(runID) was recorded with a different parameter set than \(original.experiment) now declares")
        }
        // A file this process cannot write (an archive, a read-only mount) is verified all the
        // same: the rerun goes to a scratch database that is removed afterwards.
        let scratch = DatabaseFile.inspect(path).isWritable ? nil : try ScratchDatabase()
        defer { scratch?.remove() }
        let recordPath = scratch?.path ?? path
        BLASConfiguration.setThreadCount(original.blasThreads)
        let request = RunRequest(
            experiment: experiment, parameters: parameters, preset: original.preset, seed: original.seed,
            databasePath: recordPath, workers: jobs,
            commandLine: WorkbenchCommandLine.provenanceText(invocation),
            rerunOf: scratch == nil ? runID : nil, inputLocation: InputLocation(environment: context.environment))
        let outcome: RunOutcome
        do {
            outcome = try Runner.execute(request)
        } catch {
            context.console.writeError("workbench: error: could not record the rerun: \(error)\n")
            return ExitCode.failure
        }
        let console = context.console
        console.write("rerun \(outcome.runID) of \(runID): \(outcome.status?.rawValue ?? "not recorded")\n")
        if scratch != nil {
            console.write("  \(path) is read-only: the rerun is compared, not recorded\n")
        }
        guard outcome.status == .finished, let digest = outcome.resultDigest else {
            console.write("  the rerun did not finish: \(outcome.error ?? "unknown error")\n")
            return ExitCode.failure
        }
        if let rerun = try? DatabaseLocation.openForReading(recordPath).run(outcome.runID) {
            for (field, before, after) in [
                ("blas_core", original.blasCore, rerun.blasCore),
                ("blas_threads", String(original.blasThreads), String(rerun.blasThreads)),
                ("git_commit", original.gitCommit ?? "-", rerun.gitCommit ?? "-"),
                ("host", original.host, rerun.host),
            ] where before != after {
                console.write("  note: \(field) differs: \(before) → \(after)\n")
            }
        }
        // The stored rows must still hash to the stored digest (nothing edited or lost since),
        // and the rerun must reproduce them value by value, not only digest by digest.
        // Wall-clock timing families are recorded but stand outside reproducibility
        // (``MetricSpec/isWallClockTiming``): neither the digest nor the comparison reads them.
        let descriptor = experiment.descriptor
        let storedDigest = ResultDigest.of(
            descriptor.reproducible(originalMetrics.map { MetricPoint($0.key, x: $0.x, $0.value) }))
        let intact = storedDigest == original.resultDigest
        if !intact {
            console.write(
                "  DAMAGED: the stored metrics of \(runID) hash to \(storedDigest.prefix(16))…, not to the "
                    + "recorded digest \(original.resultDigest?.prefix(16) ?? "none")… (edited or deleted rows)\n")
        }
        let rerunMetrics = try DatabaseLocation.openForReading(recordPath).metrics(outcome.runID)
            .filter { !descriptor.isWallClockTiming($0.key) }
        let compared = originalMetrics.filter { !descriptor.isWallClockTiming($0.key) }
        let differences = MetricDifference.describe(before: compared, after: rerunMetrics)
        if intact && differences.count == 0 && digest == original.resultDigest {
            let timings = originalMetrics.count - compared.count
            let excluded = timings > 0 ? " (\(timings) wall-clock timing value(s) not compared)" : ""
            console.write(
                "  bit-identical: \(compared.count) metric values, digest \(digest.prefix(16))…\(excluded)\n")
            return ExitCode.success
        }
        if digest != original.resultDigest {
            console.write(
                "  DIFFERENT: digest \(original.resultDigest?.prefix(16) ?? "none")… → \(digest.prefix(16))…\n")
        }
        if differences.count > 0 { console.write(differences.text) }
        return ExitCode.failure
    }
}

/// Lists the metrics that differ between two runs.
enum MetricDifference {
    /// The number of (key, x) pairs whose values differ in any bit (or exist on one side only)
    /// and a text naming the first `limit` of them.
    static func describe(before: [StoredMetric], after: [StoredMetric], limit: Int = 10) -> (count: Int, text: String) {
        func key(_ m: StoredMetric) -> String { m.key + "@" + (m.x.map { "\($0)" } ?? "") }
        let old = Dictionary(before.map { (key($0), $0.value) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { (key($0), $0.value) }, uniquingKeysWith: { a, _ in a })
        let keys = Set(old.keys).union(new.keys).sorted()
        var lines: [String] = []
        var count = 0
        for k in keys {
            let a = old[k]
            let b = new[k]
            if a?.bitPattern == b?.bitPattern { continue }
            count += 1
            guard lines.count < limit else { continue }
            switch (a, b) {
            case (let a?, let b?):
                let relative = abs(a - b) / max(abs(a), abs(b), .leastNormalMagnitude)
                lines.append(
                    "    \(k): \(ReportNumber.exact(a)) → \(ReportNumber.exact(b)) (relative \(ReportNumber.format(relative, digits: 2)))"
                )
            case (nil, _?): lines.append("    \(k): only in the rerun")
            case (_?, nil): lines.append("    \(k): missing from the rerun")
            default: break
            }
        }
        return (count, "  \(count) metric value(s) differ:\n" + lines.joined(separator: "\n") + "\n")
    }
}

/// A database file in a fresh temporary directory, for work that must not be recorded.
struct ScratchDatabase {
    let directory: URL
    var path: String { directory.appendingPathComponent("scratch.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
