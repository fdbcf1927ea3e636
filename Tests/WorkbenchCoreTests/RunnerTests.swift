import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Runner lifecycle", .serialized)
struct RunnerTests {
    /// A run of the power-law fixture; declared inputs are looked up next to the database (none
    /// there unless a test puts them there).
    func request(_ assignments: [String], seed: UInt64 = 7, path: String) throws -> RunRequest {
        let experiment = PowerLawFixture()
        let parameters = try ParameterResolver.resolve(experiment.descriptor, assignments: assignments)
        let dataDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("data")
        return RunRequest(
            experiment: experiment, parameters: parameters, preset: "quick", seed: seed, databasePath: path,
            workers: 2, commandLine: "test", inputLocation: InputLocation(root: dataDirectory))
    }

    @Test("a finished run stores metrics, checks, provenance and a digest of what was stored")
    func finished() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("db.sqlite")
        let outcome = try Runner.execute(try request(["mode=special"], path: path))
        #expect(outcome.status == .finished)
        let store = try RunStore(path: path, mode: .readOnly)
        let record = try store.run(outcome.runID)
        #expect(record.status == .finished)
        #expect(record.endedAt != nil && record.durationSeconds != nil)
        #expect(record.blasThreads >= 1 && !record.blasCore.isEmpty)
        #expect(record.pid == Int(ProcessInfo.processInfo.processIdentifier))
        let stored = try store.metrics(outcome.runID).map { MetricPoint($0.key, x: $0.x, $0.value) }
        #expect(stored.count == 16)  // 5 err + constant + 4 special + 6 grid cells
        #expect(ResultDigest.of(stored) == record.resultDigest)
        #expect(
            try store.checks(outcome.runID).map(\.verdict) == [.pass, .pass, .inconclusive, .pass, .notRun])
        #expect(try store.parameters(outcome.runID).count == 7)  // six declared + parts
    }

    @Test("the same configuration and seed give bit-identical metrics; another seed does not")
    func reproducible() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("db.sqlite")
        let a = try Runner.execute(try request([], seed: 3, path: path))
        let b = try Runner.execute(try request([], seed: 3, path: path))
        let c = try Runner.execute(try request([], seed: 4, path: path))
        #expect(a.resultDigest == b.resultDigest)
        #expect(a.resultDigest != c.resultDigest)
    }

    @Test("a throwing experiment ends failed with its error and keeps what it recorded")
    func failed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("db.sqlite")
        let outcome = try Runner.execute(try request(["fail=true"], path: path))
        #expect(outcome.status == .failed)
        let store = try RunStore(path: path, mode: .readOnly)
        let record = try store.run(outcome.runID)
        #expect(record.status == .failed)
        #expect(record.error == "fixture failure after 2 points")
        #expect(try store.metrics(outcome.runID).count == 2)
        #expect(try store.checks(outcome.runID).isEmpty)
    }
}

@Suite("Runner and signals (separate processes)", .serialized)
struct RunnerProcessTests {
    /// Waits until the fixture's run row exists and has recorded at least `points` points.
    func waitForProgress(_ path: String, points: Int) throws -> String? {
        for _ in 0..<200 {
            Thread.sleep(forTimeInterval: 0.05)
            guard FileManager.default.fileExists(atPath: path), let store = try? RunStore(path: path, mode: .readOnly),
                let run = try? store.runs(where: "status = 'running'").first
            else { continue }
            if (try? store.metrics(run.runID).count) ?? 0 >= points { return run.runID }
        }
        return nil
    }

    @Test(
        "SIGTERM and SIGINT end the run as killed, keep its metrics, and exit 143 / 130",
        arguments: [(SIGTERM, Int32(143), "SIGTERM"), (SIGINT, Int32(130), "SIGINT")])
    func terminated(signalNumber: Int32, expectedStatus: Int32, name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("db.sqlite")
        let (process, pipe) = try FixtureProcess.start(["run", "fixture-sleep", "steps=600", "--db", path])
        let runID = try #require(try waitForProgress(path, points: 3))
        kill(process.processIdentifier, signalNumber)
        _ = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == expectedStatus)
        let store = try RunStore(path: path, mode: .readOnly)
        let record = try store.run(runID)
        #expect(record.status == .killed)
        #expect(record.error == "terminated by \(name)")
        #expect(try store.metrics(runID).count >= 3)
    }

    @Test("a SIGKILLed run is marked lost by reconciliation; all but the last second of metrics is kept")
    func lostAfterKill() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("db.sqlite")
        let interval = 0.05
        let (process, pipe) = try FixtureProcess.start(
            ["run", "fixture-sleep", "steps=600", "interval=\(interval)", "--db", path])
        let runID = try #require(try waitForProgress(path, points: 1))
        let started = try #require(Timestamp.parse(try RunStore(path: path, mode: .readOnly).run(runID).startedAt))
        Thread.sleep(forTimeInterval: 4)
        kill(process.processIdentifier, SIGKILL)
        let elapsed = Date().timeIntervalSince(started)
        _ = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let store = try RunStore(path: path)
        #expect(try store.run(runID).status == .running)
        #expect(try RunReconciler.reconcile(store) == [runID])
        let record = try store.run(runID)
        #expect(record.status == .lost)
        #expect(record.error?.contains("ended without finishing") == true)
        // Points recorded more than one flush interval before the kill must be in the database.
        // Slack for a loaded machine: one more second, and sleeps up to 50 % longer than asked.
        let mustBeStored = Int((elapsed - RunRecorder.flushInterval - 1) / (1.5 * interval))
        #expect(try store.metrics(runID).count >= mustBeStored)
        #expect(try RunReconciler.reconcile(store).isEmpty)
    }

    @Test("a stale heartbeat marks a run lost even when it ran on another host")
    func staleHeartbeat() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(path: directory.path("db.sqlite"))
        let old = Timestamp.format(Date(timeIntervalSinceNow: -2 * RunReconciler.staleAfter))
        let fresh = Timestamp.now()
        for (id, heartbeat) in [("stale", old), ("fresh", fresh)] {
            try store.insertRun(
                RunRecord(
                    runID: id, experiment: "e", preset: "quick", status: .running, seed: 0, configHash: "h",
                    startedAt: heartbeat, host: "elsewhere", pid: 1, workbenchVersion: "v", blasCore: "c",
                    blasThreads: 1, sqliteVersion: "s", heartbeatAt: heartbeat),
                parameters: [])
        }
        #expect(try RunReconciler.reconcile(store) == ["stale"])
        #expect(try store.run("fresh").status == .running)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
