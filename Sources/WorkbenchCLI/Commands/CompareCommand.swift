import WorkbenchCore
import WorkbenchStore

/// `workbench compare`: runs side by side — parameters (differing first), verdicts, scalars.
struct CompareCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let words = try scanner.positionals(validOptions: ["--format", "--db", "--preset"])
        guard words.count >= 2 else { throw UsageError("compare needs at least two runs") }
        let store = try DatabaseLocation.openForReading(path)
        let selector = RunSelector(store: store, registry: context.registry, preset: preset)
        var ids: [String] = []
        for word in words { ids.append(try selector.resolve(word)) }
        do {
            var rows: [[OutputCell]] = []
            let records = try ids.map { try store.run($0) }
            rows.append([.text("experiment"), .text("run")] + records.map { .text($0.experiment) })
            rows.append([.text("name"), .text("run")] + records.map { $0.name.map(OutputCell.text) ?? .null })
            rows.append([.text("status"), .text("run")] + records.map { .text($0.status.rawValue) })
            rows.append([.text("seed"), .text("run")] + records.map { .text(String($0.seed)) })
            rows.append(
                [.text("result_digest"), .text("run")]
                    + records.map { .text(String(($0.resultDigest ?? "").prefix(16))) })
            let parameters = try ids.map { id in
                Dictionary(try store.parameters(id).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            }
            rows += sideBySide(parameters, section: "param", cell: QueryOutput.cell)
            let tags = try ids.map { id in
                Dictionary(
                    try store.tags(id).map { ($0.key, SQLValue.text($0.value)) }, uniquingKeysWith: { a, _ in a })
            }
            rows += sideBySide(tags, section: "tag", cell: QueryOutput.cell)
            let verdicts = try ids.map { id in
                Dictionary(
                    try store.checks(id).map {
                        ($0.claim, SQLValue.text($0.verdict.rawValue + ($0.marginal ? " (marginal)" : "")))
                    }, uniquingKeysWith: { a, _ in a })
            }
            rows += sideBySide(verdicts, section: "check", cell: QueryOutput.cell)
            let scalars = try ids.map { id in
                Dictionary(
                    try store.metrics(id).filter { $0.x == nil }.map { ($0.key, SQLValue.real($0.value)) },
                    uniquingKeysWith: { a, _ in a })
            }
            rows += sideBySide(scalars, section: "metric", cell: QueryOutput.cell)
            let columns = ["name", "kind"] + ids.map { String($0.prefix(12)) }
            context.console.write(TabularOutput(columns: columns, rows: rows).render(format))
            return ExitCode.success
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
    }

    /// One row per key; rows whose values differ between runs come first, marked with `*`.
    private func sideBySide(
        _ maps: [[String: SQLValue]], section: String, cell: (SQLValue) -> OutputCell
    ) -> [[OutputCell]] {
        let keys = Set(maps.flatMap(\.keys)).sorted()
        let differing = keys.filter { key in Set(maps.map { $0[key].map { "\($0)" } ?? "∅" }).count > 1 }
        let same = keys.filter { !differing.contains($0) }
        return differing.map { key in
            [.text(key + " *"), .text(section)] + maps.map { $0[key].map(cell) ?? .null }
        }
            + same.map { key in
                [.text(key), .text(section)] + maps.map { $0[key].map(cell) ?? .null }
            }
    }
}
