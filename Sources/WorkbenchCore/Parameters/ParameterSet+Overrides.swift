extension ParameterSet {
    /// The `key=value` assignments by which this set differs from what `preset` of `descriptor`
    /// resolves to (in declaration order, `parts` first); empty for a run of the preset as
    /// declared. Keys the descriptor no longer declares are listed too.
    public func overrides(from descriptor: ExperimentDescriptor, preset: String) -> [String] {
        guard let base = try? ParameterResolver.resolve(descriptor, preset: preset, assignments: []) else {
            return sortedKeys.compactMap { key in values[key].map { "\(key)=\($0.canonicalText)" } }
        }
        var keys = descriptor.parameters.map(\.key)
        keys += sortedKeys.filter { key in !keys.contains(key) }
        return keys.compactMap { key in
            let value = values[key]
            guard value != base.values[key] else { return nil }
            return "\(key)=\(value?.canonicalText ?? "(unset)")"
        }
    }
}
