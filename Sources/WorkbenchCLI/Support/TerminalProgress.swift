import Foundation
import WorkbenchCore

/// Shows a run's progress on one rewritten line of standard error, at most ten times a second.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    private let console: Console
    private let prefix: String
    private let lock = NSLock()
    private var lastUpdate = Date.distantPast

    init(console: Console, prefix: String) {
        self.console = console
        self.prefix = prefix
    }

    func report(_ message: String, fraction: Double?) {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastUpdate) >= 0.1 else { return }
            lastUpdate = now
            var line = "[\(prefix)] \(message)"
            if let fraction { line += " \(Int((fraction * 100).rounded()))%" }
            console.writeError("\r\u{1B}[K" + String(line.prefix(120)))
        }
    }

    /// Erases the progress line.
    func clear() { console.writeError("\r\u{1B}[K") }
}
