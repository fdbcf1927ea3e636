import Foundation
import Testing
import WorkbenchTestFixtures

/// The single-node Slurm cluster the sweep tests submit to, exercised with plain batch scripts:
/// arrays with a `%` limit, an `afterany` dependency, `scancel` of one array task (SIGTERM reaches
/// the script), and job states after completion. Real daemons; nothing simulated.
@Suite("Slurm test cluster: real arrays, dependencies, cancellation", .serialized)
struct SlurmClusterTests {
    @Test("the cluster is available wherever it is required (root under scripts/test or in CI)")
    func availableWhereRequired() {
        switch SlurmTestCluster.available() {
        case .available(let cluster):
            #expect(FileManager.default.fileExists(atPath: cluster.configuration.path))
        case .unavailable(let reason):
            _ = SlurmTestCluster.availableOrSayWhy()
            #expect(!reason.isEmpty)
            #expect(!SlurmTestCluster.isRequired, "the Slurm tests must run here but: \(reason)")
        }
    }

    @Test("an 8-task array with %4 writes one file per task; an afterany job counts them")
    func arrayAndDependency() throws {
        guard let cluster = SlurmTestCluster.availableOrSayWhy() else { return }
        let directory = try TemporaryDirectory("workbench-slurm-array")
        defer { directory.remove() }
        let task = try script(
            in: directory, "task.sh",
            """
            echo "$SLURM_ARRAY_TASK_ID" > "out/$SLURM_ARRAY_TASK_ID.txt"
            """)
        let count = try script(in: directory, "count.sh", "ls out | wc -l > count.txt")
        try FileManager.default.createDirectory(
            atPath: directory.path("out"), withIntermediateDirectories: true)
        let array = try cluster.submit(scriptAt: task, extraArguments: ["--array=0-7%4", "--output=/dev/null"])
        let counter = try cluster.submit(
            scriptAt: count, extraArguments: ["--dependency=afterany:\(array)", "--output=/dev/null"])
        let records = try cluster.waitUntilFinished(jobIDs: [array, counter], timeout: 90)

        let tasks = try #require(records[array])
        #expect(tasks.compactMap(\.arrayTaskIndex).sorted() == Array(0..<8))
        #expect(tasks.allSatisfy { $0.state == .completed && $0.exitCode == 0 }, "\(tasks)")
        #expect(records[counter]?.map(\.state) == [.completed])
        for index in 0..<8 {
            let written = try String(contentsOfFile: directory.path("out/\(index).txt"), encoding: .utf8)
            #expect(written == "\(index)\n")
        }
        let counted = try String(contentsOfFile: directory.path("count.txt"), encoding: .utf8)
        #expect(counted.trimmingCharacters(in: .whitespacesAndNewlines) == "8")
    }

    @Test("scancel of one running array task delivers SIGTERM to its script and ends it CANCELLED")
    func cancelOneArrayTask() throws {
        guard let cluster = SlurmTestCluster.availableOrSayWhy() else { return }
        let directory = try TemporaryDirectory("workbench-slurm-cancel")
        defer { directory.remove() }
        // Task 0 finishes on its own; task 1 waits to be cancelled. `wait` lets the trap run as
        // soon as SIGTERM arrives.
        let task = try script(
            in: directory, "task.sh",
            """
            trap 'echo TERM > "terminated.$SLURM_ARRAY_TASK_ID"; exit 143' TERM
            touch "started.$SLURM_ARRAY_TASK_ID"
            if [ "$SLURM_ARRAY_TASK_ID" = 0 ]; then sleep 1; else sleep 300 & wait; fi
            """)
        let array = try cluster.submit(scriptAt: task, extraArguments: ["--array=0-1", "--output=/dev/null"])
        try SlurmTestCluster.waitUntil(timeout: 60) {
            FileManager.default.fileExists(atPath: directory.path("started.1"))
        } onTimeout: {
            .conditionTimedOut("array task \(array)_1 starting", seconds: 60)
        }
        #expect(try cluster.jobStates(array)[1] == .running)
        try cluster.cancel(jobID: array, arrayIndex: 1)
        let records = try cluster.waitUntilFinished(jobIDs: [array], timeout: 60)

        let states = Dictionary(
            uniqueKeysWithValues: try #require(records[array]).map { ($0.arrayTaskIndex, $0.state) })
        #expect(states == [0: .completed, 1: .cancelled])
        let marker = try String(contentsOfFile: directory.path("terminated.1"), encoding: .utf8)
        #expect(marker == "TERM\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path("terminated.0")))
    }

    @Test("scancel of a whole array ends its running and pending tasks and an afterok job on it")
    func cancelWholeArray() throws {
        guard let cluster = SlurmTestCluster.availableOrSayWhy() else { return }
        let directory = try TemporaryDirectory("workbench-slurm-cancel-all")
        defer { directory.remove() }
        let task = try script(
            in: directory, "task.sh",
            """
            trap 'echo TERM > "terminated.$SLURM_ARRAY_TASK_ID"; exit 143' TERM
            touch "started.$SLURM_ARRAY_TASK_ID"
            sleep 300 & wait
            """)
        let never = try script(in: directory, "never.sh", "touch never-ran")
        // `%1`: one task at a time, so tasks 1–3 are still pending when the array is cancelled.
        let array = try cluster.submit(scriptAt: task, extraArguments: ["--array=0-3%1", "--output=/dev/null"])
        let dependent = try cluster.submit(
            scriptAt: never, extraArguments: ["--dependency=afterok:\(array)", "--output=/dev/null"])
        try SlurmTestCluster.waitUntil(timeout: 60) {
            FileManager.default.fileExists(atPath: directory.path("started.0"))
        } onTimeout: {
            .conditionTimedOut("array task \(array)_0 starting", seconds: 60)
        }
        try cluster.cancel(jobID: array)
        let records = try cluster.waitUntilFinished(jobIDs: [array, dependent], timeout: 60)

        let tasks = try #require(records[array])
        #expect(tasks.allSatisfy { $0.state == .cancelled }, "\(tasks)")
        #expect(tasks.contains { $0.arrayTaskIndex == 0 })
        // squeue still lists tasks 1–3 one by one (MinJobAge); the completion log has them as one
        // record without index.
        #expect(try cluster.queueRecords(of: array).compactMap(\.arrayTaskIndex).sorted() == [0, 1, 2, 3])
        #expect(try cluster.finishedRecords(of: array).contains { $0.isPendingArrayRemainder })
        #expect(try cluster.jobStates(array) == [0: .cancelled, 1: .cancelled, 2: .cancelled, 3: .cancelled])
        #expect(records[dependent]?.map(\.state) == [.cancelled])
        #expect(FileManager.default.fileExists(atPath: directory.path("terminated.0")))
        for name in ["started.1", "never-ran"] {
            #expect(!FileManager.default.fileExists(atPath: directory.path(name)), "\(name)")
        }
    }

    @Test("finished jobs keep their state and exit code in both squeue and the completion log")
    func statesAfterCompletion() throws {
        guard let cluster = SlurmTestCluster.availableOrSayWhy() else { return }
        let directory = try TemporaryDirectory("workbench-slurm-states")
        defer { directory.remove() }
        let succeeds = try script(in: directory, "succeeds.sh", "true")
        let fails = try script(in: directory, "fails.sh", "exit 3")
        let good = try cluster.submit(scriptAt: succeeds, extraArguments: ["--output=/dev/null"])
        let bad = try cluster.submit(scriptAt: fails, extraArguments: ["--output=/dev/null"])
        try cluster.waitUntilFinished(jobIDs: [good, bad], timeout: 60)

        // squeue keeps finished jobs for MinJobAge (30 s); the completion log keeps them for good.
        #expect(try cluster.queueRecords(of: good).map(\.state) == [.completed])
        #expect(try cluster.queueRecords(of: bad).map(\.state) == [.failed])
        let goodRecord = try #require(try cluster.finishedRecords(of: good).first)
        let badRecord = try #require(try cluster.finishedRecords(of: bad).first)
        #expect(goodRecord.state == .completed && goodRecord.exitCode == 0 && goodRecord.arrayTaskIndex == nil)
        #expect(badRecord.state == .failed && badRecord.exitCode == 3 && badRecord.signal == 0)
        #expect(try cluster.jobStates(bad) == [0: .failed])
        // A job the cluster never ran has no record.
        #expect(try cluster.records(of: 999_999).isEmpty)
    }

    /// Writes an executable bash batch script `name` into `directory` that runs `body` there.
    private func script(in directory: TemporaryDirectory, _ name: String, _ body: String) throws -> URL {
        let url = directory.url.appendingPathComponent(name)
        try "#!/bin/bash\nset -u\ncd \"\(directory.url.path)\"\n\(body)\n".write(
            to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }
}
