import Foundation

/// Text helpers for writing SVG: fixed-precision numbers and XML escaping.
enum SVGText {
    /// `value` rounded to two decimals without trailing zeros (`12.5`, `3`, `-0.25`), so the same
    /// coordinates always print the same bytes. Non-finite values print as `0`; callers skip them
    /// before they get here.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.2f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, for element content and
    /// attribute values alike.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20
                {
                    escaped += " "  // control characters are not allowed in XML 1.0
                } else {
                    escaped.append(character)
                }
            }
        }
        return escaped
    }

    /// Approximate rendered width of `text` at `fontSize`, for layout (labels never measured
    /// exactly; the estimate errs wide for digits and Latin text in common sans-serif fonts).
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.62
    }
}
