import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

/// The researcher workflow through the shipped `workbench` binary, on real runs of
/// `conservation-laws` (its quick preset takes about a second).
@Suite("Researcher workflow through the shipped binary")
struct ShippedBinaryWorkflowTests {
    /// A temporary directory with a database, and the binary run in it.
    struct Session {
        let directory: TemporaryDirectory
        var database: String { directory.path("runs.sqlite") }

        init() throws { directory = try TemporaryDirectory("workbench-shipped") }

        @discardableResult
        func run(_ arguments: [String], database useDatabase: Bool = true) throws -> (status: Int32, output: String) {
            try FixtureProcess.run(
                arguments + (useDatabase ? ["--db", database] : []), executable: FixtureProcess.shippedExecutable,
                directory: directory.url)
        }

        /// Runs and expects exit 0.
        @discardableResult
        func succeed(_ arguments: [String]) throws -> String {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.output)")
            return result.output
        }

        /// The full id of the run selected by `selector`.
        func runID(_ selector: String) throws -> String {
            let output = try succeed(["show", selector, "--format", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            let run = object?["run"] as? [String: Any]
            let digest = run?["result_digest"] as? String
            let rows = try succeed([
                "sql", "SELECT run_id FROM runs WHERE result_digest = '\(digest ?? "")'", "--format", "csv",
            ])
            return rows.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        }

        /// Every file under `folder` with its bytes.
        func snapshot(_ folder: String) throws -> [String: Data] {
            var files: [String: Data] = [:]
            let root = directory.path(folder)
            for name in FileManager.default.enumerator(atPath: root)?.compactMap({ $0 as? String }) ?? [] {
                var isDirectory: ObjCBool = false
                let path = root + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
            return files
        }
    }

    @Test("an exploratory run changes neither the report nor `check <experiment>`; --run lists its overrides")
    func pinnedReports() throws {
        let session = try Session()
        defer { session.directory.remove() }
        try session.succeed(["run", "conservation-laws"])
        let out = session.directory.path("reports")
        try session.succeed(["report", "conservation-laws", "--out", out])
        let before = try session.snapshot("reports")
        #expect(before.keys.contains("conservation-laws/README.md"))
        let pinnedCheck = try session.succeed(["check", "conservation-laws", "--format", "csv"])
        try session.succeed(["run", "conservation-laws", "gdEtas=0.04,0.02,0.01", "--seed", "5", "--name", "explore"])
        try session.succeed(["report", "conservation-laws", "--out", out])
        #expect(try session.snapshot("reports") == before)
        #expect(try session.succeed(["check", "conservation-laws", "--format", "csv"]) == pinnedCheck)
        try session.succeed(["report", "conservation-laws", "--run", "explore", "--out", out])
        let header = String(
            decoding: try session.snapshot("reports")["conservation-laws/README.md"] ?? Data(), as: UTF8.self)
        #expect(header.contains("gdEtas"), "the header of a report of a run with overrides lists them")
    }

    @Test("every selection form in show, check, compare, verify, tag and delete")
    func selectionForms() throws {
        let session = try Session()
        defer { session.directory.remove() }
        try session.succeed(["run", "conservation-laws", "parts=count", "--name", "first"])
        try session.succeed(["run", "conservation-laws", "parts=count", "--seed", "2"])
        let first = try session.runID("first")
        let second = try session.runID("latest")
        #expect(first != second && first.count == 32)
        #expect(try session.runID(String(first.prefix(6))) == first)
        #expect(try session.runID("latest~1") == first)
        for command in [["check"], ["tag"], ["compare", "latest"]] {
            for selector in ["first", String(first.prefix(8)), "latest~1"] {
                let result = try session.run(command + [selector])
                #expect(result.status == 0, "\(command) \(selector): \(result.output)")
            }
        }
        let verify = try session.run(["verify", "first"])
        #expect(verify.status == 0 && verify.output.contains("bit-identical"), "\(verify.output)")
        let unknown = try session.run(["show", "firts"])
        #expect(unknown.status == 64 && unknown.output.contains("first"), "\(unknown.output)")
        try session.succeed(["delete", "first", "--yes"])
        #expect(try session.run(["show", "first"]).status == 64)
        let orphans = try session.succeed([
            "sql", "SELECT count(*) FROM metrics WHERE run_id NOT IN (SELECT run_id FROM runs)", "--format", "csv",
        ])
        #expect(orphans.split(separator: "\n").last == "0")
    }

    @Test("verify exits 1 and names the metric after one stored value is changed by 1 + 1e-15")
    func verifyDetectsTampering() throws {
        let session = try Session()
        defer { session.directory.remove() }
        try session.succeed(["run", "conservation-laws", "parts=gd"])
        do {
            let database = try Database(path: session.database)
            try database.execute(
                """
                UPDATE metrics SET value = value * (1 + 1e-15)
                WHERE seq = (SELECT min(seq) FROM metrics WHERE value > 1)
                """)
        }
        let result = try session.run(["verify", "latest"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("DAMAGED") && result.output.contains("differ"), "\(result.output)")
    }

    @Test("runs hides unchanged parameters and takes metric and measured columns; compare --only-diff gives deltas")
    func tables() throws {
        let session = try Session()
        defer { session.directory.remove() }
        try session.succeed(["run", "conservation-laws", "parts=gd", "gdHorizon=10"])
        try session.succeed(["run", "conservation-laws", "parts=gd", "gdHorizon=20"])
        let table = try session.succeed(["runs", "--experiment", "conservation-laws"])
        let header = table.split(separator: "\n").first ?? ""
        #expect(header.contains("gdHorizon") && !header.contains("gdInitScale"), "\(table)")
        #expect(table.contains("equal in every listed run hidden"))
        let columns = try session.succeed([
            "runs", "--experiment", "conservation-laws", "--columns", "gdHorizon,measured:gd-relu-slope", "--format",
            "csv",
        ])
        let lines = columns.split(separator: "\n")
        #expect(lines.first == "gdHorizon,measured:gd-relu-slope" && lines.count == 3, "\(columns)")
        let typo = try session.run(["runs", "--columns", "run_id,measured:gd-relu-slop"])
        #expect(typo.status == 64 && typo.output.contains("did you mean 'measured:gd-relu-slope'"), "\(typo.output)")
        let compare = try session.succeed(["compare", "latest", "latest~1", "--only-diff", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(compare.utf8)) as? [[String: Any]])
        #expect(rows.allSatisfy { $0["differs"] as? Bool == true })
        let horizon = try #require(rows.first { $0["name"] as? String == "gdHorizon" })
        let delta = try #require(horizon.first { $0.key.hasPrefix("Δ ") }?.value as? Double)
        let relative = try #require(horizon.first { $0.key.hasPrefix("rel ") }?.value as? Double)
        #expect(delta == -10 && relative == -0.5)
    }

    @Test("JSON typing is the same in runs, show, check and list: booleans, arrays, numbers")
    func jsonTyping() throws {
        let session = try Session()
        defer { session.directory.remove() }
        try session.succeed(["run", "conservation-laws", "parts=count"])
        let runs = try session.succeed(["runs", "--experiment", "conservation-laws", "--format", "json"])
        let run = try #require((try JSONSerialization.jsonObject(with: Data(runs.utf8)) as? [[String: Any]])?.first)
        #expect(run["parts"] as? [String] == ["count"])
        #expect(run["earlyExit"] is Bool && run["seed"] is NSNumber && run["tags_json"] is [String: Any])
        let show = try session.succeed(["show", "latest", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(show.utf8)) as? [String: Any])
        let provenance = try #require(document["run"] as? [String: Any])
        #expect(provenance["git_dirty"] is Bool || provenance["git_dirty"] is NSNull)
        let metrics = try #require(document["metrics"] as? [[String: Any]])
        #expect(metrics.contains { $0["coords"] is [String: Any] })
        let pattern = try session.succeed(["show", "latest", "count.lin:2-2-2.*", "--format", "csv"])
        #expect(pattern.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("count.lin:2-2-2.") })
        let check = try session.succeed(["check", "latest", "--format", "json"])
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [[String: Any]])
        #expect(claims.contains { $0["verdict"] as? String == "pass" && $0["marginal"] is Bool })
        #expect(claims.contains { $0["verdict"] as? String == "not-run" })
        let list = try session.run(["list", "conservation-laws", "--format", "json"], database: false)
        let experiments = try #require(
            try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        let parameters = try #require(experiments.first?["parameters"] as? [[String: Any]])
        #expect(parameters.contains { $0["key"] as? String == "earlyExit" && $0["default"] is Bool })
    }

    @Test("SQL may start with a comment; integrity_check is ok after runs of two experiments")
    func sqlAndIntegrity() throws {
        let session = try Session()
        defer { session.directory.remove() }
        try session.succeed(["run", "conservation-laws", "parts=count"])
        try session.succeed(["run", "resnet-ode", "parts=memory"])
        let commented = try session.succeed([
            "sql", "-- runs per experiment\nSELECT count(*) AS n FROM runs", "--format", "csv",
        ])
        #expect(commented == "n\n2\n")
        let integrity = try session.succeed(["sql", "PRAGMA integrity_check", "--format", "csv"])
        #expect(integrity == "integrity_check\nok\n")
    }

    @Test("typos get the closest valid word and exit 64")
    func suggestions() throws {
        let session = try Session()
        defer { session.directory.remove() }
        let cases: [([String], String)] = [
            (["run", "conservation-law"], "did you mean 'conservation-laws'"),
            (["run", "conservation-laws", "gdHorizn=3"], "gdHorizon"),
            (["run", "conservation-laws", "--preset", "papr"], "paper"),
            (["report", "conservation-laws", "--preset", "papr"], "paper"),
            (["run", "conservation-laws", "--gdHorizon=3"], "gdHorizon=3"),
        ]
        for (arguments, expected) in cases {
            let result = try session.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.output)")
            #expect(result.output.contains(expected), "\(arguments): \(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: session.database))
    }
}
