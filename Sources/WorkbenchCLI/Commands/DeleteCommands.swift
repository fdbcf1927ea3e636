import Foundation
import WorkbenchCore
import WorkbenchStore

/// `workbench delete <run>... [--yes]`: removes runs with their parameters, metrics, checks,
/// artifacts, inputs and tags in one transaction. Asks first on a terminal; elsewhere needs
/// `--yes`.
struct DeleteCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let confirmed = try scanner.flag("--yes", aliases: ["-y"])
        let words = try scanner.positionals(validOptions: ["--db", "--preset", "--yes"])
        guard !words.isEmpty else { throw UsageError("delete needs at least one run") }
        let reader = try DatabaseLocation.openForReading(path)
        let selector = RunSelector(store: reader, registry: context.registry, preset: preset)
        var ids: [String] = []
        for word in words where !ids.contains(try selector.resolve(word)) { ids.append(try selector.resolve(word)) }
        let records = try ids.map { try reader.run($0) }
        return try DeletionPrompt(context: context, path: path).delete(records, confirmed: confirmed)
    }
}

/// `workbench gc [--status S,...] [--older-than AGE] [--dry-run] [--yes]`: deletes runs that
/// did not finish (default `failed,killed,lost`) and started more than AGE ago (default `7d`;
/// `30m`, `12h`, `7d`, `0d` for all).
struct GCCommand {
    let context: WorkbenchCommandLine

    static let collectable: [RunStatus] = [.failed, .killed, .lost]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let statusText = try scanner.option("--status") ?? Self.collectable.map(\.rawValue).joined(separator: ",")
        let ageText = try scanner.option("--older-than") ?? "7d"
        let dryRun = try scanner.flag("--dry-run")
        let confirmed = try scanner.flag("--yes", aliases: ["-y"])
        let words = try scanner.positionals(validOptions: ["--db", "--status", "--older-than", "--dry-run", "--yes"])
        guard words.isEmpty else { throw UsageError("gc takes no positional words, got '\(words[0])'") }
        var statuses: [RunStatus] = []
        for word in statusText.split(separator: ",").map(String.init) {
            guard let status = RunStatus(rawValue: word), status != .running else {
                throw UsageError(
                    "gc --status: '\(word)' is not a status gc may delete",
                    validChoices: RunStatus.allCases.map(\.rawValue).filter { $0 != "running" })
            }
            statuses.append(status)
        }
        let age = try Self.seconds(ageText)
        let cutoff = Timestamp.format(Date(timeIntervalSinceNow: -age))
        let reader = try DatabaseLocation.openForReading(path)
        let marks = statuses.map { _ in "?" }.joined(separator: ", ")
        let records = try reader.runs(
            where: "status IN (\(marks)) AND started_at < ?", statuses.map { .text($0.rawValue) } + [.text(cutoff)])
        if dryRun || records.isEmpty {
            context.console.write(DeletionPrompt.listing(records, verb: dryRun ? "would delete" : "nothing to delete"))
            return ExitCode.success
        }
        return try DeletionPrompt(context: context, path: path).delete(records, confirmed: confirmed)
    }

    /// `30m`, `12h`, `7d` (or a number of seconds) as seconds.
    static func seconds(_ text: String) throws(UsageError) -> TimeInterval {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let unit = text.last.flatMap { units[$0] }
        let number = Double(unit == nil ? text : String(text.dropLast()))
        guard let number, number >= 0 else {
            throw UsageError("--older-than expects an age such as 30m, 12h or 7d, got '\(text)'")
        }
        return number * (unit ?? 1)
    }
}

/// Lists runs, asks for confirmation when needed, and deletes them.
struct DeletionPrompt {
    let context: WorkbenchCommandLine
    let path: String

    static func listing(_ records: [RunRecord], verb: String) -> String {
        var text = "\(verb): \(records.count) run\(records.count == 1 ? "" : "s")\n"
        for record in records {
            text +=
                "  \(record.runID.prefix(12))  \(record.experiment)  \(record.preset)  \(record.status.rawValue)  \(record.startedAt)"
                + (record.name.map { "  \($0)" } ?? "") + "\n"
        }
        return text
    }

    func delete(_ records: [RunRecord], confirmed: Bool) throws -> Int32 {
        let console = context.console
        if !confirmed {
            console.write(Self.listing(records, verb: "to delete"))
            guard let answer = console.ask("Delete \(records.count) run(s) and all their data? [y/N] ") else {
                throw UsageError("deleting needs confirmation: run again with --yes (nothing was deleted)")
            }
            guard ["y", "yes"].contains(answer.lowercased()) else {
                console.write("nothing deleted\n")
                return ExitCode.success
            }
        }
        let deleted = try DatabaseLocation.openForWriting(path).deleteRuns(records.map(\.runID))
        console.write("deleted \(deleted) run\(deleted == 1 ? "" : "s")\n")
        return ExitCode.success
    }
}
