/// An architecture string that does not parse, with the reason.
public struct ArchitectureParseError: Error, Equatable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What is wrong with it.
    public let reason: String

    init(_ text: String, _ reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "architecture '\(text)' \(reason)" }
}
