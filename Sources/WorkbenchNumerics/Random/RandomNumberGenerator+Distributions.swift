#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RandomNumberGenerator {
    /// Uniform on `[0, 1)` with 53 random bits: `(next() >> 11)·2⁻⁵³`.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() &>> 11) * 0x1.0p-53
    }

    /// Uniform on the open interval `(0, 1)`: `((next() >> 12) + ½)·2⁻⁵²`.
    @inlinable
    public mutating func nextOpenUniform() -> Double {
        (Double(next() &>> 12) + 0.5) * 0x1.0p-52
    }

    /// A standard normal draw by the Marsaglia polar method (uses only `log` and `sqrt`).
    ///
    /// One value per call (the second value of the pair is discarded), so the stream position
    /// depends only on how many values were drawn, never on caching state.
    @inlinable
    public mutating func nextGaussian() -> Double {
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * log(s) / s).squareRoot()
            }
        }
    }

    /// `count` standard normal draws, in order.
    public mutating func gaussianVector(_ count: Int) -> [Double] {
        var values = [Double]()
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(nextGaussian()) }
        return values
    }

    /// An integer uniform on `0..<bound` by Lemire's nearly-divisionless method (no modulo bias):
    /// the high word of `next()·bound`, rejecting draws whose low word is below `2⁶⁴ mod bound`.
    public mutating func nextBounded(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniformly random point on the unit sphere `S^{d−1}` (a normalised Gaussian vector
    /// `g/‖g‖₂`, whose law is rotation invariant).
    ///
    /// - Precondition: `dimension ≥ 1` (the sphere in `ℝ⁰` is empty).
    public mutating func unitSphereVector(dimension: Int) -> [Double] {
        precondition(dimension >= 1, "unitSphereVector needs dimension ≥ 1, got \(dimension)")
        while true {
            let g = gaussianVector(dimension)
            let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { return g.map { $0 / norm } }
        }
    }
}
