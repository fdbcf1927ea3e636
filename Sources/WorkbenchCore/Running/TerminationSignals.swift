import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Orderly handling of SIGINT and SIGTERM.
///
/// ``install()`` blocks both signals in the calling thread (so every thread created afterwards
/// inherits the mask) and starts one thread that waits for them with `sigwait`. On a signal it
/// runs the current handler — the runner's, which flushes metrics and marks the run `killed` —
/// then exits with status 128 + signal number (130 for SIGINT, 143 for SIGTERM). Because the
/// handler runs on an ordinary thread, it may take locks and use SQLite safely.
public enum TerminationSignals {
    private static let registry = HandlerRegistry()

    /// Call once, first thing in `main`, before any other thread starts.
    public static func install() {
        var signals = terminationSet()
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let thread = Thread {
            var waited = terminationSet()
            while true {
                var signalNumber: Int32 = 0
                guard sigwait(&waited, &signalNumber) == 0 else { continue }
                registry.current?(signalNumber)
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

    /// `SIGINT` or `SIGTERM` as text.
    public static func name(of signalNumber: Int32) -> String {
        switch signalNumber {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signalNumber)"
        }
    }

    private static func terminationSet() -> sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }
}

private final class HandlerRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var handler: (@Sendable (Int32) -> Void)?

    var current: (@Sendable (Int32) -> Void)? {
        get { lock.withLock { handler } }
        set { lock.withLock { handler = newValue } }
    }
}
