import Foundation
import Synchronization

/// The database files this process has open through ``Database``, so that nothing else in the
/// process opens and closes them behind SQLite's back.
///
/// SQLite locks files with POSIX advisory locks, which belong to the process: closing *any*
/// descriptor of a file drops every lock the process holds on it. A header read with an
/// ordinary file handle while a connection of the same process is open would therefore silently
/// release that connection's locks — another process could then checkpoint and delete the
/// `-wal` file under a live writer. ``DatabaseFile`` reads a header only under this registry's
/// lock and only when no connection of the process has the file open; connections register
/// under the same lock before SQLite opens the file.
enum OpenDatabaseFiles {
    private static let openCounts = Mutex<[String: Int]>([:])

    /// The key of `path`: absolute, with symbolic links resolved.
    static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Counts one more connection to `path`.
    static func register(_ path: String) {
        let key = key(path)
        openCounts.withLock { $0[key, default: 0] += 1 }
    }

    /// Counts one connection to `path` fewer.
    static func unregister(_ path: String) {
        let key = key(path)
        openCounts.withLock { counts in
            let remaining = (counts[key] ?? 1) - 1
            counts[key] = remaining > 0 ? remaining : nil
        }
    }

    /// Runs `body` with the registry locked when no connection of this process has `path` open;
    /// returns `nil` without running it otherwise.
    static func whileClosed<T>(_ path: String, _ body: () -> T) -> T? {
        let key = key(path)
        return openCounts.withLock { counts in counts[key] == nil ? body() : nil }
    }
}
