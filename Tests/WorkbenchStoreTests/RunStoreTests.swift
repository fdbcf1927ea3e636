import Foundation
import Testing

@testable import WorkbenchStore

@Suite("Run store")
struct RunStoreTests {
    @Test("typed parameters compare numerically in SQL")
    func typedParameters() throws {
        let store = try RunStore(path: try makeTemporaryPath())
        let run = sampleRun()
        try store.insertRun(
            run,
            parameters: [
                StoredParameter(key: "eps", value: .real(0.1), kind: "real"),
                StoredParameter(key: "K", value: .integer(10), kind: "int"),
                StoredParameter(key: "ode", value: .integer(1), kind: "bool"),
                StoredParameter(key: "process", value: .text("vp-linear"), kind: "text"),
                StoredParameter(key: "Ks", value: .text("10,20"), kind: "int[]"),
            ])
        let numeric = try store.database.scalar(
            "SELECT count(*) FROM params WHERE key = 'eps' AND value > 0.05")?.integerValue
        #expect(numeric == 1)
        // 10 > 9 numerically; as text '10' < '9' — the stored type must be INTEGER.
        #expect(
            try store.database.scalar("SELECT count(*) FROM params WHERE key = 'K' AND value > 9")?.integerValue == 1)
        #expect(try store.database.scalar("SELECT typeof(value) FROM params WHERE key = 'K'")?.textValue == "integer")
        #expect(try store.parameters(run.runID).map(\.key) == ["K", "Ks", "eps", "ode", "process"])
    }

    @Test("NaN and ±∞ round-trip and stay distinguishable from NULL")
    func specialValues() throws {
        let store = try RunStore(path: try makeTemporaryPath())
        let run = sampleRun()
        try store.insertRun(run, parameters: [])
        let metrics = [
            StoredMetric(key: "a", x: nil, value: .nan),
            StoredMetric(key: "b", x: nil, value: .infinity),
            StoredMetric(key: "c", x: nil, value: -.infinity),
            StoredMetric(key: "d", x: 1, value: -0.0),
            StoredMetric(key: "d", x: 2, value: Double.leastNormalMagnitude / 1024),
            StoredMetric(key: "e", x: nil, value: 0.1),
        ]
        try store.appendMetrics(runID: run.runID, metrics, firstSequence: 0)
        let back = try store.metrics(run.runID)
        #expect(back == metrics)  // bit-pattern equality, so NaN == NaN here and -0 ≠ +0
        #expect(back[0].value.isNaN)
        let rows = try store.database.query("SELECT key, value IS NULL, special FROM metrics ORDER BY seq")
        #expect(rows[0] == [.text("a"), .integer(1), .text("nan")])
        #expect(rows[1] == [.text("b"), .integer(0), .text("inf")])
        #expect(rows[2] == [.text("c"), .integer(0), .text("-inf")])
        #expect(rows[5] == [.text("e"), .integer(0), .null])
    }

    @Test("a run is finalised once; later attempts change nothing")
    func finishOnce() throws {
        let store = try RunStore(path: try makeTemporaryPath())
        let run = sampleRun()
        try store.insertRun(run, parameters: [])
        let check = StoredCheck(
            claim: "A1", statement: "s", paper: "p", expected: "[0, 1]", expectedLow: 0, expectedHigh: 1,
            measured: 0.5, ciLow: 0.4, ciHigh: 0.6, detail: nil, verdict: .pass)
        #expect(
            try store.finishRun(
                runID: run.runID, status: .finished, endedAt: Timestamp.now(), durationSeconds: 1, resultDigest: "d",
                error: nil, checks: [check]))
        #expect(
            !(try store.finishRun(
                runID: run.runID, status: .killed, endedAt: Timestamp.now(), durationSeconds: 2, resultDigest: nil,
                error: "late", checks: [])))
        #expect(!(try store.markLost(runID: run.runID, reason: "late")))
        let back = try store.run(run.runID)
        #expect(back.status == .finished)
        #expect(back.resultDigest == "d")
        #expect(try store.checks(run.runID) == [check])
    }

    @Test("the owning process can still finish a run that reconciliation marked lost")
    func finishAfterLost() throws {
        let store = try RunStore(path: try makeTemporaryPath())
        let run = sampleRun()
        try store.insertRun(run, parameters: [])
        #expect(try store.markLost(runID: run.runID, reason: "no heartbeat"))
        #expect(
            try store.finishRun(
                runID: run.runID, status: .finished, endedAt: Timestamp.now(), durationSeconds: 1, resultDigest: "d",
                error: nil, checks: []))
        #expect(try store.run(run.runID).status == .finished)
    }

    @Test("statements: exactly one; trailing comments are fine, a second statement or none is an error")
    func singleStatements() throws {
        let database = try Database(path: try makeTemporaryPath())
        #expect(try database.scalar("SELECT 1; -- trailing comment\n /* block */ ;")?.integerValue == 1)
        #expect(throws: SQLiteError.self) { try database.prepare("SELECT 1; SELECT 2") }
        #expect(throws: SQLiteError.self) { try database.prepare("   -- nothing here") }
    }

    @Test("run ids resolve from unique prefixes")
    func prefixes() throws {
        let store = try RunStore(path: try makeTemporaryPath())
        for id in ["abc111", "abc222", "def333"] { try store.insertRun(sampleRun(id), parameters: []) }
        #expect(try store.resolveRunID("def") == "def333")
        #expect(try store.resolveRunID("abc1") == "abc111")
        #expect(try store.resolveRunID("DEF3") == "def333")
        #expect(throws: StoreError.ambiguousRun("abc", candidates: ["abc111", "abc222"])) {
            try store.resolveRunID("abc")
        }
        #expect(throws: StoreError.noSuchRun("zzz")) { try store.resolveRunID("zzz") }
        #expect(throws: StoreError.noSuchRun("")) { try store.resolveRunID("") }
        #expect(throws: StoreError.noSuchRun("a%")) { try store.resolveRunID("a%") }
    }

    @Test("writers on separate connections interleave without losing rows")
    func separateConnections() throws {
        let path = try makeTemporaryPath()
        let first = try RunStore(path: path)
        let second = try RunStore(path: path)
        let a = sampleRun()
        let b = sampleRun()
        try first.insertRun(a, parameters: [])
        try second.insertRun(b, parameters: [])
        for batch in 0..<50 {
            let points = (0..<20).map { StoredMetric(key: "m", x: Double(batch * 20 + $0), value: Double($0)) }
            try first.appendMetrics(runID: a.runID, points, firstSequence: batch * 20)
            try second.appendMetrics(runID: b.runID, points, firstSequence: batch * 20)
        }
        #expect(try first.database.scalar("SELECT count(*) FROM metrics")?.integerValue == 2000)
    }
}
