import Foundation
import WorkbenchNumerics
import WorkbenchStore

/// Gathers the environment facts recorded with every run.
public enum ProvenanceCollector {
    /// The workbench version written into every run row.
    public static let workbenchVersion = "0.1.0"

    /// This machine's host name.
    public static var hostName: String { ProcessInfo.processInfo.hostName }

    /// This process's id.
    public static var processID: Int { Int(ProcessInfo.processInfo.processIdentifier) }

    /// The git checkout the program was built from: the directory holding `.git` above this
    /// source file at build time, if it still exists.
    public static var sourceRepository: URL? {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// Commit id and dirty flag of ``sourceRepository`` (tracked files only), or `nil`s when git
    /// or the checkout is unavailable.
    public static func gitState() -> (commit: String?, dirty: Bool?) {
        guard let repository = sourceRepository else { return (nil, nil) }
        guard let head = runGit(["rev-parse", "HEAD"], in: repository), !head.isEmpty else {
            return (nil, nil)
        }
        let status = runGit(["status", "--porcelain", "--untracked-files=no"], in: repository)
        return (head, status.map { !$0.isEmpty })
    }

    private static func runGit(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A `running` run row for a new run, with every provenance field filled in.
    public static func newRunRecord(
        runID: String, experiment: String, preset: String, seed: UInt64, configHash: String,
        workers: Int, commandLine: String, rerunOf: String?
    ) -> RunRecord {
        let git = gitState()
        let now = Timestamp.now()
        return RunRecord(
            runID: runID, experiment: experiment, preset: preset, status: .running, seed: seed,
            configHash: configHash, startedAt: now, host: hostName, pid: processID,
            gitCommit: git.commit, gitDirty: git.dirty, workbenchVersion: workbenchVersion,
            blasCore: BLASConfiguration.coreName, blasThreads: BLASConfiguration.threadCount,
            sqliteVersion: Database.libraryVersion, rerunOf: rerunOf, heartbeatAt: now,
            blasConfig: BLASConfiguration.buildConfiguration, workers: workers,
            commandLine: commandLine)
    }
}
