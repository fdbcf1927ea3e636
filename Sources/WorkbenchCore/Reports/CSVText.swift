/// Comma-separated values as in RFC 4180, except that lines end in `\n`.
///
/// A field is quoted when it contains a comma, a double quote, a line break or leading or
/// trailing spaces; double quotes inside a quoted field are doubled. Every record, including
/// the last, ends with `\n`.
public enum CSVText {
    /// One field, quoted when needed.
    public static func field(_ text: String) -> String {
        let needsQuotes =
            text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record (a line) from unquoted fields.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A header record followed by data records.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(record).joined()
    }
}
