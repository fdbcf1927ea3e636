/// Documentation of a recorded metric (or a family of them, with `{placeholders}` in the key).
public struct MetricSpec: Sendable {
    /// Key or key pattern, e.g. `w2.{process}.{spectrum}.{grid}.eta{eta}`.
    public let key: String
    /// What it is.
    public let meaning: String
    /// Unit or `1` for dimensionless; for series, the abscissa too (e.g. `vs K`).
    public let unit: String
    /// When the family is recorded only under some parameters (e.g. "a spectrum is read from a
    /// file"), the condition in words; `nil` when every run of its part records it.
    public let recordedOnlyWhen: String?
    /// Whether the family holds wall-clock timings (seconds measured while the run worked).
    ///
    /// Timings are stored and reported like any other metric, but they differ from one run of
    /// the same configuration to the next, so they stand outside bit-reproducibility: the result
    /// digest, `workbench verify`'s value-by-value comparison and the conformance kit's
    /// bit-identity checks all leave them out (``ExperimentDescriptor/reproducible(_:)``).
    /// No claim may rest on one.
    public let isWallClockTiming: Bool

    public init(
        _ key: String, _ meaning: String, unit: String = "1", recordedOnlyWhen: String? = nil,
        wallClockTiming: Bool = false
    ) {
        self.key = key
        self.meaning = meaning
        self.unit = unit
        self.recordedOnlyWhen = recordedOnlyWhen
        self.isWallClockTiming = wallClockTiming
    }

    /// The `{placeholder}` names in ``key``: the coordinates of the family.
    public var placeholders: [String] {
        var names = [String]()
        var rest = key[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Whether `recorded` belongs to this family: the literal parts of ``key`` match exactly and
    /// each `{placeholder}` stands for one or more characters (dots included, so `eta{eta}`
    /// matches `eta0.5`).
    public func matches(_ recorded: String) -> Bool {
        var pieces = [Substring]()
        var rest = key[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append(rest[..<open])
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(rest)
        return Self.match(pieces[...], Substring(recorded))
    }

    /// `pieces` are literals separated by wildcards of one or more characters.
    private static func match(_ pieces: ArraySlice<Substring>, _ text: Substring) -> Bool {
        guard let first = pieces.first else { return text.isEmpty }
        guard text.hasPrefix(first) else { return false }
        let remainder = text.dropFirst(first.count)
        let following = pieces.dropFirst()
        if following.isEmpty { return remainder.isEmpty }
        // A wildcard follows: try every non-empty span for it.
        var index = remainder.startIndex
        while index < remainder.endIndex {
            index = remainder.index(after: index)
            if match(following, remainder[index...]) { return true }
        }
        return false
    }
}
