import Foundation

/// Builders for the experiment's dotted metric keys.
///
/// A configuration is `{process}.{spectrum}.{grid}.eta{η}`, e.g.
/// `vp-linear.pow1.uniform.eta0.5`; metric families prefix it (`w2.vp-linear.pow1.uniform.eta0.5`).
enum MetricKey {
    /// Shortest text of a number, integers without a fractional part: `1`, `0.5`, `2.25`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// File name without directory and extension, restricted to `[A-Za-z0-9_-]`.
    static func fileStem(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return cleaned.isEmpty ? "data" : cleaned
    }

    /// `{process}.{spectrum}.{grid}.eta{η}`.
    static func configuration(process: String, spectrum: String, grid: String, eta: Double) -> String {
        "\(process).\(spectrum).\(grid).eta\(number(eta))"
    }
}
