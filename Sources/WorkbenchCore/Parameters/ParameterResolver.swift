/// Turns command-line `key=value` overrides and a preset into a validated ``ParameterSet``.
///
/// Precedence: declared defaults < preset overrides < command line. Every value is parsed
/// against the declared kind, checked against its constraint, then the experiment's
/// cross-parameter rule runs. Any problem is a ``UsageError`` naming the parameter.
public enum ParameterResolver {
    /// Resolves `assignments` (`["eps=1e-3", "etas=0,1"]`) for `descriptor` under `presetName`.
    public static func resolve(
        _ descriptor: ExperimentDescriptor, preset presetName: String = Preset.quickName,
        assignments: [String]
    ) throws(UsageError) -> ParameterSet {
        guard let preset = descriptor.allPresets.first(where: { $0.name == presetName }) else {
            let names = descriptor.allPresets.map(\.name)
            throw UsageError(
                "unknown preset '\(presetName)' for experiment \(descriptor.id)"
                    + (ClosestWord.suggestion(for: presetName, among: names).map { " (did you mean '\($0)'?)" } ?? ""),
                validChoices: names)
        }
        var values = [String: ParameterValue]()
        for spec in descriptor.parameters { values[spec.key] = spec.defaultValue }
        for (key, value) in preset.overrides.sorted(by: { $0.key < $1.key }) {
            guard let spec = descriptor.parameter(key) else {
                throw UsageError("preset '\(presetName)' sets undeclared parameter '\(key)'")
            }
            try check(value, against: spec)
            values[key] = value
        }
        var seen = Set<String>()
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw UsageError(
                    "expected key=value, got '\(assignment)'",
                    validChoices: descriptor.parameters.map(\.key))
            }
            let key = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard let spec = descriptor.parameter(key) else {
                let keys = descriptor.parameters.map(\.key)
                let closest = ClosestWord.suggestion(for: key, among: keys)
                throw UsageError(
                    "unknown parameter '\(key)' for experiment \(descriptor.id)"
                        + (closest.map { " (did you mean '\($0)'?)" } ?? ""),
                    validChoices: keys)
            }
            guard seen.insert(key).inserted else {
                throw UsageError("parameter '\(key)' is given twice")
            }
            let value = try parse(text, as: spec)
            try check(value, against: spec)
            values[key] = value
        }
        let set = ParameterSet(values)
        for rule in descriptor.rules {
            if let problem = rule.problem(in: set) { throw UsageError(problem.description) }
        }
        return set
    }

    /// Parses command-line text as a value of `spec.kind`.
    public static func parse(_ text: String, as spec: ParameterSpec) throws(UsageError) -> ParameterValue {
        func fail() -> UsageError {
            UsageError("parameter '\(spec.key)' expects \(spec.kind.rawValue), got '\(text)'")
        }
        func elements() -> [String] {
            text.isEmpty
                ? []
                : text.split(separator: ",", omittingEmptySubsequences: false).map {
                    String($0).trimmingSpaces()
                }
        }
        switch spec.kind {
        case .int:
            guard let v = Int(text.trimmingSpaces()) else { throw fail() }
            return .int(v)
        case .real:
            guard let v = Double(text.trimmingSpaces()), v.isFinite else { throw fail() }
            return .real(v)
        case .bool:
            switch text.lowercased() {
            case "true", "1", "yes", "on": return .bool(true)
            case "false", "0", "no", "off": return .bool(false)
            default: throw fail()
            }
        case .text:
            return .text(text)
        case .intList:
            var list = [Int]()
            for element in elements() {
                guard let v = Int(element) else { throw fail() }
                list.append(v)
            }
            return .intList(list)
        case .realList:
            var list = [Double]()
            for element in elements() {
                guard let v = Double(element), v.isFinite else { throw fail() }
                list.append(v)
            }
            return .realList(list)
        case .textList:
            return .textList(elements())
        }
    }

    /// Checks `value` against the declared constraint of `spec`.
    public static func check(_ value: ParameterValue, against spec: ParameterSpec) throws(UsageError) {
        guard value.kind == spec.kind else {
            throw UsageError("parameter '\(spec.key)' expects \(spec.kind.rawValue), got \(value.kind.rawValue)")
        }
        let scalarConstraint: ParameterConstraint.ElementConstraint
        switch spec.constraint {
        case .any: scalarConstraint = .any
        case .range(let low, let high, let exclusive):
            scalarConstraint = .range(low: low, high: high, lowIsExclusive: exclusive)
        case .choices(let words): scalarConstraint = .choices(words)
        case .rule(let description, let rule): scalarConstraint = .rule(description: description, rule)
        case .list(let minCount, let element, let distinct):
            let count = listCount(value)
            if count < minCount {
                throw UsageError(
                    "parameter '\(spec.key)' needs at least \(minCount) value\(minCount == 1 ? "" : "s"), got \(count)")
            }
            if distinct {
                var seen = Set<String>()
                for element in elementTexts(value) where !seen.insert(element.text).inserted {
                    throw UsageError("parameter '\(spec.key)': '\(element.text)' is listed twice")
                }
            }
            scalarConstraint = element
        }
        for element in elementTexts(value) {
            if let reason = violation(element, scalarConstraint) {
                let choices: [String]
                if case .choices(let words) = scalarConstraint { choices = words } else { choices = [] }
                throw UsageError(
                    "parameter '\(spec.key)': '\(element.text)' is not accepted (\(reason))",
                    validChoices: choices)
            }
        }
    }

    private struct Element {
        let text: String
        let number: Double?
    }

    private static func listCount(_ value: ParameterValue) -> Int {
        switch value {
        case .intList(let v): return v.count
        case .realList(let v): return v.count
        case .textList(let v): return v.count
        default: return 1
        }
    }

    private static func elementTexts(_ value: ParameterValue) -> [Element] {
        switch value {
        case .int(let v): return [Element(text: String(v), number: Double(v))]
        case .real(let v): return [Element(text: ParameterValue.canonical(v), number: v)]
        case .bool(let v): return [Element(text: v ? "true" : "false", number: nil)]
        case .text(let v): return [Element(text: v, number: nil)]
        case .intList(let v): return v.map { Element(text: String($0), number: Double($0)) }
        case .realList(let v): return v.map { Element(text: ParameterValue.canonical($0), number: $0) }
        case .textList(let v): return v.map { Element(text: $0, number: nil) }
        }
    }

    private static func violation(
        _ element: Element, _ constraint: ParameterConstraint.ElementConstraint
    ) -> String? {
        switch constraint {
        case .any:
            return nil
        case .range(let low, let high, let exclusive):
            guard let x = element.number else { return nil }
            if let low, exclusive ? !(x > low) : !(x >= low) {
                return "must be " + ParameterConstraint.rangeSummary(low, high, exclusive)
            }
            if let high, !(x <= high) {
                return "must be " + ParameterConstraint.rangeSummary(low, high, exclusive)
            }
            return nil
        case .choices(let words):
            if words.contains(element.text) { return nil }
            return ClosestWord.suggestion(for: element.text, among: words).map {
                "unknown value; did you mean '\($0)'?"
            }
                ?? "unknown value"
        case .rule(_, let rule):
            return rule(element.text)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
