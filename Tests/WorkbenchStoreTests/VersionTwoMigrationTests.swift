import Foundation
import Testing

@testable import WorkbenchStore

/// `Fixtures/schema-v2.sql` is the `sqlite3 .dump` (with its `user_version`) of a file written by
/// the release before schema 3 (`workbench run diffusion-discretization Ks=10,20,40,80` and
/// `workbench run token-sample-complexity parts=uniform`): two finished runs, 1744 metric points,
/// 58 checks (19 pass, 6 fail, 33 inconclusive). Kept as text so no database is tracked by git.
@Suite("Migration of a version-2 file written by the previous release")
struct VersionTwoMigrationTests {
    /// A fresh database file rebuilt from the dump (migrating writes to the file).
    func copyOfFixture() throws -> String {
        let dump = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/schema-v2.sql")
        let path = try makeTemporaryPath()
        let database = try Database(path: path)
        try database.execute(try String(contentsOf: dump, encoding: .utf8))
        return path
    }

    @Test("opens, migrates to the current version in one step, and keeps every run readable")
    func migrates() throws {
        let path = try copyOfFixture()
        do {
            let before = try Database(path: path, mode: .readOnly)
            #expect(try before.userVersion == 2)
        }
        let store = try RunStore(path: path)
        #expect(try store.database.userVersion == Schema.currentVersion)
        let runs = try store.runs()
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.status == .finished })
        var metricCount = 0
        var verdicts: [ClaimVerdict: Int] = [:]
        for run in runs {
            metricCount += try store.metrics(run.runID).count
            for check in try store.checks(run.runID) {
                verdicts[check.verdict, default: 0] += 1
                #expect(!check.marginal && check.part == nil)
            }
            #expect(!(try store.parameters(run.runID)).isEmpty)
            #expect(try store.inputs(run.runID).isEmpty)
        }
        #expect(metricCount == 1744)
        #expect(verdicts == [.pass: 19, .fail: 6, .inconclusive: 33])
        #expect(try store.metrics(runs[0].runID).allSatisfy { $0.coordinates == nil })
        #expect(try store.database.scalar("SELECT count(*) FROM check_results")?.integerValue == 58)
        #expect(try store.database.scalar("SELECT sum(checks_passed) FROM run_summary")?.integerValue == 19)
    }

    /// The version-2 shape of `metrics` (primary-key columns `run_id … seq` split by five others)
    /// makes SQLite 3.40's `integrity_check` report "NULL value in metrics.key" on this healthy
    /// file; the migrated shape stores columns in declaration order and reads `ok`.
    @Test("integrity_check is ok once migrated")
    func integrityAfterMigration() throws {
        let store = try RunStore(path: try copyOfFixture())
        let report = try store.database.query("PRAGMA integrity_check").compactMap { $0.first?.textValue }
        #expect(report == ["ok"])
        let keyless = try store.database.scalar("SELECT count(*) FROM metrics WHERE key IS NULL")
        #expect(keyless?.integerValue == 0)
    }

    @Test("the migrated file accepts the new verdicts and coordinates")
    func acceptsNewRows() throws {
        let store = try RunStore(path: try copyOfFixture())
        let run = sampleRun()
        try store.insertRun(run, parameters: [])
        try store.appendMetrics(
            runID: run.runID, [StoredMetric(key: "m.eta0.5", x: 1, value: 2, coordinates: #"{"eta":0.5}"#)],
            firstSequence: 0)
        let check = StoredCheck(
            claim: "c", statement: "s", paper: "p", expected: "≤ 1", expectedLow: nil, expectedHigh: 1,
            measured: nil, ciLow: nil, ciHigh: nil, detail: "part 'x' was not selected", verdict: .notRun,
            part: "x")
        try store.finishRun(
            runID: run.runID, status: .finished, endedAt: Timestamp.now(), durationSeconds: 1, resultDigest: "d",
            error: nil, checks: [check])
        #expect(try store.checks(run.runID) == [check])
        let eta = try store.database.scalar(
            "SELECT coordinate_value FROM metric_coordinates WHERE run_id = ? AND coordinate = 'eta'",
            [.text(run.runID)])
        #expect(eta?.doubleValue == 0.5)
    }
}
