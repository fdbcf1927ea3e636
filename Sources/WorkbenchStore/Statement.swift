import Foundation
internal import CSQLite3

/// A compiled SQLite statement; reusable after ``reset()``.
public final class Statement {
    private let handle: OpaquePointer
    private let database: Database
    /// The SQL text, carried into errors.
    public let sql: String

    /// Compiles exactly one statement; text after it (other than spaces and comments) and an
    /// empty statement are errors, so nothing is silently skipped.
    init(database: Database, sql: String) throws(SQLiteError) {
        var pointer: OpaquePointer?
        var remainder = ""
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v2(database.handle, text, -1, &pointer, &tail)
            if let tail { remainder = String(cString: tail) }
            return result
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(pointer)
            throw SQLiteError(code: code, message: database.lastErrorMessage, sql: sql)
        }
        guard let prepared = pointer else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "empty statement", sql: sql)
        }
        if Self.hasStatement(remainder) {
            sqlite3_finalize(prepared)
            throw SQLiteError(
                code: SQLITE_MISUSE, message: "only one statement is allowed, found more after the first",
                sql: sql)
        }
        handle = prepared
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Whether `text` holds anything but whitespace, semicolons and SQL comments.
    static func hasStatement(_ text: String) -> Bool {
        var rest = Substring(text)
        while let first = rest.first {
            if first.isWhitespace || first == ";" {
                rest = rest.dropFirst()
            } else if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*") {
                guard let end = rest.range(of: "*/") else { return false }
                rest = rest[end.upperBound...]
            } else {
                return true
            }
        }
        return false
    }

    /// `true` when the statement cannot modify the database (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Binds `values` to parameters 1…n.
    public func bind(_ values: [SQLValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
        case .real(let v): code = sqlite3_bind_double(handle, index, v)
        case .text(let v): code = csqlite3_bind_text_transient(handle, index, v, -1)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes {
                csqlite3_bind_blob_transient(handle, index, $0.baseAddress, Int32($0.count))
            }
        }
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Advances; `true` when a row is available.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(code)
        }
    }

    /// Resets the statement for the next execution; bindings are kept until rebound or cleared.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Number of result columns.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// Name of result column `index`.
    public func columnName(_ index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? "column\(index)"
    }

    /// The current row.
    public func row() -> [SQLValue] { (0..<columnCount).map(column) }

    /// Column `index` of the current row.
    public func column(_ index: Int) -> SQLValue {
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT:
            return .text(sqlite3_column_text(handle, i).map { String(cString: $0) } ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, i))
            guard count > 0, let base = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default: return .null
        }
    }

    private func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: database.lastErrorMessage, sql: sql)
    }
}
