import WorkbenchCore
import WorkbenchStore

/// `workbench runs`: recorded runs, filtered and sorted (newest first by default). In table
/// format with `--experiment`, parameters equal in every listed run are hidden (as
/// `dvc exp show --only-changed` does) unless `--all-columns`; `--columns` picks columns.
struct RunsCommand {
    let context: WorkbenchCommandLine

    static let options = [
        "--experiment", "--status", "--preset", "--where", "--limit", "--format", "--db", "--sort", "--columns",
        "--all-columns",
    ]
    static let statuses = RunStatus.allCases.map(\.rawValue)

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let experiment = try scanner.option("--experiment")
        let status = try scanner.option("--status")
        let preset = try scanner.option("--preset")
        let condition = try scanner.option("--where")
        let limit = try scanner.integerOption("--limit", in: 1...1_000_000)
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let path = context.databasePath(try scanner.option("--db"))
        let sort = try scanner.option("--sort")
        let columns = try scanner.option("--columns").map { $0.split(separator: ",").map(String.init) }
        let allColumns = try scanner.flag("--all-columns")
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
        let available = try QueryOutput.run(
            store.database, sql: "SELECT * FROM \(ExperimentViews.identifier(source)) LIMIT 0"
        ).columns
        var order = "started_at DESC, run_id"
        if let sort {
            let descending = sort.hasPrefix("-")
            let column = descending ? String(sort.dropFirst()) : sort
            try Self.checkColumn(column, available)
            order = "\(ExperimentViews.identifier(column)) \(descending ? "DESC" : "ASC"), run_id"
        }
        let sql = "SELECT * FROM \(ExperimentViews.identifier(source))\(whereText) ORDER BY \(order)\(limitText)"
        var output = try QueryOutput.run(store.database, sql: sql, arguments)
        let kinds = try experiment.map { id in
            Dictionary(
                try context.registry.experiment(id).descriptor.parameters.map { ($0.key, $0.kind.rawValue) },
                uniquingKeysWith: { a, _ in a })
        }
        output = try RunRowTyping.typed(output, parameterKinds: kinds ?? [:], store: store)
        if let columns {
            for column in columns where DerivedColumn(column) == nil { try Self.checkColumn(column, available) }
            let claims = context.registry.experiments.flatMap { $0.descriptor.claims.map(\.id) }
            output = try DerivedColumn.adding(columns, to: output, store: store, claims: claims)
            output = Self.select(columns, from: output)
        } else if format == .table {
            let parameters =
                try experiment.map { try context.registry.experiment($0).descriptor.parameters.map(\.key) } ?? []
            let hidden = allColumns ? [] : Self.unchangedColumns(parameters, in: output)
            output = compact(output, perExperiment: experiment != nil, hiding: hidden)
            if !hidden.isEmpty {
                context.console.write(output.render(format))
                context.console.write(
                    "(\(hidden.count) parameter\(hidden.count == 1 ? "" : "s") equal in every listed run hidden: "
                        + "\(hidden.joined(separator: ", ")); --all-columns shows them)\n")
                return ExitCode.success
            }
        }
        context.console.write(output.render(format))
        return ExitCode.success
    }

    /// A usage error unless `column` is one of `available` (with the closest one suggested).
    static func checkColumn(_ column: String, _ available: [String]) throws(UsageError) {
        guard !available.contains(column) else { return }
        let closest = ClosestWord.suggestion(for: column, among: available)
        throw UsageError(
            "unknown column '\(column)'" + (closest.map { " (did you mean '\($0)'?)" } ?? ""), validChoices: available)
    }

    /// The columns `names` of `output`, in that order.
    static func select(_ names: [String], from output: TabularOutput) -> TabularOutput {
        let indices = names.compactMap { output.columns.firstIndex(of: $0) }
        return TabularOutput(
            columns: indices.map { output.columns[$0] }, rows: output.rows.map { row in indices.map { row[$0] } })
    }

    /// Those of `parameters` whose value is the same in every row (with two rows or more).
    static func unchangedColumns(_ parameters: [String], in output: TabularOutput) -> [String] {
        guard output.rows.count >= 2 else { return [] }
        return parameters.filter { key in
            guard let index = output.columns.firstIndex(of: key) else { return false }
            let first = output.rows[0][index].display
            return output.rows.allSatisfy { $0[index].display == first }
        }
    }

    /// Table format: short ids and the columns people scan; machine formats keep everything.
    private func compact(_ output: TabularOutput, perExperiment: Bool, hiding hidden: [String] = []) -> TabularOutput {
        let keep =
            perExperiment
            ? output.columns.filter {
                !["result_digest", "checks_marginal", "note"].contains($0) && !hidden.contains($0)
            }
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

/// Types the cells of run listings by the JSON rule of ``OutputCell``: `git_dirty` as a
/// boolean, parameter columns by their declared kind (booleans, lists as arrays), `tags_json`
/// as an object and `params_json` rebuilt as an object of typed values.
enum RunRowTyping {
    static func typed(
        _ output: TabularOutput, parameterKinds: [String: String], store: RunStore
    ) throws -> TabularOutput {
        let runIndex = output.columns.firstIndex(of: "run_id")
        let rows = try output.rows.map { row in
            try zip(output.columns, row).map { column, cell -> OutputCell in
                switch (column, cell) {
                case ("git_dirty", .integer(let v)):
                    return .boolean(v != 0)
                case ("tags_json", .text(let text)):
                    return .json(text)
                case ("params_json", _):
                    guard let runIndex, case .text(let runID) = row[runIndex] else { return cell }
                    let members = try store.parameters(runID).flatMap {
                        OutputCell.jsonMembers($0.key, .parameter($0.value, kind: $0.kind))
                    }
                    return .json("{" + members.joined(separator: ", ") + "}")
                default:
                    guard let kind = parameterKinds[column] else { return cell }
                    switch cell {
                    case .integer(let v): return .parameter(.integer(v), kind: kind)
                    case .number(let v): return .parameter(.real(v), kind: kind)
                    case .text(let v): return .parameter(.text(v), kind: kind)
                    default: return cell
                    }
                }
            }
        }
        return TabularOutput(columns: output.columns, rows: rows)
    }
}
