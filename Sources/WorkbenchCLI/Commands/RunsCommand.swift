import WorkbenchCore
import WorkbenchStore

/// `workbench runs`: recorded runs, filtered, newest first.
struct RunsCommand {
    let context: WorkbenchCommandLine

    static let options = ["--experiment", "--status", "--preset", "--where", "--limit", "--format", "--db"]
    static let statuses = RunStatus.allCases.map(\.rawValue)

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let experiment = try scanner.option("--experiment")
        let status = try scanner.option("--status")
        let preset = try scanner.option("--preset")
        let condition = try scanner.option("--where")
        let limit = try scanner.integerOption("--limit", in: 1...1_000_000)
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let path = context.databasePath(try scanner.option("--db"))
        let words = try scanner.positionals(validOptions: Self.options)
        guard words.isEmpty else { throw UsageError("unexpected argument '\(words[0])' for `workbench runs`") }
        if let experiment { _ = try context.registry.experiment(experiment) }
        if let status, !Self.statuses.contains(status) {
            throw UsageError("unknown status '\(status)'", validChoices: Self.statuses)
        }
        let store = try DatabaseLocation.openForReading(path)
        let source = experiment.map(ExperimentViews.viewName) ?? "run_summary"
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let status {
            clauses.append("status = ?")
            arguments.append(.text(status))
        }
        if let preset {
            clauses.append("preset = ?")
            arguments.append(.text(preset))
        }
        if let condition { clauses.append("(\(condition))") }
        let whereText = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let limitText = limit.map { " LIMIT \($0)" } ?? ""
        if experiment != nil {
            let exists = try? store.database.scalar(
                "SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = ?", [.text(source)])
            if exists.flatMap({ $0 })?.integerValue != 1 {
                context.console.write("no runs of \(experiment ?? "") recorded yet\n")
                return ExitCode.success
            }
        }
        let sql =
            "SELECT * FROM \(ExperimentViews.identifier(source))\(whereText) ORDER BY started_at DESC, run_id\(limitText)"
        var output = try QueryOutput.run(store.database, sql: sql, arguments)
        if format == .table { output = compact(output, perExperiment: experiment != nil) }
        context.console.write(output.render(format))
        return ExitCode.success
    }

    /// Table format: short ids and the columns people scan; machine formats keep everything.
    private func compact(_ output: TabularOutput, perExperiment: Bool) -> TabularOutput {
        let keep =
            perExperiment
            ? output.columns.filter { !["result_digest", "checks_marginal"].contains($0) }
            : [
                "run_id", "name", "experiment", "preset", "status", "started_at", "duration_s", "checks_passed",
                "checks_failed", "checks_inconclusive", "checks_skipped", "tags_json",
            ]
        let indices = keep.compactMap { output.columns.firstIndex(of: $0) }
        let rows = output.rows.map { row in
            indices.map { index -> OutputCell in
                if output.columns[index] == "run_id", case .text(let id) = row[index] {
                    return .text(String(id.prefix(12)))
                }
                return row[index]
            }
        }
        return TabularOutput(columns: indices.map { output.columns[$0] }, rows: rows)
    }
}
