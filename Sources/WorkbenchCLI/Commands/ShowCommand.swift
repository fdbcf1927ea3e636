import WorkbenchCore
import WorkbenchStore

/// `workbench show`: one run in full.
struct ShowCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let allMetrics = try scanner.flag("--all-metrics")
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let words = try scanner.positionals(validOptions: ["--all-metrics", "--format", "--db", "--preset"])
        guard words.count == 1 else { throw UsageError("show takes exactly one run") }
        let store = try DatabaseLocation.openForReading(path)
        let runID = try RunSelector(store: store, registry: context.registry, preset: preset).resolve(words[0])
        do {
            let record = try store.run(runID)
            let console = context.console
            switch format {
            case .json:
                console.write(try jsonDocument(store, record))
                return ExitCode.success
            case .csv:
                console.write(metricTable(try store.metrics(runID), all: true).render(.csv))
                return ExitCode.success
            case .table, .md:
                break
            }
            console.write("# run \(record.runID)\n\n")
            console.write(ProvenanceTable.of(record).render(format) + "\n")
            let tags = try store.tags(runID)
            if !tags.isEmpty {
                console.write("## tags\n\n")
                let rows = tags.map { [OutputCell.text($0.key), .text($0.value)] }
                console.write(TabularOutput(columns: ["key", "value"], rows: rows).render(format) + "\n")
            }
            console.write("## parameters\n\n")
            let parameters = try store.parameters(runID).map { row -> [OutputCell] in
                [.text(row.key), QueryOutput.cell(row.value), .text(row.kind)]
            }
            console.write(TabularOutput(columns: ["key", "value", "kind"], rows: parameters).render(format) + "\n")
            let checks = try store.checks(runID).map(CheckResult.init(stored:))
            if !checks.isEmpty {
                console.write("## checks\n\n" + CheckTable.render(checks) + "\n")
            }
            console.write("## metrics\n\n")
            console.write(metricTable(try store.metrics(runID), all: allMetrics).render(format))
            return ExitCode.success
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
    }

    /// One JSON object: `run` (provenance), `parameters`, `checks` and every metric point.
    private func jsonDocument(_ store: RunStore, _ record: RunRecord) throws -> String {
        let provenance = ProvenanceTable.of(record)
        let runObject =
            "{"
            + provenance.rows.map { row in
                "\(row[0].json): \(row[1].json)"
            }.joined(separator: ", ") + "}"
        let parameters = TabularOutput(
            columns: ["key", "value", "kind"],
            rows: try store.parameters(record.runID).map {
                [.text($0.key), QueryOutput.cell($0.value), .text($0.kind)]
            })
        let checks = TabularOutput(
            columns: ["claim", "verdict", "measured", "ci_low", "ci_high", "expected", "paper", "statement"],
            rows: try store.checks(record.runID).map { check in
                [
                    .text(check.claim), .text(check.verdict.rawValue + (check.marginal ? " (marginal)" : "")),
                    check.measured.map(OutputCell.number) ?? .null,
                    check.ciLow.map(OutputCell.number) ?? .null, check.ciHigh.map(OutputCell.number) ?? .null,
                    .text(check.expected), .text(check.paper), .text(check.statement),
                ]
            })
        let metrics = metricTable(try store.metrics(record.runID), all: true)
        return "{\n\"run\": \(runObject),\n\"parameters\": \(parameters.render(.json).trimmingTrailingNewline),\n"
            + "\"checks\": \(checks.render(.json).trimmingTrailingNewline),\n\"metrics\": \(metrics.render(.json).trimmingTrailingNewline)\n}\n"
    }

    private func metricTable(_ metrics: [StoredMetric], all: Bool) -> TabularOutput {
        if all {
            return TabularOutput(
                columns: ["key", "x", "value"],
                rows: metrics.map { [.text($0.key), $0.x.map(OutputCell.number) ?? .null, .number($0.value)] })
        }
        var order: [String] = []
        var grouped: [String: [StoredMetric]] = [:]
        for metric in metrics {
            if grouped[metric.key] == nil { order.append(metric.key) }
            grouped[metric.key, default: []].append(metric)
        }
        let rows: [[OutputCell]] = order.sorted().compactMap { key in
            guard let points = grouped[key], let last = points.last else { return nil }
            if points.count == 1 && last.x == nil {
                return [.text(key), .text("scalar"), .null, .number(last.value)]
            }
            let xs = points.compactMap(\.x)
            let range =
                "\(ReportNumber.format(xs.min() ?? .nan, digits: 6))…\(ReportNumber.format(xs.max() ?? .nan, digits: 6))"
            return [.text(key), .text("series (\(points.count))"), .text(range), .number(last.value)]
        }
        return TabularOutput(columns: ["key", "kind", "x range", "value (last)"], rows: rows)
    }
}

extension String {
    fileprivate var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}

/// The provenance of a run as a two-column table. Values are typed as in `runs` and the
/// database (`seed` an integer, `git_dirty` 0/1), so JSON output agrees across commands.
enum ProvenanceTable {
    static func of(_ record: RunRecord) -> TabularOutput {
        let fields: [(String, OutputCell)] = [
            ("name", record.name.map(OutputCell.text) ?? .null), ("note", record.note.map(OutputCell.text) ?? .null),
            ("experiment", .text(record.experiment)), ("preset", .text(record.preset)),
            ("status", .text(record.status.rawValue)), ("seed", .integer(Int64(bitPattern: record.seed))),
            ("started_at", .text(record.startedAt)), ("ended_at", record.endedAt.map(OutputCell.text) ?? .null),
            ("duration_s", record.durationSeconds.map(OutputCell.number) ?? .null),
            ("host", .text(record.host)), ("pid", .integer(Int64(record.pid))),
            ("git_commit", record.gitCommit.map(OutputCell.text) ?? .null),
            ("git_dirty", record.gitDirty.map { .integer($0 ? 1 : 0) } ?? .null),
            ("workbench_version", .text(record.workbenchVersion)),
            ("blas_core", .text(record.blasCore)), ("blas_threads", .integer(Int64(record.blasThreads))),
            ("workers", record.workers.map { .integer(Int64($0)) } ?? .null),
            ("sqlite_version", .text(record.sqliteVersion)), ("config_hash", .text(record.configHash)),
            ("result_digest", record.resultDigest.map(OutputCell.text) ?? .null),
            ("rerun_of", record.rerunOf.map(OutputCell.text) ?? .null),
            ("error", record.error.map(OutputCell.text) ?? .null),
            ("command_line", record.commandLine.map(OutputCell.text) ?? .null),
        ]
        return TabularOutput(columns: ["field", "value"], rows: fields.map { [.text($0.0), $0.1] })
    }
}
