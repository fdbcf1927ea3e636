/// A condition on a run's parameters under which a claim's statement applies (the paper's
/// setting). When one fails, the claim's verdict is `not-applicable` and the reason names the
/// condition and the value the run used.
public struct ClaimCondition: Sendable {
    /// The condition as people write it, e.g. `etas ⊇ {0, 0.5, 1}`.
    public let description: String
    private let holds: @Sendable (ParameterSet) -> Bool
    private let actual: @Sendable (ParameterSet) -> String

    /// A condition decided by `holds`; `actual` shows what the run used.
    public init(
        description: String, holds: @escaping @Sendable (ParameterSet) -> Bool,
        actual: @escaping @Sendable (ParameterSet) -> String
    ) {
        self.description = description
        self.holds = holds
        self.actual = actual
    }

    /// `nil` when the condition holds, otherwise the reason the claim does not apply.
    public func violation(in parameters: ParameterSet) -> String? {
        holds(parameters) ? nil : "needs \(description); this run has \(actual(parameters))"
    }

    /// `parameter = value`.
    public static func equals<Value>(_ parameter: Parameter<Value>, _ value: Value) -> ClaimCondition {
        ClaimCondition(
            description: "\(parameter.key) = \(value.parameterValue.canonicalText)",
            holds: { $0[parameter] == value }, actual: { shown(parameter, $0) })
    }

    /// The list `parameter` contains every element of `values`.
    public static func includes<Element>(_ parameter: Parameter<[Element]>, _ values: [Element]) -> ClaimCondition {
        let wanted = values.map { [$0].parameterValue.canonicalText }.joined(separator: ", ")
        return ClaimCondition(
            description: "\(parameter.key) ⊇ {\(wanted)}",
            holds: { set in values.allSatisfy { set[parameter].contains($0) } },
            actual: { shown(parameter, $0) })
    }

    /// `parameter ≥ bound`.
    public static func atLeast<Value: Comparable>(_ parameter: Parameter<Value>, _ bound: Value) -> ClaimCondition {
        ClaimCondition(
            description: "\(parameter.key) ≥ \(bound.parameterValue.canonicalText)",
            holds: { $0[parameter] >= bound }, actual: { shown(parameter, $0) })
    }

    /// The list `parameter` has at least `count` elements.
    public static func count<Element>(_ parameter: Parameter<[Element]>, atLeast count: Int) -> ClaimCondition {
        ClaimCondition(
            description: "at least \(count) values of \(parameter.key)",
            holds: { $0[parameter].count >= count }, actual: { shown(parameter, $0) })
    }

    private static func shown<Value>(_ parameter: Parameter<Value>, _ set: ParameterSet) -> String {
        "\(parameter.key)=\(set[parameter].parameterValue.canonicalText)"
    }
}
