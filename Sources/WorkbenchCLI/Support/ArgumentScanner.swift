import WorkbenchCore

/// A small command-line scanner: options `--name value` or `--name=value`, flags, and
/// positional words. Unknown options are usage errors naming the option.
struct ArgumentScanner {
    private var arguments: [String]
    let command: String

    init(command: String, _ arguments: [String]) {
        self.command = command
        self.arguments = arguments
    }

    /// Removes and returns the value of `--name` (the last one if repeated is an error).
    mutating func option(_ name: String) throws(UsageError) -> String? {
        var found: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == name {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
                    throw UsageError("option \(name) needs a value")
                }
                guard found == nil else { throw UsageError("option \(name) is given twice") }
                found = arguments[index + 1]
                arguments.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                guard found == nil else { throw UsageError("option \(name) is given twice") }
                found = String(argument.dropFirst(name.count + 1))
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

    /// Removes `--name` (or one of `aliases`) and reports whether it was present.
    mutating func flag(_ name: String, aliases: [String] = []) -> Bool {
        let names = [name] + aliases
        let before = arguments.count
        arguments.removeAll { names.contains($0) }
        return arguments.count != before
    }

    /// Removes and returns the remaining positional words, rejecting leftover options.
    mutating func positionals(validOptions: [String]) throws(UsageError) -> [String] {
        if let unknown = arguments.first(where: { $0.hasPrefix("-") && $0.count > 1 && Double($0) == nil }) {
            throw UsageError(
                "unknown option '\(unknown)' for `workbench \(command)`", validChoices: validOptions)
        }
        defer { arguments.removeAll() }
        return arguments
    }
}
