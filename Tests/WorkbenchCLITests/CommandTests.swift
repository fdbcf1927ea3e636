import Foundation
import Testing
import WorkbenchTestFixtures

@testable import WorkbenchCLI

@Suite("Commands", .serialized)
struct CommandTests {
    @Test("run, runs, show, compare, check: the recorded run can be found and inspected")
    func inspectRuns() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let passing = harness.run(["run", "fixture-powerlaw"])
        #expect(passing.status == ExitCode.success)
        #expect(passing.output.contains("finished"))
        let first = try #require(harness.latestRunID())
        let failing = harness.run(["run", "fixture-powerlaw", "rate=1", "--seed", "11"])
        #expect(failing.status == ExitCode.success)  // the run finished; its claim failed
        let second = try #require(harness.latestRunID())

        let listing = harness.run(["runs", "--format", "csv"])
        #expect(listing.output.contains(first) && listing.output.contains(second))
        let filtered = harness.run([
            "runs", "--experiment", "fixture-powerlaw", "--where", "rate > 0.7", "--format", "csv",
        ])
        #expect(filtered.output.contains(second) && !filtered.output.contains(first))
        #expect(filtered.output.contains("check_slope"))
        let json = harness.run(["runs", "--format", "json"])
        #expect(json.output.hasPrefix("[\n  {\"run_id\": "))

        let shown = harness.run(["show", String(first.prefix(8))])
        #expect(shown.status == ExitCode.success)
        #expect(shown.output.contains("blas_core") && shown.output.contains("series (5)"))
        let shownJSON = harness.run(["show", first, "--format", "json"])
        #expect(shownJSON.output.contains("\"experiment\": \"fixture-powerlaw\""))
        #expect(shownJSON.output.contains("\"seed\": 7") && !shownJSON.output.contains("\"yes\""))
        #expect(shownJSON.output.contains("\"checks\": [") && shownJSON.output.contains("\"metrics\": ["))
        let shownCSV = harness.run(["show", first, "--format", "csv"])
        #expect(shownCSV.output.hasPrefix("key,x,value,coords\nerr,16.0,"))
        #expect(shownCSV.output.contains("\nconstant,,"))

        let compared = harness.run(["compare", String(first.prefix(8)), String(second.prefix(8))])
        #expect(compared.status == ExitCode.success)
        let lines = compared.output.split(separator: "\n").map(String.init)
        let firstParameter = try #require(lines.firstIndex { $0.contains("param") })
        let cells = lines[firstParameter].split(separator: " ")
        #expect(cells.prefix(3) == ["rate", "param", "*"], "differing parameters come first, marked")

        #expect(harness.run(["check", first]).status == ExitCode.success)
        #expect(harness.run(["check", second]).status == ExitCode.failure)
        // The experiment id selects its latest quick run without overrides (the first one), not the
        // later exploratory rate=1 run; latest selects that one.
        let pinned = harness.run(["check", "fixture-powerlaw"])
        #expect(pinned.status == ExitCode.success && pinned.output.contains(first))
        #expect(harness.run(["check", "latest"]).status == ExitCode.failure)
        #expect(harness.run(["check", "latest~1"]).output.contains(first))
    }

    @Test("a failing experiment exits 1 and is recorded as failed")
    func failedRun() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let result = harness.run(["run", "fixture-powerlaw", "fail=true"])
        #expect(result.status == ExitCode.failure)
        #expect(result.output.contains("fixture failure"))
        let status = harness.run(["sql", "SELECT status FROM runs", "--format", "csv"])
        #expect(status.output == "status\nfailed\n")
    }

    @Test("sql is read-only and prints every format")
    func sql() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "mode=special"])
        let csv = harness.run([
            "sql", "SELECT key, value, special FROM metric_values WHERE key LIKE 'special.%' ORDER BY key", "--format",
            "csv",
        ])
        #expect(
            csv.output
                == "key,value,special\nspecial.inf,inf,inf\nspecial.minus_inf,-inf,-inf\nspecial.nan,,nan\nspecial.series,,nan\n"
        )
        let markdown = harness.run(["sql", "SELECT 1 AS one", "--format", "md"])
        #expect(markdown.output == "| one |\n|---|\n| 1 |\n")
        let denied = harness.run(["sql", "UPDATE runs SET status = 'lost'"])
        #expect(denied.status == ExitCode.usage)
    }

    @Test("verify reruns a configuration and reports bit-identical metrics")
    func verify() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "noise=0.2", "--seed", "5"])
        let original = try #require(harness.latestRunID())
        let result = harness.run(["verify", String(original.prefix(10))])
        #expect(result.status == ExitCode.success, "\(result.output)\(result.errors)")
        #expect(result.output.contains("bit-identical"))
        let rerunOf = harness.run([
            "sql", "SELECT count(*) FROM runs WHERE rerun_of = '\(original)'", "--format", "csv",
        ])
        #expect(rerunOf.output == "count(*)\n1\n")
    }

    @Test("verify reports differences when a stored metric no longer matches")
    func verifyDetectsDifference() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw"])
        let original = try #require(harness.latestRunID())
        // Simulate a run recorded by different code: perturb one stored value and its digest.
        let store = try WorkbenchStore.RunStore(path: harness.database)
        try store.database.run("UPDATE metrics SET value = value * (1 + 1e-15) WHERE key = 'constant'")
        try store.database.run("UPDATE runs SET result_digest = 'other' WHERE run_id = ?", [.text(original)])
        let result = harness.run(["verify", original])
        #expect(result.status == ExitCode.failure)
        #expect(result.output.contains("DIFFERENT") && result.output.contains("constant"))
    }

    @Test(
        "verify exits 1 when a stored value was edited, set to NaN or deleted, even with the digest left alone",
        arguments: [
            "UPDATE metrics SET value = value * (1 + 1e-15) WHERE key = 'constant'",
            "UPDATE metrics SET value = NULL, special = 'nan' WHERE key = 'constant'",
            "DELETE FROM metrics WHERE key = 'err' AND x = 64",
        ])
    func verifyDetectsTampering(_ tampering: String) throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw"])
        let original = try #require(harness.latestRunID())
        let store = try WorkbenchStore.RunStore(path: harness.database)
        try store.database.run(tampering)
        let result = harness.run(["verify", original])
        #expect(result.status == ExitCode.failure, "\(result.output)")
        #expect(result.output.contains("DAMAGED"))
        #expect(result.output.contains("1 metric value(s) differ"))
        #expect(result.output.contains(tampering.hasPrefix("DELETE") ? "err@64.0: only in the rerun" : "constant@"))
    }

    @Test("verify compares no wall-clock timing: a rerun passes, an edited timing passes, an edited value fails")
    func verifySkipsTimings() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-sleep", "steps=3", "interval=0.01", "timed=true"])
        let original = try #require(harness.latestRunID())
        let rerun = harness.run(["verify", original])
        #expect(rerun.status == ExitCode.success, "\(rerun.output)")
        #expect(rerun.output.contains("3 metric values") && rerun.output.contains("3 wall-clock timing value(s)"))
        let store = try WorkbenchStore.RunStore(path: harness.database)
        try store.database.run("UPDATE metrics SET value = value + 1 WHERE key = 'tick.seconds'")
        #expect(harness.run(["verify", original]).status == ExitCode.success)
        try store.database.run("UPDATE metrics SET value = value + 1 WHERE key = 'tick' AND x = 2")
        let tampered = harness.run(["verify", original])
        #expect(tampered.status == ExitCode.failure)
        #expect(tampered.output.contains("DAMAGED") && tampered.output.contains("tick@2.0"))
    }

    @Test("report writes README, CSV and SVG from the database, identical bytes on a second render")
    func report() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw"])
        let out = harness.directory.path("Reports")
        #expect(harness.run(["report", "fixture-powerlaw", "--out", out]).status == ExitCode.success)
        let folder = URL(fileURLWithPath: out).appendingPathComponent("fixture-powerlaw")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["README.md", "err.csv", "err.svg"])
        let first = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(harness.run(["report", "all", "--out", out]).status == ExitCode.success)
        let second = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(first == second)
        let index = try String(contentsOfFile: out + "/README.md", encoding: .utf8)
        #expect(index.contains("[Fixture: noisy power law](fixture-powerlaw/README.md)"))
        #expect(index.contains("3 pass, 0 fail, 1 inconclusive, 1 not run or not applicable"))
        let readme = String(decoding: first[0], as: UTF8.self)
        #expect(readme.contains("## Claims") && readme.contains("## Provenance"))
        #expect(harness.run(["report", "fixture-powerlaw", "--out", out, "--check"]).status == ExitCode.success)
        try Data("edited".utf8).write(to: folder.appendingPathComponent("err.csv"))
        let check = harness.run(["report", "fixture-powerlaw", "--out", out, "--check"])
        #expect(check.status == ExitCode.failure)
        #expect(check.output.contains("err.csv"))
        let missing = harness.run(["report", "fixture-sleep", "--out", out])
        #expect(missing.status == ExitCode.usage)
        #expect(missing.errors.contains("0 finished quick runs of fixture-sleep without parameter overrides"))
    }

    @Test("--dry-run prints the resolved configuration and writes nothing")
    func dryRun() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let result = harness.run(["run", "fixture-powerlaw", "rate=0.25", "--preset", "paper", "--dry-run"])
        #expect(result.status == ExitCode.success)
        #expect(result.output.contains("fixture-powerlaw [paper] seed 7"))
        #expect(result.output.contains("0.25") && result.output.contains("changed"))
        #expect(!FileManager.default.fileExists(atPath: harness.database))
    }

    @Test("list shows parameters, presets and claims")
    func list() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let result = harness.run(["list", "fixture-powerlaw"], withDatabase: false)
        #expect(result.status == ExitCode.success)
        for fragment in ["rate", "real = 0.5", "paper: more points", "slope: error decays"] {
            #expect(result.output.contains(fragment), "missing \(fragment)")
        }
    }

    @Test("two processes writing the same database concurrently lose no rows")
    func concurrentProcesses() throws {
        let directory = try TemporaryDirectory("workbench-concurrent")
        defer { directory.remove() }
        let path = directory.path("shared.sqlite")
        let steps = 20_000
        let processes = try (0..<2).map { _ in
            try FixtureProcess.start(["run", "fixture-sleep", "steps=\(steps)", "interval=0", "--db", path])
        }
        for (process, pipe) in processes {
            _ = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let store = try WorkbenchStore.RunStore(path: path, mode: .readOnly)
        let runs = try store.runs()
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.status == .finished })
        for run in runs { #expect(try store.metrics(run.runID).count == steps) }
    }
}

import WorkbenchStore
