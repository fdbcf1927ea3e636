import Foundation

/// Number formatting for reports, identical on every run and machine with the same C library.
public enum ReportNumber {
    /// `value` with `digits` significant digits (`%g` style); `NaN`, `inf` and `-inf` spelled out.
    public static func format(_ value: Double, digits: Int = 4) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: "%.\(max(1, digits))g", value)
    }

    /// Full round-trip precision (Swift's shortest representation), for CSV files.
    public static func exact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return "\(value)"
    }
}
