/// The database schema, versioned by `PRAGMA user_version` and migrated forward only.
///
/// Each migration moves the file from version `k − 1` to `k` inside one write transaction, so a
/// file is never left half-migrated. A file newer than this program is refused rather than
/// guessed at. The tables are a public contract documented in the README.
public enum Schema {
    /// The version this program writes.
    public static var currentVersion: Int { migrations.count }

    /// The oldest version a read-only connection reads as it is: version 5 changed only the
    /// storage order of `metrics`' columns, which every query names.
    public static let oldestReadableVersion = 4

    /// Migration `k` (1-based) upgrades version `k − 1` to `k`.
    static let migrations: [String] = [
        // 1: runs, typed parameters, metrics (scalars and series), claim checks.
        """
        CREATE TABLE db_info(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        CREATE TABLE runs(
            run_id TEXT PRIMARY KEY,
            experiment TEXT NOT NULL,
            preset TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('running','finished','failed','killed','lost')),
            seed INTEGER NOT NULL,
            config_hash TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            heartbeat_at TEXT,
            duration_s REAL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            git_commit TEXT,
            git_dirty INTEGER,
            workbench_version TEXT NOT NULL,
            blas_core TEXT NOT NULL,
            blas_threads INTEGER NOT NULL,
            sqlite_version TEXT NOT NULL,
            error TEXT,
            result_digest TEXT,
            rerun_of TEXT REFERENCES runs(run_id)
        ) STRICT;
        CREATE INDEX runs_by_experiment ON runs(experiment, status, started_at);
        CREATE TABLE params(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value ANY,
            kind TEXT NOT NULL,
            PRIMARY KEY (run_id, key)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX params_by_key ON params(key, value);
        CREATE TABLE metrics(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            x REAL,
            value REAL,
            special TEXT CHECK (special IN ('nan','inf','-inf','-0')),
            seq INTEGER NOT NULL,
            PRIMARY KEY (run_id, seq)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE checks(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            claim TEXT NOT NULL,
            statement TEXT NOT NULL,
            paper TEXT NOT NULL,
            expected TEXT NOT NULL,
            expected_low REAL,
            expected_high REAL,
            measured REAL,
            ci_low REAL,
            ci_high REAL,
            detail TEXT,
            verdict TEXT NOT NULL CHECK (verdict IN ('pass','fail','inconclusive')),
            PRIMARY KEY (run_id, claim)
        ) STRICT;
        """,
        // 2: run artifacts, provenance extras, and views for people who query the file directly.
        """
        CREATE TABLE artifacts(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (run_id, name)
        ) STRICT;
        ALTER TABLE runs ADD COLUMN blas_config TEXT;
        ALTER TABLE runs ADD COLUMN workers INTEGER;
        ALTER TABLE runs ADD COLUMN command_line TEXT;
        CREATE VIEW run_summary AS
        SELECT r.run_id, r.experiment, r.preset, r.status, r.seed, r.started_at, r.ended_at,
               r.duration_s,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.verdict = 'pass')
                   AS checks_passed,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.verdict = 'fail')
                   AS checks_failed,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id
                   AND c.verdict = 'inconclusive') AS checks_inconclusive,
               (SELECT json_group_object(p.key, p.value) FROM params p WHERE p.run_id = r.run_id)
                   AS params_json,
               r.config_hash, r.result_digest, r.git_commit, r.git_dirty, r.host, r.pid,
               r.blas_core, r.blas_threads, r.workbench_version, r.rerun_of, r.error
        FROM runs r;
        CREATE VIEW metric_values AS
        SELECT m.run_id, r.experiment, r.status, m.key, m.x,
               CASE WHEN m.special = 'nan' THEN NULL ELSE m.value END AS value,
               m.special
        FROM metrics m JOIN runs r USING (run_id);
        CREATE VIEW check_results AS
        SELECT c.run_id, r.experiment, r.preset, r.started_at, c.claim, c.verdict, c.measured,
               c.ci_low, c.ci_high, c.expected, c.paper, c.statement, c.detail
        FROM checks c JOIN runs r USING (run_id);
        """,
        // 3: named coordinates on metric points, inputs read by a run, the five verdicts with a
        // marginal flag and the deciding part. `checks` is rebuilt (SQLite cannot change a CHECK
        // constraint) through a copy; the views that read it are recreated.
        """
        ALTER TABLE metrics ADD COLUMN coords TEXT CHECK (coords IS NULL OR json_valid(coords));
        CREATE TABLE run_inputs(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            input TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            PRIMARY KEY (run_id, input)
        ) STRICT;
        DROP VIEW run_summary;
        DROP VIEW metric_values;
        DROP VIEW check_results;
        CREATE TEMP TABLE checks_v2 AS SELECT * FROM checks;
        DROP TABLE checks;
        CREATE TABLE checks(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            claim TEXT NOT NULL,
            statement TEXT NOT NULL,
            paper TEXT NOT NULL,
            expected TEXT NOT NULL,
            expected_low REAL,
            expected_high REAL,
            measured REAL,
            ci_low REAL,
            ci_high REAL,
            detail TEXT,
            verdict TEXT NOT NULL
                CHECK (verdict IN ('pass','fail','inconclusive','not-run','not-applicable')),
            marginal INTEGER NOT NULL DEFAULT 0 CHECK (marginal IN (0, 1)),
            part TEXT,
            PRIMARY KEY (run_id, claim)
        ) STRICT;
        INSERT INTO checks(run_id, claim, statement, paper, expected, expected_low, expected_high,
            measured, ci_low, ci_high, detail, verdict)
        SELECT run_id, claim, statement, paper, expected, expected_low, expected_high, measured,
            ci_low, ci_high, detail, verdict
        FROM checks_v2 ORDER BY rowid;
        DROP TABLE checks_v2;
        CREATE VIEW run_summary AS
        SELECT r.run_id, r.experiment, r.preset, r.status, r.seed, r.started_at, r.ended_at,
               r.duration_s,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.verdict = 'pass')
                   AS checks_passed,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.verdict = 'fail')
                   AS checks_failed,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id
                   AND c.verdict = 'inconclusive') AS checks_inconclusive,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id
                   AND c.verdict IN ('not-run', 'not-applicable')) AS checks_skipped,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.marginal = 1)
                   AS checks_marginal,
               (SELECT json_group_object(p.key, p.value) FROM params p WHERE p.run_id = r.run_id)
                   AS params_json,
               r.config_hash, r.result_digest, r.git_commit, r.git_dirty, r.host, r.pid,
               r.blas_core, r.blas_threads, r.workbench_version, r.rerun_of, r.error
        FROM runs r;
        CREATE VIEW metric_values AS
        SELECT m.run_id, r.experiment, r.status, m.key, m.x,
               CASE WHEN m.special = 'nan' THEN NULL ELSE m.value END AS value,
               m.special, m.coords
        FROM metrics m JOIN runs r USING (run_id);
        CREATE VIEW metric_coordinates AS
        SELECT m.run_id, m.seq, m.key, m.x,
               CASE WHEN m.special = 'nan' THEN NULL ELSE m.value END AS value,
               c.key AS coordinate, c.value AS coordinate_value
        FROM metrics m, json_each(m.coords) c
        WHERE m.coords IS NOT NULL;
        CREATE VIEW check_results AS
        SELECT c.run_id, r.experiment, r.preset, r.started_at, c.part, c.claim, c.verdict,
               c.marginal, c.measured, c.ci_low, c.ci_high, c.expected, c.paper, c.statement,
               c.detail
        FROM checks c JOIN runs r USING (run_id);
        """,
        // 4: run names, notes and tags; deleting a run row removes everything that belongs to it
        // even where foreign keys are not enforced (the sqlite3 shell's default), and reruns of
        // a deleted run keep their row with `rerun_of` cleared.
        """
        ALTER TABLE runs ADD COLUMN name TEXT;
        ALTER TABLE runs ADD COLUMN note TEXT;
        CREATE UNIQUE INDEX runs_by_name ON runs(name) WHERE name IS NOT NULL;
        CREATE TABLE run_tags(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key)
        ) STRICT;
        CREATE TRIGGER runs_before_delete BEFORE DELETE ON runs BEGIN
            UPDATE runs SET rerun_of = NULL WHERE rerun_of = old.run_id;
        END;
        CREATE TRIGGER runs_after_delete AFTER DELETE ON runs BEGIN
            DELETE FROM params WHERE run_id = old.run_id;
            DELETE FROM metrics WHERE run_id = old.run_id;
            DELETE FROM checks WHERE run_id = old.run_id;
            DELETE FROM artifacts WHERE run_id = old.run_id;
            DELETE FROM run_inputs WHERE run_id = old.run_id;
            DELETE FROM run_tags WHERE run_id = old.run_id;
        END;
        DROP VIEW run_summary;
        CREATE VIEW run_summary AS
        SELECT r.run_id, r.name, r.experiment, r.preset, r.status, r.seed, r.started_at, r.ended_at,
               r.duration_s,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.verdict = 'pass')
                   AS checks_passed,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.verdict = 'fail')
                   AS checks_failed,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id
                   AND c.verdict = 'inconclusive') AS checks_inconclusive,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id
                   AND c.verdict IN ('not-run', 'not-applicable')) AS checks_skipped,
               (SELECT count(*) FROM checks c WHERE c.run_id = r.run_id AND c.marginal = 1)
                   AS checks_marginal,
               (SELECT json_group_object(t.key, t.value) FROM run_tags t WHERE t.run_id = r.run_id)
                   AS tags_json,
               r.note,
               (SELECT json_group_object(p.key, p.value) FROM params p WHERE p.run_id = r.run_id)
                   AS params_json,
               r.config_hash, r.result_digest, r.git_commit, r.git_dirty, r.host, r.pid,
               r.blas_core, r.blas_threads, r.workbench_version, r.rerun_of, r.error
        FROM runs r;
        """,
        // 5: `metrics` declares its primary-key columns first, so its storage order is its
        // declaration order. On the earlier shape (key columns `run_id … seq` split by five
        // others) `PRAGMA integrity_check` of SQLite 3.40 reports "NULL value in metrics.key" on
        // healthy files. Rebuilt through a copy in the same order; the views that read it are
        // recreated.
        """
        DROP VIEW metric_values;
        DROP VIEW metric_coordinates;
        CREATE TEMP TABLE metrics_v4 AS SELECT run_id, seq, key, x, value, special, coords FROM metrics;
        DROP TABLE metrics;
        CREATE TABLE metrics(
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            key TEXT NOT NULL,
            x REAL,
            value REAL,
            special TEXT CHECK (special IN ('nan','inf','-inf','-0')),
            coords TEXT CHECK (coords IS NULL OR json_valid(coords)),
            PRIMARY KEY (run_id, seq)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO metrics(run_id, seq, key, x, value, special, coords)
        SELECT run_id, seq, key, x, value, special, coords FROM metrics_v4 ORDER BY run_id, seq;
        DROP TABLE metrics_v4;
        CREATE VIEW metric_values AS
        SELECT m.run_id, r.experiment, r.status, m.key, m.x,
               CASE WHEN m.special = 'nan' THEN NULL ELSE m.value END AS value,
               m.special, m.coords
        FROM metrics m JOIN runs r USING (run_id);
        CREATE VIEW metric_coordinates AS
        SELECT m.run_id, m.seq, m.key, m.x,
               CASE WHEN m.special = 'nan' THEN NULL ELSE m.value END AS value,
               c.key AS coordinate, c.value AS coordinate_value
        FROM metrics m, json_each(m.coords) c
        WHERE m.coords IS NOT NULL;
        """,
        // 6: sweeps — a grid of configurations × seeds whose planned cells are rows before any
        // run exists; every attempt at a cell is an ordinary run linked by (`sweep_id`,
        // `cell_index`), and `sweep_cells.run_id`/`status` name the cell's current run (its
        // finished run if any, else its latest attempt). Batch jobs submitted for a sweep, and
        // every merged shard (by the SHA-256 of its bytes, so merging it again is a no-op). Only
        // tables and nullable columns are added, which only the sweep and merge commands read, so
        // a version-4 or 5 file stays readable as it is.
        """
        CREATE TABLE sweeps(
            sweep_id TEXT PRIMARY KEY,
            name TEXT,
            experiment TEXT NOT NULL,
            preset TEXT NOT NULL,
            spec TEXT NOT NULL CHECK (json_valid(spec)),
            cell_count INTEGER NOT NULL,
            cells_per_task INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            command_line TEXT
        ) STRICT;
        CREATE UNIQUE INDEX sweeps_by_name ON sweeps(name) WHERE name IS NOT NULL;
        CREATE TABLE sweep_cells(
            sweep_id TEXT NOT NULL REFERENCES sweeps(sweep_id) ON DELETE CASCADE,
            cell_index INTEGER NOT NULL,
            parameters TEXT NOT NULL CHECK (json_valid(parameters)),
            seed INTEGER NOT NULL,
            array_task INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned','running','finished','failed','killed')),
            run_id TEXT REFERENCES runs(run_id) ON DELETE SET NULL,
            PRIMARY KEY (sweep_id, cell_index)
        ) STRICT;
        CREATE TABLE sweep_jobs(
            sweep_id TEXT NOT NULL REFERENCES sweeps(sweep_id) ON DELETE CASCADE,
            job_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('array','merge')),
            array_tasks TEXT,
            submitted_at TEXT NOT NULL,
            PRIMARY KEY (sweep_id, job_id)
        ) STRICT;
        ALTER TABLE runs ADD COLUMN sweep_id TEXT REFERENCES sweeps(sweep_id) ON DELETE SET NULL;
        ALTER TABLE runs ADD COLUMN cell_index INTEGER;
        CREATE INDEX runs_by_sweep ON runs(sweep_id, cell_index) WHERE sweep_id IS NOT NULL;
        CREATE TABLE merges(
            shard_sha256 TEXT PRIMARY KEY,
            source_path TEXT NOT NULL,
            shard_db_uuid TEXT,
            merged_at TEXT NOT NULL,
            runs_added INTEGER NOT NULL
        ) STRICT;
        CREATE TRIGGER runs_after_delete_sweep_cells AFTER DELETE ON runs BEGIN
            UPDATE sweep_cells SET run_id = NULL, status = 'planned' WHERE run_id = old.run_id;
        END;
        CREATE VIEW sweep_runs AS
        SELECT c.sweep_id, s.name AS sweep_name, s.experiment, c.cell_index, c.array_task, c.seed,
               c.parameters, c.status, c.run_id, r.result_digest, r.duration_s
        FROM sweep_cells c JOIN sweeps s USING (sweep_id) LEFT JOIN runs r ON r.run_id = c.run_id;
        """,
    ]

    /// Brings `database` to ``currentVersion``; returns the version it had before.
    ///
    /// - Throws: ``StoreError/newerSchema(found:supported:)`` for files written by a newer
    ///   program, or the SQLite error of a failed step (that step is rolled back).
    @discardableResult
    public static func migrate(_ database: Database, upTo target: Int = currentVersion) throws -> Int {
        let found = try database.userVersion
        if found > currentVersion {
            throw StoreError.newerSchema(found: found, supported: currentVersion)
        }
        // Each step re-reads the version inside its write transaction: another process may have
        // migrated the file between our read and our lock.
        while true {
            let done = try database.writeTransaction { () throws -> Bool in
                let version = try database.userVersion
                guard version < target else { return true }
                try database.execute(migrations[version])
                if version == 0 {
                    try database.run(
                        "INSERT INTO db_info(key, value) VALUES ('db_uuid', ?), ('created_at', ?)",
                        [.text(RunIdentifier.random()), .text(Timestamp.now())])
                }
                try database.setUserVersion(version + 1)
                return false
            }
            if done { return found }
        }
    }
}
