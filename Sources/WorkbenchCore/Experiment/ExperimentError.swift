/// An error raised by experiment code at run time (after parameters were validated).
public enum ExperimentError: Error, Equatable, CustomStringConvertible {
    /// A metric key/abscissa pair was recorded twice.
    case duplicateMetric(key: String, x: Double?)
    /// A numerical or logical failure, with context.
    case failed(String)

    public var description: String {
        switch self {
        case .duplicateMetric(let key, let x):
            return "metric '\(key)' recorded twice" + (x.map { " at x = \($0)" } ?? "")
        case .failed(let detail): return detail
        }
    }
}

/// A problem with user-supplied parameters, found before anything runs (a usage error).
public struct ParameterProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offending parameter key.
    public let parameter: String
    /// What is wrong and what is accepted.
    public let message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { "parameter '\(parameter)': \(message)" }
}
