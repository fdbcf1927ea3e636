extension Matrix {
    /// An `rows × columns` matrix of i.i.d. `N(0, σ²)` entries, filled in column-major order.
    ///
    /// The draws are those of successive `nextGaussian()` calls (``RandomNumberGenerator/fillGaussian(_:count:standardDeviation:)``).
    /// Inlinable so that callers in other modules get a copy specialised to their generator
    /// (the generic version reaches `next()` through a witness table, several times slower).
    @inlinable
    public static func gaussian<G: RandomNumberGenerator>(
        rows: Int, columns: Int, standardDeviation: Double = 1, using generator: inout G
    ) -> Matrix {
        let count = rows * columns
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                generator.fillGaussian(base, count: count, standardDeviation: standardDeviation)
            }
            initialized = count
        }
        return Matrix(rows: rows, columns: columns, columnMajor: values)
    }

    /// A Haar-distributed `n × n` orthogonal matrix: `Q·diag(sign r_ii)` from the QR factorisation
    /// of a Gaussian matrix (Mezzadri's correction makes the law exactly Haar).
    public static func randomOrthogonal<G: RandomNumberGenerator>(
        _ n: Int, using generator: inout G
    ) throws(LinearAlgebraError) -> Matrix {
        let (q, r) = try gaussian(rows: n, columns: n, using: &generator).orthonormalFactor()
        var result = q
        for j in 0..<n where r[j] < 0 {
            for i in 0..<n { result[i, j] = -result[i, j] }
        }
        return result
    }
}
