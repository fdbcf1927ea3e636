import WorkbenchCore
import WorkbenchStore

/// The one way commands select a run (`show`, `compare`, `verify`, `check`, `report --run`,
/// `tag`, `note`, `delete`). A word is, in this order:
///
/// - `latest`, `latest~N` — the most recent run (of any experiment and status), or the N-th
///   before it;
/// - an experiment id, or `<experiment>~N` — its latest finished run *of the preset* (default
///   `quick`) *without parameter overrides* and outside any sweep, or the N-th before it: the
///   pinned run that reports and `check` use, so an exploratory run never replaces it;
/// - a run name (`run --name`);
/// - a unique prefix of a run id (any case).
struct RunSelector {
    let store: RunStore
    let registry: ExperimentRegistry
    /// The preset an experiment id selects runs of.
    let preset: String

    init(store: RunStore, registry: ExperimentRegistry, preset: String? = nil) {
        self.store = store
        self.registry = registry
        self.preset = preset ?? Preset.quickName
    }

    /// The run id `word` selects.
    func resolve(_ word: String) throws -> String {
        let (base, offset) = try Self.split(word)
        if base == "latest" {
            let runs = try store.runs()
            guard offset < runs.count else {
                throw UsageError("'\(word)' selects no run: the database holds \(runs.count)")
            }
            return runs[offset].runID
        }
        if let experiment = registry.experiments.first(where: { $0.descriptor.id == base }) {
            return try pinnedRun(experiment.descriptor, offset: offset, word: word)
        }
        if offset == 0,
            let named = try store.runs(where: "name = ?", [.text(word)]).first
        {
            return named.runID
        }
        do {
            return try store.resolveRunID(word)
        } catch StoreError.noSuchRun {
            let names = try store.database.query("SELECT name FROM runs WHERE name IS NOT NULL").compactMap {
                $0.first?.textValue
            }
            let closest = ClosestWord.suggestion(for: word, among: registry.ids + names + ["latest"])
            throw UsageError(
                "no run matches '\(word)' (not an id prefix, run name, experiment id or latest~N)"
                    + (closest.map { "; did you mean '\($0)'?" } ?? ""))
        }
    }

    /// The `offset`-th most recent finished run of `descriptor` at ``preset`` without overrides.
    private func pinnedRun(_ descriptor: ExperimentDescriptor, offset: Int, word: String) throws -> String {
        guard descriptor.allPresets.contains(where: { $0.name == preset }) else {
            throw UsageError(
                "unknown preset '\(preset)' for experiment \(descriptor.id)"
                    + (ClosestWord.suggestion(for: preset, among: descriptor.allPresets.map(\.name)).map {
                        " (did you mean '\($0)'?)"
                    } ?? ""),
                validChoices: descriptor.allPresets.map(\.name))
        }
        let parameters = try ParameterResolver.resolve(descriptor, preset: preset, assignments: [])
        // Sweep cells are selected through their sweep, never as an experiment's pinned run.
        let notSweepCell = store.tracksSweeps ? " AND sweep_id IS NULL" : ""
        let pinned = try store.runs(
            where: "experiment = ? AND status = 'finished' AND preset = ? AND config_hash = ?" + notSweepCell,
            [.text(descriptor.id), .text(preset), .text(parameters.configHash(experiment: descriptor.id))])
        if offset < pinned.count { return pinned[offset].runID }
        var message =
            "'\(word)' selects no run: \(pinned.count) finished \(preset) run\(pinned.count == 1 ? "" : "s") of "
            + "\(descriptor.id) without parameter overrides"
        if let other = try store.runs(
            where: "experiment = ? AND status = 'finished'", [.text(descriptor.id)]
        ).first {
            let overrides = try ParameterSet(stored: try store.parameters(other.runID))
                .overrides(from: descriptor, preset: other.preset)
            message +=
                "; the latest finished run is \(other.runID.prefix(12)) (preset \(other.preset)"
                + (overrides.isEmpty ? "" : ", with \(overrides.joined(separator: " "))")
                + ") — select it by its id, or pass --preset \(other.preset) if it has no overrides"
        } else {
            message +=
                "; run `workbench run \(descriptor.id)\(preset == Preset.quickName ? "" : " --preset \(preset)")` first"
        }
        throw UsageError(message)
    }

    /// `word` without a trailing `~N`, and N (0 without one).
    static func split(_ word: String) throws(UsageError) -> (String, Int) {
        guard let tilde = word.lastIndex(of: "~") else { return (word, 0) }
        let base = String(word[..<tilde])
        guard let offset = Int(word[word.index(after: tilde)...]), offset >= 0 else {
            throw UsageError("'\(word)': expected <run>~N with N a whole number ≥ 0")
        }
        return (base, offset)
    }
}
