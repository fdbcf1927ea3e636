import Foundation
import WorkbenchStore

/// What merging one database into another did.
public struct MergeOutcome: Sendable, Equatable {
    /// The merged file.
    public let path: String
    /// SHA-256 of its bytes (and of its `-wal` file, when one lies beside it).
    public let sha256: String
    /// `true` when a database with these bytes was merged before: nothing was changed.
    public let alreadyMerged: Bool
    /// Runs that were new to the target.
    public let runsAdded: Int
    /// Runs the target had as `running` or `lost` that the merged file had ended.
    public let runsEnded: Int
    /// Sweeps the merged file links runs or cells to.
    public let sweepIDs: [String]
    /// Runs whose name another run of the target already had: merged without their name.
    public let namesDropped: Int
}

/// Merges workbench databases — the shards of a sweep's tasks, or any other workbench file, such
/// as another machine's — into a target database.
///
/// One transaction per merged file. Rows are keyed by the random run id (and sweep id), so a
/// run already present is left as it is, except that a run the target still has as `running` or
/// `lost` takes the end state of the merged copy; every run-owned row (parameters, metrics,
/// checks, artifacts, inputs, tags) is inserted unless present. Sweep, cell and job rows are
/// merged the same way, then the cells of every sweep the file touches are recomputed from their
/// runs (``RunStore/refreshCells(ofSweep:)``). The file's SHA-256 is recorded in `merges`, so
/// merging the same bytes again changes nothing.
///
/// The merged file is never modified: it is copied to a temporary directory first, and a copy
/// of an older schema is migrated there. A file of a newer schema is refused.
public enum ShardMerger {
    /// The run-owned tables, merged after `runs` (each row keyed by its run id and its own key).
    static let runOwnedTables = ["params", "metrics", "checks", "artifacts", "run_inputs", "run_tags"]

    /// Merges the database at `path` into `target`.
    ///
    /// - Throws: ``StoreError/unmergeable(path:reason:)`` for a missing, foreign, damaged or newer
    ///   file, or the target itself; SQLite errors while merging (the file's transaction is
    ///   rolled back).
    public static func merge(_ path: String, into target: RunStore) throws -> MergeOutcome {
        let file = DatabaseFile.inspect(path)
        switch file.content {
        case .sqlite(let version, _):
            if version > Schema.currentVersion {
                throw StoreError.unmergeable(
                    path: path,
                    reason:
                        "its schema version \(version) is newer than this workbench's (\(Schema.currentVersion)); merge it with a newer workbench"
                )
            }
            if version == 0 { throw StoreError.unmergeable(path: path, reason: "it is not a workbench database") }
        case .missing: throw StoreError.unmergeable(path: path, reason: "no such file")
        case .directory: throw StoreError.unmergeable(path: path, reason: "it is a directory")
        case .empty: throw StoreError.unmergeable(path: path, reason: "the file is empty")
        case .foreign: throw StoreError.unmergeable(path: path, reason: "it is not an SQLite database")
        case .truncated: throw StoreError.unmergeable(path: path, reason: "the file is truncated or damaged")
        case .openInThisProcess: throw StoreError.unmergeable(path: path, reason: "it is the target database")
        }
        if sameFile(path, target.database.path) {
            throw StoreError.unmergeable(path: path, reason: "it is the target database")
        }
        let digest = try fileDigest(path)
        if try isMerged(digest, in: target) {
            return MergeOutcome(
                path: path, sha256: digest, alreadyMerged: true, runsAdded: 0, runsEnded: 0, sweepIDs: [],
                namesDropped: 0)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "workbench-merge-\(RunIdentifier.random())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent("shard.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        if FileManager.default.fileExists(atPath: path + "-wal") {
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        }
        do {
            // Opening the copy for writing checks it is a workbench database, folds its log in
            // and migrates it to the current schema.
            let opened = try RunStore(path: copy, mode: .readWrite)
            opened.database.close()
        } catch let error as StoreError {
            throw StoreError.unmergeable(path: path, reason: String(describing: error))
        }
        return try mergeAttached(copy, source: path, digest: digest, into: target)
    }

    private static func mergeAttached(_ copy: String, source: String, digest: String, into target: RunStore) throws
        -> MergeOutcome
    {
        let database = target.database
        try database.run("ATTACH DATABASE ? AS shard", [.text(copy)])
        defer { try? database.execute("DETACH DATABASE shard") }
        return try database.writeTransaction {
            if try isMerged(digest, in: target) {
                return MergeOutcome(
                    path: source, sha256: digest, alreadyMerged: true, runsAdded: 0, runsEnded: 0, sweepIDs: [],
                    namesDropped: 0)
            }
            let runsBefore = try count("SELECT count(*) FROM main.runs", database)
            let namesDropped = try count(
                """
                SELECT count(*) FROM shard.runs s WHERE s.name IS NOT NULL AND NOT EXISTS
                    (SELECT 1 FROM main.runs m WHERE m.run_id = s.run_id)
                AND EXISTS (SELECT 1 FROM main.runs m WHERE m.name = s.name AND m.run_id <> s.run_id)
                """, database)
            let sweepColumns = try columns("sweeps", database)
            try database.run(
                """
                INSERT INTO main.sweeps(\(sweepColumns.joined(separator: ", ")))
                SELECT \(sweepColumns.map { $0 == "name" ? uniqueName("sweeps", "sweep_id") : "s.\($0)" }.joined(separator: ", "))
                FROM shard.sweeps s WHERE true ON CONFLICT(sweep_id) DO NOTHING
                """)
            let ended = try count(
                """
                SELECT count(*) FROM shard.runs s JOIN main.runs m USING (run_id)
                WHERE m.status IN ('running', 'lost') AND s.status NOT IN ('running', 'lost')
                """, database)
            let runColumns = try columns("runs", database)
            try database.run(
                """
                INSERT INTO main.runs(\(runColumns.joined(separator: ", ")))
                SELECT \(runColumns.map { $0 == "name" ? uniqueName("runs", "run_id") : "s.\($0)" }.joined(separator: ", "))
                FROM shard.runs s WHERE true
                ON CONFLICT(run_id) DO UPDATE SET status = excluded.status, ended_at = excluded.ended_at,
                    heartbeat_at = excluded.heartbeat_at, duration_s = excluded.duration_s,
                    error = excluded.error, result_digest = excluded.result_digest
                WHERE runs.status IN ('running', 'lost') AND excluded.status NOT IN ('running', 'lost')
                """)
            // Cells name their run: after the runs.
            for table in runOwnedTables + ["sweep_cells", "sweep_jobs"] {
                let names = try columns(table, database).joined(separator: ", ")
                try database.run("INSERT OR IGNORE INTO main.\(table)(\(names)) SELECT \(names) FROM shard.\(table)")
            }
            let sweepIDs = try database.query(
                """
                SELECT sweep_id FROM shard.sweeps UNION SELECT sweep_id FROM shard.runs WHERE sweep_id IS NOT NULL
                ORDER BY 1
                """
            ).compactMap { $0[0].textValue }
            for sweepID in sweepIDs { try target.refreshCells(ofSweep: sweepID) }
            let added = try count("SELECT count(*) FROM main.runs", database) - runsBefore
            let uuid = try database.scalar("SELECT value FROM shard.db_info WHERE key = 'db_uuid'")?.textValue
            try database.run(
                """
                INSERT INTO main.merges(shard_sha256, source_path, shard_db_uuid, merged_at, runs_added)
                VALUES (?, ?, ?, ?, ?)
                """,
                [
                    .text(digest), .text(absolutePath(source)), uuid.map { .text($0) } ?? .null,
                    .text(Timestamp.now()), .integer(Int64(added)),
                ])
            return MergeOutcome(
                path: source, sha256: digest, alreadyMerged: false, runsAdded: added, runsEnded: ended,
                sweepIDs: sweepIDs, namesDropped: namesDropped)
        }
    }

    /// The `name` column of a merged row, cleared when another row of the target holds it (names
    /// are unique; the row itself is what matters).
    private static func uniqueName(_ table: String, _ key: String) -> String {
        "CASE WHEN EXISTS (SELECT 1 FROM main.\(table) m WHERE m.name = s.name AND m.\(key) <> s.\(key)) THEN NULL ELSE s.name END"
    }

    private static func columns(_ table: String, _ database: Database) throws -> [String] {
        try database.query("SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid", [.text(table)]).compactMap {
            $0[0].textValue
        }
    }

    private static func count(_ sql: String, _ database: Database) throws -> Int {
        Int(try database.scalar(sql)?.integerValue ?? 0)
    }

    private static func isMerged(_ digest: String, in target: RunStore) throws -> Bool {
        try target.database.scalar("SELECT count(*) FROM main.merges WHERE shard_sha256 = ?", [.text(digest)])?
            .integerValue ?? 0 > 0
    }

    /// SHA-256 over the file's bytes followed by its `-wal` file's, read in 1 MiB blocks.
    static func fileDigest(_ path: String) throws -> String {
        var hasher = SHA256()
        for part in [path, path + "-wal"] {
            guard FileManager.default.fileExists(atPath: part) else { continue }
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: part))
            defer { try? handle.close() }
            while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
                hasher.update([UInt8](block))
            }
        }
        return hasher.hexDigest()
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    static func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
