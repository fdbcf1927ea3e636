/// An SQLite failure: result code, SQLite's message and the SQL being executed.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// The (extended) SQLite result code, e.g. 5 for `SQLITE_BUSY`, 19 for a constraint.
    public let code: Int32
    /// SQLite's error message.
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql {
            let compact = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            text += " — while executing `\(compact)`"
        }
        return text
    }
}
