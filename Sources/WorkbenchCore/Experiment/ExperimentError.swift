/// An error raised by experiment code at run time (after parameters were validated).
public enum ExperimentError: Error, Equatable, CustomStringConvertible {
    /// A parameter the code asked for was not declared.
    case missingParameter(String)
    /// A parameter was read with the wrong accessor.
    case wrongParameterType(String, expected: ParameterKind)
    /// A metric key/abscissa pair was recorded twice.
    case duplicateMetric(key: String, x: Double?)
    /// A numerical or logical failure, with context.
    case failed(String)

    public var description: String {
        switch self {
        case .missingParameter(let key): return "parameter '\(key)' is not declared"
        case .wrongParameterType(let key, let kind):
            return "parameter '\(key)' is not of type \(kind.rawValue)"
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
