import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Write end of the self-pipe; written only by the signal handler (async-signal-safe `write`).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Orderly handling of SIGINT and SIGTERM.
///
/// ``install()`` installs a handler that only writes the signal number into a pipe (the one
/// thing a signal handler can do safely, whichever thread it interrupts). A dedicated thread
/// reads the pipe, runs the current handler — the runner's, which flushes metrics and marks the
/// run `killed` — and exits with status 128 + signal number (130 for SIGINT, 143 for SIGTERM).
/// Because that work happens on an ordinary thread, it may take locks and use SQLite.
public enum TerminationSignals {
    private static let registry = HandlerRegistry()

    /// Call once, first thing in `main`.
    public static func install() {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return }
        let readEnd = descriptors[0]
        signalPipeWriteEnd = descriptors[1]
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signalNumber in
            var byte = UInt8(truncatingIfNeeded: signalNumber)
            _ = write(signalPipeWriteEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started us with the signals blocked (the mask is inherited); threads
        // created from here on inherit the unblocked mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let thread = Thread {
            while true {
                var byte: UInt8 = 0
                let count = read(readEnd, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                guard count == 1 else { return }
                let signalNumber = Int32(byte)
                registry.current?(signalNumber)
                registry.exitAction?(signalNumber)
                fflush(nil)
                _exit(128 + signalNumber)
            }
        }
        thread.name = "workbench-signals"
        thread.start()
    }

    /// Sets (or clears, with `nil`) the action run before exiting on a termination signal.
    public static func setHandler(_ handler: (@Sendable (Int32) -> Void)?) {
        registry.current = handler
    }

    /// Sets (or clears) an action run after the handler, before exiting: a process that runs
    /// several runs (a sweep task) delivers its results here, whichever run was in progress.
    public static func setExitAction(_ action: (@Sendable (Int32) -> Void)?) {
        registry.exitAction = action
    }

    /// `SIGINT` or `SIGTERM` as text.
    public static func name(of signalNumber: Int32) -> String {
        switch signalNumber {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signalNumber)"
        }
    }
}

private final class HandlerRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var handler: (@Sendable (Int32) -> Void)?
    private var exit: (@Sendable (Int32) -> Void)?

    var current: (@Sendable (Int32) -> Void)? {
        get { lock.withLock { handler } }
        set { lock.withLock { handler = newValue } }
    }

    var exitAction: (@Sendable (Int32) -> Void)? {
        get { lock.withLock { exit } }
        set { lock.withLock { exit = newValue } }
    }
}
