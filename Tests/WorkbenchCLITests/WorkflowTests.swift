import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

@testable import WorkbenchCLI

@Suite("Researcher workflow: selection, names, tags, notes, deletion, pinned reports", .serialized)
struct WorkflowTests {
    @Test("every selection form works in every command that takes a run")
    func selectionForms() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        #expect(harness.run(["run", "fixture-powerlaw", "--name", "baseline"]).status == ExitCode.success)
        let baseline = try #require(harness.latestRunID())
        harness.run(["run", "fixture-powerlaw", "rate=1", "--name", "steep"])
        let steep = try #require(harness.latestRunID())
        harness.run(["run", "fixture-powerlaw", "--seed", "9"])
        let reseeded = try #require(harness.latestRunID())
        for word in ["baseline", String(baseline.prefix(6)), "latest~2"] {
            let shown = harness.run(["show", word])
            #expect(shown.status == ExitCode.success && shown.output.contains(baseline), "\(word)")
        }
        // The experiment id: latest quick run without parameter overrides (a new seed is not an
        // override), then the one before it.
        #expect(harness.run(["show", "fixture-powerlaw"]).output.contains(reseeded))
        #expect(harness.run(["show", "fixture-powerlaw~1"]).output.contains(baseline))
        #expect(harness.run(["show", "latest"]).output.contains(reseeded))
        #expect(harness.run(["check", "steep"]).status == ExitCode.failure)
        #expect(harness.run(["compare", "baseline", "steep"]).output.contains("steep"))
        #expect(harness.run(["verify", "baseline"]).status == ExitCode.success)
        let unknown = harness.run(["show", "baselin"])
        #expect(unknown.status == ExitCode.usage && unknown.errors.contains("did you mean 'baseline'?"))
        #expect(harness.run(["show", "latest~9"]).errors.contains("'latest~9' selects no run"))
        _ = steep
    }

    @Test("names are unique and cannot shadow another selection form")
    func names() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "--name", "baseline"])
        let bytes = harness.databaseBytes()
        for (name, fragment) in [
            ("baseline", "already used"), ("fixture-powerlaw", "experiment id"), ("latest2", "latest"),
            ("abc123", "run-id prefix"), ("a~1", "without spaces or '~'"),
        ] {
            let result = harness.run(["run", "fixture-powerlaw", "--name", name])
            #expect(result.status == ExitCode.usage, "\(name)")
            #expect(result.errors.contains(fragment), "\(name): \(result.errors)")
        }
        #expect(harness.databaseBytes() == bytes)
    }

    @Test("tags and notes: given at run time, changed later, shown and queryable in SQL")
    func tagsAndNotes() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "--tag", "sweep=a", "--tag", "owner=me", "--note", "first try"])
        #expect(harness.run(["tag", "latest", "sweep=b", "--remove", "owner", "--name", "tried"]).status == 0)
        #expect(harness.run(["note", "tried", "second thoughts"]).output.contains("second thoughts"))
        let shown = harness.run(["show", "tried"])
        #expect(shown.output.contains("second thoughts") && shown.output.contains("sweep"))
        let query = harness.run([
            "sql", "SELECT name, note, tags_json FROM run_summary WHERE json_extract(tags_json, '$.sweep') = 'b'",
            "--format", "csv",
        ])
        #expect(query.output.contains("tried,second thoughts,\"{\"\"sweep\"\":\"\"b\"\"}\""), "\(query.output)")
        #expect(harness.run(["tag", "latest", "novalue"]).status == ExitCode.usage)
        #expect(harness.run(["runs", "--format", "csv"]).output.contains("tried"))
    }

    @Test("delete asks or needs --yes, and removes every row of the run in one transaction")
    func delete() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "--tag", "k=v"])
        let first = try #require(harness.latestRunID())
        harness.run(["run", "fixture-powerlaw", "--seed", "3"])
        let refused = harness.run(["delete", first])
        #expect(refused.status == ExitCode.usage && refused.errors.contains("--yes"))
        #expect(harness.run(["delete", first, "--yes"]).output.contains("deleted 1 run"))
        for table in ["runs", "params", "metrics", "checks", "run_tags", "artifacts"] {
            let count = harness.run([
                "sql", "SELECT count(*) FROM \(table) WHERE run_id = '\(first)'", "--format", "csv",
            ])
            #expect(count.output == "count(*)\n0\n", "\(table)")
        }
        #expect(harness.run(["sql", "SELECT count(*) FROM runs", "--format", "csv"]).output == "count(*)\n1\n")
    }

    @Test("a plain DELETE FROM runs, without foreign keys enforced, leaves no orphan rows")
    func triggerCascade() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "--tag", "k=v"])
        let original = try #require(harness.latestRunID())
        harness.run(["verify", original])
        let database = try Database(path: harness.database)
        try database.execute("PRAGMA foreign_keys = OFF")
        try database.execute("DELETE FROM runs WHERE run_id = '\(original)'")
        for table in ["params", "metrics", "checks", "run_tags"] {
            let orphans = try database.scalar(
                "SELECT count(*) FROM \(table) WHERE run_id NOT IN (SELECT run_id FROM runs)")
            #expect(orphans?.integerValue == 0, "\(table)")
        }
        #expect(try database.scalar("SELECT count(*) FROM runs WHERE rerun_of IS NOT NULL")?.integerValue == 0)
        #expect(try database.scalar("PRAGMA integrity_check")?.textValue == "ok")
    }

    @Test("gc deletes unfinished runs older than the age, lists them first with --dry-run")
    func gc() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "fail=true"])
        harness.run(["run", "fixture-powerlaw"])
        let dry = harness.run(["gc", "--older-than", "0d", "--dry-run"])
        #expect(dry.output.contains("would delete: 1 run") && dry.output.contains("failed"))
        #expect(harness.run(["gc", "--dry-run"]).output.contains("would delete: 0 runs"))
        #expect(harness.run(["gc", "--older-than", "0d", "--yes"]).output.contains("deleted 1 run"))
        #expect(harness.run(["sql", "SELECT status FROM runs", "--format", "csv"]).output == "status\nfinished\n")
        #expect(harness.run(["gc", "--status", "running"]).status == ExitCode.usage)
        #expect(harness.run(["gc", "--older-than", "soon"]).status == ExitCode.usage)
    }

    @Test("reports use the pinned run: an exploratory run changes nothing; a chosen run lists its overrides")
    func pinnedReports() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let out = harness.directory.path("reports")
        harness.run(["run", "fixture-powerlaw"])
        #expect(harness.run(["report", "fixture-powerlaw", "--out", out]).status == ExitCode.success)
        let readme = URL(fileURLWithPath: out).appendingPathComponent("fixture-powerlaw/README.md")
        let before = try Data(contentsOf: readme)
        harness.run(["run", "fixture-powerlaw", "rate=0.7", "noise=0.05"])
        let exploratory = try #require(harness.latestRunID())
        #expect(harness.run(["report", "fixture-powerlaw", "--out", out, "--check"]).status == ExitCode.success)
        #expect(harness.run(["report", "all", "--out", out]).status == ExitCode.success)
        #expect(try Data(contentsOf: readme) == before)
        #expect(harness.run(["report", "fixture-powerlaw", "--out", out, "--run", exploratory]).status == 0)
        let chosen = try String(contentsOf: readme, encoding: .utf8)
        #expect(chosen.contains("> **Note:** this run changes preset `quick`: `rate=0.7`, `noise=0.05`."))
        let wrongPreset = harness.run(["report", "fixture-powerlaw", "--preset", "papr", "--out", out])
        #expect(wrongPreset.status == ExitCode.usage && wrongPreset.errors.contains("did you mean 'paper'?"))
    }

    @Test("argument parsing: -- ends options, SQL may start with a comment, repeated flags and --key=value hint")
    func argumentParsing() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw"])
        let commented = harness.run(["sql", "-- how many runs\nSELECT count(*) AS n FROM runs", "--format", "csv"])
        #expect(commented.status == ExitCode.success && commented.output == "n\n1\n", "\(commented.errors)")
        let afterDashes = harness.run(
            ["sql", "--format", "csv", "--db", harness.database, "--", "-- x\nSELECT 1 AS one"], withDatabase: false)
        #expect(afterDashes.output == "one\n1\n", "\(afterDashes.errors)")
        #expect(harness.run(["run", "fixture-powerlaw", "--dry-run", "--dry-run"]).errors.contains("given twice"))
        let dashed = harness.run(["run", "fixture-powerlaw", "--rate=0.4"])
        #expect(dashed.status == ExitCode.usage && dashed.errors.contains("without dashes: 'rate=0.4'"))
        #expect(harness.run(["run", "fixture-powerlaw", "--seeed", "3"]).errors.contains("did you mean '--seed'?"))
    }

    @Test("run --check exits 1 when a claim fails; a plain run exits 0 for a finished run")
    func runCheck() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        #expect(harness.run(["run", "fixture-powerlaw", "rate=1"]).status == ExitCode.success)
        #expect(harness.run(["run", "fixture-powerlaw", "rate=1", "--check"]).status == ExitCode.failure)
        #expect(harness.run(["run", "fixture-powerlaw", "--check"]).status == ExitCode.success)
    }

    @Test("--progress writes plain progress lines per part when standard error is not a terminal")
    func progressLines() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let quiet = harness.run(["run", "fixture-powerlaw"])
        #expect(!quiet.errors.contains("part 1/3"))
        let shown = harness.run(["run", "fixture-powerlaw", "--progress"])
        #expect(shown.errors.contains("[fixture-powerlaw] part 1/3 powerlaw 0%\n"), "\(shown.errors)")
        #expect(shown.errors.contains("[fixture-powerlaw] part 2/3 grid 0%\n"))
        #expect(TerminalProgress.duration(3725) == "1 h 2 min" && TerminalProgress.duration(125) == "2 min 5 s")
    }

    @Test("typos get the closest valid word: experiment, command, preset, option")
    func suggestions() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        #expect(harness.run(["run", "fixture-powrlaw"]).errors.contains("did you mean 'fixture-powerlaw'?"))
        #expect(harness.run(["rnu", "fixture-powerlaw"]).errors.contains("did you mean 'run'?"))
        #expect(harness.run(["run", "fixture-powerlaw", "--preset", "papr"]).errors.contains("did you mean 'paper'?"))
        #expect(harness.run(["run", "fixture-powerlaw", "mode=speical"]).errors.contains("did you mean 'special'?"))
    }

    @Test("runs hides parameters equal in every listed run, and takes --columns and --sort")
    func runTables() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        harness.run(["run", "fixture-powerlaw", "rate=0.4", "--name", "low"])
        harness.run(["run", "fixture-powerlaw", "rate=0.6", "--name", "high"])
        let table = harness.run(["runs", "--experiment", "fixture-powerlaw"])
        #expect(table.output.contains("rate") && !table.output.contains("noise  "), "\(table.output)")
        #expect(
            table.output.contains("parameters equal in every listed run hidden: parts, noise, ns, mode, fail, smallest")
        )
        #expect(harness.run(["runs", "--experiment", "fixture-powerlaw", "--all-columns"]).output.contains("noise"))
        let chosen = harness.run([
            "runs", "--experiment", "fixture-powerlaw", "--columns", "name,rate,checks_failed", "--sort", "rate",
            "--format", "csv",
        ])
        #expect(chosen.output == "name,rate,checks_failed\nlow,0.4,1\nhigh,0.6,1\n", "\(chosen.output)")
        let descending = harness.run(["runs", "--columns", "name", "--sort", "-name", "--format", "csv"])
        #expect(descending.output == "name\nlow\nhigh\n")
        let typo = harness.run(["runs", "--experiment", "fixture-powerlaw", "--columns", "rte"])
        #expect(typo.status == ExitCode.usage && typo.errors.contains("did you mean 'rate'?"))
    }
}
