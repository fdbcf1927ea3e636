import Foundation
import Testing
import WorkbenchTestFixtures

/// Read-only and damaged database files, through the shipped `workbench` binary run as a user
/// without write permission (`nobody` through `setpriv` when the tests run as root, since root
/// ignores file modes; the test user itself otherwise).
@Suite("Read-only and damaged databases (real binary, non-root user)", .serialized)
struct ReadOnlyDatabaseTests {
    /// A directory tree the unprivileged user can traverse, holding a copy of the binary (the
    /// build directory may sit under a home directory it cannot enter) and one database.
    final class Sandbox {
        let root: URL
        let binary: URL
        let isRoot = getuid() == 0
        /// The uid/gid commands run as.
        var user: (uid: uid_t, gid: gid_t) { isRoot ? (65534, 65534) : (getuid(), getgid()) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-ro-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
            binary = root.appendingPathComponent("workbench")
            try FileManager.default.copyItem(at: FixtureProcess.shippedExecutable, to: binary)
        }

        deinit {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: root)
        }

        var folder: URL { root.appendingPathComponent("data") }
        var database: String { folder.appendingPathComponent("runs.sqlite").path }

        /// Records one quick run (as the invoking user), then hands file and folder to `user`.
        func recordRun() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let result = try execute(["run", "conservation-laws", "--db", database], asUser: false)
            #expect(result.status == 0, "\(result.output)")
            try setOwner(folder.path)
            try setOwner(database)
        }

        func setOwner(_ path: String) throws {
            guard isRoot else { return }
            try FileManager.default.setAttributes(
                [.ownerAccountID: NSNumber(value: user.uid), .groupOwnerAccountID: NSNumber(value: user.gid)],
                ofItemAtPath: path)
        }

        func chmod(_ path: String, _ mode: Int) throws {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }

        /// Runs the binary (as `user` unless `asUser` is false) and returns status and output.
        func execute(_ arguments: [String], asUser: Bool = true) throws -> (status: Int32, output: String) {
            let privileged = asUser && isRoot
            let setpriv = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", binary.path]
            return try FixtureProcess.run(
                privileged ? setpriv + arguments : arguments,
                executable: privileged ? URL(fileURLWithPath: "/usr/bin/setpriv") : binary, directory: root,
                environment: ["HOME": root.path])
        }

        /// Files beside the database other than itself (SQLite's `-wal`, `-shm`, `-journal`).
        func sideFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasPrefix("runs.sqlite-")
            }
        }

        func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: database)) }
    }

    /// Every read command, with what its output must contain.
    static func readCommands(_ database: String, reports: String) -> [(arguments: [String], expected: String)] {
        [
            (["runs", "--db", database], "conservation-laws"),
            (["show", "latest", "--db", database], "conservation-laws"),
            (["check", "conservation-laws", "--db", database], "claims:"),
            (["compare", "latest", "latest", "--db", database], "conservation-laws"),
            (["sql", "PRAGMA integrity_check", "--db", database], "ok"),
            (["verify", "latest", "--db", database], "bit-identical"),
            (["report", "conservation-laws", "--db", database, "--out", reports], "written"),
        ]
    }

    func expectReadable(_ sandbox: Sandbox) throws {
        let before = try sandbox.bytes()
        let reports = sandbox.root.appendingPathComponent("reports-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        try sandbox.setOwner(reports)
        for command in Self.readCommands(sandbox.database, reports: reports) {
            let result = try sandbox.execute(command.arguments)
            #expect(result.status == 0, "\(command.arguments[0]): \(result.output)")
            #expect(result.output.contains(command.expected), "\(command.arguments[0]): \(result.output)")
            #expect(try sandbox.sideFiles() == [], "\(command.arguments[0]) left side files")
        }
        #expect(try sandbox.bytes() == before)
    }

    @Test("a mode-444 file is fully readable and gets no side files; `run` into it is a usage error")
    func fileModeReadOnly() throws {
        let sandbox = try Sandbox()
        try sandbox.recordRun()
        try sandbox.chmod(sandbox.database, 0o444)
        try expectReadable(sandbox)
        let before = try sandbox.bytes()
        let run = try sandbox.execute(["run", "conservation-laws", "--db", sandbox.database])
        #expect(run.status == 64)
        #expect(run.output.contains("the file is read-only"), "\(run.output)")
        #expect(!run.output.contains("SQLite error") && !run.output.contains("INSERT"), "\(run.output)")
        #expect(try sandbox.bytes() == before)
        #expect(try sandbox.sideFiles() == [])
    }

    @Test("a file in a read-only directory is fully readable and gets no side files")
    func directoryReadOnly() throws {
        let sandbox = try Sandbox()
        try sandbox.recordRun()
        try sandbox.chmod(sandbox.folder.path, 0o555)
        try expectReadable(sandbox)
        let run = try sandbox.execute(["run", "conservation-laws", "--db", sandbox.database])
        #expect(run.status == 64)
        #expect(run.output.contains("is not writable"), "\(run.output)")
    }

    @Test("a writable file read by every read command keeps no side files and passes integrity_check")
    func writableFileStaysTidy() throws {
        let sandbox = try Sandbox()
        try sandbox.recordRun()
        let second = try sandbox.execute(["run", "resnet-ode", "parts=memory", "--db", sandbox.database])
        #expect(second.status == 0, "\(second.output)")
        let reports = sandbox.folder.appendingPathComponent("reports").path
        for command in Self.readCommands(sandbox.database, reports: reports) {
            let result = try sandbox.execute(command.arguments)
            #expect(result.status == 0, "\(command.arguments[0]): \(result.output)")
            #expect(try sandbox.sideFiles() == [], "\(command.arguments[0]) left side files")
        }
        let integrity = try sandbox.execute([
            "sql", "PRAGMA integrity_check", "--db", sandbox.database, "--format", "csv",
        ])
        #expect(integrity.output.split(separator: "\n").dropFirst() == ["ok"], "\(integrity.output)")
    }

    @Test("truncated, foreign, too-new files and directories are refused with no side files")
    func refusedFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.recordRun()
        let whole = try sandbox.bytes()
        let cases: [(name: String, contents: Data?, message: String)] = [
            ("truncated", whole.prefix(5000), "truncated"),
            ("foreign", Data("name,value\nalpha,1\n".utf8), "not an SQLite database"),
            ("newer", Self.withUserVersion(99, whole), "newer than this workbench"),
            ("directory", nil, "is a directory"),
        ]
        for item in cases {
            let path = sandbox.folder.appendingPathComponent("\(item.name).sqlite").path
            if let contents = item.contents {
                try contents.write(to: URL(fileURLWithPath: path))
            } else {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            }
            for command in [["runs"], ["show", "latest"], ["run", "conservation-laws"]] {
                let result = try sandbox.execute(command + ["--db", path], asUser: false)
                #expect(result.status == 64, "\(item.name) \(command[0]): \(result.output)")
                #expect(result.output.contains(item.message), "\(item.name) \(command[0]): \(result.output)")
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.folder.path)
                    .filter { $0.hasPrefix("\(item.name).sqlite-") }
                #expect(leftovers == [], "\(item.name) \(command[0]) left \(leftovers)")
            }
        }
    }

    /// `data` with the header's `user_version` (bytes 60–63, big-endian) set to `version`.
    static func withUserVersion(_ version: UInt32, _ data: Data) -> Data {
        var bytes = [UInt8](data)
        for index in 0..<4 { bytes[60 + index] = UInt8((version >> (8 * (3 - index))) & 0xff) }
        return Data(bytes)
    }
}
