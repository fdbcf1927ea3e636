/// The declared type of an experiment parameter.
public enum ParameterKind: String, Sendable, CaseIterable {
    case int
    case real
    case bool
    case text
    case intList = "int[]"
    case realList = "real[]"
    case textList = "text[]"

    /// `true` for the three list kinds.
    public var isList: Bool { self == .intList || self == .realList || self == .textList }
}

/// A typed parameter value. Lists are written `a,b,c` on the command line.
public enum ParameterValue: Sendable, Hashable {
    case int(Int)
    case real(Double)
    case bool(Bool)
    case text(String)
    case intList([Int])
    case realList([Double])
    case textList([String])

    /// The kind of this value.
    public var kind: ParameterKind {
        switch self {
        case .int: return .int
        case .real: return .real
        case .bool: return .bool
        case .text: return .text
        case .intList: return .intList
        case .realList: return .realList
        case .textList: return .textList
        }
    }

    /// Canonical text: integers in decimal, reals in Swift's shortest round-trip form, booleans
    /// `true`/`false`, lists comma-separated. Parsing the canonical text gives the same value back,
    /// and the configuration hash is computed from it.
    public var canonicalText: String {
        switch self {
        case .int(let v): return String(v)
        case .real(let v): return Self.canonical(v)
        case .bool(let v): return v ? "true" : "false"
        case .text(let v): return v
        case .intList(let v): return v.map { String($0) }.joined(separator: ",")
        case .realList(let v): return v.map(Self.canonical).joined(separator: ",")
        case .textList(let v): return v.joined(separator: ",")
        }
    }

    /// Shortest round-trip text of a real (`1e-3` prints as `0.001`).
    public static func canonical(_ value: Double) -> String { "\(value)" }

    /// The numeric value of an `int`, `real` or `bool` (1/0), for SQL storage; `nil` otherwise.
    public var numericValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .real(let v): return v
        case .bool(let v): return v ? 1 : 0
        default: return nil
        }
    }
}
