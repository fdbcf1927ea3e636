import Foundation

/// The stored form of a point's coordinates: a JSON object with keys in sorted order, numbers
/// in shortest round-trip form (`{"eta":0.5,"process":"vp-linear"}`), so SQL reads them with
/// `json_extract(coords, '$.eta')`. Non-finite numbers are stored as the strings `nan`, `inf`,
/// `-inf` (JSON has no such numbers).
public enum CoordinateJSON {
    /// The JSON text of `coordinates`, or `nil` when there are none.
    public static func encode(_ coordinates: [MetricCoordinate]) -> String? {
        guard !coordinates.isEmpty else { return nil }
        let members = coordinates.sorted { $0.name < $1.name }.map { coordinate -> String in
            let value: String
            switch coordinate.value {
            case .text(let text): value = JSONText.quote(text)
            case .number(let number):
                value =
                    number.isFinite ? "\(number)" : JSONText.quote(number.isNaN ? "nan" : (number > 0 ? "inf" : "-inf"))
            }
            return JSONText.quote(coordinate.name) + ":" + value
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// The coordinates stored as `text` (sorted by name); `[]` for `nil` or unreadable text.
    public static func decode(_ text: String?) -> [MetricCoordinate] {
        guard let text, let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return object.keys.sorted().compactMap { name in
            if let string = object[name] as? String { return MetricCoordinate(name, .text(string)) }
            if let number = object[name] as? NSNumber { return MetricCoordinate(name, .number(number.doubleValue)) }
            return nil
        }
    }
}

/// JSON string literals: quotes, backslashes and control characters escaped.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
