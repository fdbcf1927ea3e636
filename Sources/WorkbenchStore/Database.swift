import Foundation
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
        /// Read only, for a file nobody can be writing (no write permission on it or its
        /// directory, or a read-only mount) and that has no `-wal` beside it: SQLite neither
        /// locks it nor creates `-wal`/`-shm` files (URI parameter `immutable=1`).
        case immutable
    }

    let handle: OpaquePointer
    /// Set by ``close()``; later calls report a closed connection instead of touching freed memory.
    private var isClosed = false
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
        let flags: Int32
        let name: String
        switch mode {
        case .readWrite:
            flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            name = path
        case .readOnly:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            name = path
        case .immutable:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
            name = Self.immutableURI(path)
        }
        OpenDatabaseFiles.register(path)
        let code = sqlite3_open_v2(name, &pointer, flags, nil)
        guard code == SQLITE_OK, let opened = pointer else {
            OpenDatabaseFiles.unregister(path)
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

    /// Uses a rollback journal (`journal_mode = DELETE`, `synchronous = FULL`) instead of the
    /// write-ahead log, for a file on a network file system (see ``FileSystemKind``).
    public func useRollbackJournal() throws(SQLiteError) {
        let journal = try scalar("PRAGMA journal_mode = DELETE")?.textValue ?? ""
        if journal.lowercased() != "delete" {
            throw SQLiteError(
                code: SQLITE_ERROR,
                message: "could not leave WAL mode (got \(journal)); another process has the database open")
        }
        try execute("PRAGMA synchronous = FULL")
    }

    deinit { close() }

    /// Closes the connection now (statements still alive are finalised when released). When
    /// the last connection to a WAL file closes and can write it, SQLite checkpoints the log and
    /// deletes the `-wal` and `-shm` files.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        sqlite3_close_v2(handle)
        OpenDatabaseFiles.unregister(path)
    }

    /// `file:` URI of `path` with `immutable=1`; `%`, `?` and `#` are escaped as the URI
    /// syntax requires.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    /// Removes the `-wal`/`-shm` files a read-only connection leaves beside a writable WAL file:
    /// opens and closes one read-write connection, which as the last connection checkpoints and
    /// deletes them. A file another process has open keeps them (they are that process's).
    public static func tidySideFiles(of path: String) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path + "-wal") || manager.fileExists(atPath: path + "-shm"),
            DatabaseFile.inspect(path).isWritable,
            let connection = try? Database(path: path, mode: .readWrite)
        else { return }
        connection.close()
    }

    /// One-time library settings, applied before the first connection opens.
    private static let libraryConfiguration: Int32 = csqlite3_disable_memory_statistics()

    /// The SQLite library version, e.g. `3.40.1`.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        try checkOpen()
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
        try checkOpen()
        return try Statement(database: self, sql: sql)
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

    private func checkOpen() throws(SQLiteError) {
        if isClosed { throw SQLiteError(code: SQLITE_MISUSE, message: "the connection to \(path) is closed") }
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
