internal import CSQLite3

/// One SQLite connection.
///
/// Connections open with a busy timeout and foreign keys on; ``enableWriteAheadLog()`` switches a
/// writer to WAL mode with `synchronous = NORMAL` (``RunStore`` does so once it has checked the
/// file is a workbench database, so a foreign file is never modified);
/// read-only connections use `SQLITE_OPEN_READONLY` so a query can never modify the file.
/// A connection is not thread-safe by itself: use one per thread, or serialise access.
public final class Database {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Read and write; create the file if missing.
        case readWrite
        /// Read only; the file must exist.
        case readOnly
    }

    let handle: OpaquePointer
    /// The path given at open.
    public let path: String

    /// Opens (or creates) the database at `path`.
    ///
    /// - Parameters:
    ///   - busyTimeout: milliseconds to wait on a lock held by another connection.
    /// - Throws: `SQLiteError` if the file cannot be opened or is not a database.
    public init(path: String, mode: Mode = .readWrite, busyTimeout: Int32 = 10_000) throws(SQLiteError) {
        _ = Self.libraryConfiguration
        var pointer: OpaquePointer?
        let flags: Int32 =
            mode == .readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &pointer, flags, nil)
        guard code == SQLITE_OK, let opened = pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(pointer)
            throw SQLiteError(code: code, message: "\(message) (\(path))")
        }
        handle = opened
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeout)
        // Reading the schema fails early with SQLITE_NOTADB on a file that is not a database.
        try execute("PRAGMA foreign_keys = ON")
        _ = try scalar("SELECT count(*) FROM sqlite_master")
    }

    /// Switches the file to write-ahead logging (readers never block the writer) with
    /// `synchronous = NORMAL`: a commit survives a crash of the process, not of the machine.
    public func enableWriteAheadLog() throws(SQLiteError) {
        let journal = try scalar("PRAGMA journal_mode = WAL")?.textValue ?? ""
        if journal.lowercased() != "wal" {
            throw SQLiteError(code: SQLITE_ERROR, message: "could not enable WAL (got \(journal))")
        }
        try execute("PRAGMA synchronous = NORMAL")
    }

    deinit { sqlite3_close_v2(handle) }

    /// One-time library settings, applied before the first connection opens.
    private static let libraryConfiguration: Int32 = csqlite3_disable_memory_statistics()

    /// The SQLite library version, e.g. `3.40.1`.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, message: message, sql: sql)
        }
    }

    /// Compiles `sql` into a reusable statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs `sql` with `arguments` and returns all rows.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) -> [[SQLValue]] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var rows: [[SQLValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    /// Runs `sql` with `arguments` (for writes).
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// The first column of the first row, or `nil` when there is no row.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) -> SQLValue? {
        try query(sql, arguments).first?.first
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` (taking the write lock up front, so the
    /// transaction cannot fail later with a lock upgrade), rolling back if it throws.
    public func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// `PRAGMA user_version`: the schema version of this file.
    public var userVersion: Int {
        get throws(SQLiteError) { Int(try scalar("PRAGMA user_version")?.integerValue ?? 0) }
    }

    /// Sets `PRAGMA user_version`.
    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        try execute("PRAGMA user_version = \(version)")
    }

    /// Number of rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
