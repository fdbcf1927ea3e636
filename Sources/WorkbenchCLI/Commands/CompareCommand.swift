import WorkbenchCore
import WorkbenchStore

/// `workbench compare`: runs side by side — run fields, parameters, tags, claim verdicts and
/// measured values, scalar metrics. Rows whose values differ come first in each section (marked
/// `*`); `--only-diff` keeps only those. For numbers, each run after the first gets its
/// difference from the first run, absolute (`Δ`) and relative (`rel`, Δ / |first|).
struct CompareCommand {
    let context: WorkbenchCommandLine

    static let options = ["--format", "--db", "--preset", "--only-diff"]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let format = try OutputFormat.parse(try scanner.option("--format"))
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let onlyDiff = try scanner.flag("--only-diff")
        let words = try scanner.positionals(validOptions: Self.options)
        guard words.count >= 2 else { throw UsageError("compare needs at least two runs") }
        let store = try DatabaseLocation.openForReading(path)
        let selector = RunSelector(store: store, registry: context.registry, preset: preset)
        var ids: [String] = []
        for word in words { ids.append(try selector.resolve(word)) }
        do {
            let records = try ids.map { try store.run($0) }
            var sections: [(name: String, values: [[String: OutputCell]])] = []
            sections.append(("run", records.map(Self.runFields)))
            sections.append(
                (
                    "param",
                    try ids.map { id in
                        Dictionary(
                            try store.parameters(id).map { ($0.key, OutputCell.parameter($0.value, kind: $0.kind)) },
                            uniquingKeysWith: { a, _ in a })
                    }
                ))
            sections.append(
                (
                    "tag",
                    try ids.map { id in
                        Dictionary(
                            try store.tags(id).map { ($0.key, OutputCell.text($0.value)) },
                            uniquingKeysWith: { a, _ in a })
                    }
                ))
            let checks = try ids.map { try store.checks($0) }
            sections.append(
                (
                    "check",
                    checks.map { list in
                        Dictionary(
                            list.map {
                                ($0.claim, OutputCell.text($0.verdict.rawValue + ($0.marginal ? " (marginal)" : "")))
                            },
                            uniquingKeysWith: { a, _ in a })
                    }
                ))
            sections.append(
                (
                    "measured",
                    checks.map { list in
                        Dictionary(
                            list.compactMap { check in check.measured.map { (check.claim, OutputCell.number($0)) } },
                            uniquingKeysWith: { a, _ in a })
                    }
                ))
            sections.append(
                (
                    "metric",
                    try ids.map { id in
                        Dictionary(
                            try store.metrics(id).filter { $0.x == nil }.map { ($0.key, OutputCell.number($0.value)) },
                            uniquingKeysWith: { a, _ in a })
                    }
                ))
            let human = format == .table || format == .md
            var rows: [[OutputCell]] = []
            for section in sections {
                rows += Self.sideBySide(section.values, section: section.name, onlyDiff: onlyDiff, human: human)
            }
            let shortIDs = ids.map { String($0.prefix(12)) }
            let deltaColumns = shortIDs.dropFirst().flatMap { ["Δ \($0)", "rel \($0)"] }
            let columns = ["name", "kind", human ? "" : "differs"] + shortIDs + deltaColumns
            context.console.write(TabularOutput(columns: columns, rows: rows).render(format))
            return ExitCode.success
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
    }

    /// The provenance fields worth comparing.
    static func runFields(_ record: RunRecord) -> [String: OutputCell] {
        [
            "experiment": .text(record.experiment), "preset": .text(record.preset),
            "name": record.name.map(OutputCell.text) ?? .null, "status": .text(record.status.rawValue),
            "seed": .integer(Int64(bitPattern: record.seed)),
            "result_digest": .text(String((record.resultDigest ?? "").prefix(16))),
            "duration_s": record.durationSeconds.map(OutputCell.number) ?? .null,
            "git_commit": .text(String((record.gitCommit ?? "").prefix(12))),
            "blas_core": .text(record.blasCore),
        ]
    }

    /// One row per key: name, section, whether the values differ, the values, then for each run
    /// after the first its numeric difference from the first. Differing rows come first.
    static func sideBySide(
        _ maps: [[String: OutputCell]], section: String, onlyDiff: Bool, human: Bool
    ) -> [[OutputCell]] {
        let keys = Set(maps.flatMap(\.keys)).sorted()
        func differs(_ key: String) -> Bool { Set(maps.map { $0[key]?.exact ?? "\u{2205}" }).count > 1 }
        let differing = keys.filter(differs)
        let same = onlyDiff ? [] : keys.filter { !differs($0) }
        return (differing + same).map { key in
            let values = maps.map { $0[key] ?? .null }
            let mark: OutputCell = human ? .text(differs(key) ? "*" : "") : .boolean(differs(key))
            return [.text(key), .text(section), mark] + values + deltas(values)
        }
    }

    /// For each value after the first: (value − first, (value − first) / |first|), or nulls when
    /// either is not a finite number (or the first is 0, for the relative difference).
    static func deltas(_ values: [OutputCell]) -> [OutputCell] {
        func number(_ cell: OutputCell) -> Double? {
            switch cell {
            case .number(let v) where v.isFinite: return v
            case .integer(let v): return Double(v)
            default: return nil
            }
        }
        let base = values.first.flatMap(number)
        return values.dropFirst().flatMap { cell -> [OutputCell] in
            guard let base, let value = number(cell) else { return [.null, .null] }
            let difference = value - base
            return [.number(difference), base == 0 ? .null : .number(difference / abs(base))]
        }
    }
}
