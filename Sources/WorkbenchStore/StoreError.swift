/// Store-level failures with enough context to act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The file's schema is newer than this program understands.
    case newerSchema(found: Int, supported: Int)
    /// No run id starts with the given prefix.
    case noSuchRun(String)
    /// Several run ids start with the given prefix.
    case ambiguousRun(String, candidates: [String])
    /// The file cannot be used as a workbench database.
    case unreadable(path: String, reason: String)
    /// The file's schema is older than this program's; a writable file is upgraded by opening it
    /// for writing.
    case olderSchema(path: String, found: Int, current: Int)
    /// Another run already has this name.
    case nameTaken(String, by: String)
    /// A command that writes was given a file it cannot write.
    case readOnly(path: String, reason: String)
    /// No sweep has this name or id prefix; `names` are the sweep names for a suggestion.
    case noSuchSweep(String, names: [String])
    /// Several sweep ids start with the given prefix.
    case ambiguousSweep(String, candidates: [String])
    /// Another sweep already has this name.
    case sweepNameTaken(String, by: String)
    /// A database to merge cannot be merged (newer schema, not a workbench database, …).
    case unmergeable(path: String, reason: String)

    /// Whether the error is the user's to fix (a wrong path, id or file), reported as a usage
    /// error (exit 64), rather than a failure while working (exit 1).
    public var isUsageError: Bool {
        switch self {
        case .newerSchema, .olderSchema, .noSuchRun, .ambiguousRun, .unreadable, .nameTaken, .readOnly, .noSuchSweep,
            .ambiguousSweep, .sweepNameTaken, .unmergeable:
            return true
        }
    }

    public var description: String {
        switch self {
        case .newerSchema(let found, let supported):
            return
                "database schema version \(found) is newer than this workbench supports (\(supported)); upgrade workbench"
        case .noSuchRun(let prefix):
            return "no run id starts with '\(prefix)'"
        case .ambiguousRun(let prefix, let candidates):
            return "run id prefix '\(prefix)' is ambiguous: \(candidates.prefix(5).joined(separator: ", "))"
                + (candidates.count > 5 ? ", …" : "")
        case .olderSchema(let path, let found, let current):
            return
                "cannot use '\(path)' as a workbench database: schema version \(found) is older than \(current) and the file is read-only; copy it somewhere writable and any command upgrades it"
        case .nameTaken(let name, let holder):
            return "the name '\(name)' is already used by run \(holder.prefix(12)); names are unique"
        case .readOnly(let path, let reason):
            return "cannot write to '\(path)': \(reason); record into another file with --db"
        case .noSuchSweep(let word, let names):
            return "no sweep is named '\(word)' or has an id starting with it"
                + (names.isEmpty ? "" : " (sweeps: \(names.prefix(10).joined(separator: ", ")))")
        case .ambiguousSweep(let prefix, let candidates):
            return "sweep id prefix '\(prefix)' is ambiguous: \(candidates.prefix(5).joined(separator: ", "))"
        case .sweepNameTaken(let name, let holder):
            return "the sweep name '\(name)' is already used by sweep \(holder.prefix(12)); names are unique"
        case .unmergeable(let path, let reason):
            return "cannot merge '\(path)': \(reason)"
        case .unreadable(let path, let reason):
            return "cannot use '\(path)' as a workbench database: \(reason)"
        }
    }
}
