import Foundation
import WorkbenchStore
import WorkbenchCore

/// Resolves which database file a command uses: `--db PATH`, else `$WORKBENCH_DB`, else
/// `workbench.sqlite` in the current directory.
enum DatabaseLocation {
    static let defaultFileName = "workbench.sqlite"

    static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["WORKBENCH_DB"], !variable.isEmpty { return variable }
        return defaultFileName
    }

    /// Opens the database read-write (creating and migrating it); an unusable file is a usage
    /// error naming the file and the problem, a failure while migrating a runtime error.
    static func openForWriting(_ path: String) throws -> RunStore {
        do {
            return try RunStore(path: path, mode: .readWrite)
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
    }

    /// Opens an existing database for reading after marking runs whose process vanished as
    /// `lost` (the only write a read command performs, and only when the file is writable and
    /// has runs marked `running`). A writable file of an older schema is upgraded first (forward
    /// migrations keep every row). A file this process cannot write is read as it is, without
    /// side files.
    static func openForReading(_ path: String) throws -> RunStore {
        let writable = DatabaseFile.inspect(path).isWritable
        let reader: RunStore
        do {
            reader = try RunStore(path: path, mode: .readOnly)
        } catch StoreError.olderSchema where writable {
            _ = try openForWriting(path)
            reader = try RunStore(path: path, mode: .readOnly)
        } catch let error as StoreError where error.isUsageError {
            throw UsageError(error.description)
        }
        let running =
            (try? reader.database.scalar("SELECT count(*) FROM runs WHERE status = 'running'"))??
            .integerValue ?? 0
        if writable, running > 0, let writer = try? RunStore(path: path, mode: .readWrite) {
            _ = try? RunReconciler.reconcile(writer)
        }
        return reader
    }
}
