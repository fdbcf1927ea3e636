import Foundation
import WorkbenchStore

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers a task's shard database from node-local disk into the sweep's shard directory so
/// that a reader there sees either no file or the whole file: a consistent snapshot is taken
/// with `VACUUM INTO` next to the shard, copied to a hidden temporary name in the target
/// directory, flushed with `fsync`, renamed into place, and the directory is flushed.
public struct ShardDelivery: Sendable {
    /// The task's working database.
    public let shardPath: String
    /// The sweep's shard directory (on storage the merge job can read).
    public let directory: URL
    /// The delivered file's name, e.g. `task-3-<db uuid>.sqlite`.
    public let fileName: String

    public init(shardPath: String, directory: URL, fileName: String) {
        self.shardPath = shardPath
        self.directory = directory
        self.fileName = fileName
    }

    /// Snapshots and delivers the shard; returns the delivered path. Delivering again replaces
    /// the earlier file atomically.
    @discardableResult
    public func deliver() throws -> String {
        let snapshot = shardPath + ".snapshot-\(getpid())"
        try? FileManager.default.removeItem(atPath: snapshot)
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        do {
            let connection = try Database(path: shardPath, mode: .readOnly)
            try connection.run("VACUUM INTO ?", [.text(snapshot)])
            connection.close()
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent(fileName).path
        let temporary = directory.appendingPathComponent(".\(fileName).tmp-\(getpid())").path
        try? FileManager.default.removeItem(atPath: temporary)
        try Self.copySynced(from: snapshot, to: temporary)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ShardDeliveryError(path: target, reason: "rename failed: \(reason)")
        }
        let folder = open(directory.path, O_RDONLY)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
        return target
    }

    /// Copies `source` to a new file `target` and flushes it to stable storage.
    static func copySynced(from source: String, to target: String) throws {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw ShardDeliveryError(path: source, reason: String(cString: strerror(errno))) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard output >= 0 else { throw ShardDeliveryError(path: target, reason: String(cString: strerror(errno))) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw ShardDeliveryError(path: source, reason: String(cString: strerror(errno))) }
            if count == 0 { break }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { raw in
                    write(output, raw.baseAddress.map { $0 + written }, count - written)
                }
                if step < 0 && errno == EINTR { continue }
                guard step > 0 else {
                    throw ShardDeliveryError(path: target, reason: String(cString: strerror(errno)))
                }
                written += step
            }
        }
        guard fsync(output) == 0 else {
            throw ShardDeliveryError(path: target, reason: "fsync failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// A shard could not be delivered.
public struct ShardDeliveryError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "could not deliver the shard to '\(path)': \(reason)" }
}
