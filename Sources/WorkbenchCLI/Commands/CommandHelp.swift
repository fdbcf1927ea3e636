/// Usage text of every command, kept next to the parsing code's option lists.
enum CommandHelp {
    static let commands = [
        "list", "run", "runs", "show", "compare", "sql", "report", "check", "verify", "fetch", "tag", "note",
        "delete", "gc", "sweep", "sweeps", "merge", "exec", "help",
    ]

    static let overview = """
        workbench — reproduce the numerical experiments of ML-theory papers, record every run in SQLite

        Usage: workbench <command> [options]

        Commands:
          list [<experiment>]             experiments, parameters with defaults, presets, claims
          run <experiment>|all [k=v ...]  run and record (options: --preset, --seed, --jobs, --db)
          runs                            list recorded runs (filters, --where SQL, --format)
          show <run>                      parameters, metrics, checks and provenance of a run
          compare <run> <run> ...         runs side by side, differing parameters first
          sql "SELECT ..."                read-only SQL on the database
          report <experiment>|all         regenerate Reports/<id>/ from the database only
          check <run>|<experiment>        claim verdicts; exit 1 if a claim fails
          verify <run>                    rerun the same configuration; exit 1 unless bit-identical
          fetch <experiment>|all          obtain declared inputs (e.g. pretrained weights) into the data directory
          tag <run> [k=v ...]             change a run's tags (--remove k, --name NAME)
          note <run> [text]               show or set a run's note
          delete <run>... [--yes]         delete runs and all their data
          gc [--older-than 7d] [--dry-run] delete failed/killed/lost runs older than an age
          sweep <experiment> --grid k=v ... --seeds 1-20 [--jobs N | --slurm | --emit slurm|tsv]
                                          a grid × seeds as linked runs; sweep status|resume|list
          sweeps                          list sweeps with their cell counts
          merge <db|dir>...               merge shards or other workbench databases into --db
          exec --sweep-dir D --task K     run one batch task of a sweep (what Slurm array tasks run)

        A run is selected by a unique id prefix, its name, an experiment id (its latest finished
        run of --preset, default quick, without parameter overrides), or latest / latest~N
        (<experiment>~N likewise).

        Database: --db PATH, else $WORKBENCH_DB, else ./workbench.sqlite.
        Inputs: $WORKBENCH_DATA, else $XDG_CACHE_HOME/workbench, else ~/.cache/workbench.
        Run ids may be abbreviated to a unique prefix. `workbench <command> --help` for details.
        Exit status: 0 success, 1 failure (run failed, claim failed, rerun differs), 64 bad input.

        """

    static func text(for command: String) -> String? {
        switch command {
        case "tag":
            return """
                Usage: workbench tag <run> [key=value ...] [--remove key ...] [--name NAME]

                Sets tags on a recorded run (a key given again replaces its value), removes tags, or
                renames the run (names are unique and select the run everywhere a run is taken).
                Tags are in the table run_tags and in run_summary.tags_json.

                """
        case "note":
            return """
                Usage: workbench note <run> [text]

                Prints a run's note, or sets it to text (an empty text clears it).

                """
        case "delete":
            return """
                Usage: workbench delete <run>... [--yes]

                Deletes the runs with their parameters, metrics, checks, artifacts, inputs and tags
                in one transaction. Lists them and asks on a terminal; elsewhere --yes is required.

                """
        case "sweep":
            return """
                Usage: workbench sweep <experiment> [key=value ...] [--grid key=value ...] [--seeds S]
                                       [--preset P] [--name NAME] [--jobs N] [--threads N] [--db PATH]
                                       [--slurm | --emit slurm|tsv] [--sweep-dir DIR] [--cells-per-task M]
                                       [--parallel K] [--partition P] [--time T] [--mem M]
                                       [--sbatch-option=--opt=value ...]
                       workbench sweep status <sweep> [--resubmit] [--format table|csv|json|md]
                       workbench sweep resume <sweep> [--jobs N]
                       workbench sweep list            (also: workbench sweeps)

                Runs a grid of configurations × seeds as ordinary runs linked to one sweep. The plan
                (a sweep row and one `planned` row per cell in sweep_cells) is recorded before any run
                starts; every cell then runs in its own `workbench exec` process writing its own shard
                database, and shards are merged into the database (`workbench merge`).

                  key=value        fixed for every cell, exactly as in `run` (etas=0,0.5,1 is ONE
                                   list value)
                  --grid key=value adds value to the axis of key; repeat it for more values:
                                     --grid mcSamples=400 --grid mcSamples=800
                                   `|` separates several values in one word (quote it for the shell):
                                     --grid 'mcSamples=400|800'
                                   commas never split, so list parameters sweep too:
                                     --grid etas=0,1 --grid etas=0.5,2   (two list values)
                                   several keys: the Cartesian product, first key outermost
                  --seeds S        seeds and inclusive ranges: 1-20, 1,5,9, 1-3,10 (default: the
                                   experiment's default seed)
                  --name NAME      a unique name; a sweep is selected by its name or an id prefix
                  --jobs N         local worker processes (default 1); --threads N worker threads
                                   per run (default 1)

                Locally, finished cells are merged as they end; Ctrl-C (SIGINT) or SIGTERM ends the
                running cells `killed`, merges what was computed and exits 130/143; `sweep resume`
                runs only the missing (planned, failed, killed) cells.

                Slurm (the sweep directory, default workbench-sweeps/<name> beside the database, must
                be on storage the compute nodes share; each task writes its shard on node-local disk
                ($TMPDIR) and copies it into <dir>/shards/ atomically, also when cancelled):
                  --slurm          write <dir>/array.sbatch (--array=0-(T-1)%K) and merge.sbatch (a
                                   job with --dependency=afterany:<array job> that merges the shards)
                                   and submit both; the job ids are recorded
                  --emit slurm     write the scripts without submitting
                  --emit tsv       write <dir>/cells.tsv, one command per cell (GNU parallel, HTCondor)
                  --cells-per-task M  cells per array task (pack short cells; default 1)
                  --parallel K     at most K array tasks at once (%K)
                  --partition, --time, --mem, --sbatch-option=...  passed to sbatch
                `sweep status` lists cells by status and the array tasks to resubmit; with --resubmit
                it submits an array of exactly those tasks (finished cells are skipped) and a merge job.

                Exit status: 0 every cell finished, 1 a cell failed or was killed, 64 bad input,
                130/143 interrupted.

                """
        case "sweeps":
            return """
                Usage: workbench sweeps [--format table|csv|json|md] [--db PATH]

                Lists the sweeps: id, name, experiment, preset, cells, finished and missing cells.

                """
        case "merge":
            return """
                Usage: workbench merge <db|directory>... [--db TARGET] [--quiet]

                Merges workbench databases into TARGET: the shards of a sweep (a directory stands for
                the *.sqlite files in it) or any other workbench database, e.g. one from another
                machine. One transaction per file; rows are keyed by run id, so runs already present
                are kept (a run still `running` or `lost` in TARGET takes the merged end state) and
                nothing is duplicated. Each file's SHA-256 is recorded in the table merges: merging the
                same file again is a no-op. Files of an older schema are migrated on a copy; a file
                from a newer workbench is refused (exit 64). Sweep cells are updated from their runs.

                """
        case "exec":
            return """
                Usage: workbench exec --sweep-dir DIR (--task K | --cell I) [--db SHARD] [--threads N]

                The worker entry of a sweep (what `sweep --jobs`, the Slurm array script and
                `--emit tsv` run): reads DIR/plan.json, runs the pending cells of array task K (or
                cell I) into the shard database SHARD (default: a new file under $TMPDIR), then copies
                the shard into DIR/shards/ atomically (temporary name, fsync, rename). SIGINT/SIGTERM
                end the run in progress `killed` and still deliver the shard.

                """
        case "gc":
            return """
                Usage: workbench gc [--status failed,killed,lost] [--older-than 7d] [--dry-run] [--yes]

                Deletes runs with one of the statuses (default: failed, killed, lost — never running
                or, unless asked, finished) that started more than the age ago (30m, 12h, 7d; 0d for
                all). --dry-run lists them without deleting.

                """
        case "fetch":
            return """
                Usage: workbench fetch <experiment>|all

                Obtains the inputs an experiment declares (pretrained weights, corpora; see
                `workbench list <experiment>`) into the data directory: $WORKBENCH_DATA, else
                $XDG_CACHE_HOME/workbench, else ~/.cache/workbench — outside the repository. An input
                already present with its declared hash is left alone, so fetching twice is harmless.
                A run hashes every input it reads (SHA-256) into `run_inputs`; a missing optional
                input makes only the parts that need it `not-run`. Exit 1 if a fetch failed (e.g. the
                package registry cannot be reached).

                """
        case "list":
            return """
                Usage: workbench list [<experiment>] [--brief] [--format table|csv|json|md]
                       workbench list --system

                Lists the experiments with their paper, parameters (type, default, accepted values),
                presets, parts with their claims, inputs and metric families. With an experiment id,
                only that one. --brief prints one line each; --format json describes everything as data,
                csv and md give one row per parameter. --system prints this machine's CPU, its
                instruction sets, the OpenBLAS version and the kernel it uses, and why.

                """
        case "run":
            return """
                Usage: workbench run <experiment>|all [key=value ...] [--preset P] [--seed N]
                                     [--jobs N] [--blas-threads N] [--db PATH] [--name N] [--tag k=v]...
                                     [--note TEXT] [--check] [--progress] [--dry-run]

                Runs an experiment and records it: the run row is written as `running` first, then
                metrics, claim checks and a result digest; the run ends `finished`, `failed` (with
                the error) or `killed` (SIGINT/SIGTERM, exit 130/143).

                  key=value        override a parameter; lists are comma-separated (etas=0,0.5,1)
                  --preset P       start from preset P instead of `quick` (see `workbench list`)
                  --seed N         master seed (0 ... 9223372036854775807; default per experiment)
                  --jobs N         worker threads for parallel loops (default: number of cores);
                                   results do not depend on it
                  --blas-threads N OpenBLAS threads (default: $OPENBLAS_NUM_THREADS, else 1);
                                   recorded, since it can change the last bits of LAPACK results
                  --db PATH        database file
                  --name N         a unique name, usable wherever a run is selected
                  --tag k=v        a tag (repeatable); --note TEXT a free-text note
                  --check          exit 1 when a claim fails (without it a finished run exits 0)
                  --progress       progress lines on stderr even when it is not a terminal
                  --dry-run        print the resolved configuration and exit without running

                `all` runs every experiment with its defaults (parameter overrides need one
                experiment). Bad input exits 64 and writes nothing. Exit 1 if a run failed.

                """
        case "runs":
            return """
                Usage: workbench runs [--experiment E] [--status S] [--preset P] [--where SQL]
                                      [--columns a,b,...] [--sort [-]column] [--limit N] [--all-columns]
                                      [--format table|csv|json|md] [--db PATH]

                Lists runs, newest first. --where takes an SQL expression over the columns of the
                view `run_summary` (run_id, experiment, preset, status, seed, started_at, duration_s,
                checks_passed, checks_failed, ...). With --experiment E it applies to the view
                `runs_<E>` (dashes become underscores), which has one column per parameter and one
                `check_<claim>` column per claim, e.g.
                  workbench runs --experiment diffusion-discretization --where "eps < 0.01"
                With --experiment, the table hides parameters equal in every listed run (--all-columns
                shows them). --columns picks columns: any view column, `metric:<key>` (a metric's value;
                the last point of a series) and `measured:<claim>` (a claim's measured value), e.g.
                  --columns run_id,eps,check_A4-ratio,measured:A4-ratio,metric:w2.vp-linear.pow1.uniform.eta0.5

                """
        case "show":
            return """
                Usage: workbench show <run> [<key pattern>] [--all-metrics] [--format table|csv|json|md]
                                      [--db PATH]

                Shows provenance, parameters, claim checks and metrics of one run (series are
                summarised unless --all-metrics). With a key pattern, only the metrics whose key matches
                it: a glob (`*` any characters, `?` one), or text contained in the key, e.g.
                  workbench show latest 'w2.*.eta0.5'
                --format json prints one object with `run`, `parameters`, `checks` and every metric
                point with its coordinates; --format csv prints every metric point.

                """
        case "compare":
            return """
                Usage: workbench compare <run> <run> ... [--only-diff] [--format table|csv|json|md]
                                         [--db PATH]

                Runs side by side: run fields, parameters, tags, claim verdicts and measured values,
                scalar metrics; in each section the rows that differ come first, marked `*`
                (--only-diff keeps only those). For numbers, each run after the first gets its
                difference from the first: `Δ` (absolute) and `rel` (Δ / |first|).

                """
        case "sql":
            return """
                Usage: workbench sql "SELECT ..." [--format table|csv|json|md] [--db PATH]

                Runs one read-only statement (the database is opened read-only).

                """
        case "report":
            return """
                Usage: workbench report <experiment>|all [--run R] [--preset P] [--out DIR] [--check]
                                        [--db PATH]

                Regenerates DIR/<id>/README.md, one CSV per table and SVG figures from the database
                alone (default DIR: workbench-reports). Uses the pinned run — the latest finished run of
                preset P (default quick; `reference` means each experiment's reference preset) without
                parameter overrides — or run R (whose overrides the header lists). The same database
                gives byte-identical files. With --check nothing is written: exit 1 if the files on disk
                differ from what the database renders.

                """
        case "check":
            return """
                Usage: workbench check <run>|<experiment> [--preset P] [--format table|csv|json|md]
                                       [--db PATH]

                Prints the claim verdicts of a run (or of an experiment's pinned run) with the reasons
                of undecided ones; --format csv/json/md give one row per claim (verdict, marginal,
                measured, CI, accepted interval, statement). Exit 0 when no claim failed, 1 when one did.

                """
        case "verify":
            return """
                Usage: workbench verify <run> [--jobs N] [--db PATH]

                Reruns the same experiment, parameters, preset, seed and BLAS thread count (recorded as
                a new run with rerun_of set; into a scratch file, not recorded, when the database is
                read-only), checks that the stored metrics still hash to the recorded digest, and
                compares every metric value bit for bit. Exit 0 when identical, 1 when not (the first
                differing metrics are listed with their relative difference).

                """
        case "help":
            return overview
        default:
            return nil
        }
    }
}
