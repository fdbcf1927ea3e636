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

    /// The paths whose content makes up the program: a change anywhere else (reports, the
    /// database, notes) does not make a run dirty.
    public static let sourcePaths = ["Sources", "Experiments", "Tests", "Package.swift", "scripts"]

    /// The paths compiled into the program: once one of them is edited after the build, the
    /// checkout no longer describes the running binary.
    public static let programSourcePaths = ["Sources", "Experiments", "Package.swift"]

    /// When the running executable was last written (its build), if the file system says.
    public static var programModificationDate: Date? {
        guard let path = Bundle.main.executablePath else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// A file under ``programSourcePaths`` of `checkout` modified after `builtAt` (or else a
    /// folder, whose time changes when a file is added, removed or renamed), as a path relative
    /// to the checkout; `nil` when there is none.
    public static func programSource(of checkout: URL, editedAfter builtAt: Date) -> String? {
        let keys: Set<URLResourceKey> = [.contentModificationDateKey, .isDirectoryKey]
        var editedFolder: String?
        for root in programSourcePaths {
            let url = checkout.appendingPathComponent(root)
            var entries = [url]
            if let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: Array(keys)) {
                entries += walker.compactMap { $0 as? URL }
            }
            for entry in entries {
                guard let values = try? entry.resourceValues(forKeys: keys),
                    let date = values.contentModificationDate, date > builtAt
                else { continue }
                let relative = String(entry.path.dropFirst(checkout.path.count + 1))
                if values.isDirectory != true { return relative }
                editedFolder = editedFolder ?? relative
            }
        }
        return editedFolder
    }

    /// Commit id of ``sourceRepository`` and whether its ``sourcePaths`` differ from it (tracked
    /// changes or new files), with the difference as a patch so a dirty run can be reproduced;
    /// `nil`s when git or the checkout is unavailable. With `programBuiltAt`, a checkout whose
    /// program sources were edited after that build no longer describes the program: `dirty` is
    /// then unknown (`nil`), no patch is taken, and ``SourceState/editedAfterBuild`` names the file.
    public static func sourceState(of checkout: URL? = sourceRepository, programBuiltAt: Date? = nil) -> SourceState {
        guard let repository = checkout,
            let head = runGit(["rev-parse", "HEAD"], in: repository), !head.isEmpty
        else { return SourceState(commit: nil, dirty: nil, patch: nil) }
        if let builtAt = programBuiltAt, let edited = programSource(of: repository, editedAfter: builtAt) {
            return SourceState(commit: head, dirty: nil, patch: nil, editedAfterBuild: edited)
        }
        let changed = runGit(["status", "--porcelain", "--untracked-files=all", "--"] + sourcePaths, in: repository)
        guard let changed else { return SourceState(commit: head, dirty: nil, patch: nil) }
        guard !changed.isEmpty else { return SourceState(commit: head, dirty: false, patch: nil) }
        var patch = runGit(["diff", "--binary", "HEAD", "--"] + sourcePaths, in: repository, trimming: false) ?? ""
        let untracked =
            runGit(["ls-files", "--others", "--exclude-standard", "--"] + sourcePaths, in: repository)?
            .split(separator: "\n").map(String.init) ?? []
        for file in untracked {
            let text = (try? String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)) ?? ""
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let endsWithNewline = text.hasSuffix("\n")
            if endsWithNewline { lines.removeLast() }
            patch += "diff --git a/\(file) b/\(file)\nnew file mode 100644\n--- /dev/null\n+++ b/\(file)\n"
            patch += "@@ -0,0 +1,\(lines.count) @@\n" + lines.map { "+" + $0 + "\n" }.joined()
            if !endsWithNewline { patch += "\\ No newline at end of file\n" }
        }
        return SourceState(commit: head, dirty: true, patch: patch)
    }

    /// The program's source as a run sees it.
    public struct SourceState: Sendable {
        /// `git rev-parse HEAD` of the checkout.
        public let commit: String?
        /// Whether the source paths differ from the commit (`nil`: unknown).
        public let dirty: Bool?
        /// `git diff HEAD` of the source paths plus new files, when dirty; stored with the run as
        /// the artifact ``patchArtifactName`` (`git apply` recreates the tree).
        public let patch: String?
        /// A program source file edited after the running binary was built (see
        /// ``sourceState(of:programBuiltAt:)``); `nil` when none was or it was not checked.
        public var editedAfterBuild: String? = nil
    }

    /// The name of the artifact holding a dirty run's source patch.
    public static let patchArtifactName = "source.patch"

    private static func runGit(_ arguments: [String], in directory: URL, trimming: Bool = true) -> String? {
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
        let text = String(decoding: data, as: UTF8.self)
        return trimming ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    }

    /// A `running` run row for a new run, with every provenance field filled in.
    public static func newRunRecord(
        runID: String, experiment: String, preset: String, seed: UInt64, configHash: String,
        workers: Int, commandLine: String, rerunOf: String?, source: SourceState
    ) -> RunRecord {
        let git = source
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
