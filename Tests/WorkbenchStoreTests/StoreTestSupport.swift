import Foundation

@testable import WorkbenchStore

/// A store in a fresh temporary directory.
func makeTemporaryPath(_ name: String = "test.sqlite") throws -> String {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("workbench-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name).path
}

/// A minimal `running` run row.
func sampleRun(_ id: String = RunIdentifier.random(), experiment: String = "demo") -> RunRecord {
    RunRecord(
        runID: id, experiment: experiment, preset: "quick", status: .running, seed: 42,
        configHash: "hash", startedAt: Timestamp.now(), host: "testhost", pid: 12345,
        workbenchVersion: "test", blasCore: "Haswell", blasThreads: 1, sqliteVersion: Database.libraryVersion)
}
