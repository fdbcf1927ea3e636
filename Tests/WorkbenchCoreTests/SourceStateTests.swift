import Foundation
import Testing
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Source state: git_dirty means the program's source differs from its commit")
struct SourceStateTests {
    func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("reports and databases do not make a run dirty; source edits and new source files do, with a patch")
    func dirtyOnlyForSource() throws {
        let directory = try TemporaryDirectory("source-state")
        defer { directory.remove() }
        let root = directory.url
        try git(["init", "-q"], in: root)
        try git(["config", "user.email", "t@example.org"], in: root)
        try git(["config", "user.name", "t"], in: root)
        try write("let a = 1\n", "Sources/A/a.swift", in: root)
        try write("# report\n", "Reports/x/README.md", in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "start"], in: root)
        let clean = ProvenanceCollector.sourceState(of: root)
        #expect(clean.commit?.count == 40 && clean.dirty == false && clean.patch == nil)

        try write("# regenerated\n", "Reports/x/README.md", in: root)
        try write("data", "workbench.sqlite", in: root)
        #expect(ProvenanceCollector.sourceState(of: root).dirty == false)

        try write("let a = 2\n", "Sources/A/a.swift", in: root)
        try write("let b = 3\n", "Tests/B/b.swift", in: root)
        let dirty = ProvenanceCollector.sourceState(of: root)
        #expect(dirty.dirty == true)
        let patch = try #require(dirty.patch)
        #expect(patch.contains("+let a = 2") && patch.contains("+++ b/Tests/B/b.swift") && patch.contains("+let b = 3"))
        #expect(!patch.contains("Reports"))

        // A program source edited after the program was built: the checkout no longer
        // describes it, so dirtiness is unknown and no patch is taken; an edit of a test is not
        // part of the program.
        let beforeEdits = Date(timeIntervalSinceNow: -3600)
        let stale = ProvenanceCollector.sourceState(of: root, programBuiltAt: beforeEdits)
        #expect(stale.dirty == nil && stale.patch == nil && stale.editedAfterBuild == "Sources/A/a.swift")
        #expect(stale.commit == clean.commit)
        let rebuilt = ProvenanceCollector.sourceState(of: root, programBuiltAt: Date(timeIntervalSinceNow: 3600))
        #expect(rebuilt.dirty == true && rebuilt.editedAfterBuild == nil)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -7200)],
            ofItemAtPath: root.appendingPathComponent("Sources/A/a.swift").path)
        for folder in ["Sources/A", "Sources"] {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -7200)],
                ofItemAtPath: root.appendingPathComponent(folder).path)
        }
        #expect(ProvenanceCollector.sourceState(of: root, programBuiltAt: beforeEdits).editedAfterBuild == nil)

        // The patch recreates the tree on a clean checkout of the commit.
        try write(patch, "../run.patch", in: root)
        try git(["checkout", "-q", "--", "Sources"], in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Tests"))
        try git(["apply", "../run.patch"], in: root)
        #expect(
            try String(contentsOf: root.appendingPathComponent("Sources/A/a.swift"), encoding: .utf8) == "let a = 2\n")
        #expect(
            try String(contentsOf: root.appendingPathComponent("Tests/B/b.swift"), encoding: .utf8) == "let b = 3\n")
    }
}
