import Foundation

/// Sweeps: their planned cells, the runs computing them, and their batch jobs.
extension RunStore {
    /// Whether the file has the sweep tables (schema version 6 or later); an older file opened
    /// read-only has none.
    public var tracksSweeps: Bool {
        ((try? database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'sweep_cells'"))??.integerValue
            ?? 0) > 0
    }

    /// Records a sweep and its planned cells in one transaction (an existing sweep row or cell is
    /// kept as it is, so a shard can record the sweep it computes cells of).
    ///
    /// - Throws: ``StoreError/sweepNameTaken(_:by:)`` when another sweep has the name.
    public func insertSweep(_ sweep: StoredSweep, cells: [StoredSweepCell]) throws {
        try database.writeTransaction {
            if let name = sweep.name,
                let holder = try database.scalar(
                    "SELECT sweep_id FROM sweeps WHERE name = ? AND sweep_id <> ?",
                    [.text(name), .text(sweep.sweepID)])?.textValue
            {
                throw StoreError.sweepNameTaken(name, by: holder)
            }
            try database.run(
                """
                INSERT INTO sweeps(sweep_id, name, experiment, preset, spec, cell_count, cells_per_task,
                    created_at, command_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sweep_id) DO NOTHING
                """,
                [
                    .text(sweep.sweepID), sweep.name.sqlText, .text(sweep.experiment), .text(sweep.preset),
                    .text(sweep.spec), .integer(Int64(sweep.cellCount)), .integer(Int64(sweep.cellsPerTask)),
                    .text(sweep.createdAt), sweep.commandLine.sqlText,
                ])
            let statement = try database.prepare(
                """
                INSERT INTO sweep_cells(sweep_id, cell_index, parameters, seed, array_task, status)
                VALUES (?, ?, ?, ?, ?, 'planned') ON CONFLICT(sweep_id, cell_index) DO NOTHING
                """)
            for cell in cells {
                try statement.bind([
                    .text(cell.sweepID), .integer(Int64(cell.cellIndex)), .text(cell.parameters),
                    .integer(Int64(bitPattern: cell.seed)), .integer(Int64(cell.arrayTask)),
                ])
                try statement.step()
                statement.reset()
            }
        }
    }

    /// Every sweep, newest first.
    public func sweeps() throws -> [StoredSweep] {
        try database.query("SELECT \(Self.sweepColumns) FROM sweeps ORDER BY created_at DESC, sweep_id").map(
            Self.sweep(from:))
    }

    /// The sweep `word` selects: its name, or a unique prefix of its id.
    ///
    /// - Throws: ``StoreError/noSuchSweep(_:names:)``, ``StoreError/ambiguousSweep(_:candidates:)``.
    public func sweep(selectedBy word: String) throws -> StoredSweep {
        guard tracksSweeps else { throw StoreError.noSuchSweep(word, names: []) }
        if let named = try database.query(
            "SELECT \(Self.sweepColumns) FROM sweeps WHERE name = ?", [.text(word)]
        ).first {
            return Self.sweep(from: named)
        }
        let prefix = word.lowercased()
        let rows = try database.query(
            "SELECT \(Self.sweepColumns) FROM sweeps WHERE substr(sweep_id, 1, ?) = ? ORDER BY sweep_id LIMIT 20",
            [.integer(Int64(prefix.utf8.count)), .text(prefix)])
        if rows.count == 1 || rows.contains(where: { $0[0].textValue == prefix }) {
            return Self.sweep(from: rows.first { $0[0].textValue == prefix } ?? rows[0])
        }
        if rows.count > 1 {
            throw StoreError.ambiguousSweep(word, candidates: rows.compactMap { $0[0].textValue })
        }
        let names = try database.query("SELECT name FROM sweeps WHERE name IS NOT NULL ORDER BY name").compactMap {
            $0[0].textValue
        }
        throw StoreError.noSuchSweep(word, names: names)
    }

    /// The cells of a sweep, by index.
    public func cells(ofSweep sweepID: String) throws -> [StoredSweepCell] {
        try database.query(
            """
            SELECT sweep_id, cell_index, parameters, seed, array_task, status, run_id FROM sweep_cells
            WHERE sweep_id = ? ORDER BY cell_index
            """, [.text(sweepID)]
        ).map { row in
            StoredSweepCell(
                sweepID: row[0].textValue ?? "", cellIndex: Int(row[1].integerValue ?? 0),
                parameters: row[2].textValue ?? "{}", seed: UInt64(bitPattern: row[3].integerValue ?? 0),
                arrayTask: Int(row[4].integerValue ?? 0),
                status: SweepCellStatus(rawValue: row[5].textValue ?? "") ?? .planned, runID: row[6].textValue)
        }
    }

    /// Recomputes each cell's current run and status from the runs linked to it: its finished
    /// run if it has one (the earliest, should there be several), else its latest attempt; a
    /// cell without any run is `planned`. Call inside or outside a transaction.
    public func refreshCells(ofSweep sweepID: String) throws {
        let chosen = """
            SELECT r.run_id FROM runs r
            WHERE r.sweep_id = sweep_cells.sweep_id AND r.cell_index = sweep_cells.cell_index
            ORDER BY r.status = 'finished' DESC,
                CASE WHEN r.status = 'finished' THEN r.started_at END ASC,
                r.started_at DESC, r.run_id
            LIMIT 1
            """
        try database.run(
            """
            UPDATE sweep_cells SET run_id = (\(chosen))
            WHERE sweep_id = ?
            """, [.text(sweepID)])
        try database.run(
            """
            UPDATE sweep_cells SET status = coalesce(
                (SELECT CASE r.status WHEN 'lost' THEN 'killed' ELSE r.status END FROM runs r
                 WHERE r.run_id = sweep_cells.run_id), 'planned')
            WHERE sweep_id = ?
            """, [.text(sweepID)])
    }

    /// Records a submitted batch job.
    public func recordJob(sweepID: String, _ job: StoredSweepJob) throws {
        try database.writeTransaction {
            try database.run(
                """
                INSERT INTO sweep_jobs(sweep_id, job_id, kind, array_tasks, submitted_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(sweep_id, job_id) DO NOTHING
                """,
                [.text(sweepID), .text(job.jobID), .text(job.kind), job.arrayTasks.sqlText, .text(job.submittedAt)])
        }
    }

    /// The batch jobs submitted for a sweep, in submission order.
    public func jobs(ofSweep sweepID: String) throws -> [StoredSweepJob] {
        try database.query(
            "SELECT job_id, kind, array_tasks, submitted_at FROM sweep_jobs WHERE sweep_id = ? ORDER BY submitted_at, job_id",
            [.text(sweepID)]
        ).map {
            StoredSweepJob(
                jobID: $0[0].textValue ?? "", kind: $0[1].textValue ?? "", arrayTasks: $0[2].textValue,
                submittedAt: $0[3].textValue ?? "")
        }
    }

    /// Every run linked to a sweep (all attempts), as (cell index, run id, status).
    public func sweepRuns(_ sweepID: String) throws -> [(cellIndex: Int, runID: String, status: RunStatus)] {
        try database.query(
            "SELECT cell_index, run_id, status FROM runs WHERE sweep_id = ? ORDER BY cell_index, started_at, run_id",
            [.text(sweepID)]
        ).map {
            (
                Int($0[0].integerValue ?? 0), $0[1].textValue ?? "",
                RunStatus(rawValue: $0[2].textValue ?? "") ?? .lost
            )
        }
    }

    /// `record` with its sweep link (`runs.sweep_id`, `runs.cell_index`) filled in, on a file
    /// that has the columns.
    public func withSweepLink(_ record: RunRecord) throws -> RunRecord {
        guard tracksSweeps,
            let row = try database.query(
                "SELECT sweep_id, cell_index FROM runs WHERE run_id = ?", [.text(record.runID)]
            ).first
        else { return record }
        var linked = record
        linked.sweepID = row[0].textValue
        linked.cellIndex = row[1].integerValue.map { Int($0) }
        return linked
    }

    static let sweepColumns =
        "sweep_id, name, experiment, preset, spec, cell_count, cells_per_task, created_at, command_line"

    static func sweep(from row: [SQLValue]) -> StoredSweep {
        StoredSweep(
            sweepID: row[0].textValue ?? "", name: row[1].textValue, experiment: row[2].textValue ?? "",
            preset: row[3].textValue ?? "", spec: row[4].textValue ?? "{}", cellCount: Int(row[5].integerValue ?? 0),
            cellsPerTask: Int(row[6].integerValue ?? 1), createdAt: row[7].textValue ?? "",
            commandLine: row[8].textValue)
    }
}
