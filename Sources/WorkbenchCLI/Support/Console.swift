import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where commands write: standard output for results, standard error for diagnostics and
/// progress. Tests substitute ``BufferConsole``.
public protocol Console: AnyObject, Sendable {
    func write(_ text: String)
    func writeError(_ text: String)
    /// Whether standard error is an interactive terminal (progress is shown only then).
    var errorIsTerminal: Bool { get }
    /// Asks `question` on an interactive terminal and returns the answer line; `nil` when
    /// standard input is not a terminal (nobody can answer).
    func ask(_ question: String) -> String?
}

/// The process's real standard output and error.
public final class StandardConsole: Console, @unchecked Sendable {
    public init() {}

    public func write(_ text: String) { Self.writeAll(STDOUT_FILENO, text) }
    public func writeError(_ text: String) { Self.writeAll(STDERR_FILENO, text) }
    public var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    public func ask(_ question: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        writeError(question)
        return readLine()
    }

    private static func writeAll(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// A console that keeps everything in memory (for tests).
public final class BufferConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errorText = ""

    public init() {}

    public func write(_ text: String) { lock.withLock { outText += text } }
    public func writeError(_ text: String) { lock.withLock { errorText += text } }
    public var errorIsTerminal: Bool { false }

    /// Answers given to ``ask(_:)``, in order (none: nobody can answer, as on a pipe).
    public var answers: [String] = []

    public func ask(_ question: String) -> String? {
        lock.withLock {
            errorText += question
            return answers.isEmpty ? nil : answers.removeFirst()
        }
    }

    /// Everything written to standard output.
    public var output: String { lock.withLock { outText } }
    /// Everything written to standard error.
    public var errors: String { lock.withLock { errorText } }
}
