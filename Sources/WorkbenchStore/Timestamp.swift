import Foundation

/// ISO-8601 UTC timestamps with millisecond precision, e.g. `2026-11-23T04:10:05.123Z`.
/// Text in this form sorts chronologically, so SQL `ORDER BY started_at` works.
public enum Timestamp {
    /// The current time.
    public static func now() -> String { format(Date()) }

    /// Formats `date`.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        return formatter.string(from: date)
    }

    /// Parses a timestamp written by ``format(_:)``.
    public static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        return formatter.date(from: text)
    }
}
