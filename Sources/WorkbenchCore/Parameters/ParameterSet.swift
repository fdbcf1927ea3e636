/// The resolved, validated parameters of one run: every declared key has a value.
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

    public func value(_ key: String) throws(ExperimentError) -> ParameterValue {
        guard let value = values[key] else { throw .missingParameter(key) }
        return value
    }

    /// The `int` parameter `key`.
    public func int(_ key: String) throws(ExperimentError) -> Int {
        guard case .int(let v) = try value(key) else { throw .wrongParameterType(key, expected: .int) }
        return v
    }

    /// The `real` parameter `key` (an `int` is widened).
    public func real(_ key: String) throws(ExperimentError) -> Double {
        switch try value(key) {
        case .real(let v): return v
        case .int(let v): return Double(v)
        default: throw .wrongParameterType(key, expected: .real)
        }
    }

    /// The `bool` parameter `key`.
    public func bool(_ key: String) throws(ExperimentError) -> Bool {
        guard case .bool(let v) = try value(key) else { throw .wrongParameterType(key, expected: .bool) }
        return v
    }

    /// The `text` parameter `key`.
    public func text(_ key: String) throws(ExperimentError) -> String {
        guard case .text(let v) = try value(key) else { throw .wrongParameterType(key, expected: .text) }
        return v
    }

    /// The `int[]` parameter `key`.
    public func ints(_ key: String) throws(ExperimentError) -> [Int] {
        guard case .intList(let v) = try value(key) else {
            throw .wrongParameterType(key, expected: .intList)
        }
        return v
    }

    /// The `real[]` parameter `key` (an `int[]` is widened).
    public func reals(_ key: String) throws(ExperimentError) -> [Double] {
        switch try value(key) {
        case .realList(let v): return v
        case .intList(let v): return v.map(Double.init)
        default: throw .wrongParameterType(key, expected: .realList)
        }
    }

    /// The `text[]` parameter `key`.
    public func texts(_ key: String) throws(ExperimentError) -> [String] {
        guard case .textList(let v) = try value(key) else {
            throw .wrongParameterType(key, expected: .textList)
        }
        return v
    }
}
