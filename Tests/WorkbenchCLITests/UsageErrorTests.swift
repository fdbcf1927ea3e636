import Foundation
import Testing

@testable import WorkbenchCLI

/// Every usage-error path exits 64, names the offending word, and writes nothing.
@Suite("Usage errors")
struct UsageErrorTests {
    @Test(arguments: [
        (["frobnicate"], "unknown command 'frobnicate'"),
        (["run"], "run needs an experiment id"),
        (["run", "nope"], "unknown experiment 'nope'"),
        (["run", "fixture-powerlaw", "bogus=1"], "unknown parameter 'bogus'"),
        (["run", "fixture-powerlaw", "rate=abc"], "parameter 'rate' expects real"),
        (["run", "fixture-powerlaw", "rate=-2"], "parameter 'rate'"),
        (["run", "fixture-powerlaw", "ns=1"], "parameter 'ns' needs at least 2"),
        (["run", "fixture-powerlaw", "mode=loud"], "parameter 'mode'"),
        (["run", "fixture-powerlaw", "norate"], "expected key=value, got 'norate'"),
        (["run", "fixture-powerlaw", "--preset", "huge"], "unknown preset 'huge'"),
        (["run", "fixture-powerlaw", "--seed", "-1"], "option --seed expects an integer"),
        (["run", "fixture-powerlaw", "--seed", "x"], "option --seed expects an integer"),
        (["run", "fixture-powerlaw", "--jobs", "0"], "option --jobs expects an integer"),
        (["run", "fixture-powerlaw", "--seed"], "option --seed needs a value"),
        (["run", "fixture-powerlaw", "--sed", "3"], "unknown option '--sed'"),
        (["run", "all", "rate=1"], "parameter overrides need a single experiment"),
        (["runs", "--status", "done"], "unknown status 'done'"),
        (["runs", "--format", "xml"], "unknown format 'xml'"),
        (["runs", "--experiment", "nope"], "unknown experiment 'nope'"),
        (["runs", "extra"], "unexpected argument 'extra'"),
        (["show"], "show takes one run and optionally a metric key pattern"),
        (["compare", "abc"], "compare needs at least two runs"),
        (["sql"], "sql takes exactly one SQL statement"),
        (["report"], "report takes one experiment id or `all`"),
        (["report", "nope"], "unknown experiment 'nope'"),
        (["check"], "check takes one run or experiment id"),
        (["verify"], "verify takes exactly one run"),
        (["list", "nope"], "unknown experiment 'nope'"),
        (["help", "nope"], "unknown command 'nope'"),
    ])
    func exitsWithUsageAndWritesNothing(arguments: [String], fragment: String) throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let result = harness.run(arguments)
        #expect(result.status == ExitCode.usage)
        #expect(result.errors.contains(fragment), "stderr was: \(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: harness.database), "database was created")
    }

    @Test("unknown words list the valid choices")
    func validChoices() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        #expect(harness.run(["run", "nope"]).errors.contains("valid choices: fixture-powerlaw, fixture-sleep"))
        #expect(
            harness.run(["run", "fixture-powerlaw", "x=1"]).errors.contains(
                "valid choices: parts, rate, noise, ns, mode, fail, smallest"))
        #expect(harness.run(["frobnicate"]).errors.contains("valid choices: list, run, runs"))
    }

    @Test("errors on an existing database leave it byte-for-byte unchanged")
    func existingDatabaseUntouched() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        #expect(harness.run(["run", "fixture-powerlaw"]).status == ExitCode.success)
        let before = harness.databaseBytes()
        for arguments in [
            ["run", "nope"], ["run", "fixture-powerlaw", "bogus=1"], ["run", "fixture-powerlaw", "rate=x"],
            ["show", "zzzz"], ["sql", "DELETE FROM runs"], ["sql", "SELEC nonsense"],
            ["sql", "INSERT INTO runs(run_id) VALUES ('x')"], ["compare", "zzzz", "yyyy"],
            ["report", "fixture-powerlaw", "--run", "zzzz"], ["check", "zzzz"],
        ] {
            let result = harness.run(arguments)
            #expect(result.status == ExitCode.usage, "\(arguments): \(result.errors)")
        }
        #expect(harness.databaseBytes() == before)
    }

    @Test("read commands on a missing or unreadable database are usage errors that name the file")
    func unreadableDatabase() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let missing = harness.run(["runs"])
        #expect(missing.status == ExitCode.usage)
        #expect(missing.errors.contains(harness.database))
        #expect(!FileManager.default.fileExists(atPath: harness.database))
        let garbage = Data("this is not a database, just text that is long enough to have a header".utf8)
        try garbage.write(to: URL(fileURLWithPath: harness.database))
        for arguments in [["runs"], ["run", "fixture-powerlaw"], ["sql", "SELECT 1"], ["report", "all"]] {
            let result = harness.run(arguments)
            #expect(result.status == ExitCode.usage, "\(arguments)")
            #expect(result.errors.contains("cannot use"), "\(arguments): \(result.errors)")
        }
        #expect(harness.databaseBytes() == garbage)
    }

    @Test("--help works on every command", arguments: CommandHelp.commands)
    func help(command: String) throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let result = harness.run([command, "--help"], withDatabase: false)
        #expect(result.status == ExitCode.success)
        #expect(result.output.contains("Usage: workbench") || result.output.contains("workbench —"))
    }
}
