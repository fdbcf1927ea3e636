import WorkbenchNumerics

/// Uniform tokens on the sphere `S^{d−1}(r)` as the rows of an `n × d` matrix: a standard
/// Gaussian matrix (filled in column-major order) with each row scaled to norm `r`.
enum SphereSampler {
    static func sample<G: RandomNumberGenerator>(
        _ n: Int, dimension d: Int, radius: Double, using generator: inout G
    ) -> Matrix {
        var tokens = Matrix.gaussian(rows: n, columns: d, using: &generator)
        var squaredNorms = [Double](repeating: 0, count: n)
        tokens.storage.withUnsafeMutableBufferPointer { entries in
            for c in 0..<d {
                for j in 0..<n { squaredNorms[j] += entries[j + c * n] * entries[j + c * n] }
            }
            // A zero row has probability 0; it is left at the origin rather than divided by 0.
            for j in 0..<n { squaredNorms[j] = squaredNorms[j] > 0 ? radius / squaredNorms[j].squareRoot() : 0 }
            for c in 0..<d {
                for j in 0..<n { entries[j + c * n] *= squaredNorms[j] }
            }
        }
        return tokens
    }
}
