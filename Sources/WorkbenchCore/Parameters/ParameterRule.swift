/// A rule relating several parameters (e.g. `eps < T`), checked after every value passed its
/// own constraint. A violated rule is a usage error naming its first parameter and stating the
/// rule with the values given.
public struct ParameterRule: Sendable {
    /// The parameters the rule relates; the first is named in the error.
    public let keys: [String]
    /// The rule as people write it, e.g. `eps < T`.
    public let description: String
    private let violation: @Sendable (ParameterSet) -> String?

    /// A rule decided by `violation`, which returns `nil` when the set is acceptable and
    /// otherwise what is wrong (values included).
    public init(
        keys: [String], description: String, violation: @escaping @Sendable (ParameterSet) -> String?
    ) {
        self.keys = keys
        self.description = description
        self.violation = violation
    }

    /// The problem with `parameters`, if the rule is violated.
    public func problem(in parameters: ParameterSet) -> ParameterProblem? {
        violation(parameters).map {
            ParameterProblem(parameter: keys.first ?? "", message: "\($0) (rule: \(description))")
        }
    }

    /// `lower < upper` (or `≤` when `strict` is false).
    public static func ordered<Value: ParameterValueConvertible & Comparable>(
        _ lower: Parameter<Value>, _ upper: Parameter<Value>, strict: Bool = true
    ) -> ParameterRule {
        let symbol = strict ? "<" : "≤"
        return ParameterRule(keys: [lower.key, upper.key], description: "\(lower.key) \(symbol) \(upper.key)") {
            set in
            let a = set[lower]
            let b = set[upper]
            let holds = strict ? a < b : a <= b
            return holds
                ? nil
                : "\(lower.key) = \(a.parameterValue.canonicalText) must be \(symbol) \(upper.key) = \(b.parameterValue.canonicalText)"
        }
    }

    /// Every element of `list` is `< bound` (or `≤` when `strict` is false).
    public static func elements<Element: ParameterListElement & Comparable>(
        of list: Parameter<[Element]>, below bound: Parameter<Element>, strict: Bool = true
    ) -> ParameterRule where Element: ParameterValueConvertible {
        let symbol = strict ? "<" : "≤"
        return ParameterRule(keys: [list.key, bound.key], description: "every \(list.key) \(symbol) \(bound.key)") {
            set in
            let limit = set[bound]
            guard let offender = set[list].first(where: { strict ? !($0 < limit) : !($0 <= limit) }) else {
                return nil
            }
            return
                "\(list.key) contains \(offender.parameterValue.canonicalText), which is not \(symbol) \(bound.key) = \(limit.parameterValue.canonicalText)"
        }
    }
}
