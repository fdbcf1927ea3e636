/// An incremental reduced row-echelon basis over `𝔽_p` (p = 2⁶¹ − 1): the rank of a growing set
/// of vectors by Gaussian elimination.
///
/// Invariant: row `i` has a 1 in column `pivots[i]` and a 0 in every other pivot column, so a
/// vector reduces by one pass `v ← v − v[pivot_i]·row_i` whatever the order of the rows.
public struct ModularRowBasis: Sendable {
    private let arithmetic = ModularArithmetic()
    /// Length of the vectors.
    public let dimension: Int
    private(set) var rows: [[UInt64]] = []
    private(set) var pivots: [Int] = []

    public init(dimension: Int) { self.dimension = dimension }

    /// Number of independent vectors inserted so far.
    public var rank: Int { rows.count }

    /// `vector` minus its projection on the span along the pivots (zero iff it is in the span).
    public func reduced(_ vector: [UInt64]) -> [UInt64] {
        var v = vector
        for (row, pivot) in zip(rows, pivots) {
            let factor = v[pivot]
            if factor == 0 { continue }
            for column in 0..<dimension where row[column] != 0 {
                v[column] = arithmetic.subtract(v[column], arithmetic.multiply(factor, row[column]))
            }
        }
        return v
    }

    /// Whether `vector` is outside the span.
    public func isIndependent(_ vector: [UInt64]) -> Bool { reduced(vector).contains { $0 != 0 } }

    /// Adds `vector` when it is independent of the basis; returns whether it was added.
    @discardableResult
    public mutating func insert(_ vector: [UInt64]) -> Bool {
        var v = reduced(vector)
        guard let pivot = v.firstIndex(where: { $0 != 0 }) else { return false }
        let scale = arithmetic.inverse(v[pivot])
        for column in 0..<dimension where v[column] != 0 { v[column] = arithmetic.multiply(v[column], scale) }
        for index in rows.indices {
            let factor = rows[index][pivot]
            if factor == 0 { continue }
            for column in 0..<dimension where v[column] != 0 {
                rows[index][column] = arithmetic.subtract(
                    rows[index][column], arithmetic.multiply(factor, v[column]))
            }
        }
        rows.append(v)
        pivots.append(pivot)
        return true
    }

    /// The rank over `𝔽_p` of `vectors`.
    public static func rank(of vectors: [[UInt64]], dimension: Int) -> Int {
        var basis = ModularRowBasis(dimension: dimension)
        for vector in vectors { basis.insert(vector) }
        return basis.rank
    }
}
