import WorkbenchStore

extension ParameterValue {
    /// The SQL form stored in `params.value`: numbers and booleans as numbers, the rest as text.
    var storedValue: SQLValue {
        switch self {
        case .int(let v): return .integer(Int64(v))
        case .real(let v): return .real(v)
        case .bool(let v): return .integer(v ? 1 : 0)
        default: return .text(canonicalText)
        }
    }

    /// Reads back a stored value of declared `kind`; `nil` if it does not parse.
    public init?(stored value: SQLValue, kind: String) {
        guard let parsedKind = ParameterKind(rawValue: kind) else { return nil }
        switch parsedKind {
        case .int:
            guard let v = value.integerValue else { return nil }
            self = .int(Int(v))
        case .real:
            guard let v = value.doubleValue else { return nil }
            self = .real(v)
        case .bool:
            guard let v = value.integerValue else { return nil }
            self = .bool(v != 0)
        case .text:
            self = .text(value.textValue ?? "")
        case .intList, .realList, .textList:
            let spec = ParameterSpec("stored", Self.empty(parsedKind), doc: "")
            guard let parsed = try? ParameterResolver.parse(value.textValue ?? "", as: spec) else {
                return nil
            }
            self = parsed
        }
    }

    private static func empty(_ kind: ParameterKind) -> ParameterValue {
        switch kind {
        case .intList: return .intList([])
        case .realList: return .realList([])
        default: return .textList([])
        }
    }
}

extension ParameterSet {
    /// Rows for the `params` table, in key order.
    public var storedParameters: [StoredParameter] {
        sortedKeys.compactMap { key in
            values[key].map { StoredParameter(key: key, value: $0.storedValue, kind: $0.kind.rawValue) }
        }
    }

    /// Rebuilds a parameter set from `params` rows.
    ///
    /// - Throws: ``ExperimentError/failed(_:)`` naming a row that does not parse.
    public init(stored rows: [StoredParameter]) throws(ExperimentError) {
        var values = [String: ParameterValue]()
        for row in rows {
            guard let value = ParameterValue(stored: row.value, kind: row.kind) else {
                throw .failed("stored parameter '\(row.key)' of kind \(row.kind) cannot be read")
            }
            values[row.key] = value
        }
        self.init(values)
    }

    /// SHA-256 of the experiment id and the canonical typed parameters (not the seed).
    public func configHash(experiment: String) -> String {
        SHA256.hex(of: "experiment=\(experiment)\n" + canonicalText)
    }
}
