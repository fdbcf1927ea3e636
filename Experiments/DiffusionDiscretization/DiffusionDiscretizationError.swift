/// Failures of the diffusion-discretization experiment that parameter validation cannot catch
/// in advance (files changing between validation and run, LAPACK failures).
enum DiffusionDiscretizationError: Error, Equatable, CustomStringConvertible {
    /// A spectrum or covariance file could not be read or parsed.
    case unreadableSpectrumFile(path: String, reason: String)
    /// A parameter text could not be parsed (should have been caught by validation).
    case malformedParameter(key: String, value: String)
    /// A numerical routine failed.
    case numerical(String)

    var description: String {
        switch self {
        case .unreadableSpectrumFile(let path, let reason):
            return "spectrum file '\(path)': \(reason)"
        case .malformedParameter(let key, let value):
            return "parameter '\(key)': cannot interpret '\(value)'"
        case .numerical(let detail):
            return "numerical failure: \(detail)"
        }
    }
}
