/// The command-line words of a sweep: `--grid key=value` axes and `--seeds` ranges.
///
/// A grid value never splits at commas, so list parameters sweep as naturally as scalars:
/// `--grid etas=0,1 --grid etas=0.5,2` is an axis of two list values. Each `--grid` adds
/// values to the axis of its key; `|` separates several values in one word
/// (`--grid 'mcSamples=400|800'`, quoted for the shell). Axes are ordered by their first
/// `--grid`; the grid is their Cartesian product.
public enum SweepGrammar {
    /// Parses and validates the axes for `descriptor`: each value is parsed as the parameter's
    /// declared kind, checked against its constraint and written canonically.
    ///
    /// - Throws: ``UsageError`` naming the word: unknown parameter (with the closest key), a
    ///   value of the wrong kind or out of range, a value given twice, a key also set as a fixed
    ///   assignment.
    public static func axes(_ words: [String], for descriptor: ExperimentDescriptor, fixedKeys: Set<String>)
        throws(UsageError) -> [SweepAxis]
    {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for word in words {
            guard let equals = word.firstIndex(of: "=") else {
                throw UsageError("--grid expects key=value (or key='v1|v2'), got '\(word)'")
            }
            let key = String(word[..<equals])
            guard let spec = descriptor.parameter(key) else {
                let keys = descriptor.parameters.map(\.key)
                throw UsageError(
                    "unknown parameter '\(key)' in --grid for experiment \(descriptor.id)"
                        + (ClosestWord.suggestion(for: key, among: keys).map { " (did you mean '\($0)'?)" } ?? ""),
                    validChoices: keys)
            }
            if fixedKeys.contains(key) {
                throw UsageError("parameter '\(key)' is both fixed (\(key)=…) and swept (--grid \(key)=…)")
            }
            for text in word[word.index(after: equals)...].split(separator: "|", omittingEmptySubsequences: false) {
                let value = try ParameterResolver.parse(String(text), as: spec)
                try ParameterResolver.check(value, against: spec)
                let canonical = value.canonicalText
                if values[key] == nil { order.append(key) }
                if values[key, default: []].contains(canonical) {
                    throw UsageError("--grid \(key): the value '\(canonical)' is given twice")
                }
                values[key, default: []].append(canonical)
            }
        }
        return order.map { SweepAxis(key: $0, values: values[$0] ?? []) }
    }

    /// Parses `--seeds`: comma-separated seeds and inclusive ranges, e.g. `1-20` or `1-3,10`.
    ///
    /// - Throws: ``UsageError`` for a malformed or reversed range or a seed given twice.
    public static func seeds(_ text: String) throws(UsageError) -> [UInt64] {
        var seeds: [UInt64] = []
        var seen = Set<UInt64>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 1 || bounds.count == 2,
                let low = UInt64(bounds[0].trimmingSpaces()), let high = UInt64(bounds.last?.trimmingSpaces() ?? "")
            else {
                throw UsageError("--seeds expects seeds and ranges such as 1-20 or 1,2,5 or 1-3,10; got '\(part)'")
            }
            guard low <= high else { throw UsageError("--seeds: the range '\(part)' is reversed") }
            guard high - low < 100_000 else { throw UsageError("--seeds: the range '\(part)' has too many seeds") }
            for seed in low...high {
                if !seen.insert(seed).inserted { throw UsageError("--seeds: seed \(seed) is given twice") }
                seeds.append(seed)
            }
        }
        return seeds
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
