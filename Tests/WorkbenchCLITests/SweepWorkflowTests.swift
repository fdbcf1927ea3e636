import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

#if canImport(Glibc)
    import Glibc
#endif

/// Sweeps and merges through the built binaries: a short `diffusion-discretization`
/// configuration (only the seeded Monte Carlo part, a few hundred samples: well under a second
/// per cell) and the sleeping fixture for interruption.
@Suite("Sweeps and merges through the shipped binary")
struct SweepWorkflowTests {
    /// The short diffusion configuration every cell shares.
    static let shortDiffusion = ["diffusion-discretization", "parts=monte-carlo", "mcKs=10"]

    /// Row counts of every table that holds run data.
    static let runTables = ["runs", "params", "metrics", "checks", "artifacts", "run_inputs", "run_tags"]

    func tableCounts(_ session: SweepSession, _ path: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in Self.runTables + ["sweeps", "sweep_cells", "merges"] {
            counts[table] = try session.count("SELECT count(*) FROM \(table)", database: path)
        }
        return counts
    }

    @Test("merging a database twice changes nothing and is recorded once; two independent databases merge both ways")
    func mergeIsIdempotent() throws {
        let session = try SweepSession()
        defer { session.directory.remove() }
        let laptop = session.directory.path("laptop.sqlite")
        let desktop = session.directory.path("desktop.sqlite")
        try session.succeed(
            ["run"] + Self.shortDiffusion + ["mcSamples=300", "--seed", "5", "--name", "laptop-run", "--tag", "k=v"],
            database: laptop)
        try session.succeed(["run"] + Self.shortDiffusion + ["mcSamples=300", "--seed", "6"], database: desktop)
        let laptopCounts = try tableCounts(session, laptop)
        let desktopCounts = try tableCounts(session, desktop)

        let first = try session.run(["merge", laptop], database: desktop)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("1 run added"))
        let merged = try tableCounts(session, desktop)
        for table in Self.runTables {
            #expect(merged[table] == (laptopCounts[table] ?? 0) + (desktopCounts[table] ?? 0), "\(table)")
        }
        #expect(merged["merges"] == 1)

        let again = try session.run(["merge", laptop], database: desktop)
        #expect(again.status == 0)
        #expect(again.output.contains("already merged"))
        #expect(try tableCounts(session, desktop) == merged, "merging the same file again changes nothing")

        // The other direction: the laptop receives the desktop's run; the named, tagged run keeps
        // its name and tag in the desktop's copy.
        try session.succeed(["merge", desktop], database: laptop)
        let both = try session.rows(
            "SELECT run_id, result_digest, name FROM runs ORDER BY run_id", database: laptop)
        #expect(
            both
                == (try session.rows("SELECT run_id, result_digest, name FROM runs ORDER BY run_id", database: desktop))
        )
        #expect(both.count == 2)
        #expect(try session.count("SELECT count(*) FROM run_tags WHERE key = 'k'", database: desktop) == 1)
        let metricsA = try session.rows(
            "SELECT run_id, seq, key, x, value FROM metrics ORDER BY run_id, seq", database: laptop)
        let metricsB = try session.rows(
            "SELECT run_id, seq, key, x, value FROM metrics ORDER BY run_id, seq", database: desktop)
        #expect(metricsA == metricsB)
    }

    @Test("a database of a newer schema is refused with exit 64 and the target is left unchanged")
    func newerSchemaRefused() throws {
        let session = try SweepSession()
        defer { session.directory.remove() }
        let future = session.directory.path("future.sqlite")
        try session.succeed(["run"] + Self.shortDiffusion + ["mcSamples=300"], database: future)
        do {
            let database = try Database(path: future)
            try database.setUserVersion(Schema.currentVersion + 1)
        }
        try session.succeed(["run"] + Self.shortDiffusion + ["mcSamples=300", "--seed", "2"])
        let before = try tableCounts(session, session.database)
        let result = try session.run(["merge", future])
        #expect(result.status == 64)
        #expect(result.output.contains("schema version \(Schema.currentVersion + 1) is newer"), "\(result.output)")
        #expect(try tableCounts(session, session.database) == before)
        let unknown = try session.run(["merge", session.directory.path("absent.sqlite")])
        #expect(unknown.status == 64)
        #expect(unknown.output.contains("no such file"))
    }

    @Test(
        "sweep --jobs 2 of 2 values × 3 seeds: planned first, runs bit-identical to plain `run` with the same parameters and seed"
    )
    func localSweepMatchesPlainRuns() throws {
        let session = try SweepSession()
        defer { session.directory.remove() }
        // The plan alone (--emit tsv writes commands and runs nothing): six planned cells, no run.
        let planned = try session.succeed(
            ["sweep"] + Self.shortDiffusion + [
                "--grid", "mcSamples=300|600", "--seeds", "1-3", "--name", "plan-only",
                "--emit", "tsv", "--sweep-dir", session.directory.path("plan-only"),
            ])
        #expect(planned.contains("6 commands"))
        #expect(try session.count("SELECT count(*) FROM sweep_cells WHERE status = 'planned'") == 6)
        #expect(try session.count("SELECT count(*) FROM runs") == 0)
        let tsv = try String(contentsOfFile: session.directory.path("plan-only/cells.tsv"), encoding: .utf8)
        #expect(tsv.split(separator: "\n").count == 7)
        // The Slurm scripts alone: 6 cells, 4 per task → tasks 0-1, at most one at a time.
        try session.succeed(
            ["sweep"] + Self.shortDiffusion + [
                "--grid", "mcSamples=300|600", "--seeds", "1-3", "--name", "scripts", "--emit", "slurm",
                "--cells-per-task", "4", "--parallel", "1", "--partition", "short", "--time", "00:10:00",
                "--sbatch-option=--account=lab", "--sweep-dir", session.directory.path("scripts"),
            ])
        let array = try String(contentsOfFile: session.directory.path("scripts/array.sbatch"), encoding: .utf8)
        for line in [
            "#SBATCH --array=0-1%1", "#SBATCH --partition=short", "#SBATCH --time=00:10:00", "#SBATCH --account=lab",
            "--task \"$SLURM_ARRAY_TASK_ID\"",
        ] {
            #expect(array.contains(line), "missing \(line) in\n\(array)")
        }
        let merge = try String(contentsOfFile: session.directory.path("scripts/merge.sbatch"), encoding: .utf8)
        #expect(merge.contains(" merge --db ") && merge.contains("scripts/shards"))
        #expect(try session.count("SELECT count(*) FROM sweep_jobs") == 0, "--emit submits nothing")

        let output = try session.succeed(
            ["sweep"] + Self.shortDiffusion + [
                "--grid", "mcSamples=300|600", "--seeds", "1-3", "--jobs", "2", "--name", "grid",
            ])
        #expect(output.contains("2 values of mcSamples × 3 seeds = 6 cells"))
        #expect(output.contains("cells: 6 — 6 finished"))
        let cells = try session.rows(
            """
            SELECT c.cell_index, json_extract(c.parameters, '$.mcSamples'), c.seed, r.status, r.result_digest,
                   r.started_at >= s.created_at, r.run_id
            FROM sweep_cells c JOIN sweeps s USING (sweep_id) JOIN runs r ON r.run_id = c.run_id
            WHERE s.name = 'grid' ORDER BY c.cell_index
            """)
        #expect(cells.count == 6)
        #expect(cells.map { $0[1] } == ["300", "300", "300", "600", "600", "600"])
        #expect(cells.map { $0[2] } == ["1", "2", "3", "1", "2", "3"])
        #expect(cells.allSatisfy { $0[3] == "finished" && $0[5] == "1" })
        #expect(Set(cells.map { $0[4] }).count == 6, "every cell's results differ (sample size or seed)")

        let plain = session.directory.path("plain.sqlite")
        for cell in cells {
            try session.succeed(
                ["run"] + Self.shortDiffusion + ["mcSamples=\(cell[1])", "--seed", cell[2]], database: plain)
        }
        let plainDigests = try session.rows("SELECT result_digest FROM runs ORDER BY started_at", database: plain)
            .map { $0[0] }
        #expect(plainDigests == cells.map { $0[4] }, "a sweep cell computes what `run` computes, bit for bit")
        let status = try session.succeed(["sweep", "status", "grid"])
        #expect(status.contains("complete"))
        let shown = try session.succeed(["show", cells[4][6], "--format", "json"])
        #expect(shown.contains("\"cell_index\": 4") && shown.contains("\"sweep_id\": \""), "\(shown.prefix(600))")
        // The whole database (sweep, cells with their runs) merges into another one.
        let copy = session.directory.path("copy.sqlite")
        try session.succeed(["merge", session.database], database: copy)
        #expect(try session.succeed(["sweep", "status", "grid"], database: copy).contains("cells: 6 — 6 finished"))
        #expect(
            try session.rows("SELECT run_id FROM sweep_cells ORDER BY 1", database: copy)
                == (try session.rows("SELECT run_id FROM sweep_cells ORDER BY 1")))

        // The sweep report: byte-identical when rendered again, and its pass counts are those of
        // the checks of the cells' runs, counted here in SQL.
        try session.succeed(["report", "--sweep", "grid", "--out", session.directory.path("first")])
        try session.succeed(["report", "--sweep", "grid", "--out", session.directory.path("second")])
        let folder = "diffusion-discretization"
        let first = try FileManager.default.contentsOfDirectory(atPath: session.directory.path("first/\(folder)"))
        #expect(first.contains("sweep-grid.md") && first.contains("sweep-grid-claims.csv"))
        for name in first {
            let a = try Data(contentsOf: URL(fileURLWithPath: session.directory.path("first/\(folder)/\(name)")))
            let b = try Data(contentsOf: URL(fileURLWithPath: session.directory.path("second/\(folder)/\(name)")))
            #expect(a == b, "\(name) differs between two renderings")
        }
        #expect(
            try session.run(["report", "--sweep", "grid", "--check", "--out", session.directory.path("first")]).status
                == 0)
        let csv = try String(
            contentsOfFile: session.directory.path("first/\(folder)/sweep-grid-claims.csv"), encoding: .utf8)
        let counted = try session.rows(
            """
            SELECT k.claim, sum(k.verdict IN ('pass','fail','inconclusive')), sum(k.verdict = 'pass'),
                   sum(k.verdict = 'fail')
            FROM sweep_cells c JOIN sweeps s USING (sweep_id) JOIN checks k ON k.run_id = c.run_id
            WHERE s.name = 'grid' GROUP BY k.claim
            """)
        #expect(counted.count == 19)
        for row in counted {
            let line = csv.split(separator: "\n").first { $0.hasPrefix(row[0] + ",") }.map(String.init) ?? ""
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(
                fields.count > 3 && Array(fields[1...2]) == [row[1], row[2]] && fields[3] == row[3], "\(row) vs \(line)"
            )
        }
        #expect(
            counted.contains { $0[0] == "A1-cov" && $0[1] == "6" }, "the Monte Carlo claims are evaluated in every cell"
        )
    }

    @Test(
        "SIGINT mid-sweep: finished cells merged, running cells killed with their shards merged; resume completes without duplicate runs"
    )
    func interruptAndResume() throws {
        let session = try SweepSession()
        defer { session.directory.remove() }
        // Cells 0–2 sleep 1.5 s, cells 3–5 0.05 s; two at a time.
        let arguments = [
            "sweep", "fixture-sleep", "interval=0.01", "--grid", "steps=150|5", "--seeds", "1-3", "--jobs", "2",
            "--name", "nap", "--db", session.database,
        ]
        let (process, pipe) = try FixtureProcess.start(
            arguments, directory: session.directory.url, environment: ["TMPDIR": session.directory.path("")])
        // Wait until both workers have created their shards (their runs start right after).
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: session.directory.path(""))) ?? []
            if names.filter({ $0.hasPrefix("workbench-") && $0.hasSuffix(".sqlite") }).count >= 2 { break }
            usleep(20_000)
        }
        usleep(400_000)
        kill(process.processIdentifier, SIGINT)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(output)")
        let killed = try session.count("SELECT count(*) FROM runs WHERE status = 'killed'")
        #expect(killed == 2, "both in-flight cells end killed and their shards are merged: \(output)")
        #expect(try session.count("SELECT count(*) FROM runs WHERE status = 'running'") == 0)
        #expect(try session.count("SELECT count(*) FROM sweep_cells WHERE status = 'killed'") == 2)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: session.directory.path(""))) ?? []
        #expect(!leftovers.contains { $0.hasPrefix("workbench-sweep-") }, "the temporary sweep directory is removed")

        let resumed = try FixtureProcess.run(
            ["sweep", "resume", "nap", "--jobs", "2", "--db", session.database], directory: session.directory.url,
            environment: ["TMPDIR": session.directory.path("")])
        #expect(resumed.status == 0, "\(resumed.output)")
        #expect(try session.count("SELECT count(*) FROM sweep_cells WHERE status = 'finished'") == 6)
        #expect(
            try session.count(
                "SELECT count(*) FROM (SELECT cell_index FROM runs WHERE status = 'finished' GROUP BY cell_index HAVING count(*) > 1)"
            ) == 0, "no cell has two finished runs")
        #expect(try session.count("SELECT count(*) FROM runs WHERE status = 'finished'") == 6)
        #expect(
            try session.count(
                "SELECT count(*) FROM sweep_cells c JOIN runs r ON r.run_id = c.run_id WHERE r.status = 'finished'")
                == 6)
        let again = try FixtureProcess.run(
            ["sweep", "resume", "nap", "--db", session.database], directory: session.directory.url)
        #expect(again.output.contains("nothing to run"))
        #expect(try session.count("SELECT count(*) FROM runs") == 6 + killed)
    }

    @Test("sweep usage errors exit 64 with the closest valid word; nothing is recorded")
    func usageErrors() throws {
        let session = try SweepSession()
        defer { session.directory.remove() }
        let cases: [([String], String)] = [
            (["sweep", "diffusion-discretisation"], "did you mean 'diffusion-discretization'"),
            (["sweep", "statsu"], "did you mean 'status'"),
            (["sweep"] + Self.shortDiffusion + ["--grid", "mcSample=300|600"], "did you mean 'mcSamples'"),
            (["sweep"] + Self.shortDiffusion + ["--grid", "mcSamples=300|x"], "mcSamples"),
            (["sweep"] + Self.shortDiffusion + ["--seeds", "5-1"], "reversed"),
            (["sweep"] + Self.shortDiffusion + ["--emit", "slrum"], "did you mean 'slurm'"),
            (["sweep"] + Self.shortDiffusion + ["mcSamples=300", "--grid", "mcSamples=600"], "both fixed"),
        ]
        for (arguments, fragment) in cases {
            let result = try session.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.output.contains(fragment), "\(arguments): \(result.output)")
        }
        let status = try session.run(["sweep", "status", "nothing"])
        #expect(status.status == 64)
        #expect(!FileManager.default.fileExists(atPath: session.database), "nothing was written")
    }
}
