import Foundation

/// Typed access to a workbench database: opening (and migrating) the file, writing a run's
/// lifecycle, and reading runs back.
///
/// Every write is one `BEGIN IMMEDIATE` transaction, so a reader never sees half a run.
public final class RunStore {
    /// The underlying connection (for ad-hoc queries).
    public let database: Database

    /// Opens the database at `path`.
    ///
    /// - `readWrite` creates the file if needed and migrates it to ``Schema/currentVersion``.
    /// - `readOnly` requires an existing workbench database of a version this program reads. A
    ///   file this process cannot write (mode 444, a read-only directory or mount) without a
    ///   pending `-wal` is opened immutable, so no side file is created; a writable one gets its
    ///   side files removed when the store is released.
    ///
    /// The file's header is checked before SQLite opens it, so a directory, a foreign or
    /// truncated file, or one from a newer workbench is refused without being touched.
    ///
    /// - Throws: ``StoreError/unreadable(path:reason:)`` when the file is missing (read-only), not
    ///   a database, or not a workbench database; ``StoreError/newerSchema(found:supported:)``;
    ///   ``StoreError/readOnly(path:reason:)`` when writing is asked of a file that cannot be written.
    public init(path: String, mode: Database.Mode = .readWrite) throws {
        let file = DatabaseFile.inspect(path)
        try Self.refuseWithoutOpening(file, mode: mode)
        let connectionMode: Database.Mode =
            mode != .readWrite && !file.isWritable && !file.hasWriteAheadLog ? .immutable : mode
        let opened: Database
        do {
            opened = try Database(path: path, mode: connectionMode)
        } catch {
            if mode != .readWrite { Database.tidySideFiles(of: path) }
            throw StoreError.unreadable(path: path, reason: error.message)
        }
        database = opened
        tidiesOnRelease = connectionMode == .readOnly && file.isWritable
        do {
            try Self.checkSchema(of: opened, path: path, mode: mode)
        } catch {
            opened.close()
            if mode != .readWrite { Database.tidySideFiles(of: path) }
            if let error = error as? SQLiteError { throw StoreError.unreadable(path: path, reason: error.message) }
            throw error
        }
    }

    /// Whether releasing the store closes its read-only connection and removes the `-wal`/`-shm`
    /// files it leaves beside a writable file.
    private let tidiesOnRelease: Bool

    deinit {
        guard tidiesOnRelease else { return }
        database.close()
        Database.tidySideFiles(of: database.path)
    }

    /// Refuses, from the file system and the header alone, what cannot be opened as asked.
    private static func refuseWithoutOpening(_ file: DatabaseFile, mode: Database.Mode) throws {
        let path = file.path
        switch file.content {
        case .directory:
            throw StoreError.unreadable(
                path: path, reason: "it is a directory; give the database file, e.g. '\(path)/workbench.sqlite'")
        case .missing where mode != .readWrite:
            throw StoreError.unreadable(path: path, reason: "no such file (run `workbench run` first)")
        case .missing:
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                throw StoreError.unreadable(path: path, reason: "the directory '\(folder)' does not exist")
            }
        case .empty where mode != .readWrite:
            throw StoreError.unreadable(path: path, reason: "the file is empty (run `workbench run` first)")
        case .foreign:
            throw StoreError.unreadable(
                path: path, reason: "not an SQLite database (its first bytes are not an SQLite header)")
        case .truncated(let expected, let actual):
            throw StoreError.unreadable(
                path: path,
                reason:
                    "the file is truncated or damaged: its header describes \(expected) bytes, the file has \(actual)")
        case .sqlite(let version, _) where version > Schema.currentVersion && !file.hasWriteAheadLog:
            throw StoreError.newerSchema(found: version, supported: Schema.currentVersion)
        default:
            break
        }
        if mode == .readWrite && !file.isWritable {
            throw StoreError.readOnly(path: path, reason: file.readOnlyReason)
        }
    }

    /// Migrates a writable file; for a read-only one, checks its version can be read as is.
    private static func checkSchema(of database: Database, path: String, mode: Database.Mode) throws {
        let version = try database.userVersion
        if version == 0 {
            let objects = try database.scalar("SELECT count(*) FROM sqlite_master")?.integerValue ?? 0
            if objects > 0 {
                throw StoreError.unreadable(
                    path: path, reason: "not a workbench database (it has tables but no workbench schema)")
            }
        }
        if mode == .readWrite {
            if version > Schema.currentVersion {
                throw StoreError.newerSchema(found: version, supported: Schema.currentVersion)
            }
            if FileSystemKind.isNetwork(path) {
                try database.useRollbackJournal()
            } else {
                try database.enableWriteAheadLog()
            }
            try Schema.migrate(database)
            return
        }
        if version > Schema.currentVersion {
            throw StoreError.newerSchema(found: version, supported: Schema.currentVersion)
        }
        if version == 0 {
            throw StoreError.unreadable(path: path, reason: "not a workbench database")
        }
        if version < Schema.oldestReadableVersion {
            throw StoreError.olderSchema(path: path, found: version, current: Schema.currentVersion)
        }
    }

    // MARK: - Writing a run

    /// Inserts the run row (normally with status `running`) and its parameters in one
    /// transaction.
    public func insertRun(
        _ run: RunRecord, parameters: [StoredParameter], inputs: [StoredInput] = [],
        tags: [(key: String, value: String)] = []
    ) throws {
        try database.writeTransaction {
            try database.run(
                """
                INSERT INTO runs(run_id, experiment, preset, status, seed, config_hash, started_at,
                    ended_at, heartbeat_at, duration_s, host, pid, git_commit, git_dirty,
                    workbench_version, blas_core, blas_threads, sqlite_version, error,
                    result_digest, rerun_of, blas_config, workers, command_line, name, note, sweep_id,
                    cell_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(run.runID), .text(run.experiment), .text(run.preset), .text(run.status.rawValue),
                    .integer(Int64(bitPattern: run.seed)), .text(run.configHash),
                    .text(run.startedAt), run.endedAt.sqlText, .text(run.heartbeatAt ?? run.startedAt),
                    run.durationSeconds.sqlReal, .text(run.host), .integer(Int64(run.pid)),
                    run.gitCommit.sqlText, run.gitDirty.map { .integer($0 ? 1 : 0) } ?? .null,
                    .text(run.workbenchVersion), .text(run.blasCore),
                    .integer(Int64(run.blasThreads)), .text(run.sqliteVersion), run.error.sqlText,
                    run.resultDigest.sqlText, run.rerunOf.sqlText, run.blasConfig.sqlText,
                    run.workers.map { .integer(Int64($0)) } ?? .null, run.commandLine.sqlText,
                    run.name.sqlText, run.note.sqlText, run.sweepID.sqlText,
                    run.cellIndex.map { .integer(Int64($0)) } ?? .null,
                ])
            let statement = try database.prepare(
                "INSERT INTO params(run_id, key, value, kind) VALUES (?, ?, ?, ?)")
            for parameter in parameters {
                try statement.bind([
                    .text(run.runID), .text(parameter.key), parameter.value, .text(parameter.kind),
                ])
                try statement.step()
                statement.reset()
            }
            for tag in tags {
                try database.run(
                    "INSERT INTO run_tags(run_id, key, value) VALUES (?, ?, ?)",
                    [.text(run.runID), .text(tag.key), .text(tag.value)])
            }
            for input in inputs {
                try database.run(
                    "INSERT INTO run_inputs(run_id, input, path, sha256, size_bytes) VALUES (?, ?, ?, ?, ?)",
                    [
                        .text(run.runID), .text(input.input), .text(input.path), .text(input.sha256),
                        .integer(Int64(input.sizeBytes)),
                    ])
            }
        }
    }

    /// The declared inputs a run read, by input id.
    public func inputs(_ runID: String) throws -> [StoredInput] {
        try database.query(
            "SELECT input, path, sha256, size_bytes FROM run_inputs WHERE run_id = ? ORDER BY input", [.text(runID)]
        ).map {
            StoredInput(
                input: $0[0].textValue ?? "", path: $0[1].textValue ?? "", sha256: $0[2].textValue ?? "",
                sizeBytes: Int($0[3].integerValue ?? 0))
        }
    }

    /// Appends metric points in one transaction; `firstSequence` numbers them in recording order.
    ///
    /// The store does not check `(key, x)` uniqueness (an index for it would halve the write
    /// rate); ``RunContext`` rejects duplicates before they reach the store.
    public func appendMetrics(runID: String, _ metrics: [StoredMetric], firstSequence: Int) throws {
        guard !metrics.isEmpty else { return }
        try database.writeTransaction {
            let statement = try database.prepare(
                "INSERT INTO metrics(run_id, key, x, value, special, seq, coords) VALUES (?, ?, ?, ?, ?, ?, ?)")
            try statement.bind(.text(runID), at: 1)
            for (offset, metric) in metrics.enumerated() {
                let special: SQLValue
                let value: SQLValue
                if metric.value.isNaN {
                    special = .text("nan")
                    value = .null
                } else if metric.value == 0 && metric.value.sign == .minus {
                    // SQLite folds -0.0 into integer 0 on disk; keep the sign bit.
                    special = .text("-0")
                    value = .real(0)
                } else if metric.value.isInfinite {
                    special = .text(metric.value > 0 ? "inf" : "-inf")
                    value = .real(metric.value)
                } else {
                    special = .null
                    value = .real(metric.value)
                }
                try statement.bind(.text(metric.key), at: 2)
                try statement.bind(metric.x.sqlReal, at: 3)
                try statement.bind(value, at: 4)
                try statement.bind(special, at: 5)
                try statement.bind(.integer(Int64(firstSequence + offset)), at: 6)
                try statement.bind(metric.coordinates.sqlText, at: 7)
                try statement.step()
                statement.reset()
            }
        }
    }

    /// Stores one artifact.
    public func appendArtifact(runID: String, _ artifact: StoredArtifact) throws {
        try database.writeTransaction {
            try database.run(
                "INSERT INTO artifacts(run_id, name, media_type, content) VALUES (?, ?, ?, ?)",
                [.text(runID), .text(artifact.name), .text(artifact.mediaType), .text(artifact.content)])
        }
    }

    /// Ends a run: status, end time, duration, digest, error and claim checks in one transaction.
    ///
    /// Only the process that owns the run calls this. It changes a run still marked `running`, or
    /// one that reconciliation marked `lost` while its process was in fact alive (e.g. after the
    /// machine slept past the heartbeat limit); a run that already ended is never overwritten.
    ///
    /// - Returns: `true` if the row was updated.
    @discardableResult
    public func finishRun(
        runID: String, status: RunStatus, endedAt: String, durationSeconds: Double,
        resultDigest: String?, error: String?, checks: [StoredCheck]
    ) throws -> Bool {
        try database.writeTransaction {
            try database.run(
                """
                UPDATE runs SET status = ?, ended_at = ?, heartbeat_at = ?, duration_s = ?,
                    result_digest = ?, error = ?
                WHERE run_id = ? AND status IN ('running', 'lost')
                """,
                [
                    .text(status.rawValue), .text(endedAt), .text(endedAt), .real(durationSeconds),
                    resultDigest.sqlText, error.sqlText, .text(runID),
                ])
            guard database.changes == 1 else { return false }
            let statement = try database.prepare(
                """
                INSERT INTO checks(run_id, claim, statement, paper, expected, expected_low,
                    expected_high, measured, ci_low, ci_high, detail, verdict, marginal, part)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for check in checks {
                try statement.bind([
                    .text(runID), .text(check.claim), .text(check.statement), .text(check.paper),
                    .text(check.expected), check.expectedLow.sqlReal, check.expectedHigh.sqlReal,
                    check.measured.sqlReal, check.ciLow.sqlReal, check.ciHigh.sqlReal,
                    check.detail.sqlText, .text(check.verdict.rawValue),
                    .integer(check.marginal ? 1 : 0), check.part.sqlText,
                ])
                try statement.step()
                statement.reset()
            }
            return true
        }
    }

    /// Records a liveness signal for a running run.
    public func heartbeat(runID: String, at time: String) throws {
        try database.writeTransaction {
            try database.run(
                "UPDATE runs SET heartbeat_at = ? WHERE run_id = ? AND status = 'running'",
                [.text(time), .text(runID)])
        }
    }

    /// Marks a `running` run as `lost` (its process vanished without a word).
    @discardableResult
    public func markLost(runID: String, reason: String) throws -> Bool {
        try database.writeTransaction {
            try database.run(
                """
                UPDATE runs SET status = 'lost', ended_at = heartbeat_at, error = ?
                WHERE run_id = ? AND status = 'running'
                """, [.text(reason), .text(runID)])
            return database.changes == 1
        }
    }

    // MARK: - Names, notes, tags, deletion

    /// Sets (or, with `nil`, clears) the run's unique name.
    ///
    /// - Throws: ``StoreError/nameTaken(_:by:)`` when another run has the name.
    public func setName(runID: String, _ name: String?) throws {
        try database.writeTransaction {
            if let name,
                let holder = try database.scalar(
                    "SELECT run_id FROM runs WHERE name = ? AND run_id <> ?", [.text(name), .text(runID)])?.textValue
            {
                throw StoreError.nameTaken(name, by: holder)
            }
            try database.run("UPDATE runs SET name = ? WHERE run_id = ?", [name.sqlText, .text(runID)])
        }
    }

    /// Sets (or, with `nil`, clears) the run's note.
    public func setNote(runID: String, _ note: String?) throws {
        try database.writeTransaction {
            try database.run("UPDATE runs SET note = ? WHERE run_id = ?", [note.sqlText, .text(runID)])
        }
    }

    /// Sets the tags `set` (replacing values of existing keys) and removes the keys `remove`, in
    /// one transaction.
    public func updateTags(runID: String, set: [(key: String, value: String)], remove: [String] = []) throws {
        try database.writeTransaction {
            for key in remove {
                try database.run("DELETE FROM run_tags WHERE run_id = ? AND key = ?", [.text(runID), .text(key)])
            }
            for tag in set {
                try database.run(
                    "INSERT INTO run_tags(run_id, key, value) VALUES (?, ?, ?) ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value",
                    [.text(runID), .text(tag.key), .text(tag.value)])
            }
        }
    }

    /// The run's tags, by key.
    public func tags(_ runID: String) throws -> [(key: String, value: String)] {
        try database.query("SELECT key, value FROM run_tags WHERE run_id = ? ORDER BY key", [.text(runID)]).map {
            (key: $0[0].textValue ?? "", value: $0[1].textValue ?? "")
        }
    }

    /// Deletes runs with everything that belongs to them (parameters, metrics, checks, artifacts,
    /// inputs, tags) in one transaction; reruns of a deleted run keep their rows, with
    /// `rerun_of` cleared. Returns the number of runs deleted.
    @discardableResult
    public func deleteRuns(_ runIDs: [String]) throws -> Int {
        try database.writeTransaction {
            var deleted = 0
            for runID in runIDs {
                try database.run("DELETE FROM runs WHERE run_id = ?", [.text(runID)])
                deleted += database.changes
            }
            return deleted
        }
    }

    // MARK: - Reading

    /// Resolves a unique run-id prefix (any case) to the full id.
    public func resolveRunID(_ prefix: String) throws -> String {
        let normalized = prefix.lowercased()
        guard !normalized.isEmpty else { throw StoreError.noSuchRun(prefix) }
        let ids = try database.query(
            "SELECT run_id FROM runs WHERE substr(run_id, 1, ?) = ? ORDER BY run_id LIMIT 50",
            [.integer(Int64(normalized.utf8.count)), .text(normalized)]
        ).compactMap { $0.first?.textValue }
        guard let first = ids.first else { throw StoreError.noSuchRun(prefix) }
        if ids.contains(normalized) { return normalized }
        if ids.count > 1 { throw StoreError.ambiguousRun(prefix, candidates: ids) }
        return first
    }

    static let runColumns = """
        run_id, experiment, preset, status, seed, config_hash, started_at, ended_at, duration_s,
        host, pid, git_commit, git_dirty, workbench_version, blas_core, blas_threads,
        sqlite_version, result_digest, rerun_of, error, heartbeat_at, blas_config, workers,
        command_line, name, note
        """

    /// The run with id `runID`.
    public func run(_ runID: String) throws -> RunRecord {
        let rows = try database.query(
            "SELECT \(Self.runColumns) FROM runs WHERE run_id = ?", [.text(runID)])
        guard let row = rows.first else { throw StoreError.noSuchRun(runID) }
        return Self.record(from: row)
    }

    /// Runs matching an SQL condition over the `runs` columns, newest first.
    public func runs(where condition: String = "1", _ arguments: [SQLValue] = []) throws -> [RunRecord] {
        try database.query(
            "SELECT \(Self.runColumns) FROM runs WHERE \(condition) ORDER BY started_at DESC, run_id",
            arguments
        ).map(Self.record(from:))
    }

    /// The most recent finished run of `experiment` (optionally of one preset).
    public func latestFinishedRun(experiment: String, preset: String? = nil) throws -> RunRecord? {
        if let preset {
            return try runs(
                where: "experiment = ? AND status = 'finished' AND preset = ?",
                [.text(experiment), .text(preset)]
            ).first
        }
        return try runs(where: "experiment = ? AND status = 'finished'", [.text(experiment)]).first
    }

    /// The parameters of a run, by key.
    public func parameters(_ runID: String) throws -> [StoredParameter] {
        try database.query(
            "SELECT key, value, kind FROM params WHERE run_id = ? ORDER BY key", [.text(runID)]
        ).map { row in
            StoredParameter(key: row[0].textValue ?? "", value: row[1], kind: row[2].textValue ?? "")
        }
    }

    /// The metrics of a run in recording order, with NaN and ±∞ restored.
    public func metrics(_ runID: String) throws -> [StoredMetric] {
        try database.query(
            "SELECT key, x, value, special, coords FROM metrics WHERE run_id = ? ORDER BY seq", [.text(runID)]
        ).map { row in
            let value: Double
            switch row[3].textValue {
            case "nan": value = .nan
            case "inf": value = .infinity
            case "-inf": value = -.infinity
            case "-0": value = -0.0
            default: value = row[2].doubleValue ?? .nan
            }
            return StoredMetric(
                key: row[0].textValue ?? "", x: row[1].doubleValue, value: value, coordinates: row[4].textValue)
        }
    }

    /// The claim checks of a run, by claim id.
    public func checks(_ runID: String) throws -> [StoredCheck] {
        try database.query(
            """
            SELECT claim, statement, paper, expected, expected_low, expected_high, measured, ci_low,
                ci_high, detail, verdict, marginal, part
            FROM checks WHERE run_id = ? ORDER BY rowid
            """, [.text(runID)]
        ).map { row in
            StoredCheck(
                claim: row[0].textValue ?? "", statement: row[1].textValue ?? "",
                paper: row[2].textValue ?? "", expected: row[3].textValue ?? "",
                expectedLow: row[4].doubleValue, expectedHigh: row[5].doubleValue,
                measured: row[6].doubleValue, ciLow: row[7].doubleValue, ciHigh: row[8].doubleValue,
                detail: row[9].textValue, verdict: ClaimVerdict(rawValue: row[10].textValue ?? "") ?? .inconclusive,
                marginal: (row[11].integerValue ?? 0) != 0, part: row[12].textValue)
        }
    }

    /// The artifacts of a run, by name.
    public func artifacts(_ runID: String) throws -> [StoredArtifact] {
        try database.query(
            "SELECT name, media_type, content FROM artifacts WHERE run_id = ? ORDER BY name",
            [.text(runID)]
        ).map {
            StoredArtifact(
                name: $0[0].textValue ?? "", mediaType: $0[1].textValue ?? "", content: $0[2].textValue ?? "")
        }
    }

    static func record(from row: [SQLValue]) -> RunRecord {
        RunRecord(
            runID: row[0].textValue ?? "", experiment: row[1].textValue ?? "",
            preset: row[2].textValue ?? "", status: RunStatus(rawValue: row[3].textValue ?? "") ?? .lost,
            seed: UInt64(bitPattern: row[4].integerValue ?? 0), configHash: row[5].textValue ?? "",
            startedAt: row[6].textValue ?? "", endedAt: row[7].textValue,
            durationSeconds: row[8].doubleValue, host: row[9].textValue ?? "",
            pid: Int(row[10].integerValue ?? 0), gitCommit: row[11].textValue,
            gitDirty: row[12].integerValue.map { $0 != 0 }, workbenchVersion: row[13].textValue ?? "",
            blasCore: row[14].textValue ?? "", blasThreads: Int(row[15].integerValue ?? 0),
            sqliteVersion: row[16].textValue ?? "", resultDigest: row[17].textValue,
            rerunOf: row[18].textValue, error: row[19].textValue, heartbeatAt: row[20].textValue,
            blasConfig: row[21].textValue, workers: row[22].integerValue.map { Int($0) },
            commandLine: row[23].textValue, name: row[24].textValue, note: row[25].textValue)
    }
}

extension Optional where Wrapped == String {
    var sqlText: SQLValue { map { .text($0) } ?? .null }
}

extension Optional where Wrapped == Double {
    var sqlReal: SQLValue { map { .real($0) } ?? .null }
}
