/// A failure reported by a BLAS/LAPACK wrapper, with the routine and LAPACK's `info` code.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// Argument number `position` of `routine` had an illegal value (`info = −position`).
    case illegalArgument(routine: String, position: Int)
    /// An iterative routine (eigen/SVD) did not converge (`info > 0`).
    case noConvergence(routine: String, info: Int)
    /// The matrix is exactly singular: `U(info, info) = 0` in the LU factorisation.
    case singular(routine: String, info: Int)
    /// The leading minor of order `info` is not positive definite.
    case notPositiveDefinite(routine: String, info: Int)
    /// Operand shapes do not fit the operation.
    case dimensionMismatch(String)
    /// The problem is larger than LAPACK's 32-bit integer interface allows.
    case tooLarge(routine: String, size: Int)

    public var description: String {
        switch self {
        case .illegalArgument(let routine, let position):
            return "\(routine): argument \(position) had an illegal value"
        case .noConvergence(let routine, let info):
            return "\(routine) did not converge (info = \(info))"
        case .singular(let routine, let info):
            return "\(routine): matrix is singular (U(\(info),\(info)) = 0)"
        case .notPositiveDefinite(let routine, let info):
            return "\(routine): leading minor of order \(info) is not positive definite"
        case .dimensionMismatch(let detail):
            return "dimension mismatch: \(detail)"
        case .tooLarge(let routine, let size):
            return "\(routine): size \(size) exceeds the 32-bit LAPACK interface"
        }
    }
}
