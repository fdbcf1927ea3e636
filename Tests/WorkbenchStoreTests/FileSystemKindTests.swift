import Foundation
import Testing

@testable import WorkbenchStore

@Suite("Network file systems get a rollback journal")
struct FileSystemKindTests {
    static let mounts = """
        /dev/sda1 / ext4 rw,relatime 0 0
        server:/export/home /home nfs4 rw,relatime 0 0
        mds@tcp:/scratch /scratch lustre rw 0 0
        /dev/sdb1 /home/local\\040disk xfs rw 0 0
        """

    @Test("the longest mount point containing the path decides; a file not created yet is judged by its directory")
    func mountTable() {
        #expect(FileSystemKind.fileSystemType("/home/ada/runs/workbench.sqlite", mounts: Self.mounts) == "nfs4")
        #expect(FileSystemKind.fileSystemType("/scratch/ada/new.sqlite", mounts: Self.mounts) == "lustre")
        #expect(FileSystemKind.fileSystemType("/home/local disk/w.sqlite", mounts: Self.mounts) == "xfs")
        #expect(FileSystemKind.fileSystemType("/homework/w.sqlite", mounts: Self.mounts) == "ext4")
        #expect(FileSystemKind.networkTypes.contains("nfs4") && !FileSystemKind.networkTypes.contains("xfs"))
    }

    @Test("a database on a local disk uses the write-ahead log")
    func localDiskUsesWAL() throws {
        let path = try makeTemporaryPath()
        #expect(!FileSystemKind.isNetwork(path))
        let store = try RunStore(path: path)
        #expect(try store.database.scalar("PRAGMA journal_mode")?.textValue == "wal")
    }
}
