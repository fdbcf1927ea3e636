import WorkbenchCore
import WorkbenchStore

/// Columns of `runs --columns` that are not in the run views: `metric:<key>` (the metric's
/// value; for a series, its last recorded point) and `measured:<claim>` (the value the claim's
/// verdict was decided on).
enum DerivedColumn: Equatable {
    case metric(String)
    case measured(String)

    init?(_ column: String) {
        if column.hasPrefix("metric:") {
            self = .metric(String(column.dropFirst("metric:".count)))
        } else if column.hasPrefix("measured:") {
            self = .measured(String(column.dropFirst("measured:".count)))
        } else {
            return nil
        }
    }

    /// `output` with one more column per derived name in `columns`, filled per run.
    static func adding(
        _ columns: [String], to output: TabularOutput, store: RunStore, claims: [String]
    ) throws -> TabularOutput {
        let derived = columns.compactMap { name in DerivedColumn(name).map { (name, $0) } }
        guard !derived.isEmpty else { return output }
        guard let runIndex = output.columns.firstIndex(of: "run_id") else { return output }
        let runIDs = output.rows.compactMap { row -> String? in
            if case .text(let id) = row[runIndex] { return id }
            return nil
        }
        for (_, column) in derived { try column.validate(store: store, runIDs: runIDs, claims: claims) }
        var rows = output.rows
        for index in rows.indices {
            guard case .text(let runID) = rows[index][runIndex] else { continue }
            for (_, column) in derived { rows[index].append(try column.value(store: store, runID: runID)) }
        }
        return TabularOutput(columns: output.columns + derived.map(\.0), rows: rows)
    }

    private func value(store: RunStore, runID: String) throws -> OutputCell {
        switch self {
        case .metric(let key):
            let row = try store.database.query(
                "SELECT value, special FROM metrics WHERE run_id = ? AND key = ? ORDER BY seq DESC LIMIT 1",
                [.text(runID), .text(key)]
            ).first
            guard let row else { return .null }
            if row[1].textValue == "nan" { return .number(.nan) }
            return row[0].doubleValue.map(OutputCell.number) ?? .null
        case .measured(let claim):
            let value = try store.database.scalar(
                "SELECT measured FROM checks WHERE run_id = ? AND claim = ?", [.text(runID), .text(claim)])
            return value?.doubleValue.map(OutputCell.number) ?? .null
        }
    }

    /// A usage error naming the closest known word when no listed run has the metric, or the
    /// claim is not declared by any experiment.
    private func validate(store: RunStore, runIDs: [String], claims: [String]) throws {
        switch self {
        case .metric(let key):
            guard !runIDs.isEmpty else { return }
            let placeholders = Array(repeating: "?", count: runIDs.count).joined(separator: ", ")
            let keys = try store.database.query(
                "SELECT DISTINCT key FROM metrics WHERE run_id IN (\(placeholders))", runIDs.map { .text($0) }
            ).compactMap { $0.first?.textValue }
            guard !keys.contains(key) else { return }
            let closest = ClosestWord.suggestion(for: key, among: keys)
            throw UsageError(
                "no listed run recorded the metric '\(key)'" + (closest.map { " (did you mean 'metric:\($0)'?)" } ?? "")
                    + "; `workbench show <run>` lists a run's metrics")
        case .measured(let claim):
            guard !claims.contains(claim) else { return }
            let closest = ClosestWord.suggestion(for: claim, among: claims)
            throw UsageError(
                "unknown claim '\(claim)'" + (closest.map { " (did you mean 'measured:\($0)'?)" } ?? "")
                    + "; `workbench list` lists each experiment's claims")
        }
    }
}
