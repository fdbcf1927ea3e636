import Foundation

/// Configuration labels inside dotted metric keys. A decimal point would split a key, so reals
/// are written with `p` for the point: `R0.5 → R0p5`, `H1 → H1`, `H1.5 → H1p5`.
enum MetricLabel {
    static func real(_ prefix: String, _ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return prefix + String(Int(value)) }
        return prefix
            + "\(value)".replacingOccurrences(of: ".", with: "p")
            .replacingOccurrences(of: "-", with: "m")
    }

    static func integer(_ prefix: String, _ value: Int) -> String { prefix + String(value) }
}
