/// A dense real matrix of `Double`, stored **column-major** as BLAS and LAPACK expect.
///
/// Element `(i, j)` (row `i`, column `j`, both zero-based) lives at `storage[i + j * rows]`.
/// Value semantics: copies are independent (copy-on-write through `Array`).
public struct Matrix: Equatable, Sendable {
    /// Number of rows `m`.
    public let rows: Int
    /// Number of columns `n`.
    public let columns: Int
    /// The `m·n` entries in column-major order.
    public var storage: [Double]

    /// An `rows × columns` matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Double](repeating: value, count: rows * columns)
    }

    /// Wraps `columnMajor`, which must hold exactly `rows·columns` entries.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(columnMajor.count == rows * columns, "storage size must equal rows × columns")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// Builds a matrix from a list of rows (convenient for literals in tests and oracles).
    public init(rowMajor rowList: [[Double]]) {
        let m = rowList.count
        let n = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == n }, "all rows must have the same length")
        var values = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n { values[i + j * m] = rowList[i][j] }
        }
        self.init(rows: m, columns: n, columnMajor: values)
    }

    /// Builds an `rows × columns` matrix by evaluating `entry(i, j)` in column-major order.
    public init(rows: Int, columns: Int, entry: (Int, Int) throws -> Double) rethrows {
        var values = [Double]()
        values.reserveCapacity(rows * columns)
        for j in 0..<columns {
            for i in 0..<rows { values.append(try entry(i, j)) }
        }
        self.init(rows: rows, columns: columns, columnMajor: values)
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result.storage[i + i * n] = 1 }
        return result
    }

    /// The square matrix `diag(values)`.
    public static func diagonal(_ values: [Double]) -> Matrix {
        let n = values.count
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result.storage[i + i * n] = values[i] }
        return result
    }

    /// Entry `(i, j)`.
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// `true` when the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Column `j` as a vector of length `rows`.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as a vector of length `columns`.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The main diagonal, of length `min(rows, columns)`.
    public var diagonalEntries: [Double] {
        (0..<min(rows, columns)).map { storage[$0 + $0 * rows] }
    }

    /// `Aᵀ`, an `columns × rows` matrix.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.storage[j + i * columns] = storage[i + j * rows] }
        }
        return result
    }

    /// Sum of the diagonal entries.
    public var trace: Double { diagonalEntries.reduce(0, +) }
}
