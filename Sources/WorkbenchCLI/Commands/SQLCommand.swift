import WorkbenchCore
import WorkbenchStore

/// `workbench sql`: one read-only statement, printed in any format.
struct SQLCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let path = context.databasePath(try scanner.option("--db"))
        let words = try scanner.positionals(validOptions: ["--format", "--db"])
        guard words.count == 1, let sql = words.first else {
            throw UsageError("sql takes exactly one SQL statement (quote it)")
        }
        let store = try DatabaseLocation.openForReading(path)
        let output = try QueryOutput.run(store.database, sql: sql)
        context.console.write(output.render(format))
        return ExitCode.success
    }
}

/// Runs a query and turns the rows into ``TabularOutput``.
enum QueryOutput {
    static func run(_ database: Database, sql: String, _ arguments: [SQLValue] = []) throws(UsageError) -> TabularOutput
    {
        do {
            let statement = try database.prepare(sql)
            guard statement.isReadOnly else {
                throw UsageError("only read-only statements are allowed, got: \(sql)")
            }
            try statement.bind(arguments)
            var rows: [[OutputCell]] = []
            while try statement.step() {
                rows.append(statement.row().map(cell))
            }
            let columns = (0..<statement.columnCount).map(statement.columnName)
            return TabularOutput(columns: columns, rows: rows)
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("SQL error: \(error)")
        }
    }

    static func cell(_ value: SQLValue) -> OutputCell {
        switch value {
        case .null: return .null
        case .integer(let v): return .integer(v)
        case .real(let v): return .number(v)
        case .text(let v): return .text(v)
        case .blob(let bytes): return .text("<\(bytes.count) bytes>")
        }
    }
}
