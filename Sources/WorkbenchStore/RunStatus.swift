/// The lifecycle states of a run, as stored in `runs.status` (a CHECK constraint allows only
/// these words).
public enum RunStatus: String, Sendable, CaseIterable {
    /// Started; the process is computing (or vanished without a word and is not yet reconciled).
    case running
    /// Completed: metrics, checks and the result digest are stored.
    case finished
    /// The experiment threw; `error` holds its message.
    case failed
    /// Ended by SIGINT or SIGTERM.
    case killed
    /// Its process disappeared (SIGKILL, crash, power loss), found by reconciliation.
    case lost
}
