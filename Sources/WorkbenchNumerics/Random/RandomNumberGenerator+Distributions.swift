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
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { fillGaussian(base, count: count) }
            initialized = count
        }
    }

    /// Writes `σ·g₁, …, σ·g_count` to `values`, where `g₁, g₂, …` are exactly the draws of `count`
    /// successive ``nextGaussian()`` calls, and leaves the generator where those calls would.
    ///
    /// The polar method in batches: up to 64 candidate pairs are drawn at a time (never more
    /// than the draws still missing, so no pair is drawn beyond the last accepted one), the
    /// accepted ones are kept in order without a branch, and only then are their logarithms,
    /// quotients and square roots taken — the same operations on the same pairs, without the
    /// unpredictable accept branch in the middle of each draw (about four times faster).
    @inlinable
    public mutating func fillGaussian(
        _ values: UnsafeMutablePointer<Double>, count: Int, standardDeviation: Double = 1
    ) {
        let chunk = 64
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * chunk) { pairs in
            var filled = 0
            while filled < count {
                let batch = Swift.min(chunk, count - filled)
                var accepted = 0
                for _ in 0..<batch {
                    let u = 2 * nextUniform() - 1
                    let v = 2 * nextUniform() - 1
                    let s = u * u + v * v
                    // Written in every case; advanced past only when the pair is accepted.
                    pairs[2 * accepted] = u
                    pairs[2 * accepted + 1] = s
                    accepted += s > 0 && s < 1 ? 1 : 0
                }
                for j in 0..<accepted {
                    let u = pairs[2 * j]
                    let s = pairs[2 * j + 1]
                    values[filled + j] = standardDeviation * (u * (-2 * log(s) / s).squareRoot())
                }
                filled += accepted
            }
        }
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
