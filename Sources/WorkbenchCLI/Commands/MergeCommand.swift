import Foundation
import WorkbenchCore
import WorkbenchStore

/// `workbench merge <db|dir>... [--db TARGET]`: merges shard databases (or any other workbench
/// database, e.g. another machine's) into the target, one transaction per file, idempotently
/// (see ``ShardMerger``). A directory stands for the `*.sqlite` files in it, in name order.
/// A file that cannot be merged (newer schema, not a workbench database) is reported and the
/// others are still merged; the exit status is then 64.
struct MergeCommand {
    let context: WorkbenchCommandLine

    static let options = ["--db", "--quiet"]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let quiet = try scanner.flag("--quiet")
        let words = try scanner.positionals(validOptions: Self.options)
        guard !words.isEmpty else {
            throw UsageError("merge needs one or more databases (or directories of shards) to merge into --db")
        }
        var files: [String] = []
        for word in words {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: word, isDirectory: &isDirectory), isDirectory.boolValue {
                files += Self.databases(in: word)
            } else {
                files.append(word)
            }
        }
        let store = try DatabaseLocation.openForWriting(path)
        let outcome = try Self.merge(files, into: store, console: context.console, quiet: quiet)
        try? ExperimentViews.refresh(store, registry: context.registry)
        return outcome
    }

    /// Merges `files` into `store`, reporting each; returns the exit status (64 when a file was
    /// refused).
    static func merge(_ files: [String], into store: RunStore, console: Console, quiet: Bool = false) throws -> Int32 {
        var refused = 0
        var added = 0
        for file in files {
            do {
                let outcome = try ShardMerger.merge(file, into: store)
                added += outcome.runsAdded
                guard !quiet else { continue }
                if outcome.alreadyMerged {
                    console.write("\(file): already merged (sha256 \(outcome.sha256.prefix(12))), nothing to do\n")
                } else {
                    var line = "\(file): \(outcome.runsAdded) run\(outcome.runsAdded == 1 ? "" : "s") added"
                    if outcome.runsEnded > 0 { line += ", \(outcome.runsEnded) ended" }
                    if outcome.namesDropped > 0 {
                        line +=
                            ", \(outcome.namesDropped) run name\(outcome.namesDropped == 1 ? "" : "s") already taken (dropped)"
                    }
                    console.write(line + " (sha256 \(outcome.sha256.prefix(12)))\n")
                }
            } catch let error as StoreError where error.isUsageError {
                console.writeError("workbench: error: \(error)\n")
                refused += 1
            }
        }
        if !quiet && files.count > 1 {
            console.write(
                "merged \(files.count - refused) of \(files.count) files into \(store.database.path): \(added) runs added\n"
            )
        }
        return refused == 0 ? ExitCode.success : ExitCode.usage
    }

    /// The `*.sqlite` files directly in `directory` (hidden files, i.e. deliveries in progress,
    /// excluded), in name order.
    static func databases(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".sqlite") && !$0.hasPrefix(".") }.sorted().map {
            URL(fileURLWithPath: directory).appendingPathComponent($0).path
        }
    }
}
