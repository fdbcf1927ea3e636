/// A vector field's value `X(θ)` (dense, length `D`) and sparse Jacobian `J_X(θ)`, with
/// `(J_X)_{kj} = ∂_j X_k(θ)`, at one point in one ring.
///
/// These are all a lazy bracket needs: `[Z, X](θ) = J_X(θ)·Z(θ) − J_Z(θ)·X(θ)`.
public struct FieldEvaluation<A: EvaluationArithmetic>: Sendable {
    /// `X(θ)`.
    public let value: [A.Element]
    /// The nonzero pattern of `J_X` as `(k, j, ∂_j X_k(θ))`.
    public let jacobian: [(row: Int, column: Int, entry: A.Element)]

    /// Evaluates `field` and its Jacobian at `point`.
    public init(_ field: PolynomialVectorField, at point: [A.Element], in arithmetic: A) {
        var value = [A.Element](repeating: arithmetic.zero, count: field.dimension)
        var jacobian = [(row: Int, column: Int, entry: A.Element)]()
        for (k, polynomial) in field.components {
            value[k] = polynomial.evaluate(at: point, in: arithmetic)
            for (j, partial) in polynomial.gradient(at: point, in: arithmetic) {
                jacobian.append((k, j, partial))
            }
        }
        self.value = value
        self.jacobian = jacobian
    }

    /// `J_X(θ)·vector`.
    public func jacobianTimes(_ vector: [A.Element], in arithmetic: A) -> [A.Element] {
        var result = [A.Element](repeating: arithmetic.zero, count: value.count)
        for (row, column, entry) in jacobian {
            result[row] = arithmetic.add(result[row], arithmetic.multiply(entry, vector[column]))
        }
        return result
    }

    /// The value at the point of the bracket `[Z, X]` with `Z = other` and `X = self`:
    /// `J_X·Z(θ) − J_Z·X(θ)`, from the stored values and Jacobians only (no polynomial is formed).
    public func lazyBracket(after other: FieldEvaluation<A>, in arithmetic: A) -> [A.Element] {
        let first = jacobianTimes(other.value, in: arithmetic)
        let second = other.jacobianTimes(value, in: arithmetic)
        return zip(first, second).map { arithmetic.subtract($0, $1) }
    }
}
