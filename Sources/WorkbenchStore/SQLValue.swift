/// A value bound to or read from an SQLite statement.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as a `Double` when numeric.
    public var doubleValue: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        default: return nil
        }
    }

    /// The value as text (numbers are rendered; `nil` for NULL and blobs).
    public var textValue: String? {
        switch self {
        case .text(let v): return v
        case .integer(let v): return String(v)
        case .real(let v): return "\(v)"
        default: return nil
        }
    }

    /// The value as an integer when it is one.
    public var integerValue: Int64? {
        if case .integer(let v) = self { return v }
        return nil
    }
}
