import WorkbenchCore

/// The experiments a `workbench` binary knows, in display order.
public struct ExperimentRegistry: Sendable {
    public let experiments: [any Experiment]

    public init(_ experiments: [any Experiment]) { self.experiments = experiments }

    /// All ids.
    public var ids: [String] { experiments.map(\.descriptor.id) }

    /// The experiment `id`, or a usage error listing the valid ids.
    public func experiment(_ id: String) throws(UsageError) -> any Experiment {
        guard let found = experiments.first(where: { $0.descriptor.id == id }) else {
            let closest = ClosestWord.suggestion(for: id, among: ids)
            throw UsageError(
                "unknown experiment '\(id)'" + (closest.map { " (did you mean '\($0)'?)" } ?? ""), validChoices: ids)
        }
        return found
    }

    /// Expands `all` to every experiment, otherwise looks `word` up.
    public func selection(_ word: String) throws(UsageError) -> [any Experiment] {
        word == "all" ? experiments : [try experiment(word)]
    }
}
