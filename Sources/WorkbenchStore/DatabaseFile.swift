import Foundation

/// What a path holds, read from the file system and the file's first 100 bytes before SQLite
/// opens it — so a file workbench refuses (not SQLite, truncated, from a newer workbench, a
/// directory) is never touched and gets no `-wal`/`-shm` files beside it.
///
/// The header layout is SQLite's (https://sqlite.org/fileformat.html §1.3): magic text at
/// bytes 0–15, page size at 16–17 (big-endian; 1 means 65 536), write version at 18 (2 = WAL),
/// change counter at 24–27, size in pages at 28–31 (valid when the change counter equals the
/// "version valid for" number at 92–95), `user_version` at 60–63.
public struct DatabaseFile: Sendable, Equatable {
    /// What is at the path.
    public enum Content: Sendable, Equatable {
        case missing
        case directory
        /// A zero-length file (SQLite treats it as an empty database).
        case empty
        /// Not an SQLite file: its first bytes are not the SQLite header.
        case foreign
        /// Shorter than its header says (`expected` bytes), or shorter than a header.
        case truncated(expectedBytes: Int, actualBytes: Int)
        /// An SQLite file; `userVersion` is the workbench schema version recorded in its header.
        case sqlite(userVersion: Int, writeAheadLog: Bool)
        /// A file a connection of this process has open: its header is not read (see
        /// ``OpenDatabaseFiles``); it was accepted when that connection opened it.
        case openInThisProcess
    }

    public let path: String
    public let content: Content
    /// Whether this process may write the file and create files in its directory (SQLite
    /// writes `-wal`/`-shm` and journals beside the file). `access(2)` answers for the real
    /// user and a read-only mount.
    public let isWritable: Bool
    /// Whether a non-empty `-wal` file lies beside the file: committed changes may live only in
    /// it, so the file's header alone is not the whole story.
    public let hasWriteAheadLog: Bool

    /// Reads the path's state.
    public static func inspect(_ path: String) -> DatabaseFile {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let folderWritable = access(folder, W_OK | X_OK) == 0
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return DatabaseFile(path: path, content: .missing, isWritable: folderWritable, hasWriteAheadLog: false)
        }
        if isDirectory.boolValue {
            return DatabaseFile(path: path, content: .directory, isWritable: false, hasWriteAheadLog: false)
        }
        let writable = folderWritable && access(path, W_OK) == 0
        let logSize = (try? manager.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? nil
        let content = OpenDatabaseFiles.whileClosed(path) { Self.content(of: path) } ?? .openInThisProcess
        return DatabaseFile(path: path, content: content, isWritable: writable, hasWriteAheadLog: (logSize ?? 0) > 0)
    }

    /// Classifies the file from its size and header.
    static func content(of path: String) -> Content {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .foreign }
        defer { try? handle.close() }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        if size == 0 { return .empty }
        try? handle.seek(toOffset: 0)
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        let magic = Array("SQLite format 3\0".utf8)
        let compared = min(header.count, magic.count)
        guard Array(header.prefix(compared)) == Array(magic.prefix(compared)) else { return .foreign }
        guard header.count == 100 else { return .truncated(expectedBytes: 100, actualBytes: size) }
        func integer(_ offset: Int, _ count: Int) -> Int {
            header[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
        }
        let pageSize = integer(16, 2) == 1 ? 65_536 : integer(16, 2)
        let pages = integer(28, 4)
        if pages > 0 && integer(24, 4) == integer(92, 4) && size < pages * pageSize {
            return .truncated(expectedBytes: pages * pageSize, actualBytes: size)
        }
        return .sqlite(userVersion: integer(60, 4), writeAheadLog: header[18] == 2)
    }

    /// Why writing is impossible, for messages.
    public var readOnlyReason: String {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        if access(folder, W_OK | X_OK) != 0 {
            return
                "its directory '\(folder)' is not writable (SQLite needs to create '-wal' and '-shm' files beside the database)"
        }
        return "the file is read-only"
    }
}
