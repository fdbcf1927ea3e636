import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

#if canImport(Glibc)
    import Glibc
#endif

/// Sweeps submitted to the real single-node Slurm cluster (``SlurmTestCluster``): the array job
/// and its `afterany` merge job, one array task cancelled with `scancel`, and `--resubmit`.
/// Nothing is simulated; without a cluster the tests say why in one line and return.
@Suite("Sweeps on a real Slurm cluster", .serialized)
struct SlurmSweepTests {
    static let shortDiffusion = ["diffusion-discretization", "parts=monte-carlo", "mcKs=10"]

    /// A session on `cluster`: commands see its `SLURM_CONF`.
    static func session(_ cluster: SlurmTestCluster) throws -> SweepSession {
        try SweepSession("workbench-slurm-sweep", environment: cluster.environment)
    }

    @Test(
        "2 values × 3 seeds as an array with an afterany merge job: complete, and bit-identical to a local sweep and to plain runs"
    )
    func arrayAndMergeJob() throws {
        guard let cluster = SlurmTestCluster.availableOrSayWhy() else { return }
        let session = try Self.session(cluster)
        defer { session.directory.remove() }
        let grid = ["--grid", "mcSamples=300|600", "--seeds", "1-3"]
        let submitted = try session.succeed(
            ["sweep"] + Self.shortDiffusion + grid + ["--slurm", "--parallel", "2", "--name", "on-slurm"])
        #expect(submitted.contains("--array=0-5%2"))
        let jobs = try session.jobs("on-slurm")
        let records = try cluster.waitUntilFinished(jobIDs: [jobs.array, jobs.merge], timeout: 180)
        #expect(records[jobs.array]?.count == 6)
        #expect(records[jobs.array]?.allSatisfy { $0.state == .completed } == true, "\(records)")
        #expect(records[jobs.merge]?.map(\.state) == [.completed])
        let status = try session.succeed(["sweep", "status", "on-slurm"])
        #expect(status.contains("cells: 6 — 6 finished") && status.contains("complete"), "\(status)")
        let slurmDigests = try session.digests("on-slurm")
        #expect(slurmDigests.count == 6)

        let local = session.directory.path("local.sqlite")
        try session.succeed(
            ["sweep"] + Self.shortDiffusion + grid + ["--jobs", "2", "--name", "here"], database: local)
        #expect(try session.digests("here", database: local) == slurmDigests, "Slurm and local cells agree bit for bit")
        let plain = session.directory.path("plain.sqlite")
        try session.succeed(["run"] + Self.shortDiffusion + ["mcSamples=600", "--seed", "2"], database: plain)
        #expect(try session.rows("SELECT result_digest FROM runs", database: plain).first?.first == slurmDigests[4])
    }

    @Test("an array task cancelled with scancel ends killed with its shard merged; --resubmit runs only that task")
    func cancelledTaskResubmitted() throws {
        guard let cluster = SlurmTestCluster.availableOrSayWhy() else { return }
        let session = try Self.session(cluster)
        defer { session.directory.remove() }
        // Only cell 4 is long: 1 500 000 chains, about 4.5 s in a release build, so the cancel sent
        // 0.7 s after its process starts lands while its run is recording, with seconds to spare
        // (a cell of 200 000 chains ends in 0.6 s and could complete before the cancel arrives).
        try session.succeed(
            ["sweep"] + Self.shortDiffusion + [
                "--grid", "mcSamples=300|400|500|600|1500000|700", "--seeds", "1", "--slurm", "--name",
                "cancel-me",
            ])
        let first = try session.jobs("cancel-me")
        // Task 4's node-local shard appears when its process starts; its run starts right after.
        try SlurmTestCluster.waitUntil(
            timeout: 120,
            {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: session.directory.path(""))) ?? []
                return names.contains { $0.contains("-task-4-") && $0.hasSuffix(".sqlite") }
            }, onTimeout: { .conditionTimedOut("array task 4 started", seconds: 120) })
        usleep(700_000)
        try cluster.cancel(jobID: first.array, arrayIndex: 4)
        let records = try cluster.waitUntilFinished(jobIDs: [first.array, first.merge], timeout: 180)
        #expect(records[first.array]?.first { $0.arrayTaskIndex == 4 }?.state == .cancelled, "\(records)")
        #expect(records[first.merge]?.map(\.state) == [.completed])
        let cells = try session.rows(
            "SELECT c.cell_index, c.status, r.error FROM sweep_cells c LEFT JOIN runs r ON r.run_id = c.run_id ORDER BY 1"
        )
        #expect(
            cells.map { $0[1] } == ["finished", "finished", "finished", "finished", "killed", "finished"], "\(cells)")
        #expect(
            cells[4][2] == "terminated by SIGTERM", "the cancelled task's run ended killed and its shard was merged")
        let status = try session.succeed(["sweep", "status", "cancel-me"])
        #expect(status.contains("array tasks to resubmit: 4 "), "\(status)")

        let resubmitted = try session.succeed(["sweep", "status", "cancel-me", "--resubmit"])
        #expect(resubmitted.contains("--array=4"))
        let second = try session.jobs("cancel-me")
        #expect(second.array != first.array)
        let again = try cluster.waitUntilFinished(jobIDs: [second.array, second.merge], timeout: 180)
        #expect(again[second.array]?.map(\.arrayTaskIndex) == [4])
        #expect(try session.succeed(["sweep", "status", "cancel-me"]).contains("complete"))
        let runs = try session.rows("SELECT cell_index, status FROM runs ORDER BY cell_index, started_at")
        #expect(runs.filter { $0[1] == "finished" }.map { $0[0] } == ["0", "1", "2", "3", "4", "5"])
        #expect(runs.filter { $0[1] == "killed" }.map { $0[0] } == ["4"])
    }
}

extension SweepSession {
    /// The latest recorded array and merge job of sweep `name`.
    func jobs(_ name: String) throws -> (array: Int, merge: Int) {
        let rows = try rows(
            """
            SELECT j.kind, j.job_id FROM sweep_jobs j JOIN sweeps s USING (sweep_id) WHERE s.name = '\(name)'
            ORDER BY j.submitted_at, j.job_id
            """)
        let array = rows.last { $0[0] == "array" }.flatMap { Int($0[1]) }
        let merge = rows.last { $0[0] == "merge" }.flatMap { Int($0[1]) }
        return (try #require(array), try #require(merge))
    }

    /// Result digests of sweep `name`'s cells, by cell index.
    func digests(_ name: String, database path: String? = nil) throws -> [String] {
        try rows(
            """
            SELECT r.result_digest FROM sweep_cells c JOIN sweeps s USING (sweep_id)
            JOIN runs r ON r.run_id = c.run_id WHERE s.name = '\(name)' AND r.status = 'finished'
            ORDER BY c.cell_index
            """, database: path
        ).map { $0[0] }
    }
}
