import Foundation
import WorkbenchCore

/// Shows a run's progress on standard error: on a terminal, one rewritten line at most ten times
/// a second; with `run --progress` elsewhere (CI logs), one plain line at most every two seconds
/// and at every new part. When the current part reports a fraction, the line shows an estimate
/// of the time left in that part (elapsed in the part × (1 − f)/f).
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    /// How progress is written.
    enum Style {
        /// Rewrites one line (`\r`, erase to end of line).
        case terminal
        /// Appends plain lines.
        case lines
    }

    private let console: Console
    private let prefix: String
    private let style: Style
    private let lock = NSLock()
    private var lastUpdate = Date.distantPast
    private var part = ""
    private var partStarted = Date()

    init(console: Console, prefix: String, style: Style = .terminal) {
        self.console = console
        self.prefix = prefix
        self.style = style
    }

    func report(_ message: String, fraction: Double?) {
        lock.withLock {
            let now = Date()
            let currentPart = message.split(separator: ":", maxSplits: 1).first.map(String.init) ?? message
            let newPart = currentPart != part
            if newPart {
                part = currentPart
                partStarted = now
            }
            let interval: TimeInterval = style == .terminal ? 0.1 : 2
            guard newPart || now.timeIntervalSince(lastUpdate) >= interval else { return }
            lastUpdate = now
            var line = "[\(prefix)] \(message)"
            if let fraction {
                line += " \(Int((fraction * 100).rounded()))%"
                let elapsed = now.timeIntervalSince(partStarted)
                if fraction > 0.02, fraction < 1, elapsed > 1 {
                    line += ", ~\(Self.duration(elapsed * (1 - fraction) / fraction)) left in this part"
                }
            }
            switch style {
            case .terminal: console.writeError("\r\u{1B}[K" + String(line.prefix(120)))
            case .lines: console.writeError(line + "\n")
            }
        }
    }

    /// Erases the progress line (terminal style).
    func clear() {
        if style == .terminal { console.writeError("\r\u{1B}[K") }
    }

    /// `42 s`, `3 min 5 s`, `1 h 2 min`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3600) h \((total % 3600) / 60) min"
    }
}
