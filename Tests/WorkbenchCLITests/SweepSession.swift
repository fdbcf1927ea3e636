import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

/// A scratch directory with a main database, and the shipped binary run in it: the sweep and
/// merge tests' common ground, locally and on the Slurm test cluster.
struct SweepSession {
    let directory: TemporaryDirectory
    /// Extra environment of every command (e.g. the cluster's `SLURM_CONF`); `TMPDIR` is always
    /// this session's directory, so node-local shards stay inside it.
    let environment: [String: String]
    var database: String { directory.path("main.sqlite") }

    init(_ prefix: String = "workbench-sweep", environment: [String: String] = [:]) throws {
        directory = try TemporaryDirectory(prefix)
        self.environment = environment
    }

    /// `arguments` with `--db` (default: the main database) appended.
    @discardableResult
    func run(
        _ arguments: [String], database path: String? = nil, executable: URL = FixtureProcess.shippedExecutable
    ) throws -> (status: Int32, output: String) {
        var environment = environment
        environment["TMPDIR"] = directory.path("")
        return try FixtureProcess.run(
            arguments + ["--db", path ?? database], executable: executable, directory: directory.url,
            environment: environment)
    }

    /// Runs `arguments`, expecting exit 0; returns the output.
    @discardableResult
    func succeed(_ arguments: [String], database path: String? = nil) throws -> String {
        let result = try run(arguments, database: path)
        #expect(result.status == 0, "\(arguments): \(result.output)")
        return result.output
    }

    /// Rows of `sql` on `path` (default: the main database), each column as text.
    func rows(_ sql: String, database path: String? = nil) throws -> [[String]] {
        let store = try RunStore(path: path ?? database, mode: .readOnly)
        return try store.database.query(sql).map { row in
            row.map { $0.textValue ?? $0.integerValue.map(String.init) ?? $0.doubleValue.map { "\($0)" } ?? "" }
        }
    }

    /// The first column of the first row of `sql`, as an integer (−1 when there is none).
    func count(_ sql: String, database path: String? = nil) throws -> Int {
        Int(try rows(sql, database: path).first?.first ?? "") ?? -1
    }
}
