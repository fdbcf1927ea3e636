import Foundation

/// Whether a database file lives on a network file system, where SQLite's write-ahead log must
/// not be used: the log's index is shared memory, which works only for processes on one host
/// (https://sqlite.org/wal.html), so a database that a cluster's merge job writes on shared
/// storage, while a login node reads it, keeps a rollback journal instead.
public enum FileSystemKind {
    /// File system types (as `/proc/self/mounts` names them) of network and cluster file systems.
    static let networkTypes: Set<String> = [
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "lustre", "gpfs", "beegfs", "ceph", "afs", "glusterfs",
        "fuse.sshfs", "fuse.glusterfs", "fuse.ceph", "9p",
    ]

    /// Whether `path` (or, for a file not created yet, its directory) is on a network file
    /// system, by the longest mount point in `/proc/self/mounts` containing it; `false` where
    /// that table cannot be read.
    public static func isNetwork(_ path: String) -> Bool {
        guard
            let type = fileSystemType(
                path, mounts: (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? "")
        else { return false }
        return networkTypes.contains(type)
    }

    /// The type of the file system holding `path` according to `mounts` (lines
    /// `device mount-point type options …`, spaces in paths written `\040`).
    static func fileSystemType(_ path: String, mounts: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        if !FileManager.default.fileExists(atPath: url.path) { url.deleteLastPathComponent() }
        let resolved = url.resolvingSymlinksInPath().path
        var best: (mountPoint: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let mountPoint = fields[1].replacingOccurrences(of: "\\040", with: " ")
            let contains =
                mountPoint == "/" || resolved == mountPoint || resolved.hasPrefix(mountPoint + "/")
            if contains && mountPoint.count >= (best?.mountPoint.count ?? -1) {
                best = (mountPoint, String(fields[2]))
            }
        }
        return best?.type
    }
}
