import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Merging workbench databases")
struct ShardMergerTests {
    /// A run row of `status` with one metric point.
    func insertRun(_ store: RunStore, id: String, status: RunStatus, name: String? = nil) throws {
        var record = RunRecord(
            runID: id, experiment: "demo", preset: "quick", status: .running, seed: 1, configHash: "h",
            startedAt: "2026-01-01T00:00:00.000Z", host: "h", pid: 1, workbenchVersion: "t", blasCore: "c",
            blasThreads: 1, sqliteVersion: Database.libraryVersion)
        record.name = name
        try store.insertRun(record, parameters: [StoredParameter(key: "eps", value: .real(0.5), kind: "real")])
        try store.appendMetrics(runID: id, [StoredMetric(key: "err", x: 2, value: 0.25)], firstSequence: 0)
        if status != .running {
            try store.finishRun(
                runID: id, status: status, endedAt: "2026-01-01T00:00:01.000Z", durationSeconds: 1,
                resultDigest: status == .finished ? "digest" : nil, error: nil, checks: [])
        }
    }

    @Test("a file of an older schema is migrated on a copy and merged; the file itself is not modified")
    func olderSchemaMigratedOnACopy() throws {
        let directory = try TemporaryDirectory("workbench-merge-old")
        defer { directory.remove() }
        let old = directory.path("old.sqlite")
        do {
            let database = try Database(path: old)
            try Schema.migrate(database, upTo: 5)
            try database.run(
                """
                INSERT INTO runs(run_id, experiment, preset, status, seed, config_hash, started_at, host, pid,
                    workbench_version, blas_core, blas_threads, sqlite_version)
                VALUES ('r5', 'demo', 'quick', 'finished', 1, 'h', '2026-01-01T00:00:00.000Z', 'h', 1, 'v', 'c', 1, 's')
                """)
            try database.run("INSERT INTO metrics(run_id, seq, key, x, value) VALUES ('r5', 0, 'err', 2, 0.5)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: old))
        let target = try RunStore(path: directory.path("target.sqlite"))
        let outcome = try ShardMerger.merge(old, into: target)
        #expect(outcome.runsAdded == 1 && !outcome.alreadyMerged)
        #expect(try target.metrics("r5") == [StoredMetric(key: "err", x: 2, value: 0.5)])
        #expect(try Data(contentsOf: URL(fileURLWithPath: old)) == before)
        #expect(try Database(path: old, mode: .readOnly).userVersion == 5)
        #expect(try ShardMerger.merge(old, into: target).alreadyMerged)
    }

    @Test("a run still running in the target takes the merged end state; runs already ended are left alone")
    func runningRunTakesEndState() throws {
        let directory = try TemporaryDirectory("workbench-merge-end")
        defer { directory.remove() }
        let target = try RunStore(path: directory.path("target.sqlite"))
        let other = try RunStore(path: directory.path("other.sqlite"))
        try insertRun(target, id: "a", status: .running)
        try insertRun(target, id: "b", status: .finished)
        try insertRun(other, id: "a", status: .finished)
        try insertRun(other, id: "b", status: .killed)
        other.database.close()
        let outcome = try ShardMerger.merge(directory.path("other.sqlite"), into: target)
        #expect(outcome.runsAdded == 0 && outcome.runsEnded == 1)
        #expect(try target.run("a").status == .finished)
        #expect(try target.run("b").status == .finished)
        #expect(try target.metrics("a").count == 1, "run-owned rows are not duplicated")
    }

    @Test("a merged run whose name another run holds keeps its data without the name")
    func nameCollision() throws {
        let directory = try TemporaryDirectory("workbench-merge-name")
        defer { directory.remove() }
        let target = try RunStore(path: directory.path("target.sqlite"))
        let other = try RunStore(path: directory.path("other.sqlite"))
        try insertRun(target, id: "a", status: .finished, name: "best")
        try insertRun(other, id: "b", status: .finished, name: "best")
        other.database.close()
        let outcome = try ShardMerger.merge(directory.path("other.sqlite"), into: target)
        #expect(outcome.runsAdded == 1 && outcome.namesDropped == 1)
        #expect(try target.run("a").name == "best")
        #expect(try target.run("b").name == nil)
        #expect(throws: StoreError.self) { try ShardMerger.merge(directory.path("target.sqlite"), into: target) }
    }
}
