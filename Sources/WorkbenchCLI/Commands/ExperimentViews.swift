import WorkbenchCore
import WorkbenchStore

/// Per-experiment SQL views `runs_<id>` with one column per parameter and one `check_<claim>`
/// column per claim, so `sqlite3` users can filter runs without joins. Views hold no data; they
/// are recreated from the registry whenever a run is started.
enum ExperimentViews {
    static func viewName(_ experimentID: String) -> String {
        "runs_" + experimentID.replacingOccurrences(of: "-", with: "_")
    }

    static func refresh(_ store: RunStore, registry: ExperimentRegistry) throws {
        try store.database.writeTransaction {
            for experiment in registry.experiments {
                let descriptor = experiment.descriptor
                let name = viewName(descriptor.id)
                var columns = [
                    "s.run_id", "s.name", "s.preset", "s.status", "s.seed", "s.started_at", "s.duration_s",
                    "s.checks_passed", "s.checks_failed", "s.checks_inconclusive", "s.checks_skipped",
                    "s.checks_marginal", "s.tags_json", "s.note", "s.result_digest",
                ]
                for spec in descriptor.parameters {
                    columns.append(
                        "(SELECT p.value FROM params p WHERE p.run_id = s.run_id AND p.key = \(literal(spec.key))) AS \(identifier(spec.key))"
                    )
                }
                for claim in descriptor.claims {
                    columns.append(
                        "(SELECT c.verdict FROM checks c WHERE c.run_id = s.run_id AND c.claim = \(literal(claim.id))) AS \(identifier("check_" + claim.id))"
                    )
                }
                try store.database.execute(
                    """
                    DROP VIEW IF EXISTS \(identifier(name));
                    CREATE VIEW \(identifier(name)) AS SELECT \(columns.joined(separator: ", "))
                    FROM run_summary s WHERE s.experiment = \(literal(descriptor.id));
                    """)
            }
        }
    }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
    static func identifier(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
