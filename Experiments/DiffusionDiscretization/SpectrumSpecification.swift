import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// A data spectrum named on the command line.
///
/// | text | eigenvalues |
/// |---|---|
/// | `pow:α` | `λ_k = k^{−α}`, `k = 1…d` (`α ≥ 0`, `d` = the `dimension` parameter) |
/// | `twoscale` | `(1, 0.01)` |
/// | `file:<path>` | one eigenvalue per line (blank lines and `#` comments ignored) |
/// | `cov:<path>` | a full symmetric covariance, one row per line (spaces or commas), whose eigenvalues are computed by LAPACK `dsyevd` |
///
/// Eigenvalues are sorted in descending order and negative ones (round-off in covariance
/// estimates) are clamped to 0; the process's `lambdaScale` is applied afterwards.
enum SpectrumSpecification: Sendable, Equatable, Hashable {
    case powerLaw(alpha: Double)
    case twoScale
    case eigenvalueFile(path: String)
    case covarianceFile(path: String)

    /// The accepted spellings, for help texts and error messages.
    static let syntax = "pow:<alpha ≥ 0>, twoscale, file:<eigenvalue file> or cov:<covariance file>"

    /// Parses `text`, or returns `nil` when it is not one of the accepted forms.
    init?(_ text: String) {
        if text == "twoscale" {
            self = .twoScale
        } else if let alpha = Self.number(after: "pow:", in: text) {
            guard alpha >= 0 else { return nil }
            self = .powerLaw(alpha: alpha)
        } else if text.hasPrefix("file:"), text.count > 5 {
            self = .eigenvalueFile(path: String(text.dropFirst(5)))
        } else if text.hasPrefix("cov:"), text.count > 4 {
            self = .covarianceFile(path: String(text.dropFirst(4)))
        } else {
            return nil
        }
    }

    /// The finite number following `prefix`, if `text` has that form.
    static func number(after prefix: String, in text: String) -> Double? {
        guard text.hasPrefix(prefix), let value = Double(text.dropFirst(prefix.count)),
            value.isFinite
        else { return nil }
        return value
    }

    /// The eigenvalues, descending and clamped at 0 (before any scaling).
    ///
    /// - Parameter dimension: `d` for `pow:α`; ignored by the others.
    /// - Throws: ``DiffusionDiscretizationError`` when a file cannot be read or parsed, or the
    ///   covariance eigendecomposition fails.
    func eigenvalues(dimension: Int) throws(DiffusionDiscretizationError) -> [Double] {
        let values: [Double]
        switch self {
        case .powerLaw(let alpha):
            values = (1...max(1, dimension)).map { pow(Double($0), -alpha) }
        case .twoScale:
            values = [1, 0.01]
        case .eigenvalueFile(let path):
            values = try SpectrumFile.eigenvalues(path: path)
        case .covarianceFile(let path):
            let covariance = try SpectrumFile.covariance(path: path)
            do {
                values = try SymmetricEigendecomposition(of: covariance, computeVectors: false).values
            } catch {
                throw .numerical("dsyevd of '\(path)': \(error)")
            }
        }
        return values.map { max($0, 0) }.sorted(by: >)
    }

    /// Parses the value `text` of the parameter `key`.
    ///
    /// - Throws: ``DiffusionDiscretizationError/malformedParameter(key:value:)`` when the text is
    ///   not a spectrum (the declared constraint prevents it).
    init(_ text: String, parameter key: String) throws(DiffusionDiscretizationError) {
        guard let spectrum = SpectrumSpecification(text) else { throw .malformedParameter(key: key, value: text) }
        self = spectrum
    }

    /// The spectra of the list parameter `parameter`, in the given order.
    static func list(
        _ parameter: Parameter<[String]>, in parameters: ParameterSet
    ) throws(DiffusionDiscretizationError) -> [SpectrumSpecification] {
        try parameters[parameter].map { text throws(DiffusionDiscretizationError) in
            try SpectrumSpecification(text, parameter: parameter.key)
        }
    }

    /// A key-safe label for metric names (the `spectrum` coordinate): `pow1`, `pow0.5` (numbers
    /// in the core's key format), `twoscale`, `file-<name>`, `cov-<name>`.
    var label: String {
        switch self {
        case .powerLaw(let alpha): return "pow" + MetricKey.format(alpha)
        case .twoScale: return "twoscale"
        case .eigenvalueFile(let path): return "file-" + Self.fileStem(path)
        case .covarianceFile(let path): return "cov-" + Self.fileStem(path)
        }
    }

    /// File name without directory and extension, restricted to `[A-Za-z0-9_-]`.
    static func fileStem(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return cleaned.isEmpty ? "data" : cleaned
    }

    /// The path of a spectrum read from a file, `nil` for the built-in ones.
    var filePath: String? {
        switch self {
        case .eigenvalueFile(let path), .covarianceFile(let path): return path
        case .powerLaw, .twoScale: return nil
        }
    }
}
