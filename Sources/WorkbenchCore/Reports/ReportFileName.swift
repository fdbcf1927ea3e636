/// File names for the tables and figures of a report, derived from their ids.
///
/// Ids made of ASCII letters, digits, `-`, `_` and `.` are used as they are. Any other character
/// (a path separator, a space, a non-ASCII letter) becomes `-`, so a file always lands directly in
/// `Reports/<experiment-id>/` and its Markdown link needs no escaping. An id that is empty
/// or only dots becomes `unnamed`. Ids are expected to be unique within one report.
public enum ReportFileName {
    /// `<sanitised id>.<extension>`.
    public static func make(_ id: String, extension fileExtension: String) -> String {
        var stem = String(
            id.unicodeScalars.map { scalar -> Character in
                isAllowed(scalar) ? Character(scalar) : "-"
            })
        if stem.allSatisfy({ $0 == "." }) { stem = "unnamed" }
        return stem + "." + fileExtension
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default: return false
        }
    }
}
