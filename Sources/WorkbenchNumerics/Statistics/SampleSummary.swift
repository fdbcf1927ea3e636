#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Mean, unbiased variance and order statistics of a sample.
public struct SampleSummary: Sendable, Equatable {
    /// Number of values.
    public let count: Int
    /// Arithmetic mean (`nan` for an empty sample).
    public let mean: Double
    /// Unbiased variance `Σ(x − x̄)²/(N − 1)` by Welford's update (`nan` when `N < 2`).
    public let variance: Double
    /// Median (linear interpolation between the two middle values for even `N`).
    public let median: Double
    /// Smallest value.
    public let minimum: Double
    /// Largest value.
    public let maximum: Double

    /// Summarises `values`.
    public init(_ values: [Double]) {
        count = values.count
        var m = 0.0
        var s = 0.0
        for (k, value) in values.enumerated() {
            let delta = value - m
            m += delta / Double(k + 1)
            s += delta * (value - m)
        }
        mean = count > 0 ? m : .nan
        variance = count > 1 ? s / Double(count - 1) : .nan
        let sorted = values.sorted()
        median = Self.quantile(sorted: sorted, 0.5)
        minimum = sorted.first ?? .nan
        maximum = sorted.last ?? .nan
    }

    /// Sample standard deviation `√variance`.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Standard error of the mean `sd/√N`.
    public var standardError: Double { standardDeviation / Double(count).squareRoot() }

    /// The `p`-quantile of an ascending sample by linear interpolation (numpy's default rule):
    /// with `h = p·(N−1)` and `k = ⌊h⌋`, `Q(p) = x_(k) + (h − k)·(x_(k+1) − x_(k))` (zero-based
    /// order statistics). `nan` for an empty sample.
    ///
    /// - Precondition: `0 ≤ p ≤ 1`.
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        precondition((0...1).contains(p), "quantile: p = \(p) is outside [0, 1]")
        guard !sorted.isEmpty else { return .nan }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
}
