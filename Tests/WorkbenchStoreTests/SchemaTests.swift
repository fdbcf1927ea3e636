import Foundation
import Testing

@testable import WorkbenchStore

@Suite("Schema and migrations")
struct SchemaTests {
    @Test("a new database is at the current version, in WAL mode, with every table and view")
    func freshDatabase() throws {
        let path = try makeTemporaryPath()
        let store = try RunStore(path: path)
        #expect(try store.database.userVersion == Schema.currentVersion)
        #expect(try store.database.scalar("PRAGMA journal_mode")?.textValue == "wal")
        let names = Set(try store.database.query("SELECT name FROM sqlite_master").compactMap { $0[0].textValue })
        for expected in [
            "runs", "params", "metrics", "checks", "artifacts", "db_info", "run_summary", "metric_values",
            "check_results", "run_inputs", "metric_coordinates",
        ] {
            #expect(names.contains(expected), "missing \(expected)")
        }
        #expect(try store.database.scalar("SELECT value FROM db_info WHERE key = 'db_uuid'")?.textValue?.count == 32)
    }

    @Test("a version-1 file is migrated forward and keeps its rows")
    func migrationFromVersionOne() throws {
        let path = try makeTemporaryPath()
        do {
            let database = try Database(path: path)
            try Schema.migrate(database, upTo: 1)
            #expect(try database.userVersion == 1)
            try database.run(
                """
                INSERT INTO runs(run_id, experiment, preset, status, seed, config_hash, started_at, host,
                    pid, workbench_version, blas_core, blas_threads, sqlite_version)
                VALUES ('r1', 'demo', 'quick', 'finished', 1, 'h', '2026-01-01T00:00:00.000Z', 'h', 1, 'v', 'c', 1, 's')
                """)
            try database.run("INSERT INTO metrics(run_id, key, x, value, seq) VALUES ('r1', 'err', 2, 0.5, 0)")
            try database.run("INSERT INTO params(run_id, key, value, kind) VALUES ('r1', 'eps', 0.001, 'real')")
        }
        let store = try RunStore(path: path)
        #expect(try store.database.userVersion == Schema.currentVersion)
        #expect(try store.metrics("r1") == [StoredMetric(key: "err", x: 2, value: 0.5)])
        #expect(try store.parameters("r1").first?.value == .real(0.001))
        #expect(try store.run("r1").status == .finished)
        #expect(try store.database.scalar("SELECT count(*) FROM run_summary")?.integerValue == 1)
        try store.appendArtifact(runID: "r1", StoredArtifact(name: "a.csv", mediaType: "text/csv", content: "x\n1\n"))
        #expect(try store.artifacts("r1").count == 1)
    }

    @Test("a file from a newer workbench is refused, not modified")
    func newerSchemaRefused() throws {
        let path = try makeTemporaryPath()
        do {
            let database = try Database(path: path)
            try database.setUserVersion(Schema.currentVersion + 5)
        }
        #expect(throws: StoreError.newerSchema(found: Schema.currentVersion + 5, supported: Schema.currentVersion)) {
            try RunStore(path: path)
        }
        let database = try Database(path: path, mode: .readOnly)
        #expect(try database.userVersion == Schema.currentVersion + 5)
    }

    @Test("another application's SQLite file and a non-database file are refused")
    func foreignFilesRefused() throws {
        let foreign = try makeTemporaryPath("foreign.sqlite")
        do {
            let database = try Database(path: foreign)
            try database.execute("CREATE TABLE notes(text TEXT)")
        }
        #expect(throws: StoreError.self) { try RunStore(path: foreign) }
        let database = try Database(path: foreign, mode: .readOnly)
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'runs'")?.integerValue == 0)
        #expect(try database.scalar("PRAGMA journal_mode")?.textValue == "delete")

        let garbage = try makeTemporaryPath("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: StoreError.self) { try RunStore(path: garbage) }
        #expect(throws: StoreError.self) { try RunStore(path: garbage, mode: .readOnly) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: garbage)) == Data(repeating: 0x41, count: 4096))
    }

    @Test("read-only opens of a missing file fail without creating it")
    func missingFileReadOnly() throws {
        let path = try makeTemporaryPath("missing.sqlite")
        #expect(throws: StoreError.self) { try RunStore(path: path, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("SQL errors carry the statement")
    func errorsCarrySQL() throws {
        let database = try Database(path: try makeTemporaryPath())
        do {
            try database.run("SELECT * FROM no_such_table")
            Issue.record("expected an error")
        } catch {
            #expect(error.sql == "SELECT * FROM no_such_table")
            #expect(error.description.contains("no_such_table"))
        }
    }
}

@Suite("Header inspection before SQLite opens a file")
struct DatabaseFileTests {
    @Test("a file open in this process is not read behind SQLite's back (POSIX locks are per process)")
    func openFileIsNotRead() throws {
        let path = try makeTemporaryPath()
        let store = try RunStore(path: path)
        #expect(DatabaseFile.inspect(path).content == .openInThisProcess)
        store.database.close()
        #expect(DatabaseFile.inspect(path).content == .sqlite(userVersion: Schema.currentVersion, writeAheadLog: true))
    }

    @Test("sizes and headers are classified without opening the file with SQLite")
    func classification() throws {
        let path = try makeTemporaryPath()
        #expect(DatabaseFile.inspect(path).content == .missing)
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(DatabaseFile.inspect(path).content == .empty)
        try Data("SQLite form".utf8).write(to: URL(fileURLWithPath: path))
        #expect(DatabaseFile.inspect(path).content == .truncated(expectedBytes: 100, actualBytes: 11))
        try Data("id,value\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(DatabaseFile.inspect(path).content == .foreign)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(DatabaseFile.inspect(folder).content == .directory)
    }
}
