import WorkbenchCore

/// A small command-line scanner: options `--name value` or `--name=value`, flags, and
/// positional words. Unknown options are usage errors naming the option (and the closest valid
/// one). A lone `--` ends the options: every word after it is positional, so an SQL statement
/// may start with `--` or `-`. A word is taken for an option only when it is a dash (or two)
/// followed by a letter, so `-- a comment`, `-1` and `-0.5` are positional.
struct ArgumentScanner {
    private var arguments: [String]
    /// Words after `--`: never options.
    private let literal: [String]
    let command: String

    init(command: String, _ arguments: [String]) {
        self.command = command
        if let end = arguments.firstIndex(of: "--") {
            self.arguments = Array(arguments[..<end])
            literal = Array(arguments[arguments.index(after: end)...])
        } else {
            self.arguments = arguments
            literal = []
        }
    }

    /// Whether `word` has the shape of an option (`-x…` or `--x…` with a letter after the dashes).
    static func looksLikeOption(_ word: String) -> Bool {
        let body = word.drop { $0 == "-" }
        let dashes = word.count - body.count
        return (dashes == 1 || dashes == 2) && (body.first?.isLetter ?? false)
    }

    /// Removes and returns the value of `--name` (given twice is an error).
    mutating func option(_ name: String) throws(UsageError) -> String? {
        let values = try options(name)
        guard values.count <= 1 else { throw UsageError("option \(name) is given twice") }
        return values.first
    }

    /// Removes and returns every value of the repeatable option `--name`, in order.
    mutating func options(_ name: String) throws(UsageError) -> [String] {
        var found: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == name {
                // The next word is the value unless it is a long option (`--sort -name` works).
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
                    throw UsageError("option \(name) needs a value")
                }
                found.append(arguments[index + 1])
                arguments.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                found.append(String(argument.dropFirst(name.count + 1)))
                arguments.remove(at: index)
            } else {
                index += 1
            }
        }
        return found
    }

    /// The value of `--name` parsed as a non-negative integer within `range`.
    mutating func integerOption(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(
                "option \(name) expects an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// Removes `--name` (or one of `aliases`) and reports whether it was present; given twice is
    /// an error.
    mutating func flag(_ name: String, aliases: [String] = []) throws(UsageError) -> Bool {
        let names = [name] + aliases
        let count = arguments.filter { names.contains($0) }.count
        guard count <= 1 else { throw UsageError("flag \(name) is given twice") }
        arguments.removeAll { names.contains($0) }
        return count == 1
    }

    /// The first word if it is not an option (a subcommand such as `sweep status`).
    func peekPositional() -> String? {
        arguments.first.flatMap { Self.looksLikeOption($0) ? nil : $0 }
    }

    /// Removes and returns the remaining positional words (then those after `--`), rejecting
    /// leftover options.
    mutating func positionals(validOptions: [String]) throws(UsageError) -> [String] {
        if let unknown = arguments.first(where: Self.looksLikeOption) {
            var message = "unknown option '\(unknown)' for `workbench \(command)`"
            let name = unknown.split(separator: "=", maxSplits: 1).first.map(String.init) ?? unknown
            if unknown.hasPrefix("--"), unknown.contains("="), !validOptions.contains(name) {
                message += " (parameters are written without dashes: '\(unknown.dropFirst(2))')"
            } else if let closest = ClosestWord.suggestion(for: name, among: validOptions) {
                message += " (did you mean '\(closest)'?)"
            }
            throw UsageError(message, validChoices: validOptions)
        }
        defer { arguments.removeAll() }
        return arguments + literal
    }
}
