import Foundation
import WorkbenchCLI
import WorkbenchCore
import WorkbenchTestFixtures

/// Runs the command line in-process against the fixture experiments.
struct CLIHarness {
    let directory: TemporaryDirectory
    var database: String { directory.path("workbench.sqlite") }

    init() throws { directory = try TemporaryDirectory("workbench-cli") }

    /// Runs `arguments` with `--db` pointing at the harness database (unless `withDatabase` is
    /// false) and returns (status, stdout, stderr).
    @discardableResult
    func run(_ arguments: [String], withDatabase: Bool = true) -> (status: Int32, output: String, errors: String) {
        let console = BufferConsole()
        let commandLine = WorkbenchCommandLine(
            registry: ExperimentRegistry(FixtureExperiments.all), console: console,
            environment: [
                "WORKBENCH_DATA": directory.path("data"),
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            ])
        let status = commandLine.run(arguments + (withDatabase ? ["--db", database] : []))
        return (status, console.output, console.errors)
    }

    /// The database file's bytes (empty when it does not exist), to show nothing was written.
    func databaseBytes() -> Data {
        (try? Data(contentsOf: URL(fileURLWithPath: database))) ?? Data()
    }

    /// The id of the only/latest run matching `condition`.
    func latestRunID() -> String? {
        let result = run(["sql", "SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1", "--format", "csv"])
        return result.output.split(separator: "\n").dropFirst().first.map(String.init)
    }
}
