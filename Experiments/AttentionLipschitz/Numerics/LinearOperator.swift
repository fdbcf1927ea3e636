import WorkbenchNumerics

/// A linear map `ℝ^columns → ℝ^rows` given by its action and its adjoint's (matrix-free), e.g.
/// the Jacobian `Df(X)` of attention at one input in the token-major vectorisation.
public protocol LinearOperator: Sendable {
    /// Dimension of the output space.
    var rowCount: Int { get }
    /// Dimension of the input space.
    var columnCount: Int { get }
    /// `J v`.
    func apply(_ vector: [Double]) -> [Double]
    /// `Jᵀ u`.
    func applyTransposed(_ vector: [Double]) -> [Double]
}

/// A dense matrix as a ``LinearOperator`` (for tests of the matrix-free routines).
public struct DenseOperator: LinearOperator {
    public let matrix: Matrix
    public init(_ matrix: Matrix) { self.matrix = matrix }
    public var rowCount: Int { matrix.rows }
    public var columnCount: Int { matrix.columns }
    public func apply(_ vector: [Double]) -> [Double] { matrix.applied(to: vector) }
    public func applyTransposed(_ vector: [Double]) -> [Double] { matrix.applied(to: vector, .transpose) }
}
