import Foundation
import Testing
import WorkbenchCore
import WorkbenchTestFixtures

@testable import WorkbenchCLI

/// Every ```sql block of the README is executed, statement by statement, with `workbench sql`
/// against a database holding quick runs of the shipped experiments, and must return rows.
@Suite("README SQL examples")
struct ReadmeSQLTests {
    /// The statements of the README's ```sql blocks (split at `;` ending a line; `--` comments
    /// dropped).
    static func statements() throws -> [String] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        var statements = [String]()
        var inBlock = false
        var current = [String]()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```sql"
                continue
            }
            guard inBlock else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("--") || trimmed.isEmpty { continue }
            current.append(String(line))
            if trimmed.hasSuffix(";") {
                statements.append(current.joined(separator: "\n"))
                current = []
            }
        }
        return statements
    }

    @Test("the README has SQL examples, and each one runs and returns rows")
    func examplesRun() throws {
        let statements = try Self.statements()
        #expect(statements.count >= 8)
        let directory = try TemporaryDirectory("readme-sql")
        defer { directory.remove() }
        let database = directory.path("readme.sqlite")
        let console = BufferConsole()
        let commandLine = WorkbenchCommandLine(
            registry: .shipped, console: console, environment: ["WORKBENCH_DATA": directory.path("data")])
        for arguments in [
            ["run", "diffusion-discretization"],
            ["run", "diffusion-discretization", "parts=convergence", "--tag", "study=parts", "--note", "one part"],
            ["run", "token-sample-complexity", "parts=uniform", "uniformN=16,32,64", "uniformReps=4"],
        ] {
            #expect(
                commandLine.run(arguments + ["--db", database, "--jobs", "2"]) == ExitCode.success, "\(console.errors)")
        }
        for statement in statements {
            let output = BufferConsole()
            let status = WorkbenchCommandLine(registry: .shipped, console: output, environment: [:])
                .run(["sql", statement, "--db", database, "--format", "csv"])
            #expect(status == ExitCode.success, "\(statement)\n\(output.errors)")
            let rows = output.output.split(separator: "\n").count - 1
            #expect(rows >= 1, "no rows from:\n\(statement)")
        }
    }
}
