/// The resolved, validated parameters of one run: every declared key has a value. Experiments
/// read them through their typed declarations (`parameters[Self.eps]`, see ``Parameter``).
public struct ParameterSet: Sendable, Equatable {
    /// Values by key.
    public let values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue]) { self.values = values }

    /// Keys in canonical (sorted) order.
    public var sortedKeys: [String] { values.keys.sorted() }

    /// `key=value` lines in key order: the text the configuration hash is computed from.
    public var canonicalText: String {
        sortedKeys.map { key in
            "\(key)=\(values[key]?.kind.rawValue ?? ""):\(values[key]?.canonicalText ?? "")"
        }.joined(separator: "\n")
    }
}
