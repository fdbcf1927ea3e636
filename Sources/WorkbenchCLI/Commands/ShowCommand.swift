import WorkbenchCore
import WorkbenchStore

/// `workbench show <run> [pattern]`: one run in full, or only its metrics whose key matches
/// `pattern` (a glob with `*` and `?`, e.g. `'w2.*.eta0.5'`; text without wildcards matches keys
/// containing it).
struct ShowCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let allMetrics = try scanner.flag("--all-metrics")
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let words = try scanner.positionals(validOptions: ["--all-metrics", "--format", "--db", "--preset"])
        guard words.count == 1 || words.count == 2 else {
            throw UsageError("show takes one run and optionally a metric key pattern")
        }
        let store = try DatabaseLocation.openForReading(path)
        let runID = try RunSelector(store: store, registry: context.registry, preset: preset).resolve(words[0])
        do {
            let record = try store.withSweepLink(try store.run(runID))
            let console = context.console
            if words.count == 2 {
                let pattern = KeyPattern(words[1])
                let metrics = try store.metrics(runID).filter { pattern.matches($0.key) }
                if metrics.isEmpty {
                    let keys = Array(Set(try store.metrics(runID).map(\.key))).sorted()
                    let closest = ClosestWord.suggestion(for: words[1], among: keys)
                    throw UsageError(
                        "no metric key of run \(runID.prefix(12)) matches '\(words[1])'"
                            + (closest.map { " (did you mean '\($0)'?)" } ?? "")
                            + "; `workbench show \(words[0])` lists them")
                }
                console.write(metricTable(metrics, all: allMetrics || format != .table).render(format))
                return ExitCode.success
            }
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
                [.text(row.key), .parameter(row.value, kind: row.kind), .text(row.kind)]
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
                [.text($0.key), .parameter($0.value, kind: $0.kind), .text($0.kind)]
            })
        let checks = CheckRows.table(try store.checks(record.runID))
        let metrics = metricTable(try store.metrics(record.runID), all: true)
        return "{\n\"run\": \(runObject),\n\"parameters\": \(parameters.render(.json).trimmingTrailingNewline),\n"
            + "\"checks\": \(checks.render(.json).trimmingTrailingNewline),\n\"metrics\": \(metrics.render(.json).trimmingTrailingNewline)\n}\n"
    }

    private func metricTable(_ metrics: [StoredMetric], all: Bool) -> TabularOutput {
        if all {
            return TabularOutput(
                columns: ["key", "x", "value", "coords"],
                rows: metrics.map {
                    [
                        .text($0.key), $0.x.map(OutputCell.number) ?? .null, .number($0.value),
                        $0.coordinates.map(OutputCell.json) ?? .null,
                    ]
                })
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

/// The provenance of a run as a two-column table. Values are typed by the JSON rule of
/// ``OutputCell`` as in `runs` (`seed` an integer, `git_dirty` a boolean).
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
            ("git_dirty", record.gitDirty.map(OutputCell.boolean) ?? .null),
            ("workbench_version", .text(record.workbenchVersion)),
            ("blas_core", .text(record.blasCore)), ("blas_threads", .integer(Int64(record.blasThreads))),
            ("workers", record.workers.map { .integer(Int64($0)) } ?? .null),
            ("sqlite_version", .text(record.sqliteVersion)), ("config_hash", .text(record.configHash)),
            ("result_digest", record.resultDigest.map(OutputCell.text) ?? .null),
            ("rerun_of", record.rerunOf.map(OutputCell.text) ?? .null),
            ("sweep_id", record.sweepID.map(OutputCell.text) ?? .null),
            ("cell_index", record.cellIndex.map { .integer(Int64($0)) } ?? .null),
            ("error", record.error.map(OutputCell.text) ?? .null),
            ("command_line", record.commandLine.map(OutputCell.text) ?? .null),
        ]
        return TabularOutput(columns: ["field", "value"], rows: fields.map { [.text($0.0), $0.1] })
    }
}
