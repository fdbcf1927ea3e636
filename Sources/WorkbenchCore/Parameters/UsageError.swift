/// A mistake in what the user typed: unknown experiment, command, option or parameter, an
/// ill-typed or out-of-range value. Reported on stderr with exit status 64 (`EX_USAGE`) before
/// anything is written.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the offending word.
    public let message: String
    /// The valid choices, when there is a closed set.
    public let validChoices: [String]

    public init(_ message: String, validChoices: [String] = []) {
        self.message = message
        self.validChoices = validChoices
    }

    public var description: String {
        validChoices.isEmpty ? message : "\(message)\nvalid choices: \(validChoices.joined(separator: ", "))"
    }
}
