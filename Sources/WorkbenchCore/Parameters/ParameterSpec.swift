/// The declaration of one experiment parameter: name, type, default, documentation and the
/// values it accepts.
public struct ParameterSpec: Sendable {
    /// The `key` in `key=value`.
    public let key: String
    /// Declared type; command-line text is parsed against it.
    public let kind: ParameterKind
    /// Value used when neither a preset nor the command line sets it.
    public let defaultValue: ParameterValue
    /// One sentence for `workbench list` and the report.
    public let doc: String
    /// Accepted values (checked for every list element too).
    public let constraint: ParameterConstraint

    public init(
        _ key: String, _ defaultValue: ParameterValue, doc: String,
        constraint: ParameterConstraint = .any
    ) {
        self.key = key
        self.kind = defaultValue.kind
        self.defaultValue = defaultValue
        self.doc = doc
        self.constraint = constraint
    }
}

/// What values a parameter accepts.
public enum ParameterConstraint: Sendable {
    /// Anything of the declared type.
    case any
    /// A numeric range; `nil` ends are open. `minimumIsExclusive` makes `low` a strict bound.
    case range(low: Double?, high: Double?, lowIsExclusive: Bool = false)
    /// One of a fixed set of words.
    case choices([String])
    /// A custom rule: returns `nil` when the text element is acceptable, else the reason
    /// (e.g. "expected pow:<alpha> with alpha > 0").
    case rule(description: String, @Sendable (String) -> String?)
    /// A list of at least `minCount` elements, each accepted by `element`; with `distinct`, no
    /// element may appear twice.
    case list(minCount: Int, element: ElementConstraint, distinct: Bool = false)

    /// Element constraint used inside `.list`.
    public indirect enum ElementConstraint: Sendable {
        case any
        case range(low: Double?, high: Double?, lowIsExclusive: Bool)
        case choices([String])
        case rule(description: String, @Sendable (String) -> String?)
    }

    /// `x > 0`.
    public static let positive = ParameterConstraint.range(low: 0, high: nil, lowIsExclusive: true)
    /// `x ≥ 0`.
    public static let nonNegative = ParameterConstraint.range(low: 0, high: nil)
    /// `x ≥ 1`.
    public static let atLeastOne = ParameterConstraint.range(low: 1, high: nil)

    /// Human-readable description of the accepted values, for help text and error messages.
    public var summary: String {
        switch self {
        case .any: return "any"
        case .range(let low, let high, let exclusive):
            return Self.rangeSummary(low, high, exclusive)
        case .choices(let words): return "one of " + words.joined(separator: ", ")
        case .rule(let description, _): return description
        case .list(let minCount, let element, let distinct):
            let each: String
            switch element {
            case .any: each = "any"
            case .range(let low, let high, let exclusive): each = Self.rangeSummary(low, high, exclusive)
            case .choices(let words): each = "one of " + words.joined(separator: ", ")
            case .rule(let description, _): each = description
            }
            return "list of at least \(minCount)\(distinct ? " distinct values" : ""), each \(each)"
        }
    }

    static func rangeSummary(_ low: Double?, _ high: Double?, _ exclusive: Bool) -> String {
        switch (low, high) {
        case (let l?, let h?): return "\(exclusive ? ">" : "≥") \(bound(l)) and ≤ \(bound(h))"
        case (let l?, nil): return "\(exclusive ? ">" : "≥") \(bound(l))"
        case (nil, let h?): return "≤ \(bound(h))"
        case (nil, nil): return "any"
        }
    }

    /// A bound as people write it: `1`, not `1.0`.
    private static func bound(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return ParameterValue.canonical(value)
    }
}
