import WorkbenchNumerics

/// Independent reference computations (plain Swift loops) and small helpers for the numerics tests.
enum NumericsCheck {
    /// Unit roundoff `u = 2⁻⁵³`.
    static let unitRoundoff = Double.ulpOfOne / 2

    /// A seeded generator private to one test, so tests are reproducible and independent.
    static func generator(_ label: String, _ index: Int = 0) -> Xoshiro256StarStar {
        RandomStream.generator(seed: 20_261_122, .label(label), .of(index))
    }

    /// An `rows × columns` matrix of standard normal entries from the stream `(label, index)`.
    static func gaussianMatrix(_ rows: Int, _ columns: Int, _ label: String, _ index: Int = 0)
        -> Matrix
    {
        var g = generator(label, index)
        return Matrix.gaussian(rows: rows, columns: columns, using: &g)
    }

    /// `op(X)` as an explicit matrix.
    static func apply(_ trans: BLAS.Transpose, _ x: Matrix) -> Matrix {
        trans == .none ? x : x.transposed
    }

    /// The triple-loop product `op(A)·op(B)` and the entrywise bound matrix `|op(A)|·|op(B)|`,
    /// which scales the rounding error of any summation order.
    static func naiveProduct(
        _ a: Matrix, _ b: Matrix, _ transA: BLAS.Transpose = .none, _ transB: BLAS.Transpose = .none
    ) -> (product: Matrix, magnitude: Matrix) {
        let opA = apply(transA, a)
        let opB = apply(transB, b)
        var product = Matrix(rows: opA.rows, columns: opB.columns)
        var magnitude = Matrix(rows: opA.rows, columns: opB.columns)
        for i in 0..<opA.rows {
            for j in 0..<opB.columns {
                var sum = 0.0
                var sumAbs = 0.0
                for l in 0..<opA.columns {
                    sum += opA[i, l] * opB[l, j]
                    sumAbs += abs(opA[i, l] * opB[l, j])
                }
                product[i, j] = sum
                magnitude[i, j] = sumAbs
            }
        }
        return (product, magnitude)
    }

    /// `true` when `|x_ij − y_ij| ≤ 2·γ_k·bound_ij` for every entry, with `γ_k = k·u/(1 − k·u)`:
    /// Higham's bound `|fl(AB) − AB| ≤ γ_k·|A||B|` holds for any summation order (and with FMA),
    /// so two correct implementations differ by at most twice that.
    static func agreeWithinDotProductBound(_ x: Matrix, _ y: Matrix, bound: Matrix, depth k: Int)
        -> Bool
    {
        guard x.rows == y.rows, x.columns == y.columns else { return false }
        let ku = Double(k) * unitRoundoff
        let gamma = ku / (1 - ku)
        for index in x.storage.indices {
            let allowed = 2 * gamma * bound.storage[index]
            if abs(x.storage[index] - y.storage[index]) > allowed { return false }
        }
        return true
    }

    /// `max_ij |x_ij − y_ij|` (infinity on a shape mismatch).
    static func maxAbsDifference(_ x: Matrix, _ y: Matrix) -> Double {
        guard x.rows == y.rows, x.columns == y.columns else { return .infinity }
        return zip(x.storage, y.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// `max_ij |x_ij − y_ij|` for vectors (infinity on a length mismatch).
    static func maxAbsDifference(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count else { return .infinity }
        return zip(x, y).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// `max_ij |(QᵀQ − I)_ij|`, computed with plain loops.
    static func orthonormalityDefect(_ q: Matrix) -> Double {
        let (qtq, _) = naiveProduct(q, q, .transpose, .none)
        return maxAbsDifference(qtq, Matrix.identity(q.columns))
    }

    /// The determinant by Gaussian elimination with partial pivoting (plain loops).
    static func determinant(_ matrix: Matrix) -> Double {
        precondition(matrix.isSquare)
        var a = matrix
        let n = a.rows
        var det = 1.0
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(col + 1, n) where abs(a[row, col]) > abs(a[pivot, col]) {
                pivot = row
            }
            if a[pivot, col] == 0 { return 0 }
            if pivot != col {
                for j in 0..<n {
                    let held = a[col, j]
                    a[col, j] = a[pivot, j]
                    a[pivot, j] = held
                }
                det = -det
            }
            det *= a[col, col]
            for row in (col + 1)..<max(col + 1, n) {
                let factor = a[row, col] / a[col, col]
                for j in col..<n { a[row, j] -= factor * a[col, j] }
            }
        }
        return det
    }

    /// A symmetric matrix `(G + Gᵀ)/2` with Gaussian `G`.
    static func symmetricMatrix(_ n: Int, _ label: String, _ index: Int = 0) -> Matrix {
        let g = gaussianMatrix(n, n, label, index)
        return Matrix(rows: n, columns: n) { i, j in 0.5 * (g[i, j] + g[j, i]) }
    }

    /// A symmetric positive-definite matrix `GᵀG/n + I` with Gaussian `n × n` `G`.
    static func positiveDefiniteMatrix(_ n: Int, _ label: String, _ index: Int = 0) -> Matrix {
        let g = gaussianMatrix(n, n, label, index)
        let (gtg, _) = naiveProduct(g, g, .transpose, .none)
        return Matrix(rows: n, columns: n) { i, j in
            0.5 * (gtg[i, j] + gtg[j, i]) / Double(n) + (i == j ? 1 : 0)
        }
    }

    /// Whether `error` is a `.dimensionMismatch`.
    static func isDimensionMismatch(_ error: LinearAlgebraError?) -> Bool {
        if case .dimensionMismatch = error { return true }
        return false
    }
}

/// A generator replaying a fixed list of 64-bit words (cycling), for exact tests of the
/// conversions from raw words to doubles and bounded integers.
struct ReplayGenerator: RandomNumberGenerator {
    let words: [UInt64]
    private(set) var position = 0

    init(_ words: [UInt64]) { self.words = words }

    mutating func next() -> UInt64 {
        defer { position += 1 }
        return words[position % words.count]
    }
}
