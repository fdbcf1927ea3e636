/// Documentation of a recorded metric (or a family of them, with `{placeholders}` in the key).
public struct MetricSpec: Sendable {
    /// Key or key pattern, e.g. `w2.{process}.{spectrum}.{grid}.eta{eta}`.
    public let key: String
    /// What it is.
    public let meaning: String
    /// Unit or `1` for dimensionless; for series, the abscissa too (e.g. `vs K`).
    public let unit: String

    public init(_ key: String, _ meaning: String, unit: String = "1") {
        self.key = key
        self.meaning = meaning
        self.unit = unit
    }
}
