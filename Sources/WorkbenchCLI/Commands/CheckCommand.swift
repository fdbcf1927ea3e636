import WorkbenchCore
import WorkbenchStore

/// `workbench check`: claim verdicts of a run; exit 1 if any failed.
struct CheckCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let words = try scanner.positionals(validOptions: ["--db", "--preset", "--format"])
        guard words.count == 1 else { throw UsageError("check takes one run or experiment id") }
        let store = try DatabaseLocation.openForReading(path)
        let runID = try RunSelector(store: store, registry: context.registry, preset: preset).resolve(words[0])
        do {
            let record = try store.run(runID)
            let stored = try store.checks(runID)
            let checks = stored.map(CheckResult.init(stored:))
            let exitCode = checks.contains { $0.verdict == .fail } ? ExitCode.failure : ExitCode.success
            if format != .table {
                context.console.write(CheckRows.table(stored).render(format))
                return stored.isEmpty && record.status != .finished ? ExitCode.failure : exitCode
            }
            context.console.write("\(record.experiment) [\(record.preset)] run \(runID) (\(record.status))\n")
            if checks.isEmpty {
                context.console.write("  no claim checks recorded (status \(record.status))\n")
                return record.status == .finished ? ExitCode.success : ExitCode.failure
            }
            context.console.write(CheckTable.render(checks))
            return exitCode
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
    }
}
