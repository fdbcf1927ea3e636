import WorkbenchCore
import WorkbenchStore

/// `workbench check`: claim verdicts of a run; exit 1 if any failed.
struct CheckCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let words = try scanner.positionals(validOptions: ["--db", "--preset"])
        guard words.count == 1 else { throw UsageError("check takes one run or experiment id") }
        let store = try DatabaseLocation.openForReading(path)
        let runID = try RunSelector(store: store, registry: context.registry, preset: preset).resolve(words[0])
        do {
            let record = try store.run(runID)
            let checks = try store.checks(runID).map(CheckResult.init(stored:))
            context.console.write("\(record.experiment) [\(record.preset)] run \(runID) (\(record.status))\n")
            if checks.isEmpty {
                context.console.write("  no claim checks recorded (status \(record.status))\n")
                return record.status == .finished ? ExitCode.success : ExitCode.failure
            }
            context.console.write(CheckTable.render(checks))
            return checks.contains { $0.verdict == .fail } ? ExitCode.failure : ExitCode.success
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
    }
}
